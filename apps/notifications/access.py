"""How views reach a person's notifications: only the recipient ever does."""

from uuid import UUID

from apps.accounts.models import User
from apps.core.access import access_object
from apps.core.sql import fetch_rows
from apps.notifications.models import Notification, NotificationPreference


def access_notification(user: User, public_id: UUID | str) -> Notification:
    """The recipient's notification `public_id`, else 404."""
    found: Notification = access_object(Notification.objects.all(), user, public_id, for_write=True)
    return found


def preference_of(user: User) -> NotificationPreference | None:
    return NotificationPreference.objects.editable_by(user).first()


# The navigation shows "99+" beyond this: counting stops there, so the query costs the same
# for someone with thousands unread.
UNREAD_CAP = 100


# `Notification.objects.owned_by(user).unread().order_by()[:UNREAD_CAP].count()`, in plain
# SQL: every page's navigation asks, and the ORM took six times as long to build it as the
# database took to answer. Counted in no order: which hundred does not matter, and without
# one the database stops at the hundredth row found instead of sorting them all first.
_UNREAD = """
    SELECT count(*) FROM (
        SELECT 1 FROM notifications_notification
        WHERE recipient_id = %(user)s AND read_at IS NULL
        LIMIT %(cap)s
    ) AS capped
"""


def unread_count(user: User) -> int:
    """Unread notifications, up to UNREAD_CAP."""
    _, rows = fetch_rows(Notification, _UNREAD, {"user": user.pk, "cap": UNREAD_CAP})
    return rows[0][0]
