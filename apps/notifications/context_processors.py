from django.http import HttpRequest
from django.utils.functional import cached_property

from apps.notifications.access import unread_count


class _Unread:
    """Counted when a template first asks, at most once per page (pages without the
    navigation, such as HTMX partials, never ask)."""

    def __init__(self, user) -> None:
        self._user = user

    @cached_property
    def count(self) -> int:
        return unread_count(self._user)


def unread_notifications(request: HttpRequest) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"nav_notifications": _Unread(user)}
