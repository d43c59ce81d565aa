"""`manage.py index_courses`: rebuild the storefront search index from the tree.

Publishing keeps the index current by itself; this is for catalogs loaded in
bulk (`seed_demo --courses N` bypasses signals), after a restore, or to repair.
`--explain "query"` prints PostgreSQL's plan for a query, to check the GIN index.
"""

import time

from django.core.management.base import BaseCommand

from search import indexing, postgres


class Command(BaseCommand):
    help = "Rebuild the search index of courses, events and downloads (PostgreSQL)."

    def add_arguments(self, parser):
        parser.add_argument("--explain", metavar="QUERY", help="Print the plan.")
        parser.add_argument("--language", default="en")

    def handle(self, *args, **options):
        if not indexing.enabled():
            self.stdout.write(
                "Not on PostgreSQL: Wagtail's search index is used "
                "(run `manage.py update_index`)."
            )
            return
        if options["explain"]:
            self.stdout.write(postgres.explain(options["language"], options["explain"]))
            return
        started = time.monotonic()
        verbose = options["verbosity"] > 1
        count = indexing.rebuild(stdout=self.stdout if verbose else None)
        postgres.optimize(compact=True)
        self.stdout.write(
            self.style.SUCCESS(
                f"Indexed {count} documents (courses, events, downloads)"
                f" in {time.monotonic() - started:.1f}s."
            )
        )
