"""How views reach a person's notifications: only the recipient ever does."""

from uuid import UUID

from apps.accounts.models import User
from apps.core.access import access_object
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


def unread_count(user: User) -> int:
    """Unread notifications, up to UNREAD_CAP. Counted in no order: which hundred does not
    matter, and without the model's ordering the database stops at the hundredth row found
    instead of sorting them all first (and the query is quicker to build)."""
    return Notification.objects.owned_by(user).unread().order_by()[:UNREAD_CAP].count()
