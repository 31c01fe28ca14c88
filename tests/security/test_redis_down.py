"""With Redis (the task broker) down, people can still sign up, sign in and reset passwords."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from tests.brokers import broker_down

pytestmark = pytest.mark.django_db


@pytest.fixture
def redis_down(settings):
    with broker_down(settings):
        yield


def test_sign_in_works_while_redis_is_down(client, alice, password, redis_down):
    response = client.post(
        reverse("account_login"), {"login": "alice@example.com", "password": password}
    )
    assert response.status_code == 302
    assert client.get(reverse("dashboard:index")).status_code == 200


def test_sign_up_still_sends_its_confirmation_while_redis_is_down(
    client, redis_down, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("account_signup"),
            {"email": "ines@example.com", "password1": "a fine passphrase", "timezone": "UTC"},
        )
    assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [["ines@example.com"]]
    assert re.search(r"/accounts/confirm-email/\S+/", mail.outbox[0].body)


def test_password_reset_still_sends_its_link_while_redis_is_down(
    client, alice, redis_down, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("account_reset_password"), {"email": "alice@example.com"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "/accounts/password/reset/key/" in mail.outbox[0].body


def test_health_check_tells_operators_redis_is_down(client, redis_down):
    response = client.get(reverse("core:healthz"))
    assert response.status_code == 503
    assert response.json()["redis"] == "down"
