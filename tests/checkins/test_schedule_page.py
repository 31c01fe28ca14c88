from datetime import UTC, datetime

import pytest
from django.core.management import call_command
from django.urls import reverse

from apps.checkins.models import CheckinSchedule
from apps.checkins.services.pause_links import pause_token
from apps.checkins.services.schedules import (
    notifications_for,
    notifications_save,
    schedule_for,
    schedule_save,
)

URL = reverse("checkins:schedule")
FORM = {
    "frequency": "biweekly",
    "weekday": "0",
    "day_of_month": "1",
    "local_time": "08:30",
    "timezone": "Europe/Berlin",
}


@pytest.fixture
def on_a_wednesday(time_machine):
    time_machine.move_to(datetime(2026, 11, 25, 12, 0, tzinfo=UTC), tick=False)


def test_reminders_are_opt_in_with_a_suggested_rhythm(alice_client, alice, on_a_wednesday):
    page = alice_client.get(URL).content.decode()
    assert "No reminders yet" in page
    assert "we suggest Every Monday at 08:30, Europe/Berlin" in page
    assert not CheckinSchedule.objects.filter(owner=alice).exists()  # looking saves nothing


def test_a_saved_schedule_shows_its_next_reminders_in_the_planners_time(
    alice_client, on_a_wednesday
):
    alice_client.post(URL, {**FORM, "frequency": "weekly"})
    page = alice_client.get(URL).content.decode()
    assert "Every Monday at 08:30, Europe/Berlin" in page
    assert "Mon 30 Nov, 08:30" in page


def test_saving_a_schedule_shows_it_in_words(alice_client, alice, on_a_wednesday):
    response = alice_client.post(URL, FORM, follow=True)
    assert "Every other Monday at 08:30, Europe/Berlin" in response.content.decode()
    schedule = CheckinSchedule.objects.get(owner=alice)
    assert schedule.next_due_key == "2026-11-30"
    alice_client.post(URL, {**FORM, "local_time": "09:00"})
    schedule.refresh_from_db()
    assert schedule.version == 2  # every edit changes the version


def test_bad_input_is_refused_next_to_the_field(alice_client, alice, on_a_wednesday):
    response = alice_client.post(URL, {**FORM, "local_time": "25:99", "timezone": "Moon/Base"})
    assert response.status_code == 422
    page = response.content.decode()
    assert 'id="id_local_time_error"' in page
    assert 'id="id_timezone_error"' in page
    assert not CheckinSchedule.objects.filter(owner=alice).exists()


def test_pausing_stops_the_reminders(alice_client, alice, on_a_wednesday):
    alice_client.post(URL, {**FORM, "paused": "on"})
    schedule = CheckinSchedule.objects.get(owner=alice)
    assert schedule.paused
    assert schedule.next_due_at is None
    assert "Reminders are paused" in alice_client.get(URL).content.decode()


def test_htmx_save_returns_the_panel_only(alice_client, on_a_wednesday):
    response = alice_client.post(URL, FORM, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert response.content.decode().lstrip().startswith('<div id="schedule-panel">')


def test_schedule_page_query_count_is_pinned(alice_client, alice, django_assert_num_queries):
    schedule_save(user=alice, frequency="weekly", timezone="Europe/Berlin")
    # session, user, schedule, notification settings, the navigation's unread count
    with django_assert_num_queries(5):
        response = alice_client.get(URL)
    assert response.status_code == 200
    assert "Every Monday at 08:30, Europe/Berlin" in response.content.decode()


def test_the_pause_link_pauses_only_its_owner(client, alice, charlie):
    alice_schedule = schedule_save(user=alice, frequency="weekly", timezone="UTC")
    charlie_schedule = schedule_save(user=charlie, frequency="weekly", timezone="UTC")
    url = reverse("checkins:pause", kwargs={"token": pause_token(user=alice)})
    assert "Pause check-in reminders?" in client.get(url).content.decode()
    alice_schedule.refresh_from_db()
    assert not alice_schedule.paused  # a GET (a link preview) changes nothing
    response = client.post(url)
    assert "Check-in reminders paused" in response.content.decode()
    alice_schedule.refresh_from_db()
    charlie_schedule.refresh_from_db()
    assert alice_schedule.paused
    assert not charlie_schedule.paused


@pytest.mark.parametrize("token", ["forged", "alice@example.com"])
def test_a_forged_pause_link_is_not_found(client, alice, token):
    schedule_for(user=alice)
    assert client.post(reverse("checkins:pause", kwargs={"token": token})).status_code == 404


def test_a_pause_token_cannot_be_bent_to_another_user(client, alice, charlie):
    token = pause_token(user=alice)
    signature = token.rsplit(":", 1)[1]
    bent = f"{pause_token(user=charlie).rsplit(':', 1)[0]}:{signature}"
    assert client.post(reverse("checkins:pause", kwargs={"token": bent})).status_code == 404


def test_send_due_reminders_by_hand(alice, capsys, time_machine):
    time_machine.move_to(datetime(2026, 11, 30, 6, 0, tzinfo=UTC), tick=False)
    schedule_save(user=alice, frequency="weekly", timezone="Europe/Berlin")
    time_machine.move_to(datetime(2026, 11, 30, 8, 0, tzinfo=UTC), tick=False)
    call_command("send_due_reminders", "--dry-run")
    assert "alice@example.com  due 2026-11-30 07:30 UTC" in capsys.readouterr().out
    assert CheckinSchedule.objects.get(owner=alice).next_due_key == "2026-11-30"
    call_command("send_due_reminders")
    assert "Created 1 deliveries, queued 1" in capsys.readouterr().out


def test_the_milestone_stop_link_switches_off_only_milestone_reminders(client, alice):
    from apps.checkins.models import DeliveryKind

    notifications_save(user=alice, milestone_reminders=True)
    schedule = schedule_save(user=alice, frequency="weekly", timezone="UTC")
    token = pause_token(user=alice, kind=DeliveryKind.MILESTONE)
    response = client.post(reverse("checkins:pause", kwargs={"token": token}))
    assert "Milestone reminders off" in response.content.decode()
    assert not notifications_for(user=alice).milestone_reminders
    schedule.refresh_from_db()
    assert not schedule.paused


def test_opting_into_milestone_reminders_from_the_settings_page(
    alice_client, alice, on_a_wednesday
):
    alice_client.post(URL, {**FORM, "milestone_reminders": "on"})
    prefs = notifications_for(user=alice)
    assert prefs.milestone_reminders
    assert prefs.next_digest_key == "2026-11-26"  # tomorrow morning, Berlin
