"""Production benchmark: the storefront against the floor of this stack.

Starts gunicorn with the production settings on 127.0.0.1 (PostgreSQL, Redis, the
10,000-course catalog of `bench.pages`), then measures with wrk, bounded in time:
home, catalog, course page, search and `/api/health/web`, once with the anonymous page
cache on and once with it off, next to a static file served by the same server (the
floor for this stack). Prints req/s, p50/p99, errors, ratios to the static file, and
each worker's resident memory after the runs. Nothing is asserted about time.

The uncached pass (PAGE_CACHE_SECONDS=0) starts from an empty cache: the bench's
own Redis db (BENCH_REDIS_URL, db 1) is flushed after the cached pass. It has three
course rows, because the course page caches fragments of its render (keyed by the
page's publish state), so one URL requested over and over measures warm fragments:

- "course": anonymous, the same URL (/en/courses/meditation-for-beginners/) every
  time; after the first request its fragments are warm.
- "course, signed in": the same URL with the session cookie of a signed-in learner
  (not staff, enrolled in nothing), created in the benchmark database before the
  run; what a learner browsing the catalog sees (never page-cached).
- "course, 2,000 courses": anonymous, wrk cycling through 2,000 different generated
  courses (BENCH_COURSE_URLS), each thread through its own share; in one run few
  URLs come round twice, so most requests are first renders with cold fragments.

"CPU ms/req" is the CPU one request cost the server side (gunicorn workers,
PostgreSQL and Redis, not wrk), read from /proc around each run. It is the work
per request, steadier than p99 when this shared machine's speed varies, and the
figure to size servers with: cores x 1000 / it is the most req/s they can serve.

Each measured run follows a warm-up of BENCH_WARMUP seconds (2) on the same URL
at the same concurrency, not counted, so p99 is the steady state rather than five
workers loading templates and opening connections. The 2,000-course rotation runs
after the other rows (workers warm, those courses' fragments cold).

Then one pass per speed-up switched off (speedups/apps.py), and one with all of
them off, each measuring the static file and the anonymous and signed-in course
page with the page cache off, each ratio against the static file of its own pass:
what each speed-up is worth, and the baseline a Wagtail upgrade is tested on.

`python -m bench.production` (part of `make bench`). Environment: BENCH_DURATION
seconds per run (8), BENCH_CONNECTIONS (16), BENCH_PAGES_COURSES (10000),
BENCH_COURSE_URLS (2000), BENCH_WARMUP (2), BENCH_SPEEDUP_PASSES (1; 0 skips the
passes with speed-ups off).
"""

import json
import os
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

from bench import harness, pages
from bench.harness import manage as run_manage
from bench.harness import (
    print_table,
    production_server,
    worker_rss_mb,
    workers_for,
    wrk,
)

DURATION = int(os.environ.get("BENCH_DURATION", "8"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))
WARMUP = int(os.environ.get("BENCH_WARMUP", "2"))
THREADS = 2  # wrk threads, the harness default
COURSE_URLS = int(os.environ.get("BENCH_COURSE_URLS", "2000"))
LEARNER_EMAIL = "bench-learner@example.com"
SIGNED_IN = "course, signed in"
MANY_COURSES = f"course, {COURSE_URLS:,} courses"
ENV = {"DATABASE_URL": pages.LARGE_DB, "MEDIA_ROOT": pages.MEDIA}
SPEEDUP_PASSES = os.environ.get("BENCH_SPEEDUP_PASSES", "1") != "0"
# Each pass: the settings that switch speed-ups off (the page cache is off in all).
SPEEDUPS_OFF = {
    "no fragment cache": {"RENDER_CACHE_SECONDS": "0"},
    "no router": {"SPEEDUPS_ROUTER": "false"},
    "no memos": {"SPEEDUPS_LOCALE_MEMO": "false", "SPEEDUPS_SITE_MEMO": "false"},
    "no prepared statements": {"DB_PREPARED_STATEMENTS": "false"},
}
SPEEDUPS_OFF["all speed-ups off"] = {
    key: value for switches in SPEEDUPS_OFF.values() for key, value in switches.items()
}
TARGETS = {
    "home": "/en/",
    "catalog": "/en/courses/",
    "course": "/en/courses/meditation-for-beginners/",
    "search": "/en/search/?q=meditation",
    "health": "/api/health/web",
}


def static_file_url():
    """The hashed URL of the site stylesheet, from collectstatic's manifest."""
    run_manage("collectstatic", "--noinput", "-v0", **ENV)
    manifest_path = pages.harness.ROOT / "staticfiles" / "staticfiles.json"
    manifest = json.loads(manifest_path.read_text())
    return "/static/" + manifest["paths"]["css/site.css"]


def warm_up(url, **options):
    """A short run at the same concurrency, not counted: every worker has loaded
    the page's templates and opened its connections before the measured run
    (otherwise the first request of each of the five workers lands in p99)."""
    with urllib.request.urlopen(url, timeout=10) as first:  # noqa: S310
        first.read()
    wrk(url, connections=CONNECTIONS, duration=WARMUP, **options)


