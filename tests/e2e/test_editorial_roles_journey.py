"""Editors, moderators and translators in the admin, each seeing what they should.

Every journey runs under `no_server_errors`: a request that raised or answered
500 or more fails the test, whatever the page looked like.
"""

import importlib
import re

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.signals import got_request_exception
from playwright.sync_api import Page, expect

from tests.support.publishing_pages import draft_course, fresh, set_prices
from tests.support.search_catalog import category

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-enough-password"


@pytest.fixture
def editorial_groups(site_tree):
    """The groups and "Editor review" workflow the data migrations create (a
    transactional test's flush removed them)."""
    if not Group.objects.filter(name="Editors").exists():
        groups = importlib.import_module(
            "cms.publishing.migrations.0002_editorial_groups_and_editor_review"
        )
        snippets = importlib.import_module(
            "cms.publishing.migrations.0003_snippet_permissions_for_editorial_groups"
        )
        translators = importlib.import_module(
            "cms.publishing.migrations.0005_translators_start_and_sync_translations"
        )
        groups.create_groups_and_workflow(apps, None)
        snippets.grant_snippet_permissions(apps, None)
        translators.let_translators_submit_translations(apps, None)
    return site_tree


@pytest.fixture
def no_server_errors(page: Page):
    """Fail the test if any request raised or answered with a server error."""
    failures = []

    def record_exception(sender, request=None, **kwargs):
        failures.append(f"exception in {getattr(request, 'path', '?')}")

    got_request_exception.connect(record_exception)
    page.on(
        "response",
        lambda response: (
            response.status >= 500
            and failures.append(f"{response.status} {response.url}")
        ),
    )
    yield
    got_request_exception.disconnect(record_exception)
    assert failures == []


def sign_in(page, live_server, django_user_model, group_name):
    email = f"{group_name.lower()}@mystic.test"
    user = django_user_model.objects.create_user(email=email, password=PASSWORD)
    user.groups.add(Group.objects.get(name=group_name))
    page.goto(f"{live_server.url}/admin/login/")
    page.locator("input[name=username]").fill(email)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("form button[type=submit]").first.click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    return user


def choose_from_save_menu(page, action_name):
    """The actions behind the arrow next to "Save draft" at the foot of the editor."""
    page.locator("footer [data-w-dropdown-target=toggle]").last.click()
    page.get_by_role("button", name=action_name, exact=True).click()


def test_translator_is_sent_back_from_an_english_category(
    live_server, editorial_groups, django_user_model, page: Page, no_server_errors
):
    english, spanish = category("Meditation", "meditation", "Meditación", "meditacion")
    sign_in(page, live_server, django_user_model, "Translators")

    page.goto(f"{live_server.url}/admin/snippets/cms/category/edit/{english.pk}/")

    expect(page).to_have_url(re.compile(r"/admin/snippets/cms/category/$"))
    expect(page.locator(".messages")).to_contain_text(
        "You can edit only the translations of “Meditation”, not the English original"
    )
    page.goto(f"{live_server.url}/admin/snippets/cms/category/edit/{spanish.pk}/")
    expect(page.get_by_role("heading", name="Meditación").first).to_be_visible()


def test_moderator_is_told_an_unpriced_course_cannot_be_published(
    live_server, editorial_groups, django_user_model, page: Page, no_server_errors
):
    course = draft_course(editorial_groups, priced=False)
    sign_in(page, live_server, django_user_model, "Moderators")

    page.goto(f"{live_server.url}/admin/pages/{course.pk}/edit/")
    choose_from_save_menu(page, "Publish")

    expect(page.locator(".messages")).to_contain_text(
        "“Breathing Basics” has no price in USD. Set one under Shop → Prices"
    )
    assert not fresh(course).live


def test_editor_submits_a_priced_course_and_a_moderator_approves_it(
    live_server,
    editorial_groups,
    django_user_model,
    browser,
    page: Page,
    no_server_errors,
):
    course = draft_course(editorial_groups, title="Sound Bath", slug="sound-bath")
    set_prices(course, USD=3900, EUR=3500)
    sign_in(page, live_server, django_user_model, "Editors")

    page.goto(f"{live_server.url}/admin/pages/{course.pk}/edit/")
    choose_from_save_menu(page, "Submit to Editor review")

    expect(page.locator(".messages")).to_contain_text(
        "'Sound Bath' has been submitted for moderation"
    )

    moderator = browser.new_context().new_page()
    sign_in(moderator, live_server, django_user_model, "Moderators")
    moderator.goto(f"{live_server.url}/admin/pages/{course.pk}/edit/")
    choose_from_save_menu(moderator, "Approve and Publish")
    expect(moderator.locator(".messages")).to_contain_text(
        "Page 'Sound Bath' has been updated."
    )
    assert fresh(course).live
    moderator.goto(f"{live_server.url}/en/courses/sound-bath/")
    expect(moderator.get_by_text("$39.00").first).to_be_visible()
