"""What a page says about who else sees an object, without knowing who that could be.

A page that shows something a second reader may open (the goal page) calls `viewed(kind,
viewer=…, obj=…)` and shows the notes it returns. The app that gives that second audience
access (mentorship) registers one `Observer` per kind in its AppConfig.ready(): it labels the
page ("Shared with you by …", "Shared with …") and records that the object was opened. Lower
apps so never import the app above them.
"""

from collections.abc import Callable
from typing import Any

# (viewer, obj) -> notes for the page, shown in order; may write (an access log).
Observer = Callable[[Any, Any], list[str]]

_observers: dict[str, list[Observer]] = {}


def register_observer(kind: str, observer: Observer) -> None:
    registered = _observers.setdefault(kind, [])
    if observer not in registered:
        registered.append(observer)


def viewed(kind: str, *, viewer: Any, obj: Any) -> list[str]:
    """The notes about `obj`'s audience for `viewer`, from every observer of `kind`."""
    notes: list[str] = []
    for observer in _observers.get(kind, ()):
        notes.extend(observer(viewer, obj))
    return notes
