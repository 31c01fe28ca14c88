"""Every piece of check-in data is reached through its owned queryset: the owner sees it, a
stranger and an anonymous visitor do not, and a check-in's entries follow the check-in."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.http import Http404

from apps.checkins.access import access_checkin, draft_of, notifications_of, schedule_of
from apps.checkins.models import (
    CheckIn,
    CheckInGoal,
    CheckinSchedule,
    NotificationSettings,
    ReminderDelivery,
)
from apps.checkins.services.checkins import checkin_complete, checkin_start
from apps.checkins.services.schedules import notifications_save, reminders_save, schedule_save
from tests.checkins.conftest import MONDAY
from tests.factories import GoalFactory

SCHEDULE = {
    "frequency": "weekly",
    "timezone": "Europe/Berlin",
    "weekday": 0,
    "day_of_month": 1,
    "local_time": MONDAY.time(),
    "paused": False,
}


@pytest.fixture
def alices_data(alice):
    GoalFactory(owner=alice)
    schedule_save(user=alice, frequency="weekly", timezone="Europe/Berlin")
    notifications_save(user=alice, milestone_reminders=True)
    done = checkin_complete(checkin=checkin_start(user=alice))
    ReminderDelivery.objects.create(
        user=alice, kind="checkin", occurrence_key="2026-11-30", due_at=MONDAY
    )
    return done


MODELS = [CheckinSchedule, NotificationSettings, CheckIn, CheckInGoal, ReminderDelivery]


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_the_owner_sees_and_edits_her_rows_and_no_one_else_does(alices_data, alice, charlie, model):
    everything = set(model.objects.values_list("pk", flat=True))
    assert everything
    assert set(model.objects.visible_to(alice).values_list("pk", flat=True)) == everything
    assert set(model.objects.editable_by(alice).values_list("pk", flat=True)) == everything
    for stranger in (charlie, AnonymousUser()):
        assert not model.objects.visible_to(stranger).exists()
        assert not model.objects.editable_by(stranger).exists()


def test_a_check_in_is_found_only_by_its_owner(alices_data, alice, charlie):
    assert access_checkin(alice, alices_data.public_id) == alices_data
    for user, public_id in ((charlie, alices_data.public_id), (alice, "not-a-uuid")):
        with pytest.raises(Http404):
            access_checkin(user, public_id)


def test_a_completed_check_in_is_no_draft_to_write(alice):
    draft = checkin_start(user=alice)
    assert draft_of(alice) == draft
    assert access_checkin(alice, draft.public_id, for_write=True) == draft
    checkin_complete(checkin=draft)
    assert draft_of(alice) is None
    with pytest.raises(Http404):
        access_checkin(alice, draft.public_id, queryset=CheckIn.objects.drafts())


def test_the_one_per_planner_rows_are_the_planners_own(alices_data, alice, charlie):
    assert schedule_of(alice).owner == alice
    assert notifications_of(alice).owner == alice
    assert schedule_of(charlie) is None
    assert notifications_of(charlie) is None


def test_the_settings_page_saves_both_rows_or_neither(alice):
    with pytest.raises(ValidationError):
        reminders_save(user=alice, **{**SCHEDULE, "frequency": "hourly"}, milestone_reminders=True)
    assert notifications_of(alice) is None
    assert schedule_of(alice) is None
    reminders_save(user=alice, **SCHEDULE, milestone_reminders=True)
    assert notifications_of(alice).milestone_reminders
    assert schedule_of(alice).frequency == "weekly"
