"""Staff are admin users; learners never reach /admin/. Staff manage users there."""

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


@pytest.fixture
def admin_client(client):
    admin = User.objects.create_superuser(
        email="staff@example.com", password=PASSWORD, name="Staff"
    )
    client.force_login(admin)
    return client


def test_a_signed_in_learner_is_turned_away_from_the_admin(client, learner):
    client.post("/en/accounts/login/", {"login": learner.email, "password": PASSWORD})
    response = client.get("/admin/")
    assert response.status_code in {302, 403}
    if response.status_code == 302:
        assert response["Location"].startswith("/admin/login/")
    assert client.get("/admin/pages/").status_code in {302, 403}
    assert client.get("/admin/users/").status_code in {302, 403}


def test_a_learner_cannot_sign_in_to_the_admin(client, learner):
    response = client.post(
        "/admin/login/", {"username": learner.email, "password": PASSWORD}
    )
    assert response.status_code == 200  # the login form again, with a reason
    assert b"no access to the admin" in response.content
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code in {302, 403}


def test_the_admin_login_shares_the_failed_login_limit(client, learner):
    staff = User.objects.create_superuser(email="staff@example.com", password=PASSWORD)
    for _ in range(3):
        client.post("/en/accounts/login/", {"login": staff.email, "password": "x"})
    for _ in range(2):
        client.post("/admin/login/", {"username": staff.email, "password": "x"})
    response = client.post(
        "/admin/login/", {"username": staff.email, "password": PASSWORD}
    )
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0


def test_staff_sign_in_to_the_admin(client):
    staff = User.objects.create_superuser(email="staff@example.com", password=PASSWORD)
    for _ in range(8):
        response = client.post(
            "/admin/login/", {"username": staff.email, "password": PASSWORD}
        )
        assert response.status_code == 302
        assert client.get("/admin/").status_code == 200
        client.post("/admin/logout/")


def test_staff_create_a_learner_in_the_admin(admin_client):
    response = admin_client.get("/admin/users/new/")
    assert response.status_code == 200
    assert b'name="name"' in response.content
    assert b'name="first_name"' not in response.content
    response = admin_client.post(
        "/admin/users/new/",
        {
            "email": "new@example.com",
            "name": "New Learner",
            "preferred_language": "es",
            "password1": "a-long-new-password-77",
            "password2": "a-long-new-password-77",
        },
    )
    assert response.status_code == 302, response.content[:2000]
    user = User.objects.get(email="new@example.com")
    assert user.name == "New Learner"
    assert user.preferred_language == "es"
    assert user.check_password("a-long-new-password-77")


def test_staff_edit_a_learner_in_the_admin(admin_client, learner):
    url = f"/admin/users/edit/{learner.pk}/"
    response = admin_client.get(url)
    assert response.status_code == 200
    response = admin_client.post(
        url,
        {
            "email": learner.email,
            "name": "Ana María",
            "preferred_language": "es",
            "is_active": "on",
        },
    )
    assert response.status_code == 302, response.content[:2000]
    learner.refresh_from_db()
    assert learner.name == "Ana María"
    assert learner.check_password(PASSWORD)


def test_staff_see_users_listed_by_email(admin_client, learner):
    response = admin_client.get("/admin/users/")
    assert response.status_code == 200
    assert b"ana@example.com" in response.content
