"""Meeting reminders: one email per person and occurrence, whatever goes wrong."""

import smtplib
import threading
from datetime import UTC, datetime, time, timedelta

import pytest
from django.core import mail
from django.db import connection, transaction
from icalendar import Calendar

from apps.meetings.models import DeliveryStatus, Meeting, MeetingReminder
from apps.meetings.services.delivery import reminder_send
from apps.meetings.services.schedule import series_save
from apps.meetings.services.stop_links import meeting_reminders_save
from apps.meetings.services.sweep import meeting_reminder_sweep
from apps.mentorship.services import mentorship_end
from tests.checkins import mailserver
from tests.factories import MentorshipFactory, UserFactory
from tests.meetings.conftest import MONDAY

# The first meeting: Wednesday 2 December, 10:00 Berlin = 09:00 UTC; reminded a day before.
FIRST = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)
REMIND = FIRST - timedelta(hours=24)


def _meeting_mail():
    return [m for m in mail.outbox if "Your meeting with" in m.subject]


@pytest.mark.django_db
def test_the_day_before_both_people_get_one_reminder_with_an_invitation(weekly, sweep_at):
    assert sweep_at(REMIND - timedelta(minutes=1)).created == 0
    first = sweep_at(REMIND)
    again = sweep_at(REMIND + timedelta(minutes=1))

    assert (first.created, again.created) == (2, 0)
    sent = _meeting_mail()
    assert sorted(m.to[0] for m in sent) == ["alice@example.com", "bob@example.com"]
    to_alice = next(m for m in sent if m.to == ["alice@example.com"])
    assert to_alice.subject == "Your meeting with Bob is tomorrow at 10:00"
    assert to_alice.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "/meetings/stop/" in to_alice.extra_headers["List-Unsubscribe"]
    assert "/meetings/stop/" in to_alice.body
    name, ics, mimetype = to_alice.attachments[0]
    assert (name, mimetype) == ("meeting.ics", "text/calendar; method=PUBLISH")
    event = Calendar.from_ical(ics).walk("VEVENT")[0]
    meeting = Meeting.objects.order_by("starts_at").first()
    assert event.decoded("dtstart") == FIRST
    assert str(event["uid"]).startswith(f"meeting-{meeting.public_id}@")
    # Each email has its own stop link.
    links = {m.extra_headers["List-Unsubscribe"] for m in sent}
    assert len(links) == 2


@pytest.mark.django_db
def test_the_ics_uid_stays_the_same_when_the_meeting_moves(weekly, mentorship, bob, sweep_at):
    meeting = Meeting.objects.order_by("starts_at").first()
    series_save(
        mentorship=mentorship,
        by=bob,
        frequency="weekly",
        weekday=3,
        local_time=time(10, 0),
        timezone="Europe/Berlin",
    )
    moved = Meeting.objects.get(pk=meeting.pk)
    assert moved.starts_at == FIRST + timedelta(days=1)
    assert moved.version == meeting.version + 1
    sweep_at(REMIND + timedelta(days=1))
    event = Calendar.from_ical(_meeting_mail()[0].attachments[0][1]).walk("VEVENT")[0]
    assert str(event["uid"]).startswith(f"meeting-{meeting.public_id}@")
    assert int(event["sequence"]) == moved.version


@pytest.mark.django_db
def test_a_series_keeps_four_meetings_ahead_as_time_passes(weekly, sweep_at):
    assert Meeting.objects.count() == 4
    sweep_at(REMIND)
    sweep_at(REMIND + timedelta(weeks=1))
    # The first is held; the second is reminded of and the fifth has joined.
    assert Meeting.objects.count() == 5
    assert Meeting.objects.filter(starts_at__gt=REMIND + timedelta(weeks=1)).count() == 4
    assert Meeting.objects.filter(remind_at__isnull=False).count() == 3
    assert len(_meeting_mail()) == 4


@pytest.mark.django_db
def test_after_downtime_a_coming_meeting_is_reminded_once_with_the_right_words(weekly, sweep_at):
    # Beat was down from the reminder time until two hours before the meeting.
    sweep_at(FIRST - timedelta(hours=2))
    sent = _meeting_mail()
    assert len(sent) == 2
    assert sent[0].subject.endswith("is today at 10:00")
    sweep_at(FIRST - timedelta(hours=1))
    assert len(_meeting_mail()) == 2


@pytest.mark.django_db
def test_after_downtime_a_meeting_already_held_is_not_mailed_late(weekly, sweep_at):
    # Down for the whole of the first meeting: nothing about it, the next ones are on time.
    result = sweep_at(FIRST + timedelta(hours=2))
    assert result.too_late == 1
    assert _meeting_mail() == []
    sweep_at(REMIND + timedelta(weeks=1))
    assert len(_meeting_mail()) == 2


