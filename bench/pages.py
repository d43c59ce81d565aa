"""Storefront benchmark: home, catalog and course page with 10,000 courses loaded.

Prints requests per second and p50/p99 latency (wrk against gunicorn with the
production settings on 127.0.0.1, bounded in time and connections), once with
every page rendered (PAGE_CACHE_SECONDS=0) and once with the anonymous page cache
of the production settings, and the number
of SQL queries each page makes with the 12-course demo catalog and with 10,000
courses per language. The query counts must not grow with the catalog; the
figures are printed, nothing is asserted about time.

`python -m bench.pages` (or `make bench-pages`). Environment:
BENCH_PAGES_COURSES (10000), BENCH_DURATION seconds per page (10),
BENCH_CONNECTIONS (16), BENCH_PAGES_DATABASE_URL / BENCH_PAGES_SMALL_DATABASE_URL.
"""

import json
import os
import subprocess
import sys
import time

PG = "postgres://postgres@127.0.0.1:5432"
LARGE_DB = os.environ.get("BENCH_PAGES_DATABASE_URL", f"{PG}/mystic_bench_pages")
SMALL_DB = os.environ.get(
    "BENCH_PAGES_SMALL_DATABASE_URL", f"{PG}/mystic_bench_pages_small"
)
os.environ.setdefault("BENCH_DATABASE_URL", LARGE_DB)
os.environ.setdefault("BENCH_REDIS_URL", "redis://127.0.0.1:6379/1")

from bench import harness  # noqa: E402

COURSES = int(os.environ.get("BENCH_PAGES_COURSES", "10000"))
DURATION = int(os.environ.get("BENCH_DURATION", "10"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))
MEDIA = str(harness.ROOT / "var" / "bench-media")

PAGES = {
    "home": "/en/",
    "catalog": "/en/courses/",
    "catalog, Spanish, by title": "/es/cursos/?sort=title",
    "course": "/en/courses/meditation-for-beginners/",
    "lesson (free preview)": "/en/courses/meditation-for-beginners/01-why-meditate/",
}


def _create_database(url):
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as db:
        if not db.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone():
            db.execute(f'CREATE DATABASE "{name}"')


def prepare(database_url, courses):
    """Migrate and seed a benchmark database (idempotent, so reruns are quick)."""
    _create_database(database_url)
    env = {"DATABASE_URL": database_url, "MEDIA_ROOT": MEDIA}
    harness.manage("migrate", "--noinput", "-v0", **env)
    started = time.monotonic()
    args = ["seed_demo"] + (["--courses", str(courses)] if courses else [])
    harness.manage(*args, **env)
    return time.monotonic() - started


def count_queries(database_url):
    """SQL queries per page (after one warm-up request), in a child process.

    The anonymous page cache is off here: a cache hit makes no query at all, and
    what must not grow with the catalog is the cost of rendering.
    """
    env = harness.environment(
        DATABASE_URL=database_url, MEDIA_ROOT=MEDIA, PAGE_CACHE_SECONDS="0"
    )
    output = subprocess.run(  # noqa: S603
        [harness.PYTHON, "-m", "bench.pages", "--count-queries"],
        cwd=harness.ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def _count_queries_here():
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from cms.models import CoursePage

    client = Client(HTTP_HOST="127.0.0.1")
    counts = {
        "courses per language": CoursePage.objects.filter(
            locale__language_code="en", live=True
        ).count()
    }
    for name, url in PAGES.items():
        client.get(url)  # warm-up: site root paths, renditions
        with CaptureQueriesContext(connection) as queries:
            status = client.get(url).status_code
        counts[name] = len(queries) if status == 200 else f"HTTP {status}"
    print(json.dumps(counts))


def main():
    print("Collecting static files for the production settings...")
    harness.manage("collectstatic", "--noinput", "-v0")
    print(f"Preparing the 12-course demo catalog ({SMALL_DB.rsplit('/', 1)[1]})...")
    prepare(SMALL_DB, 0)
    print(
        f"Preparing {COURSES:,} courses per language ({LARGE_DB.rsplit('/', 1)[1]})..."
    )
    seconds = prepare(LARGE_DB, COURSES)
    print(f"  seed_demo --courses {COURSES}: {seconds:.1f}s (fast when already there)")

    small, large = count_queries(SMALL_DB), count_queries(LARGE_DB)
    modes = [
        ("rendered every time (PAGE_CACHE_SECONDS=0)", {"PAGE_CACHE_SECONDS": "0"}),
        ("anonymous page cache on (production default)", {}),
    ]
    for title, extra in modes:
        rows = []
        with harness.production_server(
            DATABASE_URL=LARGE_DB, MEDIA_ROOT=MEDIA, **extra
        ) as (base, _process):
            for name, url in PAGES.items():
                result = harness.wrk(
                    base + url, connections=CONNECTIONS, duration=DURATION
                )
                rows.append(
                    {
                        "page": name,
                        "req/s": result["rps"],
                        "p50 ms": result["p50_ms"],
                        "p99 ms": result["p99_ms"],
                        "errors": result["errors"],
                        f"SQL @{small['courses per language']}": small[name],
                        f"SQL @{large['courses per language']}": large[name],
                    }
                )
        print()
        print(
            f"{title}: wrk {CONNECTIONS} connections, {DURATION}s per page, "
            f"gunicorn {harness.workers_for()} workers, production settings, 127.0.0.1"
        )
        harness.print_table(rows, list(rows[0]))
    same = all(small[name] == large[name] for name in PAGES)
    print()
    print(
        "SQL queries per page do not grow with the catalog."
        if same
        else "WARNING: some page makes more queries with the large catalog."
    )


if __name__ == "__main__":
    if "--count-queries" in sys.argv:
        _count_queries_here()
    else:
        main()
