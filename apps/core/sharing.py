"""What a page says about who else sees an object, without knowing who that could be.

A page that shows something a second reader may open (the goal page) calls `viewed(kind,
viewer=…, obj=…)` and shows the notes it returns. The app that gives that second audience
access (mentorship) registers one `Observer` per kind in its AppConfig.ready(): it labels the
page ("Shared with you by …", "Shared with …") and records that the object was opened. Lower
apps so never import the app above them.

The same app may add a part to such a page (`register_panel`): the page includes whatever
`panels(kind, viewer=…, obj=…)` returns, here the conversation about the goal or check-in.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
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


@dataclass(frozen=True)
class Panel:
    """A part of a page that an app above contributes (the conversation on a goal): the
    template to include and what it needs."""

    template: str
    context: dict[str, Any] = field(default_factory=dict)


# (viewer, obj) -> the panel for that page, or None when there is nothing to show.
PanelMaker = Callable[[Any, Any], Panel | None]

_panels: dict[str, list[PanelMaker]] = {}


def register_panel(kind: str, maker: PanelMaker) -> None:
    registered = _panels.setdefault(kind, [])
    if maker not in registered:
        registered.append(maker)


def panels(kind: str, *, viewer: Any, obj: Any) -> list[Panel]:
    """The panels other apps add to the page of `obj` for `viewer`, in registration order."""
    made = (maker(viewer, obj) for maker in _panels.get(kind, ()))
    return [panel for panel in made if panel is not None]
