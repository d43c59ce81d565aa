"""My data: download everything we hold about me; delete my account. Both ask for
the password again first."""

import json

import pytest
from allauth.account.models import EmailAddress
from django.test import Client

from accounts import personal_data
from accounts.models import User

pytestmark = pytest.mark.django_db
PASSWORD = "lotus-river-4417"


def make_learner(email, name):
    user = User.objects.create_user(email=email, password=PASSWORD, name=name)
    EmailAddress.objects.create(user=user, email=email, primary=True, verified=True)
    return user


@pytest.fixture
def ana():
    return make_learner("ana@example.com", "Ana Ruiz")


@pytest.fixture
def bob():
    return make_learner("bob@example.com", "Bob Stone")


@pytest.fixture
def orders_section():
    """An app's section, as commerce registers its orders in AppConfig.ready()."""
    ledger = {}
    erased = []

    def export(user):
        return [order for owner, order in ledger.items() if owner == user.pk]

    def erase(user):
        erased.append(user.pk)

    saved = dict(personal_data._registry)
    personal_data.register("test_orders", exporter=export, eraser=erase)
    yield ledger, erased
    personal_data._registry.clear()
    personal_data._registry.update(saved)


def signed_in(user):
    client = Client()
    client.post("/en/accounts/login/", {"login": user.email, "password": PASSWORD})
    return client


def confirm_password(client, path, password=PASSWORD, data=None):
    """POST to `path`, get sent to the password check, pass it: the POST replays."""
    first = client.post(path, data or {})
    assert first.status_code == 302
    assert first["Location"].startswith("/en/accounts/reauthenticate/")
    return client.post(first["Location"], {"password": password})


def test_export_needs_the_password_and_holds_only_my_data(ana, bob, orders_section):
    ledger, _ = orders_section
    ledger[ana.pk] = {"number": "MC-1001", "total_minor": 4900, "currency": "EUR"}
    ledger[bob.pk] = {"number": "MC-2002", "total_minor": 9900, "currency": "EUR"}
    client = signed_in(ana)

    response = confirm_password(client, "/en/accounts/my-data/export/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["profile"]["email"] == "ana@example.com"
    assert data["profile"]["name"] == "Ana Ruiz"
    assert data["test_orders"] == [ledger[ana.pk]]
    assert "bob" not in response.content.decode().lower()
    assert "MC-2002" not in response.content.decode()


def test_export_with_a_wrong_password_gives_nothing(ana):
    client = signed_in(ana)
    response = confirm_password(
        client, "/en/accounts/my-data/export/", password="not-my-password"
    )
    assert response.status_code == 200
    assert "attachment" not in response.get("Content-Disposition", "")
    assert b'name="password"' in response.content  # asked again


def test_export_needs_a_signed_in_learner(client):
    response = client.post("/en/accounts/my-data/export/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_a_recent_password_check_is_not_asked_again(ana):
    client = signed_in(ana)
    confirm_password(client, "/en/accounts/my-data/export/")
    assert client.post("/en/accounts/my-data/export/").status_code == 200


def test_deleting_my_account_anonymises_me_and_signs_me_out(ana, bob, orders_section):
    _, erased = orders_section
    client = signed_in(ana)
    other_device = signed_in(ana)

    response = confirm_password(
        client, "/en/accounts/my-data/delete/", data={"confirm": "on"}
    )

    assert response.status_code == 302
    ana.refresh_from_db()
    assert ana.email.startswith("deleted-") and ana.email.endswith("@invalid.example")
    assert ana.name == "" and not ana.is_active
    assert not ana.has_usable_password()
    assert not EmailAddress.objects.filter(user=ana).exists()
    assert not User.objects.filter(email="ana@example.com").exists()
    assert erased == [ana.pk]  # the apps forgot the person (commerce: orders kept)
    assert client.get("/en/accounts/").status_code == 302
    assert other_device.get("/en/accounts/").status_code == 302
    again = Client().post(
        "/en/accounts/login/", {"login": "ana@example.com", "password": PASSWORD}
    )
    assert again.status_code == 200  # no such account any more
    bob.refresh_from_db()
    assert bob.email == "bob@example.com" and bob.is_active


def test_deletion_needs_the_confirmation_box(ana):
    client = signed_in(ana)
    response = confirm_password(client, "/en/accounts/my-data/delete/")
    assert response.status_code == 400
    ana.refresh_from_db()
    assert ana.is_active and ana.email == "ana@example.com"


def test_the_email_address_can_be_used_again_after_deletion(ana, client):
    client = signed_in(ana)
    confirm_password(client, "/en/accounts/my-data/delete/", data={"confirm": "on"})
    response = Client().post(
        "/en/accounts/signup/",
        {
            "name": "Ana again",
            "email": "ana@example.com",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    assert response.status_code == 302
    assert User.objects.get(email="ana@example.com").name == "Ana again"


@pytest.fixture
def shop_orders(ana, bob):
    """Real shop orders (commerce registers them with accounts.personal_data)."""
    from commerce.models import Order

    if "shop" not in {section.name for section in personal_data.sections()}:
        pytest.skip("commerce does not register its personal data yet")
    mine = Order.objects.create(
        user=ana, email=ana.email, number="MC-ANA-1", currency="EUR", total_minor=4900
    )
    theirs = Order.objects.create(
        user=bob, email=bob.email, number="MC-BOB-1", currency="EUR", total_minor=9900
    )
    return mine, theirs


def test_export_holds_my_shop_orders_and_none_of_anyone_else(ana, shop_orders):
    client = signed_in(ana)
    response = confirm_password(client, "/en/accounts/my-data/export/")
    data = json.loads(response.content)
    numbers = [order["number"] for order in data["shop"]["orders"]]
    assert numbers == ["MC-ANA-1"]
    assert "MC-BOB-1" not in response.content.decode()


def test_deletion_keeps_my_orders_without_me(ana, shop_orders):
    mine, theirs = shop_orders
    client = signed_in(ana)
    confirm_password(client, "/en/accounts/my-data/delete/", data={"confirm": "on"})
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert mine.total_minor == 4900  # kept for accounting
    assert "ana" not in mine.email and mine.user.email.startswith("deleted-")
    assert theirs.email == "bob@example.com"
