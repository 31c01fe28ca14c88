"""The notification emails, rendered from described notifications and the links handed over.

Nothing here decides whether to send: the delivery module calls this, never the reverse.
Summaries are written by people (a comment's first words), so they are plain text: escaped in
the HTML part, never made into links, and subjects are not HTML-escaped at all.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.urls import reverse

from apps.accounts.models import User
from apps.core.emails import render_email
from apps.notifications.models import Notification
from apps.notifications.registry import Described


def _absolute(path: str) -> str:
    return path if path.startswith(("http://", "https://")) else settings.SITE_URL + path


def _headers(stop_url: str) -> dict[str, str]:
    return {
        "List-Unsubscribe": f"<{stop_url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def _common(user: User, stop_url: str) -> dict:
    return {
        "user": user,
        "stop_url": stop_url,
        "settings_url": _absolute(reverse("notifications:list")) + "#email-settings",
        "list_url": _absolute(reverse("notifications:list")),
    }


def _item(notification: Notification, described: Described) -> dict:
    return {
        "summary": described.summary,
        "label": described.label,
        "url": _absolute(reverse("notifications:open", args=[notification.public_id])),
    }


def notification_email(
    notification: Notification, described: Described, *, stop_url: str
) -> EmailMultiAlternatives:
    user = notification.recipient
    context = _common(user, stop_url) | {"item": _item(notification, described)}
    return render_email("emails/notification", context, to=[user.email], headers=_headers(stop_url))


def digest_email(
    user: User, items: list[tuple[Notification, Described]], *, stop_url: str, more: bool = False
) -> EmailMultiAlternatives:
    """`more`: there were more than fit; the email says the rest wait in the app."""
    context = _common(user, stop_url) | {"items": [_item(n, d) for n, d in items], "more": more}
    return render_email(
        "emails/notification_digest", context, to=[user.email], headers=_headers(stop_url)
    )
