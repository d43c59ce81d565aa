"""Courses, events and digital products share one price admin: it is called
what it is, "Prices" ("Precios"), never "Course prices"."""

import pytest
from django.contrib.auth.models import Group
from wagtail.users.models import UserProfile

from tests.support.commerce import make_learner

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "menu", "heading", "add"),
    [
        ("en", "Prices", "Price lists", "New: Price list"),
        ("es", "Precios", "Listas de precios", "Nuevo: Lista de precios"),
    ],
)
def test_shop_staff_edit_prices_under_a_label_for_every_kind(
    client, shop_event, language, menu, heading, add
):
    staff = make_learner("staff@example.com")
    staff.groups.add(Group.objects.get(name="Shop staff"))
    UserProfile.get_for_user(staff).__class__.objects.filter(user=staff).update(
        preferred_language=language
    )
    client.force_login(staff)
    listing = client.get("/admin/commerce/prices/").content.decode()
    assert heading in listing and "Silent Retreat" in listing
    assert "Course prices" not in listing and "Precios de cursos" not in listing
    assert f'"label": "{menu}"' in client.get("/admin/").content.decode()
    form = client.get("/admin/commerce/prices/new/").content.decode()
    assert add in form
