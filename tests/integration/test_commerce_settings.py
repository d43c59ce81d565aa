"""The local Stripe stand-in is for development and tests only: production
settings can never turn it on, and `check --deploy` refuses it."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core import checks

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "SECRET_KEY": "x" * 20 + "-a-long-random-production-secret-key-for-tests",
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/postgres",
    "REDIS_URL": "redis://127.0.0.1:6379/14",
    "ALLOWED_HOSTS": "courses.example.com",
}


def read_setting(module, name, env):
    base = {k: v for k, v in os.environ.items() if not k.startswith("STRIPE_")}
    base.pop("DJANGO_SETTINGS_MODULE", None)
    code = (
        "import django, os; django.setup(); from django.conf import settings; "
        f"print(getattr(settings, {name!r}, None))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**base, "DJANGO_SETTINGS_MODULE": module, **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return result.stdout.strip().splitlines()[-1]


def test_production_never_enables_the_stand_in_even_without_stripe_keys():
    assert read_setting(
        "mystic.settings.production", "STRIPE_STANDIN", PRODUCTION_ENV
    ) == ("False")
    env = {**PRODUCTION_ENV, "STRIPE_STANDIN": "1", "STRIPE_STANDIN_AUTOSTART": "1"}
    assert read_setting("mystic.settings.production", "STRIPE_STANDIN", env) == "False"


def test_development_without_keys_uses_the_stand_in_in_test_mode():
    assert read_setting("mystic.settings.dev", "STRIPE_STANDIN", {}) == "True"
    assert read_setting("mystic.settings.dev", "STRIPE_SECRET_KEY", {}).startswith(
        "sk_test_"
    )


def test_development_with_real_keys_talks_to_stripe():
    env = {"STRIPE_SECRET_KEY": "sk_test_real_account"}
    assert read_setting("mystic.settings.dev", "STRIPE_STANDIN", env) == "None"


@pytest.mark.parametrize("enabled", [True, False])
def test_deploy_check_refuses_the_stand_in(settings, enabled):
    from commerce.checks import standin_off_in_production

    settings.STRIPE_STANDIN = enabled
    errors = standin_off_in_production(None)
    assert [e.id for e in errors] == (["commerce.E001"] if enabled else [])
    assert all(e.level == checks.ERROR for e in errors)
