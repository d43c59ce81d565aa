"""`manage.py seed_demo`: the demo site a newcomer sees after `make run`.

Builds the bilingual catalog (categories, instructors, 14 courses with lessons,
simple pages) through Wagtail and wagtail-localize, so every Spanish page is a real
translation editors can re-sync. `--courses N` adds N generated courses per
language for benchmarks, inserted in bulk (see demo/bulk.py).

Idempotent: running it twice neither fails nor duplicates anything.
"""

import time

from django.core.management.base import BaseCommand

from home.bootstrap import ensure_site

INTROS = {
    "en": "<p>Courses for the inner life: meditation, yoga, mindfulness and more.</p>",
    "es": "<p>Cursos para la vida interior: meditación, yoga, atención plena y más."
    "</p>",
}


class Command(BaseCommand):
    help = "Load the bilingual demo content (safe to run again)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--courses",
            type=int,
            default=0,
            help="Also make sure N generated courses exist in each language "
            "(bulk insert, for benchmarks).",
        )
        parser.add_argument(
            "--lessons-per-course",
            type=int,
            default=3,
            help="Lessons of each generated course (with --courses).",
        )

    def handle(self, *args, **options):
        from demo.catalog import DemoCatalog
        from demo.events import build_events

        started = time.monotonic()
        english = ensure_site()
        for page in english.get_translations(inclusive=True).specific():
            intro = INTROS.get(page.locale.language_code)
            if intro and not page.intro:
                page.intro = intro
                page.save_revision().publish()
        verbose = options["verbosity"] > 1
        index = DemoCatalog(stdout=self.stdout if verbose else None).build(english)
        build_events(english)
        self.stdout.write(f"Demo catalog ready ({time.monotonic() - started:.1f}s).")
        if options["courses"]:
            from demo.bulk import ensure_bulk_courses

            started = time.monotonic()
            created = ensure_bulk_courses(
                index, options["courses"], options["lessons_per_course"]
            )
            self.stdout.write(
                f"Generated catalog: {created} new courses per language "
                f"({options['courses']} wanted) in {time.monotonic() - started:.1f}s."
            )
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))
