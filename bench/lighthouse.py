"""`make lighthouse`: mobile Lighthouse scores of the storefront, both languages.

Starts the production configuration (gunicorn, production settings, PostgreSQL and
Redis) on 127.0.0.1 with the demo catalog, then runs the pinned Lighthouse from
tools/lighthouse against Debian's Chromium (no browser is ever downloaded) on
home, catalog, a course, a free-preview lesson and search, in English and
Spanish, and prints the four category scores per page.

Served over plain HTTP on 127.0.0.1, so "best practices" may hold HTTPS against us:
that is expected for a local run (production sits behind TLS with HSTS).

Like production's web server, a small front on 127.0.0.1 serves /media/ from
MEDIA_ROOT with far-future caching and gzips text responses; everything else goes
to gunicorn unchanged.
"""

import contextlib
import gzip
import http.client
import json
import mimetypes
import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from bench import harness

TOOLS = harness.ROOT / "tools" / "lighthouse"
LIGHTHOUSE = TOOLS / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
DATABASE_URL = os.environ.get(
    "LIGHTHOUSE_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/mystic_lighthouse"
)
REDIS_URL = os.environ.get("LIGHTHOUSE_REDIS_URL", "redis://127.0.0.1:6379/10")
SEARCH_TERMS = {"en": "meditation", "es": "meditacion"}

# Printed by `manage.py shell`: the real paths of the pages, from the database.
FIND_PATHS = """
import json
from cms.models import CourseIndexPage, CoursePage, LessonPage
paths = {}
for lang in ("en", "es"):
    live = {"locale__language_code": lang, "live": True}
    course = CoursePage.objects.filter(**live).order_by("path").first()
    lesson = (
        LessonPage.objects.descendant_of(course)
        .filter(live=True, is_free_preview=True).first()
    )
    paths[lang] = {
        "home": f"/{lang}/",
        "catalog": CourseIndexPage.objects.filter(**live).first().url,
        "course": course.url,
        "lesson": lesson.url if lesson else None,
    }
print("PATHS=" + json.dumps(paths))
"""


HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "content-length"}