def measure(base, label, paths, server_pid):
    rows = []
    for name, path in paths.items():
        warm_up(base + path)
        result = wrk(
            base + path,
            connections=CONNECTIONS,
            duration=DURATION,
            server_pid=server_pid,
        )
        rows.append({"page": name, "mode": label, **result})
    return rows


def flush_bench_cache():
    """Empty the bench's own Redis db, nothing else: the uncached pass starts cold."""
    import redis

    url = harness.BENCH_ENV["REDIS_URL"]
    if not url.startswith("redis://127.0.0.1"):
        raise ValueError("benchmarks only flush a Redis on 127.0.0.1")
    with redis.Redis.from_url(url) as client:
        client.flushdb()


def prepare_course_rows():
    """The learner's session and the generated course paths, from a child process.

    The child runs with the benchmark's production environment, so the session is
    stored where the server reads it (database and Redis, `cached_db`).
    """
    output = subprocess.run(  # noqa: S603
        [harness.PYTHON, "-m", "bench.production", "--prepare-course-rows"],
        cwd=harness.ROOT,
        env=harness.environment(**ENV),
        capture_output=True,
        text=True,
    )
    if output.returncode:
        sys.exit(
            f"bench: preparing the learner and course URLs failed:\n{output.stderr}"
        )
    return json.loads(output.stdout.strip().splitlines()[-1])


def _prepare_course_rows_here():
    import importlib

    import django

    django.setup()
    from allauth.account.models import EmailAddress
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

    from accounts.models import User
    from cms.models import CoursePage
    from demo.bulk import EN_PREFIX

    user = User.objects.filter(email=LEARNER_EMAIL).first()
    if user is None:
        # No usable password: nobody can sign in as this learner.
        user = User.objects.create_user(email=LEARNER_EMAIL, name="Bench Learner")
        EmailAddress.objects.create(
            user=user, email=LEARNER_EMAIL, verified=True, primary=True
        )
    if user.is_staff or user.is_superuser or not user.is_active:
        sys.exit(f"{LEARNER_EMAIL} is staff or inactive in the benchmark database")
    if user.enrollments.exists():
        sys.exit(f"{LEARNER_EMAIL} has enrollments in the benchmark database")
    store = importlib.import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = user._meta.pk.value_to_string(user)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()

    courses = (
        CoursePage.objects.live()
        .public()
        .filter(locale__language_code="en", slug__startswith=EN_PREFIX)
        .order_by("path")[:COURSE_URLS]
    )
    paths = [course.get_url() for course in courses]
    if len(paths) < COURSE_URLS or not all(paths):
        sys.exit(f"fewer than {COURSE_URLS:,} live generated English courses")
    print(
        json.dumps(
            {
                "cookie": f"{settings.SESSION_COOKIE_NAME}={store.session_key}",
                "paths": paths,
            }
        )
    )


def signed_in_cookie(base, path, session_cookie):
    """The Cookie header of the learner, checked: the page must show them signed in.

    The CSRF cookie the page sets (the sign-out form) is sent back too, as a
    browser would.
    """
    request = urllib.request.Request(base + path, headers={"Cookie": session_cookie})  # noqa: S310
    with urllib.request.urlopen(request, timeout=10) as reply:  # noqa: S310
        body = reply.read().decode()
        set_cookies = reply.headers.get_all("Set-Cookie") or []
    if "Sign out" not in body or "My account" not in body:
        sys.exit(
            f"bench: {path} with the learner's session cookie does not show them "
            "signed in (no 'Sign out' / 'My account'); not measuring the signed-in row."
        )
    cookies = [session_cookie]
    cookies += [c.split(";", 1)[0] for c in set_cookies if c.startswith("csrftoken=")]
    return "; ".join(cookies)


def check_course_paths(base, paths, count=3):
    """The first generated course URLs must answer 200 themselves (no redirect)."""
    for path in paths[:count]:
        try:
            with urllib.request.urlopen(base + path, timeout=10) as reply:  # noqa: S310
                reply.read()
                ok = reply.status == 200 and reply.url == base + path
        except OSError as error:
            ok, reply = False, error
        if not ok:
            sys.exit(f"bench: generated course {path} does not answer 200 ({reply})")


def rotation_script(paths, threads=THREADS):
    """A wrk Lua script cycling through the paths; thread n starts n/threads along."""
    listed = ",\n".join(f"  {json.dumps(path)}" for path in paths)
    return f"""local paths = {{
{listed}
}}
local started = 0

function setup(thread)
  thread:set("first", started * math.floor(#paths / {threads}))
  started = started + 1
end

function init(args)
  index = first
end

function request()
  local path = paths[(index % #paths) + 1]
  index = index + 1
  return wrk.format(nil, path)
end
"""


