"""The staff console: what staff see (counts, never plans) and what their actions do."""

import pytest
import redis
from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from apps.accounts.models import AuditEvent, AuditKind
from apps.checkins import tasks
from apps.checkins.models import CheckIn, DeliveryKind, DeliveryStatus, ReminderDelivery
from tests.factories import GoalFactory, UserFactory


@pytest.fixture
def staff(client, admin_user):
    client.force_login(admin_user)
    return client


def _delivery(user, status, key="k"):
    return ReminderDelivery.objects.create(
        user=user,
        kind=DeliveryKind.CHECKIN,
        occurrence_key=key,
        due_at=timezone.now(),
        status=status,
        last_error="550 mailbox unavailable\r\nInjected: line" if status == "failed" else "",
    )


def test_staff_without_two_factor_are_sent_to_set_it_up(client, db):
    plain_staff = UserFactory(email="ops@example.com", is_staff=True)
    client.force_login(plain_staff)
    for name in ("staff:index", "staff:status", "staff:users"):
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert response["Location"] == reverse("mfa_activate_totp")


def test_the_overview_counts_people_check_ins_deliveries_and_the_queue(staff, alice, charlie):
    get_user_model().objects.filter(pk=charlie.pk).update(
        is_active=False, date_joined=timezone.now() - timezone.timedelta(days=30)
    )
    CheckIn.objects.create(owner=alice, completed_at=timezone.now())
    _delivery(alice, DeliveryStatus.FAILED, "a")
    _delivery(alice, DeliveryStatus.SENT, "b")
    _delivery(charlie, DeliveryStatus.SENT, "c")
    broker = redis.Redis.from_url(settings.REDIS_URL)
    broker.delete("celery")
    broker.rpush("celery", "one", "two")
    tasks.dispatch_due_reminders()
    try:
        page = staff.get(reverse("staff:index")).content.decode()
    finally:
        broker.delete("celery")
    assert "<strong>3</strong> accounts" in page  # alice, charlie, the admin
    assert "2 new this week" in page
    assert "1 deactivated" in page
    assert "<strong>1</strong> completed in the last seven days" in page
    assert "<dt>Sent</dt><dd>2</dd>" in page
    assert "1 failed — review and retry" in page
    assert "<strong>2</strong> tasks waiting" in page
    assert "none recorded" not in page


def test_a_persons_page_counts_their_plan_without_showing_it(staff, alice):
    GoalFactory(owner=alice, title="Secret ambition")
    GoalFactory(owner=alice, title="Another private goal")
    page = staff.get(reverse("staff:user", kwargs={"public_id": alice.public_id})).content.decode()
    assert "2 goals, 0 milestones, 0 check-ins, 0 wins, 0 mentorships" in page
    assert "Secret ambition" not in page
    assert "Another private goal" not in page


def test_searching_people_and_its_query_count_does_not_grow(staff, alice):
    def queries(params) -> tuple[int, str]:
        with CaptureQueriesContext(connection) as captured:
            response = staff.get(reverse("staff:users"), params)
        return len(captured), response.content.decode()

    few, page = queries({"q": "alice"})
    assert "alice@example.com" in page
    assert "admin@example.com" not in page
    for n in range(40):
        UserFactory(email=f"alice{n}@example.com")
    many, page = queries({"q": "alice"})
    assert many == few
    assert "Page 1 of 1" not in page
    assert "alice39@example.com" in page
    _, page = queries({"show": "deactivated"})
    assert "Nobody matches" in page


def test_deactivating_ends_every_session_of_that_person_at_once(staff, alice, password, admin_user):
    alices_browser = Client()
    alices_browser.post(reverse("account_login"), {"login": alice.email, "password": password})
    assert alices_browser.get(reverse("dashboard:index")).status_code == 200

    staff.post(reverse("staff:user-deactivate", kwargs={"public_id": alice.public_id}))

    alice.refresh_from_db()
    assert not alice.is_active
    assert alices_browser.get(reverse("dashboard:index")).status_code == 302
    (event,) = AuditEvent.objects.of(alice).filter(kind=AuditKind.ACCOUNT_DEACTIVATED)
    assert event.actor_ref == admin_user.public_id
    assert event.actor_words == "by staff"


def test_staff_cannot_deactivate_themselves(staff, admin_user):
    response = staff.post(
        reverse("staff:user-deactivate", kwargs={"public_id": admin_user.public_id}), follow=True
    )
    assert "You cannot deactivate your own account." in response.content.decode()
    admin_user.refresh_from_db()
    assert admin_user.is_active


def test_resending_verification_mails_the_person(staff, alice, django_capture_on_commit_callbacks):
    EmailAddress.objects.filter(user=alice).update(verified=False)
    with django_capture_on_commit_callbacks(execute=True):
        response = staff.post(
            reverse("staff:user-resend-verification", kwargs={"public_id": alice.public_id}),
            follow=True,
        )
    assert f"A new verification email is on its way to {alice.email}." in response.content.decode()
    assert [m.to for m in mail.outbox] == [[alice.email]]


def test_deleting_on_request_needs_the_address_typed(staff, alice, admin_user):
    url = reverse("staff:user-delete", kwargs={"public_id": alice.public_id})
    response = staff.post(url, {"confirm": "someone@else.example"})
    assert response.status_code == 422
    assert "That is not their address" in response.content.decode()

    staff.post(url, {"confirm": alice.email})

    assert not get_user_model().objects.filter(pk=alice.pk).exists()
    (left,) = AuditEvent.objects.filter(user_ref=alice.public_id)
    assert (left.kind, left.actor_ref) == (AuditKind.ACCOUNT_DELETED, admin_user.public_id)


def test_failed_mail_lists_errors_escaped_and_retry_puts_it_back(staff, alice):
    failed = _delivery(alice, DeliveryStatus.FAILED)
    page = staff.get(reverse("staff:failed")).content.decode()
    assert "550 mailbox unavailable\\u000d\\u000aInjected" in page

    response = staff.post(
        reverse("staff:retry"), {"outbox": "checkin-reminders", "row": failed.pk}, follow=True
    )

    failed.refresh_from_db()
    assert failed.status == DeliveryStatus.PENDING
    assert "will be sent with the next sweep" in response.content.decode()
    again = staff.post(
        reverse("staff:retry"), {"outbox": "checkin-reminders", "row": failed.pk}, follow=True
    )
    assert "not failed any more" in again.content.decode()


def test_the_status_page_has_the_detail_and_healthz_stays_minimal(staff, client, alice):
    _delivery(alice, DeliveryStatus.PENDING)
    page = staff.get(reverse("staff:status")).content.decode()
    assert "Database</th><td>ok" in page
    assert "Redis (task broker)</th><td>ok" in page
    assert "Pending deliveries</th><td>1" in page
    assert "none recorded" in page
    assert "late: check that beat" in page

    health = Client().get(reverse("core:healthz")).json()
    assert set(health) == {"status", "database", "redis"}


def test_the_staff_link_shows_only_for_staff(staff, alice):
    assert 'href="/staff/"' in staff.get(reverse("dashboard:index")).content.decode()
    planner = Client()
    planner.force_login(alice)
    assert 'href="/staff/"' not in planner.get(reverse("dashboard:index")).content.decode()


def test_the_failed_mail_page_query_count_does_not_grow(staff, alice):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert staff.get(reverse("staff:failed")).status_code == 200
        return len(captured)

    _delivery(alice, DeliveryStatus.FAILED, "first")
    few = queries()
    for n in range(20):
        _delivery(UserFactory(), DeliveryStatus.FAILED, f"more-{n}")
    assert queries() == few
