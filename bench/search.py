"""Search benchmark: the search page and autocomplete on a 10,000-course catalog.

Seeds the bilingual catalog (`seed_demo --courses 10000`, i.e. 10,000 courses
per language) and indexes it (`index_courses`), starts gunicorn with the
production settings on 127.0.0.1, then asks 50 fixed queries (English and
Spanish, some misspelt) one at a time, REPEAT times each, over a kept-alive
connection. It prints p50/p95 latency of the search page and of autocomplete
next to the same queries run as SQL against the index (search.postgres), with
the ratio, and the plan of one query. Each endpoint is measured uncached (the
result cache emptied before every round) and cached (repeat visitors). Figures
only: nothing is asserted.

`python -m bench.search` (or `make bench-search`). Environment:
BENCH_SEARCH_DATABASE_URL (postgres://…/mystic_bench_search),
BENCH_SEARCH_COURSES (10000), BENCH_SEARCH_REPEAT (10), BENCH_SEARCH_PREPARE=0 to
reuse an already seeded and indexed database.
"""

import http.client
import itertools
import os
import time
from urllib.parse import urlencode, urlsplit

PG = "postgres://postgres@127.0.0.1:5432"
DATABASE = os.environ.get("BENCH_SEARCH_DATABASE_URL", f"{PG}/mystic_bench_search")
os.environ.setdefault("BENCH_DATABASE_URL", DATABASE)
os.environ.setdefault("BENCH_REDIS_URL", "redis://127.0.0.1:6379/8")

from bench import harness  # noqa: E402

COURSES = int(os.environ.get("BENCH_SEARCH_COURSES", "10000"))
REPEAT = int(os.environ.get("BENCH_SEARCH_REPEAT", "10"))
PATHS = {"en": "/en/search/", "es": "/es/buscar/"}

# 50 queries: 25 per language; the last five of each are misspelt.
QUERIES = [
    ("en", "meditation"),
    ("en", "yoga"),
    ("en", "mindfulness"),
    ("en", "breathwork"),
    ("en", "meditation beginners"),
    ("en", "yoga for athletes"),
    ("en", "busy people"),
    ("en", "teachers"),
    ("en", "families"),
    ("en", "night owls"),
    ("en", "older adults"),
    ("en", "advanced yoga"),
    ("en", "intermediate mindfulness"),
    ("en", "loving kindness"),
    ("en", "stress reduction"),
    ("en", "mindful eating"),
    ("en", "freediver"),
    ("en", "vinyasa flow"),
    ("en", "meditation -yoga"),
    ("en", "yoga or breathwork"),
    ("en", "meditaton"),
    ("en", "mindfulnes"),
    ("en", "breathwrok"),
    ("en", "yogga for begginers"),
    ("en", "stres reducton"),
    ("es", "meditación"),
    ("es", "meditacion"),
    ("es", "meditaciones"),
    ("es", "yoga"),
    ("es", "atención plena"),
    ("es", "atencion plena"),
    ("es", "respiración consciente"),
    ("es", "principiantes"),
    ("es", "personas ocupadas"),
    ("es", "profesores"),
    ("es", "familias"),
    ("es", "deportistas"),
    ("es", "personas mayores"),
    ("es", "noctámbulos"),
    ("es", "noctambulos"),
    ("es", "nivel avanzado"),
    ("es", "amor bondadoso"),
    ("es", "estrés"),
    ("es", "yoga para familias"),
    ("es", "cuidar la espalda"),
    ("es", "meditasion"),
    ("es", "respirasion"),
    ("es", "atencion plea"),
    ("es", "yga para estudiantes"),
    ("es", "principiantez"),
]
assert len(QUERIES) == 50  # noqa: S101 - the fixed list the figures refer to


