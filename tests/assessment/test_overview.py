"""The overview: how complete the assessment is, what changed since the last snapshot, and
every insight one click from a goal; the guided first run through the parts."""

from apps.assessment import services
from tests.assessment.conftest import page
from tests.assessment.factories import (
    InsightFactory,
    SkillFactory,
    ValueFactory,
    WeaknessFactory,
    fill_assessment,
)

STEPS = ("values", "insights", "interests", "profile", "skills", "vision", "first-goal")


def test_the_navigation_leads_here_and_is_no_longer_soon(alice_client, url):
    response = alice_client.get(url("overview"))
    assert response.status_code == 200
    text = page(response)
    assert f'<a href="{url("overview")}" aria-current="page">Self-assessment</a>' in text
    assert "Self-assessment <small>soon</small>" not in text


def test_a_new_planner_is_offered_the_guided_start(alice_client, url):
    text = page(alice_client.get(url("overview")))
    assert "0 of 6 parts done." in text
    assert f'href="{url("start")}">Start the guided tour' in text
    assert "Watch yourself change" in text


def test_parts_say_how_far_they_are(alice, alice_client, url):
    ValueFactory(owner=alice, rank=1)
    ValueFactory(owner=alice)
    InsightFactory(owner=alice)
    text = page(alice_client.get(url("overview")))
    assert "1 of 5 ranked" in text
    assert "1 strength, 0 weaknesses" in text
    assert "0 of 6 parts done." in text


def test_a_complete_assessment(alice, alice_client, url):
    fill_assessment(alice)
    text = page(alice_client.get(url("overview")))
    assert "6 of 6 parts done." in text
    assert 'value="100"' in text
    assert "Start the guided tour" not in text
    assert "I lead a small team that builds things people love." in text
    assert 'Make this a goal<span class="visually-hidden"> — “Rushing”</span>' in text
    assert text.count("Start a development goal") == 3


def test_what_changed_since_the_last_snapshot(alice, alice_client, url):
    skill = SkillFactory(owner=alice, name="SQL", rating=2, target=4)
    services.snapshot_take(owner=alice, note="January")
    text = page(alice_client.get(url("overview")))
    assert "Nothing has changed since then." in text
    services.skill_rate(skill=skill, rating=3, target=4)
    WeaknessFactory(owner=alice)
    text = page(alice_client.get(url("overview")))
    assert "(“January”)" in text
    assert "Skill levels: 1 went up" in text
    assert "1 weakness added" in text


def test_the_guided_start_lists_seven_steps(alice_client, url):
    response = alice_client.get(url("start"))
    assert response.status_code == 200
    text = page(response)
    assert "Seven short steps" in text
    assert f'href="{url("values")}?guide=1">Begin with your values' in text


def test_each_step_shows_where_it_is_and_leads_to_the_next(alice_client, url):
    for index, step in enumerate(STEPS):
        text = page(alice_client.get(url(step), {"guide": "1"}))
        assert f"Guided start · step {index + 1} of 7" in text, step
        following = (
            url(STEPS[index + 1]) + "?guide=1" if index + 1 < len(STEPS) else url("overview")
        )
        assert f'<a role="button" href="{following}">Next:' in text, step
    assert "Guided start" not in page(alice_client.get(url("values")))


def test_a_form_in_the_guided_run_returns_to_its_step(alice_client, url):
    response = alice_client.post(
        url("values-pick"), {"picking": "1", "keys": ["autonomy"], "guide": "1"}
    )
    assert response.url == url("values") + "?guide=1#board"


def test_continuing_goes_to_the_first_part_not_done(alice, alice_client, url):
    for place in (1, 2, 3):
        ValueFactory(owner=alice, rank=place)
    text = page(alice_client.get(url("overview")))
    assert f'href="{url("insights")}?guide=1">Continue: Strengths and weaknesses' in text
    assert f'href="{url("insights")}?guide=1">Continue the guided start' in page(
        alice_client.get(url("start"))
    )


def test_the_first_goal_step_suggests_goals_from_gaps_and_weaknesses(alice, alice_client, url):
    SkillFactory(owner=alice, name="SQL", rating=1, target=4)
    WeaknessFactory(owner=alice, text="Rushing", improvement="Plan the week")
    text = page(alice_client.get(url("first-goal"), {"guide": "1"}))
    assert "from_skill=" in text
    assert "title=Grow+my+SQL+from+level+1+to+4" in text
    assert "from_weakness=" in text
    assert "title=Plan+the+week" in text
