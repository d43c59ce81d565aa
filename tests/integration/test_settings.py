"""Production settings refuse to start without what they need, and pass --deploy."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
REQUIRED = ["SECRET_KEY", "DATABASE_URL", "REDIS_URL", "ALLOWED_HOSTS"]
PRODUCTION_ENV = {
    "SECRET_KEY": "x" * 20 + "-a-long-random-production-secret-key-for-tests",
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/postgres",
    "REDIS_URL": "redis://127.0.0.1:6379/14",
    "ALLOWED_HOSTS": "courses.example.com",
    "STRIPE_SECRET_KEY": "sk_live_for_the_settings_test",
    "STRIPE_WEBHOOK_SECRET": "whsec_for_the_settings_test",
}
STRIPE_KEYS = ["STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET"]


def manage(*args, env):
    base = {
        key: value
        for key, value in os.environ.items()
        if key not in REQUIRED
        and not key.startswith("DJANGO_")
        and key not in STRIPE_KEYS
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**base, "DJANGO_SETTINGS_MODULE": "mystic.settings.production", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize("missing", REQUIRED)
def test_production_refuses_to_start_naming_the_missing_variable(missing):
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != missing}
    result = manage("check", env=env)
    assert result.returncode != 0
    lines = [line for line in result.stderr.splitlines() if missing in line]
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr


def test_production_settings_pass_check_deploy_without_warnings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("missing", STRIPE_KEYS)
def test_check_deploy_fails_without_a_stripe_key(missing):
    """Without it checkout would answer 500: the release gate must say so first."""
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != missing}
    result = manage("check", "--deploy", env=env)
    assert result.returncode != 0
    assert f"{missing} is not set" in result.stderr, result.stdout + result.stderr
