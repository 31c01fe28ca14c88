"""The schedule form reads only the day field the chosen rhythm uses, and its time-zone picker
offers each place once, common zones first, forgiving how a zone is typed."""

import re
import zoneinfo
from datetime import UTC, datetime

import pytest
from django.urls import reverse

from apps.accounts.timezones import COMMON_TIMEZONES, canonical_timezones
from apps.checkins.models import CheckinSchedule
from apps.checkins.services.schedules import schedule_save

URL = reverse("checkins:schedule")
FORM = {"frequency": "monthly", "day_of_month": "15", "local_time": "08:30", "timezone": "UTC"}


@pytest.fixture(autouse=True)
def on_a_wednesday(time_machine):
    time_machine.move_to(datetime(2026, 11, 25, 12, 0, tzinfo=UTC), tick=False)


def _options(page: str) -> list[str]:
    datalist = page.split('<datalist id="timezone-options">', 1)[1].split("</datalist>", 1)[0]
    return re.findall(r'<option value="([^"]+)"', datalist)


def test_the_zone_list_has_each_place_once_and_common_zones_first(alice_client):
    options = _options(alice_client.get(URL).content.decode())

    assert options[: len(COMMON_TIMEZONES)] == list(COMMON_TIMEZONES)
    assert len(options) == len(set(options))
    # Old names of places the list already has are left out; every entry is a real zone.
    for legacy in ("Asia/Calcutta", "Europe/Kiev", "US/Eastern", "Etc/GMT+5", "GB"):
        assert legacy not in options
    assert {"Asia/Kolkata", "Europe/Kyiv", "Europe/Amsterdam"} <= set(options)
    assert set(options) <= zoneinfo.available_timezones()
    assert len(options) == len(canonical_timezones()) < 450


def test_a_monthly_schedule_needs_no_weekday(alice_client, alice):
    response = alice_client.post(URL, FORM)

    assert response.status_code == 302
    schedule = CheckinSchedule.objects.get(owner=alice)
    assert (schedule.frequency, schedule.day_of_month) == ("monthly", 15)


def test_the_day_field_of_the_other_rhythm_is_ignored_and_keeps_what_was_stored(
    alice_client, alice
):
    schedule_save(user=alice, frequency="weekly", timezone="UTC", weekday=3)
    alice_client.post(URL, {**FORM, "weekday": "6"})

    schedule = CheckinSchedule.objects.get(owner=alice)
    assert (schedule.frequency, schedule.day_of_month, schedule.weekday) == ("monthly", 15, 3)


def test_a_missing_day_for_the_chosen_rhythm_is_named_next_to_its_field(alice_client, alice):
    response = alice_client.post(URL, {**FORM, "frequency": "weekly", "weekday": ""})

    assert response.status_code == 422
    page = response.content.decode()
    assert re.search(r'id="id_weekday_error"><li>Choose the day of the week', page)
    assert 'aria-invalid="true"' in page
    assert not CheckinSchedule.objects.filter(owner=alice).exists()


@pytest.mark.parametrize(
    ("typed", "saved"),
    [("europe/berlin", "Europe/Berlin"), ("America/New York", "America/New_York"), ("UTC", "UTC")],
)
def test_a_zone_typed_loosely_is_saved_under_its_name(alice_client, alice, typed, saved):
    alice_client.post(URL, {**FORM, "timezone": typed})
    assert CheckinSchedule.objects.get(owner=alice).timezone == saved


@pytest.mark.parametrize("typed", ["Moon/Base", "", "x" * 65, "Berlin"])
def test_an_unknown_zone_is_refused_next_to_the_field(alice_client, alice, typed):
    response = alice_client.post(URL, {**FORM, "timezone": typed})

    assert response.status_code == 422
    assert 'id="id_timezone_error"' in response.content.decode()
    assert not CheckinSchedule.objects.filter(owner=alice).exists()


def test_the_page_loads_its_script_and_says_which_rhythm_each_day_is_for(alice_client):
    page = alice_client.get(URL).content.decode()
    assert '<script src="/static/js/schedule.js" defer>' in page
    assert 'data-frequencies="weekly biweekly"' in page
    assert "On day (monthly and quarterly)" in page
    assert "chartjs" not in page
