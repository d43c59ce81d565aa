"""Production benchmark: the storefront against the floor of this stack.

Starts gunicorn with the production settings on 127.0.0.1 (PostgreSQL, Redis, the
10,000-course catalog of `bench.pages`), then measures with wrk, bounded in time:
home, catalog, course page, search and `/api/health`, once with the anonymous page
cache on and once with it off, next to a static file served by the same server (the
floor for this stack). Prints req/s, p50/p99, errors, ratios to the static file, and
each worker's resident memory after the runs. Nothing is asserted about time.

`python -m bench.production` (part of `make bench`). Environment: BENCH_DURATION
seconds per run (8), BENCH_CONNECTIONS (16), BENCH_PAGES_COURSES (10000).
"""

import json
import os
import urllib.request

from bench import pages
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
ENV = {"DATABASE_URL": pages.LARGE_DB, "MEDIA_ROOT": pages.MEDIA}
TARGETS = {
    "home": "/en/",
    "catalog": "/en/courses/",
    "course": "/en/courses/meditation-for-beginners/",
    "search": "/en/search/?q=meditation",
    "health": "/api/health",
}


def static_file_url():
    """The hashed URL of the site stylesheet, from collectstatic's manifest."""
    run_manage("collectstatic", "--noinput", "-v0", **ENV)
    manifest_path = pages.harness.ROOT / "staticfiles" / "staticfiles.json"
    manifest = json.loads(manifest_path.read_text())
    return "/static/" + manifest["paths"]["css/site.css"]


def measure(base, label, paths):
    rows = []
    for name, path in paths.items():
        with urllib.request.urlopen(base + path, timeout=10) as warm:  # noqa: S310
            warm.read()
        result = wrk(base + path, connections=CONNECTIONS, duration=DURATION)
        rows.append({"page": name, "mode": label, **result})
    return rows


def main():
    print(f"Preparing {pages.COURSES:,} courses per language...")
    pages.prepare(pages.LARGE_DB, pages.COURSES)
    run_manage("index_courses", **ENV)  # the search index after the bulk load
    static_path = static_file_url()
    rows, memory = [], {}
    for label, seconds in (("cached", "300"), ("uncached", "0")):
        with production_server(**ENV, PAGE_CACHE_SECONDS=seconds) as (base, server):
            paths = dict(TARGETS)
            if label == "cached":
                paths = {"static file": static_path, **paths}
            rows += measure(base, label, paths)
            memory[label] = worker_rss_mb(server.pid)
    floor = next(r["rps"] for r in rows if r["page"] == "static file")
    table = [
        {
            "page": r["page"],
            "mode": r["mode"],
            "req/s": r["rps"],
            "p50 ms": r["p50_ms"],
            "p99 ms": r["p99_ms"],
            "errors": r["errors"],
            "vs static": f"{floor / r['rps']:.2f}x slower" if r["rps"] else "-",
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
    course = next(r for r in rows if r["page"] == "course" and r["mode"] == "uncached")
    # Search and health are never page-cached (search keeps a 60 s result cache).
    page_cached = {"home", "catalog", "course"}
    cached = [r for r in rows if r["mode"] == "cached" and r["page"] in page_cached]
    print()
    print(f"errors in all runs: {errors} (target 0)")
    print(f"uncached course page p99: {course['p99_ms']:.1f} ms (target < 100 ms)")
    for r in cached:
        print(
            f"cached {r['page']}: {floor / r['rps']:.2f}x the static file (target < 2x)"
        )
    biggest = max(size for sizes in memory.values() for size in sizes)
    print(f"largest worker: {biggest:.0f} MB (target < 200 MB)")


if __name__ == "__main__":
    main()
