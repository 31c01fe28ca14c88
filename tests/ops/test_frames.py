"""The web process serves each request with room on the frame stack (careerplan/frames.py).

On CPython 3.12 a loop that calls across the end of a 16 KiB frame-stack chunk maps and
unmaps memory on every call; each call then costs fresh pages, which the process's minor page
faults count. A loop like that inside a request served from `call_with_room`'s frame stays in
one chunk.
"""

import resource
from wsgiref.util import setup_testing_defaults

from django.urls import reverse

from careerplan.frames import call_with_room
from careerplan.wsgi import application

CALLS = 300


def _leaf() -> int:
    return 1


def _faults_of_a_loop_at(depth: int) -> int:
    """Minor page faults of CALLS calls made `depth` frames further down than the caller."""
    if depth:
        return _faults_of_a_loop_at(depth - 1)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    for _ in range(CALLS):
        _leaf()
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before


def _worst_faults() -> int:
    # 250 frames of this size span about two chunks: somewhere in them a chunk ends, and a loop
    # there faults on every call.
    return max(_faults_of_a_loop_at(depth) for depth in range(250))


def test_a_loop_inside_a_request_does_not_map_memory_on_every_call():
    # Without the workaround, a loop at the end of a chunk faults on (nearly) every call: this
    # Python has the problem (on one with the upstream fix, drop careerplan/frames.py).
    assert _worst_faults() >= CALLS * 0.9, "this Python keeps a spare chunk: drop frames.py"

    assert call_with_room(_worst_faults) < CALLS / 10


def test_the_web_application_answers_through_its_roomy_handler(db):
    environ: dict = {"PATH_INFO": reverse("account_login"), "HTTP_HOST": "testserver"}
    setup_testing_defaults(environ)
    started: list[str] = []

    body = b"".join(application(environ, lambda status, headers: started.append(status)))

    assert started == ["200 OK"]
    assert b"Sign in" in body
