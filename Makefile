# Two commands for a newcomer: `make run` and `make test`. See README.md.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.13 || command -v python3)
UV_VERSION := 0.13.8
UV := .tools/bin/uv
VENV_PY := .venv/bin/python
PORT ?= 8000
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := .venv

.PHONY: install run serve test lint format bench bench-webhooks bench-events bench-pages bench-production bench-search bench-files bench-cluster clean messages lighthouse

$(UV):
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 13))' || { \
	  echo "Python 3.13 is required (found $$($(PYTHON) --version)); install it or set PYTHON=/path/to/python3.13." >&2; exit 1; }
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

install: $(UV)  ## virtualenv with the locked dependencies, compiled translations
	$(UV) sync --frozen --python $(PYTHON) --quiet
	.venv/bin/pybabel compile --domain django --directory locale --statistics

run: export SITE_URL ?= http://127.0.0.1:$(PORT)
run: install  ## migrate, load demo content, print the admin login, serve on 127.0.0.1:$(PORT)
	@mkdir -p var
	$(VENV_PY) manage.py migrate --noinput
	$(VENV_PY) manage.py seed_demo
	$(VENV_PY) manage.py seed_shop
	$(VENV_PY) manage.py seed_downloads
	$(VENV_PY) manage.py ensure_admin
	@echo "Background work: a task worker (manage.py db_worker) and the scheduler (manage.py run_scheduler) run beside the server; logs in var/worker.log and var/scheduler.log."
	@bash scripts/dev-background.sh & background=$$!; \
	  trap 'kill $$background 2>/dev/null' EXIT INT TERM; \
	  $(VENV_PY) manage.py runserver 127.0.0.1:$(PORT)

serve: install  ## production: web (gunicorn), task worker and scheduler, supervised (needs the production environment, see docs/operations.md)
	DJANGO_SETTINGS_MODULE=mystic.settings.production $(VENV_PY) manage.py migrate --noinput
	DJANGO_SETTINGS_MODULE=mystic.settings.production $(VENV_PY) manage.py collectstatic --noinput -v0
	DJANGO_SETTINGS_MODULE=mystic.settings.production bash scripts/serve.sh

test: install  ## the whole suite against real PostgreSQL and Redis
	@bash scripts/ensure-services.sh
	@bash scripts/ensure-chromium.sh
	@test -d tools/lighthouse/node_modules/axe-core || (cd tools/lighthouse && npm ci --silent --no-audit --no-fund)
	$(VENV_PY) manage.py collectstatic --noinput --verbosity 0 --settings mystic.settings.test
	$(VENV_PY) -m pytest $(PYTEST_ARGS)

lint: install
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .

format: install
	.venv/bin/ruff check --fix .
	.venv/bin/ruff format .

messages: install  ## refresh the gettext catalogs after changing UI strings
	$(VENV_PY) manage.py makemessages --locale es --ignore '.venv/*' --ignore '.tools/*' --ignore 'staticfiles/*' --no-obsolete

bench: bench-webhooks bench-events bench-pages bench-production bench-search
bench-webhooks: install  ## fulfilled webhook events/s, p99 latency, enrollments from 20 duplicate deliveries
	$(VENV_PY) -m bench.webhooks
bench-events: install  ## 100+100 concurrent event checkouts for 5 seats: confirmed seats, refused, refunds, p99 of the booking step
	$(VENV_PY) -m bench.events
bench-production: install  ## cached/uncached pages vs a static file, p50/p99, errors, worker memory
	$(VENV_PY) -m bench.production
bench-pages: install  ## home, catalog, course page: req/s, p50/p99, SQL queries with 12 vs 10,000 courses
	$(VENV_PY) -m bench.pages
bench-search: install  ## search page and autocomplete p50/p95 vs the same SQL, 10,000 courses per language
	$(VENV_PY) -m bench.search

bench-cluster: install  ## 2 app servers + worker behind HAProxy under the original load profile (BENCH_CLUSTER_SCALE, 0.2), a rolling deploy and a kill
	$(VENV_PY) -m bench.cluster

bench-files: install  ## 200 MB upload and download through the private store (S3 on moto, local disk): worker peak RSS
	$(VENV_PY) -m bench.files

lighthouse: install  ## mobile Lighthouse scores (perf, a11y, best practices, SEO) of the storefront, EN and ES
	@test -d tools/lighthouse/node_modules/lighthouse || (cd tools/lighthouse && npm ci --silent --no-audit --no-fund)
	CHROME_PATH=$${CHROME_PATH:-/usr/bin/chromium} $(VENV_PY) -m bench.lighthouse

clean:
	rm -rf .venv .tools var staticfiles
