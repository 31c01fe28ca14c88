"""The skills inventory: adding and rating skills, the starter list, bad input at the field,
and the gaps, widest first, each a link to a pre-filled development goal."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from apps.assessment.models import Skill
from tests.assessment.conftest import page
from tests.assessment.factories import SkillFactory


def _add(client, url, **fields):
    data = {"name": "Rust", "kind": "hard", "area": "", "rating": "2", "target": "4"}
    return client.post(url("skill-create"), {**data, **fields})


def test_an_empty_inventory_offers_the_starter_list(alice_client, url):
    response = alice_client.get(url("skills"))
    assert response.status_code == 200
    text = page(response)
    assert "No skills yet — start from the common ones below." in text
    assert 'aria-label="Add Public speaking"' in text


def test_one_click_adds_a_starter_skill_to_rate_next(alice, alice_client, url):
    response = alice_client.post(url("skill-starter"), {"name": "Public speaking"}, follow=True)
    skill = Skill.objects.get(owner=alice)
    assert (skill.name, skill.kind, skill.area, skill.rating) == (
        "Public speaking",
        "soft",
        "Communication",
        None,
    )
    text = page(response)
    assert "choose your level now and the one you want" in text
    assert "Not rated yet" in text
    assert 'Public speaking<span class="visually-hidden"> (added)</span>' in text
    again = alice_client.post(url("skill-starter"), {"name": "Public speaking"})
    assert again.status_code == 422
    assert "“Public speaking” is already in your skills." in page(again)


def test_levels_change_in_place(alice, alice_client, url, htmx):
    skill = SkillFactory(owner=alice, name="SQL", rating=None, target=None)
    response = alice_client.post(
        url("skill-level", public_id=skill.public_id),
        {"rating_sent": "1", "rating": "2", "target": "5"},
        headers=htmx,
    )
    assert response.status_code == 200
    text = page(response)
    assert text.lstrip().startswith(f'<li id="skill-{skill.public_id}"')
    assert "Level 2 of 5, aiming for 5" in text
    assert "gap 3" in text
    skill.refresh_from_db()
    assert (skill.rating, skill.target) == (2, 5)


@pytest.mark.parametrize("level", ["0", "6", "-1", "three"])
def test_a_level_outside_1_to_5_gets_a_message_at_the_field(alice, alice_client, url, level):
    response = _add(alice_client, url, rating=level)
    assert response.status_code == 422
    assert "Choose a level from 1 to 5." in page(response)
    assert not Skill.objects.filter(owner=alice).exists()

    skill = SkillFactory(owner=alice, rating=3, target=4)
    response = alice_client.post(
        url("skill-level", public_id=skill.public_id), {"rating_sent": "1", "target": level}
    )
    assert response.status_code == 422
    assert "Choose a level from 1 to 5." in page(response)
    skill.refresh_from_db()
    assert (skill.rating, skill.target) == (3, 4)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "Name the skill."),
        ("   ", "Name the skill."),
        ("x" * 10_000, "Keep it under 80 characters."),
    ],
)
def test_a_bad_skill_name_gets_a_message_at_the_field(alice, alice_client, url, name, message):
    response = _add(alice_client, url, name=name)
    assert response.status_code == 422
    text = page(response)
    assert message in text
    assert 'id="id_name_error"' in text
    assert not Skill.objects.filter(owner=alice).exists()


def test_a_duplicate_skill_is_refused_whatever_its_case(alice, alice_client, url):
    assert _add(alice_client, url, name="Python").status_code == 302
    response = _add(alice_client, url, name="PYTHON")
    assert response.status_code == 422
    assert "“PYTHON” is already in your skills." in page(response)
    assert Skill.objects.filter(owner=alice).count() == 1


def test_editing_a_skill(alice, alice_client, url):
    skill = SkillFactory(owner=alice, name="Excel")
    response = alice_client.get(url("skill-edit", public_id=skill.public_id))
    assert response.status_code == 200
    assert 'value="Excel"' in page(response)
    response = alice_client.post(
        url("skill-edit", public_id=skill.public_id),
        {"name": "Spreadsheets", "kind": "hard", "area": "Data", "rating": "3", "target": "3"},
    )
    assert response.status_code == 302
    skill.refresh_from_db()
    assert (skill.name, skill.area, skill.gap) == ("Spreadsheets", "Data", 0)


def test_another_planner_cannot_rate_or_edit_my_skill(alice, charlie, client, url):
    skill = SkillFactory(owner=alice, rating=2, target=3)
    client.force_login(charlie)
    level = url("skill-level", public_id=skill.public_id)
    assert client.post(level, {"rating_sent": "1", "rating": "5"}).status_code == 404
    assert client.get(url("skill-edit", public_id=skill.public_id)).status_code == 404
    skill.refresh_from_db()
    assert (skill.rating, skill.target) == (2, 3)


def test_gaps_come_widest_first_each_with_a_goal_link(alice, alice_client, url):
    SkillFactory(owner=alice, name="Delegating", rating=3, target=4)
    speaking = SkillFactory(owner=alice, name="Public speaking", rating=1, target=4)
    SkillFactory(owner=alice, name="SQL", rating=2, target=4)
    SkillFactory(owner=alice, name="Excel", rating=4, target=4)
    SkillFactory(owner=alice, name="Unrated", rating=None, target=None)
    response = alice_client.get(url("gaps"))
    assert response.status_code == 200
    text = page(response)
    order = [text.index(f'<h2 class="skill-name">{n}</h2>') for n in ("Public speaking", "SQL")]
    assert order == sorted(order)
    assert text.index("SQL</h2>") < text.index("Delegating</h2>")
    assert "Excel</h2>" not in text
    assert "1 more skill has no level or no target yet" in text

    link = next(
        part.split('"')[1]
        for part in text.split("href=")
        if "from_skill" in part and str(speaking.public_id) in part
    ).replace("&amp;", "&")
    parts = urlsplit(link)
    assert parts.path == reverse("plan:goal-create")
    query = parse_qs(parts.query)
    assert query["from_skill"] == [str(speaking.public_id)]
    assert query["title"] == ["Grow my Public speaking from level 1 to 4"]


def test_deleting_a_skill_asks_first(alice, alice_client, url):
    skill = SkillFactory(owner=alice, name="Excel")
    delete = url("skill-delete", public_id=skill.public_id)
    response = alice_client.get(delete)
    assert response.status_code == 200
    assert "Delete this skill?" in page(response)
    assert alice_client.post(delete).status_code == 422
    assert alice_client.post(delete, {"confirm": "on"}).status_code == 302
    assert not Skill.objects.filter(pk=skill.pk).exists()
