"""A request remembers an answer it asks for many times; nothing outside a request does, and a
request that changes the answer forgets it."""

from apps.core.scope import forget, recall, remember, request_scope


def _counting():
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    return calls, compute


def test_inside_a_request_the_answer_is_computed_once():
    calls, compute = _counting()
    with request_scope():
        assert [remember("k", compute) for _ in range(3)] == [1, 1, 1]
    assert len(calls) == 1


def test_outside_a_request_every_call_asks_again():
    _, compute = _counting()
    assert [remember("k", compute) for _ in range(3)] == [1, 2, 3]


def test_the_next_request_starts_with_nothing_remembered():
    _, compute = _counting()
    with request_scope():
        remember("k", compute)
    with request_scope():
        assert remember("k", compute) == 2


def test_forget_drops_what_the_request_knew():
    _, compute = _counting()
    with request_scope():
        remember("k", compute)
        forget()
        assert remember("k", compute) == 2


def test_recall_reads_what_was_remembered_without_computing_anything():
    assert recall("k") is None  # outside a request
    with request_scope():
        assert recall("k") is None
        remember("k", lambda: "answer")
        assert recall("k") == "answer"
