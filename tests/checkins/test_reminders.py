"""The reminder sweep and sends: exactly the right emails, whatever goes wrong."""

import smtplib
import threading
from datetime import UTC, datetime, timedelta

import pytest
from django.core import mail
from django.db import connection, transaction
from django.urls import reverse

from apps.checkins.models import CheckinSchedule, DeliveryStatus, ReminderDelivery
from apps.checkins.services.delivery import MAX_ATTEMPTS, delivery_send
from apps.checkins.services.schedules import notifications_save, schedule_pause, schedule_save
from apps.checkins.services.sweep import dispatch_due_reminders
from tests.checkins import mailserver
from tests.checkins.conftest import MONDAY

DUE = MONDAY + timedelta(hours=1, minutes=31)  # 08:31 in Berlin


@pytest.fixture
def sweep_at(time_machine, django_capture_on_commit_callbacks):
    """Move the clock to `moment` and run one sweep there, its sends included."""

    def sweep(moment):
        time_machine.move_to(moment, tick=False)
        with django_capture_on_commit_callbacks(execute=True):
            return dispatch_due_reminders()

    return sweep


@pytest.mark.django_db
def test_nothing_is_sent_before_the_planners_time(
    weekly_alice, time_machine, sweep_at, django_capture_on_commit_callbacks
):
    result = sweep_at(MONDAY + timedelta(hours=1))
    assert result.created == 0
    assert mail.outbox == []


@pytest.mark.django_db
def test_a_due_schedule_gets_one_email_and_moves_to_next_week(
    weekly_alice, time_machine, alice, sweep_at, django_capture_on_commit_callbacks
):
    first = sweep_at(DUE)
    again = sweep_at(DUE + timedelta(minutes=1))

    assert (first.created, again.created) == (1, 0)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [alice.email]
    assert message.subject.startswith("Time for your check-in, Alice")
    assert "List-Unsubscribe" in message.extra_headers
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "/checkins/pause/" in message.body
    weekly_alice.refresh_from_db()
    assert weekly_alice.next_due_key == "2026-12-07"
    delivery = ReminderDelivery.objects.get()
    assert (delivery.status, delivery.occurrence_key) == (DeliveryStatus.SENT, "2026-11-30")


@pytest.mark.django_db
def test_a_week_of_downtime_yields_one_catch_up_reminder(
    weekly_alice, time_machine, sweep_at, django_capture_on_commit_callbacks
):
    # Beat was down for three weeks: one reminder now, not three.
    result = sweep_at(DUE + timedelta(weeks=3))
    assert result.created == 1
    assert len(mail.outbox) == 1
    weekly_alice.refresh_from_db()
    assert weekly_alice.next_due_at > DUE + timedelta(weeks=3)


@pytest.mark.django_db
def test_a_rollback_after_the_sweep_sends_nothing(
    weekly_alice, time_machine, django_capture_on_commit_callbacks
):
    time_machine.move_to(DUE, tick=False)

    def sweep_then_fail():
        with transaction.atomic():
            dispatch_due_reminders()
            raise RuntimeError("the surrounding work failed")

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError):
        sweep_then_fail()
    assert mail.outbox == []
    assert not ReminderDelivery.objects.exists()


@pytest.mark.django_db
def test_pausing_between_claim_and_send_skips_the_email(
    weekly_alice, time_machine, django_capture_on_commit_callbacks
):
    time_machine.move_to(DUE, tick=False)
    with django_capture_on_commit_callbacks(execute=False) as queued:
        dispatch_due_reminders()
    schedule_pause(schedule=weekly_alice)
    for callback in queued:
        callback()
    assert mail.outbox == []
    assert ReminderDelivery.objects.get().status == DeliveryStatus.SKIPPED


@pytest.mark.django_db
def test_changing_the_schedule_between_claim_and_send_skips_the_old_reminder(
    weekly_alice, time_machine, alice, django_capture_on_commit_callbacks
):
    time_machine.move_to(DUE, tick=False)
    with django_capture_on_commit_callbacks(execute=False) as queued:
        dispatch_due_reminders()
    schedule_save(user=alice, frequency="monthly", timezone="Europe/Berlin")
    for callback in queued:
        callback()
    assert mail.outbox == []