@pytest.mark.django_db
def test_ending_the_mentorship_between_claim_and_send_sends_nothing(
    weekly, mentorship, alice, time_machine, django_capture_on_commit_callbacks
):
    time_machine.move_to(REMIND, tick=False)
    with django_capture_on_commit_callbacks(execute=False) as queued:
        meeting_reminder_sweep()
    mentorship_end(mentorship=mentorship, by=alice)
    mail.outbox.clear()  # the "mentorship ended" notices
    for callback in queued:
        callback()
    assert _meeting_mail() == []
    assert set(MeetingReminder.objects.values_list("status", flat=True)) == {"skipped"}


@pytest.mark.django_db
def test_an_ended_mentorship_gets_no_reminders(weekly, mentorship, alice, sweep_at):
    mentorship_end(mentorship=mentorship, by=alice)
    sweep_at(REMIND)
    assert _meeting_mail() == []
    assert not MeetingReminder.objects.exists()


@pytest.mark.django_db
def test_moving_the_meeting_between_claim_and_send_drops_the_old_reminder(
    weekly, mentorship, bob, time_machine, django_capture_on_commit_callbacks
):
    time_machine.move_to(REMIND, tick=False)
    with django_capture_on_commit_callbacks(execute=False) as queued:
        meeting_reminder_sweep()
    series_save(
        mentorship=mentorship,
        by=bob,
        frequency="weekly",
        weekday=4,
        local_time=time(10, 0),
        timezone="Europe/Berlin",
    )
    mail.outbox.clear()
    for callback in queued:
        callback()
    assert _meeting_mail() == []


@pytest.mark.django_db
def test_a_person_who_stopped_reminders_gets_none_and_the_other_still_does(weekly, alice, sweep_at):
    meeting_reminders_save(user=alice, on=False)
    sweep_at(REMIND)
    assert [m.to for m in _meeting_mail()] == [["bob@example.com"]]


@pytest.mark.django_db
def test_the_send_task_run_twice_sends_once(
    weekly, time_machine, django_capture_on_commit_callbacks
):
    time_machine.move_to(REMIND, tick=False)
    with django_capture_on_commit_callbacks(execute=False):
        meeting_reminder_sweep()
    reminder = MeetingReminder.objects.filter(recipient__email="alice@example.com").get()
    assert reminder_send(reminder_id=reminder.pk) == DeliveryStatus.SENT
    assert reminder_send(reminder_id=reminder.pk) == DeliveryStatus.SKIPPED
    assert len(_meeting_mail()) == 1


@pytest.mark.django_db
def test_a_lost_task_is_queued_again_by_the_sweep(
    weekly, time_machine, sweep_at, django_capture_on_commit_callbacks
):
    time_machine.move_to(REMIND, tick=False)
    with django_capture_on_commit_callbacks(execute=False):
        meeting_reminder_sweep()  # the tasks never reach a worker
    sweep_at(REMIND + timedelta(minutes=2))
    assert _meeting_mail() == []
    sweep_at(REMIND + timedelta(minutes=6))
    assert len(_meeting_mail()) == 2


@pytest.mark.django_db
def test_a_rollback_after_the_sweep_sends_nothing(
    weekly, time_machine, django_capture_on_commit_callbacks
):
    time_machine.move_to(REMIND, tick=False)

    def sweep_then_fail():
        with transaction.atomic():
            meeting_reminder_sweep()
            raise RuntimeError("the surrounding work failed")

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError):
        sweep_then_fail()
    assert _meeting_mail() == []
    assert not MeetingReminder.objects.exists()


@pytest.mark.django_db
def test_a_worker_that_died_while_sending_is_not_retried(
    weekly, time_machine, flaky_mail, sweep_at, django_capture_on_commit_callbacks
):
    time_machine.move_to(REMIND, tick=False)
    with django_capture_on_commit_callbacks(execute=False):
        meeting_reminder_sweep()
    reminder = MeetingReminder.objects.filter(recipient__email="alice@example.com").get()
    flaky_mail.append(mailserver.WorkerDied())
    with pytest.raises(mailserver.WorkerDied):
        reminder_send(reminder_id=reminder.pk)
    sweep_at(REMIND + timedelta(minutes=6))
    reminder.refresh_from_db()
    assert reminder.status == DeliveryStatus.UNKNOWN
    sweep_at(REMIND + timedelta(minutes=30))
    assert [m.to for m in _meeting_mail()] == [["bob@example.com"]]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "error",
    [
        smtplib.SMTPResponseException(451, b"try again later"),
        smtplib.SMTPServerDisconnected("connection lost"),
        ConnectionRefusedError("mail server down"),
    ],
    ids=["4xx", "disconnect", "refused"],
)
def test_temporary_mail_errors_are_retried_with_backoff(weekly, flaky_mail, sweep_at, error):
    flaky_mail.append(error)
    sweep_at(REMIND)
    failed = MeetingReminder.objects.get(status=DeliveryStatus.PENDING)
    assert failed.next_attempt_at == REMIND + timedelta(minutes=2)
    assert len(_meeting_mail()) == 1
    sweep_at(REMIND + timedelta(minutes=1))
    assert len(_meeting_mail()) == 1
    sweep_at(REMIND + timedelta(minutes=2))
    assert len(_meeting_mail()) == 2
    failed.refresh_from_db()
    assert (failed.status, failed.attempts) == (DeliveryStatus.SENT, 2)


