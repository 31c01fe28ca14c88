"""Room on CPython's frame stack for a whole request: a workaround for CPython gh-142183.

CPython keeps the frames of running Python functions in chunks of 16 KiB, and frees a chunk as
soon as the frame at its bottom returns. A loop that keeps calling a function just past the
end of a chunk therefore maps a new chunk and unmaps it again on every call. Rendering a
template is such a loop (each node calls down into the next), and where a chunk ends depends
only on how deep the request already is. Under gunicorn it fell inside the goal page's rows:
1,500 mmap/munmap pairs per request, about 10 ms of system time, which halved the page's
throughput. Upstream keeps one spare chunk per thread since the 3.13 and 3.14 releases of
spring 2026; the Python 3.12 this project runs does not.

`RoomyWSGIHandler` is Django's WSGI handler called from a frame so large that CPython gives it
a chunk of its own, sized with room to spare: every frame of the request then fits in that
chunk, which is mapped once per request instead of once per call. Remove it when the project
moves to a Python with the upstream fix (tests/ops/test_frames.py will say so).
"""

from collections.abc import Callable
from typing import Any

from django.core.handlers.wsgi import WSGIHandler

# The frame's locals, in pointers. CPython sizes a chunk as the smallest 16 KiB × 2ⁿ that holds
# the frame plus 1,000 pointers: for 7,200 pointers (57.6 kB) that is 128 KiB, which leaves
# about 9,000 pointers (72 kB) for the request's own frames, several times its deepest stack.
SLOTS = 7_200


def _roomy_call() -> Callable[..., Any]:
    # Names assigned anywhere in a function are its locals, even in a branch that never runs,
    # so the frame gets SLOTS slots without a single store at run time.
    names = " = ".join(f"_{n}" for n in range(SLOTS))
    source = (
        "def call_with_room(fn, *args):\n"
        "    if False:\n"
        f"        {names} = None\n"
        "    return fn(*args)\n"
    )
    namespace: dict[str, Any] = {}
    exec(source, namespace)  # noqa: S102 - the source is the fixed text above
    return namespace["call_with_room"]


# call_with_room(fn, *args) is fn(*args), with the frame stack's room below it.
call_with_room = _roomy_call()


class RoomyWSGIHandler(WSGIHandler):
    """Django's WSGI handler, each request served from `call_with_room`'s frame."""

    def __call__(self, environ, start_response):
        return call_with_room(super().__call__, environ, start_response)
