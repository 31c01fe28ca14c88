"""What each kind of notification says and where it leads, registered by the app it is about.

An app above this one (mentorship's comments, say) calls `register_kind` from its
AppConfig.ready(). The describer gets a notification whose `target` is already loaded — and
only when the recipient may still read the target through the target model's own
`visible_to` — and returns a `Described` or None. None means "not any more": the notification
is then neither listed nor emailed. Both checks run every time it is shown or sent, so a
mentor whose mentorship ended gets no plan data, even from mail queued before it ended.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ImproperlyConfigured

if TYPE_CHECKING:
    from apps.notifications.models import Notification


@dataclass(frozen=True)
class Described:
    """A notification in words. `summary` is one line of plain text (escaped wherever it is
    shown, never turned into links); `url` is the path to open, `label` a short tag."""

    summary: str
    url: str
    label: str


Describer = Callable[["Notification"], Described | None]


@dataclass(frozen=True)
class Kind:
    name: str
    describe: Describer
    # Relations of the target the describer reads, loaded with the target in one query.
    related: tuple[str, ...] = ()


_KINDS: dict[str, Kind] = {}


def register_kind(kind: str, *, describe: Describer, related: Iterable[str] = ()) -> None:
    """Make `kind` known. Registering the same kind again replaces it (a reloaded app)."""
    if not kind or len(kind) > 64:
        raise ValueError("A notification kind is a name of 1 to 64 characters.")
    _KINDS[kind] = Kind(name=kind, describe=describe, related=tuple(related))


def unregister_kind(kind: str) -> None:
    _KINDS.pop(kind, None)


def kind_of(name: str) -> Kind | None:
    return _KINDS.get(name)


def _visible_targets(
    recipient, notifications: list["Notification"]
) -> dict[tuple[int, int], object]:
    """The targets the recipient may read, one query per target model whatever the number of
    notifications, keyed by (content type id, pk)."""
    by_type: dict[int, set[int]] = defaultdict(set)
    related: dict[int, set[str]] = defaultdict(set)
    for notification in notifications:
        kind = _KINDS[notification.kind]
        by_type[notification.target_type_id].add(notification.target_id)
        related[notification.target_type_id].update(kind.related)
    found: dict[tuple[int, int], object] = {}
    for type_id, ids in by_type.items():
        model = ContentType.objects.get_for_id(type_id).model_class()
        queryset = model._default_manager.all() if model is not None else None
        if queryset is None or not hasattr(queryset, "visible_to"):
            raise ImproperlyConfigured(f"A notification target needs an owned queryset: {model}")
        rows = queryset.visible_to(recipient).filter(pk__in=ids)
        if related[type_id]:
            rows = rows.select_related(*sorted(related[type_id]))
        found.update({(type_id, row.pk): row for row in rows})
    return found


def describe_all(
    recipient, notifications: Iterable["Notification"]
) -> list[tuple["Notification", Described]]:
    """The notifications the recipient may still see, each with its words, in the given
    order. Kinds no longer registered are left out like targets no longer visible."""
    known = [n for n in notifications if n.kind in _KINDS]
    targets = _visible_targets(recipient, known) if known else {}
    shown = []
    for notification in known:
        target = targets.get((notification.target_type_id, notification.target_id))
        if target is None:
            continue
        notification.target = target
        described = _KINDS[notification.kind].describe(notification)
        if described is not None:
            shown.append((notification, described))
    return shown
