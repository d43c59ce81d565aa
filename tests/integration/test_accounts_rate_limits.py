"""Account rate limits: counted in Redis, answered by a translated 429 + Retry-After."""

import re

import pytest
from allauth.account.models import EmailAddress

from accounts.models import User

pytestmark = pytest.mark.django_db
PASSWORD = "lotus-river-4417"


@pytest.fixture
def learner():
    user = User.objects.create_user(email="ana@example.com", password=PASSWORD)
    EmailAddress.objects.create(
        user=user, email=user.email, primary=True, verified=True
    )
    return user


def log_in(client, email, password, ip="10.0.0.1", lang="en"):
    return client.post(
        f"/{lang}/accounts/login/",
        {"login": email, "password": password},
        REMOTE_ADDR=ip,
    )


def assert_refused(response, seconds_at_most):
    assert response.status_code == 429
    retry_after = int(response["Retry-After"])
    assert 0 < retry_after <= seconds_at_most


def test_sixth_failed_login_is_refused_even_with_the_right_password(client, learner):
    for _ in range(5):
        response = log_in(client, learner.email, "wrong-password-1")
        assert response.status_code == 200  # the form again, with an error
    response = log_in(client, learner.email, PASSWORD)
    assert_refused(response, 15 * 60)
    assert response["Retry-After"] in {str(s) for s in range(880, 901)}
    assert b"Too many requests" in response.content
    assert "_auth_user_id" not in client.session


def test_failed_logins_are_limited_per_account_across_addresses(client, learner):
    for n in range(5):
        log_in(client, learner.email, "wrong-password-1", ip=f"10.0.1.{n}")
    assert_refused(log_in(client, learner.email, PASSWORD, ip="10.0.2.1"), 900)


def test_failed_logins_are_limited_per_ip_across_accounts(client, learner):
    for n in range(5):
        log_in(client, f"guess{n}@example.com", "wrong-password-1", ip="10.0.3.3")
    assert_refused(log_in(client, learner.email, PASSWORD, ip="10.0.3.3"), 900)
    # The learner, elsewhere, still gets in.
    assert log_in(client, learner.email, PASSWORD, ip="10.0.4.4").status_code == 302


def test_successful_logins_do_not_use_up_the_allowance(client, learner):
    for _ in range(8):
        assert log_in(client, learner.email, PASSWORD).status_code == 302
        client.post("/en/accounts/logout/")


def test_the_refusal_speaks_spanish_to_a_spanish_visitor(client, learner):
    for _ in range(5):
        log_in(client, learner.email, "wrong-password-1", lang="es")
    response = log_in(client, learner.email, PASSWORD, lang="es")
    assert response.status_code == 429
    assert b'lang="es"' in response.content
    assert "Demasiadas solicitudes" in response.content.decode()
    # In minutes a person can read, not "899 seconds".
    assert re.search(r"Espera unos 1[45] minutos", response.content.decode())


def sign_up(client, email, ip):
    return client.post(
        "/en/accounts/signup/",
        {"name": "Ana", "email": email, "password1": PASSWORD, "password2": PASSWORD},
        REMOTE_ADDR=ip,
    )


def test_fourth_sign_up_from_one_ip_in_an_hour_is_refused(client):
    for n in range(3):
        assert sign_up(client, f"new{n}@example.com", "10.1.0.1").status_code == 302
        client.post("/en/accounts/logout/")
    assert_refused(sign_up(client, "new9@example.com", "10.1.0.1"), 3600)
    assert not User.objects.filter(email="new9@example.com").exists()


def test_fourth_sign_up_for_one_address_in_an_hour_is_refused(client):
    for n in range(3):
        # The first creates the account, the next two are told it exists.
        assert sign_up(client, "same@example.com", f"10.2.0.{n}").status_code in {
            200,
            302,
        }
        client.post("/en/accounts/logout/")
    assert_refused(sign_up(client, "same@example.com", "10.2.1.1"), 3600)


def reset(client, email, ip):
    return client.post("/en/accounts/password/reset/", {"email": email}, REMOTE_ADDR=ip)


def test_fourth_reset_request_from_one_ip_in_an_hour_is_refused(client, learner):
    for n in range(3):
        assert reset(client, f"who{n}@example.com", "10.3.0.1").status_code == 302
    assert_refused(reset(client, learner.email, "10.3.0.1"), 3600)


def test_fourth_reset_request_for_one_address_in_an_hour_is_refused(client, learner):
    for n in range(3):
        assert reset(client, learner.email, f"10.4.0.{n}").status_code == 302
    assert_refused(reset(client, learner.email, "10.4.1.1"), 3600)
