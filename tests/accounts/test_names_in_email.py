"""What someone types as their name cannot shape the emails careerplan sends."""

from datetime import time

import pytest
from django.core import mail
from django.urls import reverse

from apps.accounts.models import User
from apps.checkins.services.schedules import schedule_save
from apps.checkins.services.sweep import dispatch_due_reminders
from tests.checkins.conftest import MONDAY

SINGLE_LINE = "Use one line of ordinary text"
HOSTILE_NAMES = [
    "Nia\r\nBcc: victim@example.com",
    "Nia\nVisit http://evil.example",
    "Nia\x00",
    "Nia\tTab",
    "Nia\u202eevil",  # right-to-left override
    "Nia\u2066x\u2069",
    "Nia\u2028next line",
]


def _signup(client, callbacks, **overrides):
    data = {
        "email": "new.planner@example.com",
        "password1": "a long enough passphrase",
        "display_name": "Nia",
        "timezone": "UTC",
        **overrides,
    }
    with callbacks(execute=True):
        return client.post(reverse("account_signup"), data)


@pytest.mark.parametrize("name", [n for n in HOSTILE_NAMES if "\x00" not in n])
def test_sign_up_refuses_names_with_control_characters(
    client, db, django_capture_on_commit_callbacks, name
):
    response = _signup(client, django_capture_on_commit_callbacks, display_name=name)
    assert SINGLE_LINE in response.content.decode()
    assert not User.objects.exists()
    assert mail.outbox == []


@pytest.mark.parametrize("name", [n for n in HOSTILE_NAMES if "\x00" not in n])
def test_the_profile_refuses_names_with_control_characters(alice_client, alice, name):
    response = alice_client.post(
        reverse("accounts:settings"), {"display_name": name, "timezone": "UTC"}
    )
    assert response.status_code == 422
    assert SINGLE_LINE in response.content.decode()
    alice.refresh_from_db()
    assert alice.display_name == "Alice"


def test_ordinary_names_with_accents_and_emoji_are_kept(alice_client, alice):
    name = "Zoë Ōkubo-Núñez 👩‍💻"
    response = alice_client.post(
        reverse("accounts:settings"), {"display_name": name, "timezone": "UTC"}
    )
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.display_name == name


def test_a_link_in_a_name_is_not_linkified_in_the_confirmation_email(
    client, db, django_capture_on_commit_callbacks
):
    _signup(client, django_capture_on_commit_callbacks, display_name="Nia http://evil.example/x")
    html, _ = mail.outbox[0].alternatives[0]
    assert "http://evil.example/x" in html
    assert 'href="http://evil.example' not in html
    # careerplan's own link is still clickable.
    assert 'href="http://testserver/accounts/confirm-email/' in html


def test_subjects_are_plain_text_not_html(alice, time_machine, django_capture_on_commit_callbacks):
    alice.display_name = "<b>Al & Co</b>"
    alice.save()
    time_machine.move_to(MONDAY, tick=False)
    schedule_save(user=alice, frequency="weekly", timezone="UTC", weekday=0, local_time=time(8, 30))
    time_machine.move_to(MONDAY.replace(hour=8, minute=31), tick=False)
    with django_capture_on_commit_callbacks(execute=True):
        dispatch_due_reminders()
    subject = mail.outbox[0].subject
    assert subject.startswith("Time for your check-in, <b>Al & Co</b>")
    assert "&lt;" not in subject
    assert "&amp;" not in subject
    assert "\n" not in subject
    assert "Hi <b>Al & Co</b>," in mail.outbox[0].body
