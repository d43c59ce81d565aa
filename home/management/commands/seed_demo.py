"""`manage.py seed_demo`: the demo site a newcomer sees after `make run`.

Idempotent: running it twice neither fails nor duplicates anything.
"""

from django.core.management.base import BaseCommand

from home.bootstrap import ensure_site

INTROS = {
    "en": "<p>Courses for the inner life: meditation, yoga, mindfulness and more.</p>",
    "es": "<p>Cursos para la vida interior: meditación, yoga, atención plena y más."
    "</p>",
}


class Command(BaseCommand):
    help = "Load the bilingual demo content (safe to run again)."

    def handle(self, *args, **options):
        english = ensure_site()
        for page in english.get_translations(inclusive=True).specific():
            intro = INTROS.get(page.locale.language_code)
            if intro and not page.intro:
                page.intro = intro
                page.save_revision().publish()
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))
