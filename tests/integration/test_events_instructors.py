"""Events name their instructors with the Instructor snippets courses use,
shown in the page's language; the free text of older events became snippets."""

import importlib

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import Locale

from cms.models import Instructor
from events.models import EventInstructor, EventPage
from tests.support.events import build_event

pytestmark = pytest.mark.django_db

data_migration = importlib.import_module(
    "events.migrations.0006_instructor_text_to_snippets"
)


def instructor(name, bio_es=None):
    en = Instructor.objects.create(
        name=name, locale=Locale.objects.get(language_code="en")
    )
    if bio_es:
        es = en.copy_for_translation(Locale.objects.get(language_code="es"))
        es.bio = bio_es
        es.save()
    return en


def test_an_event_shows_its_instructors_in_order_in_both_languages(client, site_tree):
    event = build_event(site_tree)
    for order, person in enumerate(
        [instructor("Lucía Vega", "Maestra"), instructor("Ana Ruiz")]
    ):
        EventInstructor.objects.create(
            page=event.en, instructor=person, sort_order=order
        )
        EventInstructor.objects.create(
            page=event.es, instructor=person, sort_order=order
        )
    assert "Lucía Vega, Ana Ruiz" in client.get(event.en.url).content.decode()
    assert "Lucía Vega, Ana Ruiz" in client.get(event.es.url).content.decode()
    es_people = EventPage.objects.get(pk=event.es.pk).localized_instructors()
    assert [p.locale.language_code for p in es_people] == ["es", "en"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Ana López, Tom Reed and Lucía", ["Ana López", "Tom Reed", "Lucía"]),
        ("Ana y Tom; Kenji", ["Ana", "Tom", "Kenji"]),
        ("Y. Tanaka & Mary Ann", ["Y. Tanaka", "Mary Ann"]),
        ("", []),
    ],
)
def test_the_old_text_is_split_into_names(text, names):
    assert data_migration.names_in(text) == names


@pytest.mark.django_db(transaction=True)
def test_the_data_migration_links_known_instructors_and_keeps_new_names(site_tree):
    event = build_event(site_tree)
    known = instructor("Ana Ruiz")
    executor = MigrationExecutor(connection)
    executor.migrate([("events", "0005_event_instructors_from_snippets")])
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE events_eventpage SET instructors = %s",
            ["ana ruiz and Tom Reed"],
        )
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())

    for page in (event.en, event.es):
        links = EventInstructor.objects.filter(page=page).order_by("sort_order")
        assert [link.instructor.name for link in links] == ["Ana Ruiz", "Tom Reed"]
        assert links[0].instructor == known
    assert Instructor.objects.get(name="Tom Reed").locale.language_code == "en"
