"""A staff member finds a failed reminder in the console and sends it again, in a browser."""

from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.conf import settings
from django.test import Client
from django.utils import timezone
from playwright.sync_api import Page, expect

from apps.checkins.models import DeliveryKind, DeliveryStatus, ReminderDelivery
from tests.factories import UserFactory


def _signed_in_as(page: Page, base: str, user) -> None:
    # The sign-in with its two-factor code is covered by tests/accounts; here the session is
    # made directly and handed to the browser.
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": base}])


def test_staff_retry_a_failed_delivery_from_the_console(page: Page, live_server, browser_errors):
    base = live_server.url
    ops = UserFactory(email="ops@example.com", display_name="Ops", is_staff=True)
    TOTP.activate(ops, generate_totp_secret())
    assert Authenticator.objects.filter(user=ops).exists()
    robin = UserFactory(email="robin@example.com")
    failed = ReminderDelivery.objects.create(
        user=robin,
        kind=DeliveryKind.CHECKIN,
        occurrence_key="2026-W48",
        due_at=timezone.now(),
        status=DeliveryStatus.FAILED,
        attempts=5,
        last_error="Connection refused",
    )
    _signed_in_as(page, base, ops)

    page.goto(f"{base}/")
    page.get_by_role("link", name="Staff").click()
    expect(page.get_by_role("heading", name="Staff console")).to_be_visible()
    page.get_by_role("link", name="1 failed — review and retry").click()
    expect(page.get_by_role("cell", name="robin@example.com", exact=True)).to_be_visible()
    page.get_by_role("button", name="Retry the check-in reminder for robin@example.com").click()

    expect(page.get_by_text("will be sent with the next sweep")).to_be_visible()
    expect(page.get_by_text("No failed mail.")).to_be_visible()
    failed.refresh_from_db()
    assert failed.status == DeliveryStatus.PENDING
    assert browser_errors == []
