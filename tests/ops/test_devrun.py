"""`make run` on another port: the site address, and so every emailed or subscribed link,
follows the port unless SITE_URL is set."""

import os
import subprocess
import sys
from datetime import time, timedelta

import pytest
from django.core import mail
from django.urls import reverse
from icalendar import Calendar

from apps.checkins.services.schedules import schedule_save
from apps.checkins.services.sweep import dispatch_due_reminders
from apps.goals.services import calendar_feed_for
from careerplan.devrun import dev_environment
from tests.checkins.conftest import MONDAY
from tests.factories import GoalFactory


def test_the_site_address_follows_the_port():
    env = dev_environment({"PORT": "8100", "HOME": "/home/x"})
    assert env["SITE_URL"] == "http://127.0.0.1:8100"
    assert (env["PORT"], env["DEBUG"], env["HOME"]) == ("8100", "1", "/home/x")


def test_the_default_port_and_an_explicit_site_address():
    assert dev_environment({})["SITE_URL"] == "http://127.0.0.1:8000"
    given = dev_environment({"PORT": "8100", "SITE_URL": "https://cp.example.org"})
    assert given["SITE_URL"] == "https://cp.example.org"


def test_the_settings_a_child_process_loads_use_that_address():
    env = {k: v for k, v in os.environ.items() if k not in {"SITE_URL", "DEBUG"}}
    env = dev_environment({**env, "PORT": "8100", "DJANGO_SETTINGS_MODULE": "careerplan.settings"})
    code = (
        "from django.conf import settings; print(settings.SITE_URL, settings.CSRF_TRUSTED_ORIGINS)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.split() == ["http://127.0.0.1:8100", "['http://127.0.0.1:8100']"]


@pytest.fixture
def site_on_8100(settings):
    settings.SITE_URL = dev_environment({"PORT": "8100"})["SITE_URL"]
    return settings.SITE_URL


def test_reminder_links_use_the_site_address(
    site_on_8100, alice, time_machine, django_capture_on_commit_callbacks
):
    time_machine.move_to(MONDAY, tick=False)
    schedule_save(
        user=alice, frequency="weekly", timezone="Europe/Berlin", weekday=0, local_time=time(8, 30)
    )
    time_machine.move_to(MONDAY + timedelta(hours=1, minutes=31), tick=False)
    with django_capture_on_commit_callbacks(execute=True):
        dispatch_due_reminders()

    (message,) = mail.outbox
    assert f"{site_on_8100}/checkins/pause/" in message.body
    assert f"{site_on_8100}{reverse('checkins:start')}" in message.body
    assert message.extra_headers["List-Unsubscribe"].startswith(f"<{site_on_8100}/")
    assert "127.0.0.1:8000" not in message.body


def test_calendar_links_use_the_site_address(site_on_8100, alice, alice_client, client):
    goal = GoalFactory(owner=alice, title="Get certified")
    feed = calendar_feed_for(user=alice)

    page = alice_client.get(reverse("plan:calendar")).content.decode()
    events = Calendar.from_ical(
        client.get(reverse("plan:feed", kwargs={"token": feed.token})).content
    )

    assert f'href="webcal://127.0.0.1:8100/calendar/{feed.token}.ics"' in page
    (event,) = events.walk("VEVENT")
    assert str(event["URL"]) == f"{site_on_8100}/goals/{goal.public_id}/"
