"""Pages travel compressed: a browser that accepts gzip gets a gzipped page, one that does not
gets it as it is, and caches are told the answer varies with Accept-Encoding."""

import gzip

from django.urls import reverse

from tests.factories import GoalFactory


def test_a_signed_in_page_comes_back_gzipped(alice_client, alice):
    for n in range(5):
        GoalFactory(owner=alice, title=f"Goal number {n}")

    response = alice_client.get(reverse("goals:list"), headers={"Accept-Encoding": "gzip, br"})

    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    page = gzip.decompress(response.content).decode()
    assert "Goal number 4" in page
    assert len(response.content) < len(page.encode()) / 3


def test_an_htmx_answer_is_gzipped_too(alice_client, alice):
    GoalFactory(owner=alice, title="Learn Go")
    response = alice_client.get(
        reverse("goals:list"), headers={"Accept-Encoding": "gzip", "HX-Request": "true"}
    )
    assert response["Content-Encoding"] == "gzip"
    assert "Learn Go" in gzip.decompress(response.content).decode()


def test_a_client_that_does_not_ask_gets_plain_html(alice_client):
    response = alice_client.get(reverse("dashboard:index"))
    assert not response.has_header("Content-Encoding")
    assert b"<html" in response.content


def test_each_answer_pads_its_gzip_header_by_a_random_length(alice_client, alice):
    # The gzip header names a "file" of random length, so an eavesdropper cannot read a secret
    # on the page off the compressed size (BREACH); the page itself stays the same.
    GoalFactory(owner=alice, title="Learn Go")
    answers = [
        alice_client.get(reverse("goals:list"), headers={"Accept-Encoding": "gzip"})
        for _ in range(8)
    ]
    assert all(answer.content[3] & gzip.FNAME for answer in answers)
    padding = {answer.content.index(b"\0", 10) - 10 for answer in answers}
    assert len(padding) > 1
    assert all("Learn Go" in gzip.decompress(answer.content).decode() for answer in answers)
    assert all(answer["Content-Length"] == str(len(answer.content)) for answer in answers)


def test_a_short_answer_is_sent_as_it_is(alice_client):
    response = alice_client.get(reverse("core:healthz"), headers={"Accept-Encoding": "gzip"})
    assert len(response.content) < 200
    assert not response.has_header("Content-Encoding")