@pytest.mark.django_db
def test_a_permanent_mail_error_is_not_retried(weekly, flaky_mail, sweep_at):
    flaky_mail.append(smtplib.SMTPResponseException(550, b"no such mailbox"))
    sweep_at(REMIND)
    sweep_at(REMIND + timedelta(hours=5))
    failed = MeetingReminder.objects.get(status=DeliveryStatus.FAILED)
    assert (failed.attempts, "550" in failed.last_error) == (1, True)
    assert len(_meeting_mail()) == 1


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
@pytest.mark.parametrize("sweeps", [2, 4])
def test_concurrent_sweeps_send_each_reminder_once(sweeps, time_machine):
    time_machine.move_to(MONDAY, tick=False)
    mentor = UserFactory(timezone="UTC")
    planners = UserFactory.create_batch(12, timezone="UTC")
    for planner in planners:
        series_save(
            mentorship=MentorshipFactory(planner=planner, mentor=mentor),
            by=mentor,
            frequency="weekly",
            weekday=2,
            local_time=time(9, 0),
            timezone="UTC",
        )
    mail.outbox.clear()  # the "meeting set" notices
    time_machine.move_to(REMIND, tick=False)
    _in_threads(sweeps, lambda: meeting_reminder_sweep(batch_size=5))
    sent = _meeting_mail()
    assert sorted(m.to[0] for m in sent) == sorted(
        [p.email for p in planners] + [mentor.email] * 12
    )
    assert MeetingReminder.objects.filter(status=DeliveryStatus.SENT).count() == 24


@pytest.mark.django_db(transaction=True)
def test_the_same_send_task_twice_at_once_sends_once(alice, bob, time_machine):
    time_machine.move_to(MONDAY, tick=False)
    mentorship = MentorshipFactory(planner=alice, mentor=bob)
    series_save(
        mentorship=mentorship,
        by=bob,
        frequency="weekly",
        weekday=2,
        local_time=time(10, 0),
        timezone="Europe/Berlin",
    )
    meeting = Meeting.objects.order_by("starts_at").first()
    reminder = MeetingReminder.objects.create(
        meeting=meeting, recipient=alice, meeting_version=meeting.version, next_attempt_at=MONDAY
    )
    mail.outbox.clear()
    _in_threads(3, lambda: reminder_send(reminder_id=reminder.pk))
    assert len(_meeting_mail()) == 1


# Weekly at 10:00 local, across each zone's DST change (Kolkata has none: it must not drift).
DST_CASES = [
    # zone, a Monday before the change, the meeting weekday, UTC hour before, UTC hour after
    ("Europe/Berlin", datetime(2026, 10, 19, tzinfo=UTC), 2, 8, 9),
    ("America/New_York", datetime(2026, 10, 26, tzinfo=UTC), 2, 14, 15),
    ("Australia/Sydney", datetime(2026, 9, 28, tzinfo=UTC), 2, 0, 23),
    ("Asia/Kolkata", datetime(2026, 10, 19, tzinfo=UTC), 2, 4, 4),
]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("zone", "start", "weekday", "before", "after"), DST_CASES, ids=[c[0] for c in DST_CASES]
)
def test_meetings_stay_at_their_local_time_across_dst(
    zone, start, weekday, before, after, alice, bob, sweep_at, time_machine
):
    time_machine.move_to(start, tick=False)
    alice.timezone = zone
    alice.save()
    mentorship = MentorshipFactory(planner=alice, mentor=bob)
    series_save(
        mentorship=mentorship,
        by=alice,
        frequency="weekly",
        weekday=weekday,
        local_time=time(10, 0),
        timezone=zone,
    )
    meetings = list(Meeting.objects.order_by("starts_at"))
    hours = [m.starts_at.astimezone(UTC).hour for m in meetings]
    assert hours[0] == before
    assert hours[-1] == after
    mail.outbox.clear()
    for meeting in meetings:
        sweep_at(meeting.starts_at - timedelta(hours=24))
    to_alice = [m for m in _meeting_mail() if m.to == [alice.email]]
    assert len(to_alice) == 4
    assert all(m.subject.endswith("tomorrow at 10:00") for m in to_alice)
