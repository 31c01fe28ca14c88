"""Snapshots of the whole assessment, and the comparison of any two (or one and now): skill
levels as a radar with its table, values ranking moves, strengths and weaknesses added and
dropped, interest scores."""

from datetime import UTC, datetime

from apps.assessment import services
from apps.assessment.models import Snapshot
from tests.assessment.conftest import page
from tests.assessment.factories import (
    InsightFactory,
    InterestResultFactory,
    SkillFactory,
    SnapshotFactory,
    ValueFactory,
    VisionFactory,
    WeaknessFactory,
)


def _compare(client, url, then, now="now"):
    return client.get(url("compare"), {"then": str(then), "now": str(now)})


def test_a_snapshot_keeps_the_whole_assessment(alice, alice_client, url):
    ValueFactory(owner=alice, name="Autonomy", rank=1)
    InsightFactory(owner=alice, text="Calm")
    SkillFactory(owner=alice, name="SQL", rating=2, target=4)
    InterestResultFactory(owner=alice)
    VisionFactory(owner=alice, text="I lead.")
    response = alice_client.post(url("snapshot-take"), {"taking": "1", "note": "Before"})
    assert response.status_code == 302
    data = Snapshot.objects.get(owner=alice).data
    assert data["values"] == [{"key": "", "name": "Autonomy", "rank": 1}]
    assert [i["text"] for i in data["insights"]] == ["Calm"]
    assert [(s["name"], s["rating"], s["target"]) for s in data["skills"]] == [("SQL", 2, 4)]
    assert data["interests"]["code"] == "RIA"
    assert data["vision"] == "I lead."


def test_comparing_a_snapshot_with_now(alice, alice_client, url):
    learning = ValueFactory(owner=alice, name="Learning", rank=1)
    autonomy = ValueFactory(owner=alice, name="Autonomy", rank=2)
    income = ValueFactory(owner=alice, name="Income", rank=3)
    dropped = WeaknessFactory(owner=alice, text="Shy in meetings")
    speaking = SkillFactory(owner=alice, name="Public speaking", rating=1, target=4)
    InterestResultFactory(owner=alice)
    snapshot = services.snapshot_take(owner=alice)

    services.values_rank(owner=alice, ranked=[autonomy.public_id, learning.public_id])
    services.value_remove(value=income)
    ValueFactory(owner=alice, name="Impact", rank=3)
    services.insight_delete(insight=dropped)
    InsightFactory(owner=alice, text="Good listener")
    services.skill_rate(skill=speaking, rating=3, target=4)
    SkillFactory(owner=alice, name="SQL", rating=2, target=3)

    response = _compare(alice_client, url, snapshot.public_id)
    assert response.status_code == 200
    text = page(response)
    assert "Skill levels: 1 went up" in text
    assert "1 new skill" in text
    assert "New in your top five: Impact" in text
    assert "Left your top five: Income" in text
    assert "1 strength added" in text
    assert "1 weakness dropped" in text
    # The values table: where each value stood then and now.
    assert '<th scope="row">Autonomy</th>\n        <td>#2</td>\n        <td>#1</td>' in text
    assert "up 1" in text
    assert "left your top five" in text
    # The radar's data and its table.
    assert 'id="skills-radar-data" type="application/json"' in text
    assert '<th scope="row">Public speaking</th>\n          <td>1</td><td>3</td>' in text
    assert "Good listener" in text
    assert "Shy in meetings" in text


def test_the_default_is_the_two_newest_snapshots(alice, alice_client, url):
    SnapshotFactory(owner=alice, taken_at=datetime(2026, 1, 5, 12, tzinfo=UTC), note="Oldest")
    SnapshotFactory(owner=alice, taken_at=datetime(2026, 3, 5, 12, tzinfo=UTC), note="Middle")
    SnapshotFactory(owner=alice, taken_at=datetime(2026, 6, 5, 12, tzinfo=UTC), note="Newest")
    text = page(alice_client.get(url("compare")))
    assert "From <strong>5 Mar 2026</strong> to <strong>5 Jun 2026</strong>" in text
    assert "Nothing changed between these two." in text


def test_one_snapshot_is_compared_with_now(alice, alice_client, url):
    SnapshotFactory(owner=alice, taken_at=datetime(2026, 1, 5, 12, tzinfo=UTC))
    VisionFactory(owner=alice, text="I build.")
    text = page(alice_client.get(url("compare")))
    assert "to <strong>Now</strong>" in text
    assert "You wrote a vision" in text


def test_no_snapshot_yet_offers_the_first(alice_client, url):
    response = alice_client.get(url("compare"))
    assert response.status_code == 200
    assert "Take your first snapshot" in page(response)


def test_another_planners_snapshot_is_never_compared(alice, charlie, alice_client, url):
    mine = SnapshotFactory(owner=alice, note="Mine")
    theirs = SnapshotFactory(owner=charlie, data={**mine.data, "vision": "Charlie's secret"})
    response = _compare(alice_client, url, theirs.public_id, theirs.public_id)
    assert response.status_code == 200
    text = page(response)
    assert "Charlie" not in text
    assert f'value="{mine.public_id}" selected' in text
    for bad in ("not-a-uuid", "00000000-0000-4000-8000-000000000000"):
        assert _compare(alice_client, url, bad).status_code == 200


def test_snapshots_are_listed_newest_first_and_can_be_deleted(alice, alice_client, url):
    old = SnapshotFactory(owner=alice, taken_at=datetime(2026, 1, 5, 12, tzinfo=UTC), note="Old")
    SnapshotFactory(owner=alice, taken_at=datetime(2026, 6, 5, 12, tzinfo=UTC), note="New")
    text = page(alice_client.get(url("snapshots")))
    assert text.index("New") < text.index("Old")
    assert "Compare your last two" in text
    delete = url("snapshot-delete", public_id=old.public_id)
    assert alice_client.post(delete).status_code == 422
    assert alice_client.post(delete, {"confirm": "on"}).status_code == 302
    assert list(Snapshot.objects.filter(owner=alice).values_list("note", flat=True)) == ["New"]


def test_a_bare_post_takes_no_snapshot(alice, alice_client, url):
    response = alice_client.post(url("snapshot-take"))
    assert response.status_code == 422
    assert "to keep your assessment as it is today" in page(response)
    assert not Snapshot.objects.filter(owner=alice).exists()


def test_two_snapshots_of_one_day_are_told_apart_by_their_time(alice, alice_client, url):
    SnapshotFactory(owner=alice, taken_at=datetime(2026, 3, 5, 8, tzinfo=UTC))
    SnapshotFactory(owner=alice, taken_at=datetime(2026, 3, 5, 16, tzinfo=UTC))
    text = page(alice_client.get(url("compare")))
    assert "From <strong>5 Mar 2026, 09:00</strong> to <strong>5 Mar 2026, 17:00</strong>" in text
