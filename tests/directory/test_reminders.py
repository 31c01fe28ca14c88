"""A request unanswered for a week: one reminder to the mentor and word to the planner, however
often or however many times at once the beat job runs."""

import threading
from datetime import UTC, datetime, timedelta

import pytest
from django.core import mail
from django.db import connection

from apps.directory import services, tasks
from apps.directory.models import MentorRequest
from apps.notifications.models import Notification

SENT = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


def _reminders() -> list:
    return [m for m in mail.outbox if "still waiting" in m.subject]


@pytest.fixture
def open_request(alice, bob_profile, time_machine):
    time_machine.move_to(SENT, tick=False)
    return services.request_send(planner=alice, profile=bob_profile, message="Hello")


@pytest.mark.django_db
def test_nothing_is_sent_before_a_week_has_passed(
    open_request, time_machine, django_capture_on_commit_callbacks
):
    time_machine.move_to(SENT + timedelta(days=6, hours=23), tick=False)
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.remind_unanswered_requests() == 0
    assert _reminders() == []


@pytest.mark.django_db
def test_one_reminder_after_a_week_even_when_the_job_runs_again(
    open_request, alice, bob, time_machine, django_capture_on_commit_callbacks
):
    time_machine.move_to(SENT + timedelta(days=7, minutes=5), tick=False)
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.remind_unanswered_requests() == 1
    time_machine.move_to(SENT + timedelta(days=9), tick=False)
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.remind_unanswered_requests() == 0
    [reminder] = _reminders()
    assert reminder.to == [bob.email]
    assert reminder.subject == "Alice is still waiting for your answer"
    assert "only reminder" in reminder.body
    told = Notification.objects.filter(recipient=alice, kind="mentor_request_waiting")
    assert told.count() == 1


@pytest.mark.django_db
def test_an_answered_request_is_not_reminded(
    open_request, bob, time_machine, django_capture_on_commit_callbacks
):
    services.request_decline(request=open_request, by=bob)
    time_machine.move_to(SENT + timedelta(days=8), tick=False)
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.remind_unanswered_requests() == 0
    assert _reminders() == []


def _in_threads(count: int, target) -> None:
    barrier = threading.Barrier(count)

    def run():
        barrier.wait()
        try:
            target()
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("runs", [2, 4])
def test_concurrent_runs_remind_each_request_once(runs, time_machine):
    from apps.directory.models import MentorProfile
    from tests.factories import UserFactory

    time_machine.move_to(SENT, tick=False)
    mentors = [
        MentorProfile.objects.create(user=UserFactory(), headline=f"Mentor {n}", capacity=5)
        for n in range(3)
    ]
    for planner in UserFactory.create_batch(4):
        for profile in mentors:
            services.request_send(planner=planner, profile=profile, message="Hi")
    mail.outbox.clear()
    time_machine.move_to(SENT + timedelta(days=8), tick=False)
    _in_threads(runs, tasks.remind_unanswered_requests)
    assert len(_reminders()) == 12
    assert sorted(m.to[0] for m in _reminders()) == sorted(
        p.user.email for p in mentors for _ in range(4)
    )
    assert MentorRequest.objects.filter(reminded_at=None).count() == 0
    assert Notification.objects.filter(kind="mentor_request_waiting").count() == 12
