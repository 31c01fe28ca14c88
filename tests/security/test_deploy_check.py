"""Production settings pass Django's deployment checks, and missing secrets stop start-up."""

import os
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]

PRODUCTION_ENV = {
    "DEBUG": "0",
    "SECRET_KEY": "k3P!x9-q_Lr2@vZ8#mW5&nT1^bY7*cF4(hJ6)sD0+gA2=eU9~oI3%",
    "DATABASE_URL": "postgres://careerplan@db.internal:5432/careerplan",
    "REDIS_URL": "redis://cache.internal:6379/0",
    "ALLOWED_HOSTS": "careerplan.example.org",
    "SITE_URL": "https://careerplan.example.org",
    "EMAIL_URL": "smtp+tls://mailer:secret@smtp.example.org:587",
    "DEFAULT_FROM_EMAIL": "careerplan <hello@careerplan.example.org>",
}


def _manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    # The test process runs with test settings in its environment; start from production's.
    leftovers = {*PRODUCTION_ENV, "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS"}
    clean = {k: v for k, v in os.environ.items() if k not in leftovers}
    clean["DJANGO_SETTINGS_MODULE"] = "careerplan.settings"
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_settings_pass_the_deploy_check_without_warnings():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_missing_production_secret_fails_loudly_at_start_up():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "SECRET_KEY"}
    result = _manage("check", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in result.stderr


def test_unknown_email_scheme_is_refused_at_start_up():
    result = _manage("check", env={**PRODUCTION_ENV, "EMAIL_URL": "carrier-pigeon://coop"})
    assert result.returncode != 0
    assert "EMAIL_URL has an unknown scheme" in result.stderr