@pytest.mark.django_db
def test_the_send_task_run_twice_sends_once(
    weekly_alice, time_machine, django_capture_on_commit_callbacks
):
    time_machine.move_to(DUE, tick=False)
    with django_capture_on_commit_callbacks(execute=False):
        dispatch_due_reminders()
    delivery = ReminderDelivery.objects.get()
    assert delivery_send(delivery_id=delivery.pk) == DeliveryStatus.SENT
    assert delivery_send(delivery_id=delivery.pk) == "skipped"
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_a_lost_task_is_queued_again_by_the_sweep(
    weekly_alice, time_machine, sweep_at, django_capture_on_commit_callbacks
):
    time_machine.move_to(DUE, tick=False)
    with django_capture_on_commit_callbacks(execute=False):
        dispatch_due_reminders()  # the task never reaches a worker
    assert mail.outbox == []
    sweep_at(DUE + timedelta(minutes=2))
    assert mail.outbox == []  # too early to call it lost
    sweep_at(DUE + timedelta(minutes=6))
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_a_worker_that_died_while_sending_is_not_retried(
    weekly_alice, time_machine, flaky_mail, sweep_at, django_capture_on_commit_callbacks
):
    time_machine.move_to(DUE, tick=False)
    with django_capture_on_commit_callbacks(execute=False):
        dispatch_due_reminders()
    delivery = ReminderDelivery.objects.get()
    # The worker claimed it, then died mid-send: maybe the server accepted it, maybe not.
    flaky_mail.append(mailserver.WorkerDied())
    with pytest.raises(mailserver.WorkerDied):
        delivery_send(delivery_id=delivery.pk)
    sweep_at(DUE + timedelta(minutes=3))
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.SENDING  # the lease still runs
    sweep_at(DUE + timedelta(minutes=6))
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.UNKNOWN
    sweep_at(DUE + timedelta(minutes=30))
    assert mail.outbox == []


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
def test_temporary_mail_errors_are_retried_with_backoff(
    weekly_alice, time_machine, flaky_mail, sweep_at, django_capture_on_commit_callbacks, error
):
    flaky_mail.append(error)
    sweep_at(DUE)
    delivery = ReminderDelivery.objects.get()
    assert delivery.status == DeliveryStatus.PENDING
    assert delivery.next_attempt_at == DUE + timedelta(minutes=2)
    assert mail.outbox == []

    sweep_at(DUE + timedelta(minutes=1))
    assert mail.outbox == []  # not before its retry time
    sweep_at(DUE + timedelta(minutes=2))
    assert len(mail.outbox) == 1
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.SENT, 2)


@pytest.mark.django_db
def test_retries_are_bounded(
    weekly_alice, time_machine, flaky_mail, sweep_at, django_capture_on_commit_callbacks
):
    flaky_mail.extend(smtplib.SMTPResponseException(421, b"busy") for _ in range(10))
    moment = DUE
    for _ in range(8):
        sweep_at(moment)
        moment += timedelta(hours=2)
    delivery = ReminderDelivery.objects.get()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.FAILED, MAX_ATTEMPTS)
    assert mail.outbox == []


@pytest.mark.django_db
def test_a_permanent_mail_error_is_not_retried(
    weekly_alice, time_machine, flaky_mail, sweep_at, django_capture_on_commit_callbacks
):
    flaky_mail.append(smtplib.SMTPResponseException(550, b"no such mailbox"))
    sweep_at(DUE)
    sweep_at(DUE + timedelta(hours=5))
    delivery = ReminderDelivery.objects.get()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.FAILED, 1)
    assert "550" in delivery.last_error
    assert mail.outbox == []


@pytest.mark.django_db
def test_an_inactive_account_gets_no_reminder(
    weekly_alice, time_machine, alice, sweep_at, django_capture_on_commit_callbacks
):
    alice.is_active = False
    alice.save()
    sweep_at(DUE)
    assert mail.outbox == []


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
    from tests.factories import UserFactory

    users = UserFactory.create_batch(30, timezone="UTC")
    for user in users:
        schedule_save(user=user, frequency="weekly", timezone="UTC", now=MONDAY)
    time_machine.move_to(MONDAY + timedelta(days=1), tick=False)
    _in_threads(sweeps, lambda: dispatch_due_reminders(batch_size=7))
    assert sorted(m.to[0] for m in mail.outbox) == sorted(u.email for u in users)
    assert ReminderDelivery.objects.filter(status=DeliveryStatus.SENT).count() == 30


@pytest.mark.django_db(transaction=True)
def test_the_same_send_task_twice_at_once_sends_once(alice, time_machine):
    time_machine.move_to(MONDAY, tick=False)
    schedule_save(user=alice, frequency="weekly", timezone="UTC", now=MONDAY)
    schedule = alice.checkin_schedule
    delivery = ReminderDelivery.objects.create(
        user=alice,
        kind="checkin",
        occurrence_key="2026-11-30",
        due_at=MONDAY,
        schedule_version=schedule.version,
        next_attempt_at=MONDAY,
    )
    _in_threads(3, lambda: delivery_send(delivery_id=delivery.pk))
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_milestone_deadlines_come_as_one_digest_the_morning_before(alice, time_machine, sweep_at):
    from tests.factories import GoalFactory, MilestoneFactory

    time_machine.move_to(MONDAY, tick=False)  # 07:00 in Berlin
    goal = GoalFactory(owner=alice, title="Get certified")
    tomorrow = MONDAY.date() + timedelta(days=1)
    MilestoneFactory(goal=goal, title="Submit the application", due_date=tomorrow)
    MilestoneFactory(goal=goal, title="Pay the fee", due_date=tomorrow)
    MilestoneFactory(goal=goal, title="Later", due_date=tomorrow + timedelta(days=5))
    notifications_save(user=alice, milestone_reminders=True)

    sweep_at(MONDAY + timedelta(minutes=30))  # 07:30 local: not yet
    assert mail.outbox == []
    sweep_at(MONDAY + timedelta(hours=1, minutes=1))  # 08:01 local
    sweep_at(MONDAY + timedelta(hours=2))
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "Due tomorrow: Submit the application and 1 more"
    assert "Pay the fee" in message.body
    assert "Later" not in message.body
    assert "/checkins/pause/" in message.extra_headers["List-Unsubscribe"]


