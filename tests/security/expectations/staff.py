"""The staff console: staff (with two-factor, as the cast's admin has) use it; everyone else,
signed in or not, gets a 404. A staff account without two-factor is sent to set it up
(tests/staff/test_console.py)."""

from allauth.account.models import EmailAddress
from django.utils import timezone

from apps.accounts.models import AuditEvent, AuditKind
from apps.checkins.models import DeliveryKind, DeliveryStatus, ReminderDelivery
from tests.security.access import ROLES, Expect, Valid


def staff_gets(status: int) -> dict[str, int]:
    return {**dict.fromkeys(ROLES, 404), "staff": status}


def _person(cast: dict) -> dict:
    return {"public_id": cast["other"].public_id}


def _unverified(cast: dict, kw: dict) -> dict:
    EmailAddress.objects.update_or_create(
        user=cast["other"],
        email=cast["other"].email,
        defaults={"primary": True, "verified": False},
    )
    return {}


def _failed_delivery(cast: dict, kw: dict) -> dict:
    delivery = ReminderDelivery.objects.create(
        user=cast["owner"],
        kind=DeliveryKind.CHECKIN,
        occurrence_key=f"failed-{ReminderDelivery.objects.count()}",
        due_at=timezone.now(),
        status=DeliveryStatus.FAILED,
        attempts=5,
        last_error="Connection refused",
    )
    cast["failed_delivery"] = delivery
    return {"outbox": "checkin-reminders", "row": str(delivery.pk)}


def _logged(kind: str):
    return lambda cast, kw: AuditEvent.objects.filter(user=cast["other"], kind=kind).exists()


PAGE = {"get": staff_gets(200), "post": staff_gets(405)}

EXPECTATIONS: dict[str, Expect] = {
    "staff:index": Expect(**PAGE),
    "staff:users": Expect(**PAGE),
    "staff:user": Expect(**PAGE, kwargs=_person),
    "staff:failed": Expect(**PAGE),
    "staff:status": Expect(**PAGE),
    "staff:user-deactivate": Expect(
        get=staff_gets(405),
        post=staff_gets(302),
        kwargs=_person,
        valid=Valid(
            by="staff",
            data=lambda cast, kw: {},
            check=_logged(AuditKind.ACCOUNT_DEACTIVATED),
        ),
    ),
    # Without an unverified address there is nothing to resend: a message, then back.
    "staff:user-resend-verification": Expect(
        get=staff_gets(405),
        post=staff_gets(302),
        kwargs=_person,
        valid=Valid(by="staff", data=_unverified, check=_logged(AuditKind.VERIFICATION_RESENT)),
    ),
    # An empty form is not a confirmation: the page comes back with the error.
    "staff:user-delete": Expect(
        get=staff_gets(405),
        post=staff_gets(422),
        kwargs=_person,
        valid=Valid(
            by="staff",
            data=lambda cast, kw: {"confirm": cast["other"].email},
            check=lambda cast, kw: (
                not type(cast["other"]).objects.filter(pk=cast["other"].pk).exists()
            ),
        ),
    ),
    "staff:retry": Expect(
        get=staff_gets(405),
        post=staff_gets(302),
        # htmx gets a client-side redirect (HX-Redirect) back to the list.
        htmx_post=staff_gets(200),
        valid=Valid(
            by="staff",
            data=_failed_delivery,
            check=lambda cast, kw: (
                ReminderDelivery.objects.get(pk=cast["failed_delivery"].pk).status
                == DeliveryStatus.PENDING
            ),
        ),
    ),
}
