import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from apps.accounts.models import User

pytestmark = pytest.mark.django_db


def _signup(client, django_capture_on_commit_callbacks, **overrides):
    data = {
        "email": "new.planner@example.com",
        "password1": "a long enough passphrase",
        "display_name": "Nia",
        "timezone": "America/New_York",
        **overrides,
    }
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(reverse("account_signup"), data)


def test_signup_stores_profile_and_sends_a_branded_confirmation(
    client, django_capture_on_commit_callbacks
):
    response = _signup(client, django_capture_on_commit_callbacks)

    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    user = User.objects.get(email="new.planner@example.com")
    assert (user.display_name, user.timezone) == ("Nia", "America/New_York")
    assert not EmailAddress.objects.get(user=user).verified

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["new.planner@example.com"]
    assert message.subject.startswith("[careerplan] ")
    assert "Hi Nia," in message.body
    link = re.search(r"http://testserver/accounts/confirm-email/\S+/", message.body).group(0)
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert "Confirm your email address" in html
    assert f'href="{link}"' in html


def test_email_must_be_verified_before_signing_in(client, django_capture_on_commit_callbacks):
    _signup(client, django_capture_on_commit_callbacks)
    client.logout()
    response = client.post(
        reverse("account_login"),
        {"login": "new.planner@example.com", "password": "a long enough passphrase"},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert "_auth_user_id" not in client.session


def test_following_the_link_verifies_and_signs_in(client, django_capture_on_commit_callbacks):
    _signup(client, django_capture_on_commit_callbacks)
    path = re.search(r"/accounts/confirm-email/\S+/", mail.outbox[0].body).group(0)
    response = client.post(path)
    assert response.status_code == 302
    assert EmailAddress.objects.get(email="new.planner@example.com").verified
    assert client.get(reverse("dashboard:index")).status_code == 200


def test_unknown_timezone_is_refused_next_to_the_field(client, django_capture_on_commit_callbacks):
    response = _signup(client, django_capture_on_commit_callbacks, timezone="Mars/Olympus_Mons")
    assert response.status_code == 200
    page = response.content.decode()
    assert 'id="id_timezone_error"' in page
    assert 'aria-invalid="true"' in page
    assert not User.objects.exists()
    assert mail.outbox == []


def test_signing_up_with_a_taken_address_reveals_nothing(
    client, alice, django_capture_on_commit_callbacks
):
    response = _signup(client, django_capture_on_commit_callbacks, email="alice@example.com")
    # Same answer as for a new address; the owner of the address is told by email instead.
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert User.objects.filter(email="alice@example.com").count() == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["alice@example.com"]
    assert "already" in mail.outbox[0].body


def test_password_reset_answers_the_same_for_unknown_addresses(
    client, alice, django_capture_on_commit_callbacks
):
    url = reverse("account_reset_password")
    with django_capture_on_commit_callbacks(execute=True):
        known = client.post(url, {"email": "alice@example.com"})
        unknown = client.post(url, {"email": "nobody@example.com"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    reset = [m for m in mail.outbox if m.to == ["alice@example.com"]]
    assert len(reset) == 1
    assert "Choose a new password" in reset[0].alternatives[0][0]


@pytest.mark.parametrize(
    ("password", "accepted"),
    [
        ("seven77", False),  # too short
        ("password1", False),  # a common password
        ("12345678", False),  # common, and only digits
        ("plain lowercase words", True),  # no composition rules
        ("x" * 100 + " a very long passphrase", True),  # long passphrases welcome
    ],
)
def test_password_rules_follow_current_guidance(
    client, django_capture_on_commit_callbacks, password, accepted
):
    response = _signup(client, django_capture_on_commit_callbacks, password1=password)
    assert User.objects.exists() is accepted
    if not accepted:
        assert 'id="id_password1_error"' in response.content.decode()


def test_failed_logins_are_rate_limited(client, alice, password):
    url = reverse("account_login")
    for _ in range(5):
        client.post(url, {"login": "alice@example.com", "password": "wrong guess"})
    # Even the right password is refused for a while after five failures.
    response = client.post(url, {"login": "alice@example.com", "password": password})
    assert "Too many failed login attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session
