"""What one request may remember while it runs, and forgets when it ends.

Some answers are asked for many times while one page renders and cannot change under it
unless the request itself changes them: which mentorships a person is in, for one. `remember`
keeps such an answer for the rest of the request; outside a request (a Celery task, a shell,
a test calling a selector) nothing is kept and every call asks again, so a long-lived process
never works from an old answer. A service that changes what was remembered calls `forget`.
"""

from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

_memory: ContextVar[dict[Hashable, Any] | None] = ContextVar("request_memory", default=None)


@contextmanager
def request_scope() -> Iterator[None]:
    """Everything remembered inside the block is forgotten when it ends."""
    token = _memory.set({})
    try:
        yield
    finally:
        _memory.reset(token)


def remember[T](key: Hashable, compute: Callable[[], T]) -> T:
    """`compute()`, once per request for `key`; every time outside a request."""
    memory = _memory.get()
    if memory is None:
        return compute()
    if key not in memory:
        memory[key] = compute()
    return memory[key]


def recall(key: Hashable) -> Any:
    """What this request remembered for `key`, or None: for a reader that may use another
    part's answer when it is there, without putting its own, different one in its place."""
    memory = _memory.get()
    return None if memory is None else memory.get(key)


def forget() -> None:
    """Drop what this request remembered: it has just changed what the answers were about."""
    memory = _memory.get()
    if memory is not None:
        memory.clear()