def measure_course_rows(base, label, extra, server_pid):
    """The signed-in learner's course page, then the generated courses in turn."""
    course = TARGETS["course"]
    cookie = signed_in_cookie(base, course, extra["cookie"])
    warm_up(base + course, threads=THREADS, headers=[f"Cookie: {cookie}"])
    result = wrk(
        base + course,
        connections=CONNECTIONS,
        duration=DURATION,
        threads=THREADS,
        headers=[f"Cookie: {cookie}"],
        server_pid=server_pid,
    )
    rows = [{"page": SIGNED_IN, "mode": label, **result}]
    check_course_paths(base, extra["paths"])
    with tempfile.TemporaryDirectory() as folder:
        script = Path(folder) / "courses.lua"
        script.write_text(rotation_script(extra["paths"]))
        result = wrk(
            base + extra["paths"][0],
            connections=CONNECTIONS,
            duration=DURATION,
            threads=THREADS,
            script=script,
            server_pid=server_pid,
        )
    rows.append({"page": MANY_COURSES, "mode": label, **result})
    return rows


def measure_speedups_off(static_path, extra):
    """The course page with each speed-up off, against that pass's static file."""
    rows = []
    for label, switches in SPEEDUPS_OFF.items():
        flush_bench_cache()
        settings = {**ENV, "PAGE_CACHE_SECONDS": "0", **switches}
        with production_server(**settings) as (base, server):
            paths = {"static file": static_path, "course": TARGETS["course"]}
            rows += measure(base, label, paths, server.pid)
            course = TARGETS["course"]
            cookie = signed_in_cookie(base, course, extra["cookie"])
            warm_up(base + course, threads=THREADS, headers=[f"Cookie: {cookie}"])
            result = wrk(
                base + course,
                connections=CONNECTIONS,
                duration=DURATION,
                threads=THREADS,
                headers=[f"Cookie: {cookie}"],
                server_pid=server.pid,
            )
            rows.append({"page": SIGNED_IN, "mode": label, **result})
    return rows


def main():
    print(f"Preparing {pages.COURSES:,} courses per language...")
    pages.prepare(pages.LARGE_DB, pages.COURSES)
    run_manage("index_courses", **ENV)  # the search index after the bulk load
    static_path = static_file_url()
    rows, memory = [], {}
    for label, seconds in (("cached", "300"), ("uncached", "0")):
        if label == "uncached":
            flush_bench_cache()  # fragments and page copies of the cached pass
            extra = prepare_course_rows()
        with production_server(**ENV, PAGE_CACHE_SECONDS=seconds) as (base, server):
            paths = dict(TARGETS)
            if label == "cached":
                paths = {"static file": static_path, **paths}
            rows += measure(base, label, paths, server.pid)
            if label == "uncached":
                rows += measure_course_rows(base, label, extra, server.pid)
            memory[label] = worker_rss_mb(server.pid)
    if SPEEDUP_PASSES:
        rows += measure_speedups_off(static_path, extra)
    floors = {r["mode"]: r["rps"] for r in rows if r["page"] == "static file"}
    floors["uncached"] = floors["cached"]  # one server run measured both
    floor = floors["cached"]
    table = [
        {
            "page": r["page"],
            "mode": r["mode"],
            "req/s": r["rps"],
            "p50 ms": r["p50_ms"],
            "p99 ms": r["p99_ms"],
            "errors": r["errors"],
            "vs static": (
                f"{floors[r['mode']] / r['rps']:.2f}x slower" if r["rps"] else "-"
            ),
            "CPU ms/req": r["cpu_ms"],
        }
        for r in rows
    ]
    print()
    print(
        f"wrk {CONNECTIONS} connections, {DURATION}s per run; gunicorn "
        f"{workers_for()} workers (2 x cores + 1), production settings, 127.0.0.1"
    )
    print_table(table, list(table[0]))
    print()
    for label, sizes in memory.items():
        listed = ", ".join(f"{size:.0f}" for size in sizes)
        print(f"worker RSS after the {label} runs (MB): {listed}")
    errors = sum(r["errors"] for r in rows)
    uncached = {r["page"]: r for r in rows if r["mode"] == "uncached"}
    # Search and health are never page-cached (search keeps a 60 s result cache).
    page_cached = {"home", "catalog", "course"}
    cached = [r for r in rows if r["mode"] == "cached" and r["page"] in page_cached]
    print()
    print(f"errors in all runs: {errors} (target 0)")
    print("uncached course page p99 (target < 100 ms):")
    many = uncached[MANY_COURSES]
    for name, meaning in (
        ("course", "anonymous, the same URL (warm fragments)"),
        (SIGNED_IN, "signed-in learner, the same URL"),
        (
            MANY_COURSES,
            f"{COURSE_URLS:,} different courses, mostly first renders "
            f"({many['requests']:,} requests)",
        ),
    ):
        row = uncached[name]
        print(
            f"  {row['p99_ms']:7.1f} ms  {meaning}; "
            f"{row['cpu_ms']:.2f} ms of server CPU per request"
        )
    for r in cached:
        print(
            f"cached {r['page']}: {floor / r['rps']:.2f}x the static file (target < 2x)"
        )
    biggest = max(size for sizes in memory.values() for size in sizes)
    print(f"largest worker: {biggest:.0f} MB (target < 200 MB)")


if __name__ == "__main__":
    if "--prepare-course-rows" in sys.argv:
        _prepare_course_rows_here()
    else:
        main()
