"""The security log: one function that every part of the product writes it through.

Signals from Django and allauth (sign-ins, failures, password, email and two-factor changes)
land here through `apps/accounts/audit_signals.py`; services of other apps (mentorship, the
staff console, exports and imports) call `record()` directly.
"""

import ipaddress
import unicodedata

from django.http import HttpRequest

from apps.accounts.models import AuditEvent, AuditKind, User

DETAIL_LENGTH = AuditEvent._meta.get_field("detail").max_length or 200


def _address(request: HttpRequest | None) -> str | None:
    # REMOTE_ADDR is already the client's own address (ClientAddressMiddleware).
    raw = request.META.get("REMOTE_ADDR", "") if request is not None else ""
    try:
        return str(ipaddress.ip_address(raw))
    except ValueError:
        return None


def record(
    *,
    kind: AuditKind | str,
    user: User,
    actor: User | None = None,
    request: HttpRequest | None = None,
    detail: str = "",
) -> AuditEvent:
    """Append one event about `user`. `actor` is the other person in it: staff who acted on
    the account, or the other side of a mentorship (named when the log is shown, so their
    address is never copied into it); `detail` is a short line of our own words or counts,
    never plan text. Runs in the caller's transaction: an action rolled back leaves
    no event behind."""
    return AuditEvent.objects.create(
        kind=AuditKind(kind),
        user=user,
        user_ref=user.public_id,
        actor_ref=actor.public_id if actor is not None and actor.pk != user.pk else None,
        ip=_address(request),
        detail=detail[:DETAIL_LENGTH],
    )


def shown(text: str) -> str:
    """Text for display with every control and format character (newlines, NUL, bidi
    overrides, zero-width marks) written out as an escape, so a log line shows what was
    stored and cannot rearrange or hide the lines around it."""
    return "".join(
        f"\\u{ord(char):04x}" if unicodedata.category(char) in ("Cc", "Cf") else char
        for char in text
    )


def with_actor_names(events: list[AuditEvent]) -> list[AuditEvent]:
    """Name the other person of each event in one query, as they are called today; someone
    whose account is gone stays unnamed ("a former user")."""
    refs = {event.actor_ref for event in events if event.actor_ref is not None}
    names = {
        user.public_id: user.get_full_name()
        for user in User.objects.filter(public_id__in=refs).only(
            "public_id", "display_name", "email"
        )
    }
    for event in events:
        event.actor_name = names.get(event.actor_ref) if event.actor_ref else None
    return events