@pytest.mark.django_db
def test_no_digest_on_days_without_deadlines_or_when_switched_off(alice, time_machine, sweep_at):
    from tests.factories import GoalFactory, MilestoneFactory

    time_machine.move_to(MONDAY, tick=False)
    goal = GoalFactory(owner=alice)
    MilestoneFactory(goal=goal, due_date=MONDAY.date() + timedelta(days=3))
    notifications_save(user=alice, milestone_reminders=True)
    sweep_at(MONDAY + timedelta(hours=2))  # nothing due on Tuesday
    assert mail.outbox == []
    notifications_save(user=alice, milestone_reminders=False)
    sweep_at(MONDAY + timedelta(days=2, hours=2))  # Wednesday: Thursday's is due, but off
    assert mail.outbox == []


@pytest.mark.django_db
def test_schedules_sharing_a_rule_but_not_a_phase_move_on_correctly(
    alice, charlie, time_machine, sweep_at
):
    from tests.factories import UserFactory

    dora, eve = UserFactory(timezone="UTC"), UserFactory(timezone="UTC")

    def save_on(day, user, frequency):
        time_machine.move_to(datetime(2026, 12, day, 6, 0, tzinfo=UTC), tick=False)
        schedule_save(user=user, frequency=frequency, timezone="UTC", weekday=0)

    save_on(1, alice, "weekly")  # a Tuesday
    save_on(9, dora, "weekly")  # a Wednesday
    save_on(1, charlie, "biweekly")  # every other Monday from 7 Dec
    save_on(9, eve, "biweekly")  # every other Monday from 14 Dec

    sweep_at(datetime(2026, 12, 29, 9, 0, tzinfo=UTC))  # everyone is due by now
    keys = {
        name: CheckinSchedule.objects.get(owner=user).next_due_key
        for name, user in (("alice", alice), ("charlie", charlie), ("dora", dora), ("eve", eve))
    }
    assert keys == {
        "alice": "2027-01-04",
        "dora": "2027-01-04",
        "charlie": "2027-01-04",
        "eve": "2027-01-11",
    }


def _check_in(client, user, moment, time_machine):
    """A check-in finished through the pages at `moment`."""
    time_machine.move_to(moment, tick=False)
    client.force_login(user)
    review = client.post(reverse("checkins:start"))["Location"]
    assert client.post(review, {"went_well": "Kept going", "complete": "1"}).status_code == 302


@pytest.mark.django_db
def test_a_check_in_just_before_the_reminder_satisfies_it(
    weekly_alice, alice, client, time_machine, sweep_at
):
    _check_in(client, alice, MONDAY, time_machine)  # 07:00 in Berlin, before the 08:30 reminder

    assert sweep_at(DUE).created == 0
    assert mail.outbox == []
    weekly_alice.refresh_from_db()
    assert weekly_alice.next_due_key == "2026-12-07"
    # The next one comes on schedule.
    assert sweep_at(DUE + timedelta(weeks=1)).created == 1
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_a_check_in_after_a_reminder_leaves_the_next_one_on_schedule(
    weekly_alice, alice, client, time_machine, sweep_at
):
    sweep_at(DUE)
    _check_in(client, alice, DUE + timedelta(hours=2), time_machine)

    assert sweep_at(DUE + timedelta(weeks=1)).created == 1
    assert len(mail.outbox) == 2


@pytest.mark.django_db
def test_a_reminder_claimed_but_not_yet_sent_is_dropped_by_a_check_in(
    weekly_alice, alice, client, time_machine, django_capture_on_commit_callbacks
):
    time_machine.move_to(DUE, tick=False)
    with django_capture_on_commit_callbacks(execute=False) as queued:
        dispatch_due_reminders()
    _check_in(client, alice, DUE + timedelta(minutes=1), time_machine)
    for callback in queued:
        callback()

    assert mail.outbox == []
    assert ReminderDelivery.objects.get().status == DeliveryStatus.SKIPPED


@pytest.mark.django_db
def test_the_reminder_reads_as_a_sentence_after_the_greeting(weekly_alice, sweep_at):
    sweep_at(DUE)
    (message,) = mail.outbox
    assert "Hi Alice,\n\nYour check-in is due." in message.body
    html = message.alternatives[0][0]
    assert ">Your check-in is due." in html
    assert "it is time" not in message.body + html