def front_handler(upstream, media_root):
    """Request handler: /media/ from disk, the rest proxied to `upstream`."""
    upstream = urlsplit(upstream)

    class Front(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def do_GET(self):
            if self.path.startswith("/media/"):
                return self.media()
            connection = http.client.HTTPConnection(upstream.hostname, upstream.port)
            headers = {
                k: v for k, v in self.headers.items() if k.lower() != "accept-encoding"
            }
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else None
            connection.request(self.command, self.path, body=body, headers=headers)
            reply = connection.getresponse()
            payload = reply.read()
            extra = {}
            text = reply.getheader("Content-Type", "").startswith("text/")
            if text and "gzip" in self.headers.get("Accept-Encoding", ""):
                payload = gzip.compress(payload, 6)
                extra = {"Content-Encoding": "gzip", "Vary": "Accept-Encoding"}
            self.send_response(reply.status)
            for name, value in reply.getheaders():
                if name.lower() not in HOP_BY_HOP and name not in extra:
                    self.send_header(name, value)
            for name, value in extra.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)
            connection.close()

        do_POST = do_HEAD = do_GET

        def media(self):
            relative = urlsplit(self.path).path.removeprefix("/media/")
            target = (media_root / relative).resolve()
            if not target.is_relative_to(media_root) or not target.is_file():
                self.send_error(404)
                return
            payload = target.read_bytes()
            self.send_response(200)
            content_type = mimetypes.guess_type(target.name)[0]
            self.send_header("Content-Type", content_type or "application/octet-stream")
            self.send_header("Cache-Control", "public, max-age=31536000, immutable")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

    return Front


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        """Chromium drops idle keep-alive connections; that is not an error."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def front(upstream):
    media_root = Path(os.environ.get("MEDIA_ROOT", harness.ROOT / "media")).resolve()
    server = QuietServer(
        ("127.0.0.1", harness.free_port()), front_handler(upstream, media_root)
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


def ensure_lighthouse():
    if not LIGHTHOUSE.exists():
        print("Installing the pinned Lighthouse (tools/lighthouse)...")
        subprocess.run(["npm", "ci", "--silent"], cwd=TOOLS, check=True)  # noqa: S607


def prepare_database():
    """Migrate, seed the demo catalog and collect static files (idempotent)."""
    harness.ensure_database()
    harness.manage("migrate", "--noinput", "--verbosity", "0")
    harness.manage("seed_demo", "--verbosity", "0")
    harness.manage("seed_shop", "--verbosity", "0")
    harness.manage("collectstatic", "--noinput", "--verbosity", "0")


def page_paths():
    output = subprocess.run(  # noqa: S603
        [harness.PYTHON, "manage.py", "shell", "-c", FIND_PATHS],
        cwd=harness.ROOT,
        env=harness.environment(),
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    paths = json.loads(output.split("PATHS=", 1)[1])
    pages = []
    for lang, found in paths.items():
        search = "/en/search/" if lang == "en" else "/es/buscar/"
        found["search"] = f"{search}?q={SEARCH_TERMS[lang]}"
        pages += [(f"{name} ({lang})", path) for name, path in found.items() if path]
    return pages


def audit(url):
    """Lighthouse's four category scores (0-100) and the failing audits."""
    completed = subprocess.run(  # noqa: S603
        [
            "node",
            str(LIGHTHOUSE),
            url,
            "--output=json",
            "--output-path=stdout",
            "--quiet",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={CHROME_FLAGS}",
        ],
        env={**os.environ, "CHROME_PATH": CHROME},
        capture_output=True,
        text=True,
        timeout=180,
    )
    if completed.returncode != 0:
        return None, completed.stderr.strip().splitlines()[-3:]
    report = json.loads(completed.stdout)
    scores = {
        key: round((report["categories"][key]["score"] or 0) * 100)
        for key in CATEGORIES
    }
    failing = []
    for key in CATEGORIES:
        for ref in report["categories"][key]["auditRefs"]:
            result = report["audits"][ref["id"]]
            if ref["weight"] and result["score"] is not None and result["score"] < 1:
                failing.append(f"{key}: {ref['id']} ({result['score']:.2f})")
    return scores, failing


def main():
    harness.BENCH_ENV.update(DATABASE_URL=DATABASE_URL, REDIS_URL=REDIS_URL)
    ensure_lighthouse()
    if not Path(CHROME).exists():
        sys.exit(f"lighthouse: Chromium not found at {CHROME} (set CHROME_PATH).")
    prepare_database()
    wanted = sys.argv[1:]  # e.g. `python -m bench.lighthouse lesson search`
    pages = [
        (name, path)
        for name, path in page_paths()
        if not wanted or any(word in name for word in wanted)
    ]
    rows, problems = [], {}
    with (
        harness.production_server(workers=2) as (upstream, _process),
        front(upstream) as base,
    ):
        for name, path in pages:
            print(f"Lighthouse: {name} {path}", flush=True)
            for _attempt in range(3):  # Chromium on a busy machine can time out
                scores, failing = audit(base + path)
                if scores:
                    break
                print("  Lighthouse failed, retrying: " + " / ".join(failing))
            rows.append({"page": name, "path": path, **(scores or {})})
            if failing:
                problems[name] = failing
    print()
    harness.print_table(rows, ["page", "path", *CATEGORIES])
    if problems:
        print("\nAudits below 1 (weighted), or why Lighthouse failed:")
        for name, failing in problems.items():
            print(f"  {name}: " + "; ".join(failing))
    print(
        "\nServed over HTTP on 127.0.0.1: a best-practices note about HTTPS is "
        "expected locally (production runs behind TLS with HSTS)."
    )


if __name__ == "__main__":
    main()
