"""Reflection prompts: the built-in ones answered in free text, hidden and shown again, and
the planner's own."""

import pytest

from apps.assessment.models import Reflection
from tests.assessment.conftest import page
from tests.assessment.factories import PromptFactory


def _answer(client, url, key, answer, **extra):
    return client.post(url("prompt-answer", key=key), {"answering": "1", "answer": answer}, **extra)


def test_every_built_in_prompt_is_on_the_page(alice_client, url):
    response = alice_client.get(url("interests"))
    assert response.status_code == 200
    text = page(response)
    for question in (
        "What energises you?",
        "What does your ideal workday look like?",
        "Which past roles or projects did you enjoy, and why?",
        "What do you care about deeply?",
        "What do you do in your free time?",
        "Which achievements are you proudest of?",
        "In what work environment do you thrive?",
    ):
        assert question in text
    assert "0 of 7 answered." in text


def test_answering_a_prompt_saves_it_in_place(alice, alice_client, url, htmx):
    response = _answer(alice_client, url, "energises", "Solving puzzles with people", headers=htmx)
    assert response.status_code == 200
    text = page(response)
    assert text.lstrip().startswith('<article id="prompt-energises"')
    assert "Saved" in text
    assert "Solving puzzles with people" in text
    _answer(alice_client, url, "energises", "Teaching")
    row = Reflection.objects.get(owner=alice, key="energises")
    assert row.answer == "Teaching"


def test_answers_are_each_planners_own(alice, charlie, alice_client, client, url):
    _answer(alice_client, url, "proudest", "Alice's answer")
    client.force_login(charlie)
    assert "Alice&#x27;s answer" not in page(client.get(url("interests")))
    _answer(client, url, "proudest", "Charlie's answer")
    answers = dict(Reflection.objects.filter(key="proudest").values_list("owner", "answer"))
    assert answers == {alice.pk: "Alice's answer", charlie.pk: "Charlie's answer"}


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        ("x" * 10_000, "Keep it under 5,000 characters."),
    ],
)
def test_a_bad_answer_gets_a_message_at_the_field(alice, alice_client, url, answer, message):
    response = _answer(alice_client, url, "energises", answer)
    assert response.status_code == 422
    text = page(response)
    assert message in text
    assert 'id="prompt-energises-answer_error"' in text
    assert not Reflection.objects.filter(owner=alice).exists()


def test_hiding_and_showing_a_prompt(alice, alice_client, url, htmx):
    response = alice_client.post(
        url("prompt-hide", key="free_time"), {"hidden": "on"}, headers=htmx
    )
    assert response.status_code == 200
    text = page(response)
    assert "Hidden questions · 1" in text
    assert "0 of 6 answered." in text
    alice_client.post(url("prompt-hide", key="free_time"), {"hidden": "off"})
    assert not Reflection.objects.get(owner=alice, key="free_time").hidden


def test_a_prompt_of_my_own(alice, alice_client, url):
    response = alice_client.post(url("prompt-create"), {"question": "What would I do for free?"})
    assert response.status_code == 302
    own = Reflection.objects.get(owner=alice, key="")
    assert _answer(alice_client, url, str(own.public_id), "Teach").status_code == 302
    text = page(alice_client.get(url("interests")))
    assert "What would I do for free?" in text
    assert "· your question" in text
    delete = url("prompt-delete", public_id=own.public_id)
    assert "Your answer goes with it." in page(alice_client.get(delete))
    assert alice_client.post(delete, {"confirm": "on"}).status_code == 302
    assert not Reflection.objects.filter(pk=own.pk).exists()


def test_an_empty_own_question_is_refused(alice_client, url):
    response = alice_client.post(url("prompt-create"), {"question": "  "})
    assert response.status_code == 422
    assert "Write the question you want to think about." in page(response)


def test_another_planners_prompt_is_a_404(alice, charlie, client, url):
    theirs = PromptFactory(owner=charlie, question="Private?")
    client.force_login(alice)
    assert _answer(client, url, str(theirs.public_id), "Nosy").status_code == 404
    hide = url("prompt-hide", key=str(theirs.public_id))
    assert client.post(hide, {"hidden": "on"}).status_code == 404
    assert _answer(client, url, "no-such-prompt", "x").status_code == 404
    theirs.refresh_from_db()
    assert (theirs.answer, theirs.hidden) == ("", False)
