import re
from datetime import timedelta

from django.core import mail
from django.urls import reverse

from apps.checkins.models import DeliveryStatus, ReminderDelivery
from apps.checkins.services.schedules import schedule_save
from apps.checkins.services.sweep import dispatch_due_reminders
from tests.checkins.conftest import MONDAY

CHANGELIST = reverse("admin:checkins_reminderdelivery_changelist")


def _failed_delivery(user):
    schedule = schedule_save(user=user, frequency="weekly", timezone="UTC", now=MONDAY)
    return ReminderDelivery.objects.create(
        user=user,
        kind="checkin",
        occurrence_key="2026-11-30",
        due_at=MONDAY,
        schedule_version=schedule.version,
        status=DeliveryStatus.FAILED,
        attempts=1,
        last_error="550 no such mailbox",
    )


def test_staff_see_deliveries_by_status(client, admin_user, alice):
    _failed_delivery(alice)
    client.force_login(admin_user)
    page = client.get(CHANGELIST, {"status__exact": "failed"}).content.decode()
    assert "alice@example.com" in page
    assert (
        client.get(CHANGELIST, {"status__exact": "sent"})
        .content.decode()
        .count("alice@example.com")
        == 0
    )


def test_staff_retry_a_failed_delivery_and_the_next_sweep_sends_it(
    client, admin_user, alice, time_machine, django_capture_on_commit_callbacks
):
    delivery = _failed_delivery(alice)
    client.force_login(admin_user)
    time_machine.move_to(MONDAY + timedelta(hours=2), tick=False)
    response = client.post(
        CHANGELIST, {"action": "retry", "_selected_action": [delivery.pk]}, follow=True
    )
    assert "1 deliveries will be sent with the next sweep." in response.content.decode()
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.PENDING
    with django_capture_on_commit_callbacks(execute=True):
        dispatch_due_reminders()
    assert [m.to for m in mail.outbox] == [[alice.email]]


def test_planners_cannot_see_deliveries(alice_client):
    assert alice_client.get(CHANGELIST).status_code in {302, 403}


def test_the_admin_index_names_each_section_once_and_spells_deliveries(client, admin_user):
    client.force_login(admin_user)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Reminder deliveries" in page
    assert "deliverys" not in page
    sections = re.findall(r'class="section">([^<]+)</a>', page)
    assert sections.count("Accounts") == 1
    assert "Sign-in email addresses" in sections
