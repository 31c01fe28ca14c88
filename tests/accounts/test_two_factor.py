"""Two-factor sign-in with an authenticator app, recovery codes, and the security emails."""

import time

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.core import mail
from django.urls import reverse


def _code(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


@pytest.fixture
def signed_in(client, alice, password):
    # A real sign-in (not force_login), so allauth knows how recently alice authenticated.
    client.post(reverse("account_login"), {"login": alice.email, "password": password})
    # Changing security settings asks for the password again first.
    gate = client.get(reverse("mfa_activate_totp"))
    assert gate["Location"].startswith(reverse("account_reauthenticate"))
    client.post(reverse("account_reauthenticate"), {"password": password})
    return client


def _activate_totp(client, django_capture_on_commit_callbacks) -> str:
    form = client.get(reverse("mfa_activate_totp")).context["form"]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("mfa_activate_totp"), {"code": _code(form.secret)})
    assert response.status_code == 302
    return form.secret


def test_activating_totp_creates_recovery_codes_and_notifies(
    signed_in, alice, django_capture_on_commit_callbacks
):
    _activate_totp(signed_in, django_capture_on_commit_callbacks)

    kinds = set(Authenticator.objects.filter(user=alice).values_list("type", flat=True))
    assert kinds == {Authenticator.Type.TOTP, Authenticator.Type.RECOVERY_CODES}
    notices = [m for m in mail.outbox if m.to == [alice.email]]
    assert notices, "no security notification was sent"
    assert any("uthenticator" in m.body for m in notices)
    dashboard = signed_in.get(reverse("dashboard:index")).content.decode()
    assert "Set up two-factor" not in dashboard


def test_sign_in_asks_for_the_code_once_totp_is_on(
    signed_in, alice, password, django_capture_on_commit_callbacks, time_machine
):
    time_machine.move_to(time.time(), tick=False)
    secret = _activate_totp(signed_in, django_capture_on_commit_callbacks)
    # A minute later: the code used at activation cannot be replayed, a new one is due.
    time_machine.shift(60)
    signed_in.post(reverse("account_logout"))

    response = signed_in.post(
        reverse("account_login"), {"login": alice.email, "password": password}
    )
    assert response["Location"] == reverse("mfa_authenticate")
    assert signed_in.get(reverse("dashboard:index")).status_code == 302

    wrong = signed_in.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert wrong.status_code == 200
    assert signed_in.get(reverse("dashboard:index")).status_code == 302

    right = signed_in.post(reverse("mfa_authenticate"), {"code": _code(secret)})
    assert right.status_code == 302
    assert signed_in.get(reverse("dashboard:index")).status_code == 200
