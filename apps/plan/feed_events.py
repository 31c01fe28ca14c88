"""Extra events for each person's calendar feed, contributed by the apps above plan.

An app above (meetings) calls `register_events(provider)` from its AppConfig.ready();
`provider(user)` returns the iCalendar events that person should see, and the feed adds them
to the goal and milestone dates. So plan never imports the apps that add to its feed.
"""

from collections.abc import Callable
from typing import Any

from icalendar import Event

Provider = Callable[[Any], list[Event]]

_providers: list[Provider] = []


def register_events(provider: Provider) -> None:
    """Add `provider` to every feed; registering the same one again is a no-op."""
    if provider not in _providers:
        _providers.append(provider)


def unregister_events(provider: Provider) -> None:
    if provider in _providers:
        _providers.remove(provider)


def extra_events(user: Any) -> list[Event]:
    """The registered apps' events for `user`, in registration order."""
    events: list[Event] = []
    for provider in _providers:
        events.extend(provider(user))
    return events
