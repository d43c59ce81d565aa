"""The free-text instructors of events become links to Instructor snippets.

Each name in the English (source) event's text ("Ana López, Tom Reed and
Lucía") is matched to an instructor of that name (any case, the source's
language first); a name nobody has yet becomes a new Instructor snippet in the
source's language, so no text is lost. Translations get the same links (the
template shows each instructor's version in the page's language). Going back
writes the names into the text field again.
"""

import re
import uuid

from django.db import migrations

SEPARATORS = re.compile(r"\s*[,;&+/]\s*|\s+(?:and|y|e)\s+", re.IGNORECASE)


def names_in(text):
    return [name.strip() for name in SEPARATORS.split(text or "") if name.strip()]


def text_to_snippets(apps, schema_editor):
    EventPage = apps.get_model("events", "EventPage")
    EventInstructor = apps.get_model("events", "EventInstructor")
    Instructor = apps.get_model("cms", "Instructor")
    sources = {}
    for page in EventPage.objects.order_by("pk"):
        sources.setdefault(page.translation_key, page)
    for page in EventPage.objects.order_by("pk"):
        source = sources[page.translation_key]
        for order, name in enumerate(names_in(source.instructors or page.instructors)):
            instructor = (
                Instructor.objects.filter(name__iexact=name, locale_id=source.locale_id)
                .order_by("pk")
                .first()
                or Instructor.objects.filter(name__iexact=name).order_by("pk").first()
            )
            if instructor is None:
                instructor = Instructor.objects.create(
                    name=name[:120],
                    locale_id=source.locale_id,
                    translation_key=uuid.uuid4(),
                )
            EventInstructor.objects.get_or_create(
                page_id=page.pk, instructor=instructor, defaults={"sort_order": order}
            )


def snippets_to_text(apps, schema_editor):
    EventPage = apps.get_model("events", "EventPage")
    EventInstructor = apps.get_model("events", "EventInstructor")
    for page in EventPage.objects.all():
        links = EventInstructor.objects.filter(page_id=page.pk).order_by("sort_order")
        names = ", ".join(link.instructor.name for link in links)
        EventPage.objects.filter(pk=page.pk).update(instructors=names[:300])


class Migration(migrations.Migration):
    dependencies = [("events", "0005_event_instructors_from_snippets")]

    operations = [migrations.RunPython(text_to_snippets, snippets_to_text)]