def typed(text):
    """What someone has typed when autocomplete answers: two thirds of it."""
    return text[: max(2, len(text) * 2 // 3)]


def prepare():
    harness.ensure_database()
    harness.manage("migrate", "--noinput", "-v0")
    harness.manage("seed_demo", "--courses", str(COURSES))
    harness.manage("index_courses")


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def summary(samples):
    return percentile(samples, 0.5), percentile(samples, 0.95)


def timed_http(base, requests):
    """Latency in ms of each (path, headers) request, one connection, in order."""
    parts = urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    samples, statuses = [], {}
    for path, headers in requests:
        started = time.perf_counter()
        connection.request("GET", path, headers=headers)
        reply = connection.getresponse()
        reply.read()
        samples.append((time.perf_counter() - started) * 1000)
        statuses[reply.status] = statuses.get(reply.status, 0) + 1
    connection.close()
    return samples, statuses


def http_runs(base, forget):
    """{(endpoint, cached?): (samples, statuses)}; `forget()` empties the cache."""
    # Each autocomplete request comes from its own address (behind one trusted
    # proxy), so the 30-a-minute limit per IP never answers for the backend.
    addresses = (f"10.{a}.{b}.1" for a, b in itertools.product(range(256), repeat=2))
    page = [(f"{PATHS[lang]}?{urlencode({'q': text})}", {}) for lang, text in QUERIES]

    def suggest():
        return [
            (
                "/api/search/autocomplete?"
                + urlencode({"q": typed(text), "lang": lang}),
                {"X-Forwarded-For": next(addresses)},
            )
            for lang, text in QUERIES
        ]

    timed_http(base, page)  # warm-up: worker imports, connections
    timed_http(base, suggest())
    results = {}
    for name, requests in (("search page", lambda: page), ("autocomplete", suggest)):
        for cached in (False, True):
            samples, statuses = [], {}
            forget()
            if cached:
                timed_http(base, requests())
            for _round in range(REPEAT):
                if not cached:
                    forget()
                round_samples, round_statuses = timed_http(base, requests())
                samples += round_samples
                for status, count in round_statuses.items():
                    statuses[status] = statuses.get(status, 0) + count
            results[name, cached] = samples, statuses
    return results


def sql_runs():
    """The same queries as SQL against the index, in this process."""
    os.environ.update(harness.environment())
    import django

    django.setup()
    from django.db import connection

    from cms.catalog import Criteria
    from search import postgres
    from search.query import words

    # Fresh planner statistics for every table, as autovacuum would have after a
    # while: a bulk-loaded catalog otherwise leaves wagtailcore_page estimated
    # at a few rows, and the header's catalog link query takes ~50 ms.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")

    criteria = Criteria()

    def full_text(lang, text):
        return postgres.find(
            lang, text, criteria, mode="match", sort="relevance", limit=12, offset=0
        )

    def suggest(lang, text):
        return postgres.autocomplete_titles(lang, words(typed(text)), limit=8)

    results = {}
    for name, run in (("search", full_text), ("autocomplete", suggest)):
        for lang, text in QUERIES:  # warm-up
            run(lang, text)
        samples = []
        for _round in range(REPEAT):
            for lang, text in QUERIES:
                started = time.perf_counter()
                run(lang, text)
                samples.append((time.perf_counter() - started) * 1000)
        results[name] = samples
    matches = {text: full_text(lang, text)[1] for lang, text in QUERIES}
    plan = postgres.explain("es", "meditaciones")
    return results, matches, plan


def main():
    started = time.monotonic()
    if os.environ.get("BENCH_SEARCH_PREPARE", "1") != "0":
        prepare()
    print(f"Catalog ready in {time.monotonic() - started:.0f}s.")
    sql, matches, plan = sql_runs()
    from search import cache as search_cache

    with harness.production_server(TRUSTED_PROXY_COUNT="1") as (base, _process):
        runs = http_runs(base, search_cache.bump)
    rows = []
    for (name, cached), (samples, statuses) in runs.items():
        target = 50 if name == "search page" else 15
        p50, p95 = summary(samples)
        s50, s95 = summary(sql["search" if name == "search page" else name])
        rows.append(
            {
                "endpoint": name,
                "answers": "cached" if cached else "uncached",
                "requests": len(samples),
                "statuses": ",".join(f"{k}:{v}" for k, v in sorted(statuses.items())),
                "http p50 ms": p50,
                "http p95 ms": p95,
                "target p95": f"< {target}",
                "sql p50 ms": s50,
                "sql p95 ms": s95,
                "p50 ratio": p50 / s50 if s50 else None,
                "p95 ratio": p95 / s95 if s95 else None,
            }
        )
    print(
        f"\n50 queries x {REPEAT}, one client, gunicorn with "
        f"{harness.workers_for()} workers, {COURSES:,} courses per language:\n"
    )
    harness.print_table(rows, list(rows[0]))
    print(f"\nload average during the run: {os.getloadavg()}")
    zero = [text for text, count in matches.items() if not count]
    print(
        f"full-text matches per query: min {min(matches.values())}, "
        f"max {max(matches.values())}; none (typo path) for: {', '.join(zero)}"
    )
    print("\nEXPLAIN ANALYZE, Spanish full-text query 'meditaciones':")
    print(plan)


if __name__ == "__main__":
    main()
