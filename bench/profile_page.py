"""Where one page's render time goes: wall time, SQL queries and a cProfile top list.

Renders a storefront path in-process with the production settings of the
benchmarks (the anonymous page cache off, so every request renders), against the
10,000-course database of `bench.pages` (run `make bench-pages` or
`make bench-production` once to build it). Prints the median of N renders, the SQL
queries of one render (with their time) and the functions where the time went.

`python -m bench.profile_page /en/courses/meditation-for-beginners/ [-n 50]
[--top 25] [--sql] [--signed-in] [--cold] [--sort tottime]`. Nothing here is
asserted; it is a tool for finding hot spots.
"""

import argparse
import cProfile
import os
import pstats
import statistics
import time

from bench import pages

SQL_WIDTH = int(os.environ.get("PROFILE_SQL_WIDTH", "220"))


def _setup():
    env = pages.harness.environment(
        DATABASE_URL=pages.LARGE_DB, MEDIA_ROOT=pages.MEDIA, PAGE_CACHE_SECONDS="0"
    )
    os.environ.update(env)
    import django

    django.setup()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path")
    parser.add_argument("-n", type=int, default=50, help="renders to time")
    parser.add_argument("--top", type=int, default=25, help="functions to list")
    parser.add_argument("--sql", action="store_true", help="print every query")
    parser.add_argument(
        "--sort", default="cumulative", help="pstats order: cumulative, tottime…"
    )
    parser.add_argument(
        "--cold",
        action="store_true",
        help="forget every cached fragment before each render (first renders)",
    )
    parser.add_argument(
        "--signed-in",
        action="store_true",
        help="as a signed-in learner (not enrolled), like bench.production's row",
    )
    args = parser.parse_args()
    _setup()

    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    if args.signed_in:
        from django.contrib.auth import get_user_model

        learner, _created = get_user_model().objects.get_or_create(
            email="profile-learner@example.com", defaults={"name": "Profile Learner"}
        )
        client.force_login(learner)

    from speedups.page_cache import purge_everything

    def get():
        if args.cold:
            purge_everything()
        response = client.get(args.path)
        if response.status_code != 200:
            raise SystemExit(f"{args.path} answered {response.status_code}")
        return response

    get()  # warm: imports, template loading, site root paths
    timings = []
    for _ in range(args.n):
        started = time.perf_counter()
        get()
        timings.append((time.perf_counter() - started) * 1000)
    with CaptureQueriesContext(connection) as queries:
        get()
    sql_ms = sum(float(q["time"]) for q in queries.captured_queries) * 1000
    print(
        f"{args.path}: median {statistics.median(timings):.1f} ms, "
        f"min {min(timings):.1f} ms over {args.n} renders; "
        f"{len(queries)} queries ({sql_ms:.1f} ms in the database client)"
    )
    if args.sql:
        for query in queries.captured_queries:
            took = float(query["time"]) * 1000
            print(f"  {took:5.1f} ms  {query['sql'][:SQL_WIDTH]}")
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(10):
        get()
    profiler.disable()
    stats = pstats.Stats(profiler)
    stats.sort_stats(args.sort).print_stats(args.top)


if __name__ == "__main__":
    main()
