"""Strengths and weaknesses, with where each insight came from; every weakness is one click
from a development goal."""

from urllib.parse import parse_qs, urlsplit

import pytest

from apps.assessment.models import Insight
from tests.assessment.conftest import page
from tests.assessment.factories import InsightFactory, WeaknessFactory


def test_adding_a_strength_and_a_weakness(alice, alice_client, url, htmx):
    response = alice_client.post(
        url("insight-create"),
        {"kind": "strength", "text": "I explain things simply", "source": "feedback"},
    )
    assert response.status_code == 302
    response = alice_client.post(
        url("insight-create"),
        {
            "kind": "weakness",
            "text": "I avoid speaking up in big meetings",
            "source": "360",
            "improvement": "Join a speaking club",
        },
        headers=htmx,
    )
    assert response.status_code == 200
    text = page(response)
    assert text.lstrip().startswith('<div id="board"')
    assert "Feedback from others" in text
    assert "360° feedback" in text
    assert "Idea: Join a speaking club" in text
    assert "Added to your weaknesses." in text
    kinds = sorted(Insight.objects.filter(owner=alice).values_list("kind", flat=True))
    assert kinds == ["strength", "weakness"]


def test_a_strength_keeps_no_improvement_idea(alice, alice_client, url):
    alice_client.post(
        url("insight-create"),
        {"kind": "strength", "text": "Calm", "source": "self", "improvement": "Stray"},
    )
    assert Insight.objects.get(owner=alice).improvement == ""


def test_a_weakness_links_to_a_prefilled_goal(alice, alice_client, url):
    weakness = WeaknessFactory(owner=alice, text="Slow at estimates", improvement="Time-box work")
    InsightFactory(owner=alice, text="Kind")
    text = page(alice_client.get(url("insights")))
    links = [part.split('"')[1] for part in text.split("href=") if "from_weakness" in part]
    assert len(links) == 1
    query = parse_qs(urlsplit(links[0].replace("&amp;", "&")).query)
    assert query == {"from_weakness": [str(weakness.public_id)], "title": ["Time-box work"]}


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"text": ""}, "Say it in a few words."),
        ({"text": "x" * 10_000}, "Keep it under 300 characters."),
        ({"source": "horoscope"}, "Choose where this insight comes from."),
    ],
)
def test_bad_input_gets_a_message_at_the_field(alice, alice_client, url, fields, message):
    data = {"kind": "strength", "text": "Calm", "source": "self", **fields}
    response = alice_client.post(url("insight-create"), data)
    assert response.status_code == 422
    assert message in page(response)
    assert not Insight.objects.filter(owner=alice).exists()


def test_editing_and_deleting(alice, alice_client, url, htmx):
    weakness = WeaknessFactory(owner=alice, text="Late")
    edit = url("insight-edit", public_id=weakness.public_id)
    assert alice_client.get(edit).status_code == 200
    response = alice_client.post(
        edit, {"kind": "weakness", "text": "Often late", "source": "review", "improvement": ""}
    )
    assert response.status_code == 302
    weakness.refresh_from_db()
    assert (weakness.text, weakness.source) == ("Often late", "review")
    delete = url("insight-delete", public_id=weakness.public_id)
    response = alice_client.post(delete, {"confirm": "on"}, headers=htmx)
    assert response.status_code == 200
    assert "“Often late” is deleted." in page(response)
    assert not Insight.objects.filter(pk=weakness.pk).exists()


def test_another_planner_gets_a_404_and_changes_nothing(alice, charlie, client, url):
    strength = InsightFactory(owner=alice, text="Mine")
    client.force_login(charlie)
    edit = url("insight-edit", public_id=strength.public_id)
    assert (
        client.post(edit, {"kind": "strength", "text": "Theirs", "source": "self"}).status_code
        == 404
    )
    delete = url("insight-delete", public_id=strength.public_id)
    assert client.post(delete, {"confirm": "on"}).status_code == 404
    strength.refresh_from_db()
    assert strength.text == "Mine"
    assert "Mine" not in page(client.get(url("insights")))
