"""Download my data: one versioned JSON document of everything the planner owns, valid against
the published schema, with nothing of anyone else; prepared in the background for large plans,
behind a link that expires."""

import json
from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from apps.assessment.models import VisionVersion
from apps.mentorship.services.comments import comment_add
from apps.portability.document import SCHEMA_PATH, build, validator
from apps.portability.models import DataExport
from apps.portability.sections import registered
from tests.factories import (
    ActionStepFactory,
    GoalFactory,
    MilestoneFactory,
    ObstacleFactory,
    WinFactory,
)
from tests.portability.plans import full_plan

DATA = reverse("portability:data")
EXPORT = reverse("portability:export")


@pytest.fixture
def plans(alice, bob, charlie):
    return full_plan(alice, "Alice", mentor=bob), full_plan(charlie, "Charlie", mentor=bob)


def _download(client) -> dict:
    response = client.post(EXPORT, follow=True)
    assert "Your download is ready." in response.content.decode()
    export = DataExport.objects.get()
    got = client.get(reverse("portability:download", args=[export.public_id]))
    assert got.status_code == 200
    assert got["Content-Disposition"].startswith('attachment; filename="careerplan-')
    return json.loads(got.content)


def test_the_download_holds_every_part_of_the_plan(alice_client, plans):
    document = _download(alice_client)
    assert (document["format"], document["version"]) == ("careerplan-export", 1)
    assert document["profile"]["email"] == "alice@example.com"
    assessment = document["assessment"]
    assert [v["text"] for v in assessment["vision_versions"]] == [
        "Alice leads a small team (first)",
        "Alice leads a data team (now)",
    ]
    assert {k: len(v) for k, v in assessment.items()} == {
        "insights": 2, "values": 2, "skills": 1, "reflections": 1, "interests": 1,
        "vision_versions": 2, "snapshots": 1,
    }  # fmt: skip
    career, goal = document["goals"]
    assert goal["parent"] == career["id"] == str(plans[0]["career"].public_id)
    assert goal["target_value"] == "12.50"
    assert [len(goal[k]) for k in ("obstacles", "resources", "revisions", "milestones")] == [
        1,
        1,
        1,
        2,
    ]
    assert [s["title"] for s in goal["milestones"][0]["steps"]] == [
        "Alice book the room",
        "@Alice read chapter 1",
    ]
    win = next(w for w in document["wins"] if w["milestone"])
    assert win["milestone"] == goal["milestones"][0]["id"]
    assert win["goal"] == goal["id"]
    checkins = document["checkins"]
    assert checkins["schedule"]["frequency"] == "monthly"
    assert checkins["milestone_reminders"] is True
    done = next(c for c in checkins["checkins"] if c["completed_at"])
    assert done["goals"][0]["milestones_reached"] == [goal["milestones"][0]["id"]]
    (mentorship,) = document["mentorships"]["mentorships"]
    assert mentorship["mentor"] == "Bob"
    assert mentorship["goals"] == [goal["id"]]
    assert mentorship["reads"][0]["kind"] == "goal"
    assert document["mentorships"]["invitations"][0]["email"] == "alice-friend@example.com"


def test_the_download_holds_the_conversation_on_the_plan(alice_client, plans):
    document = _download(alice_client)
    goal = document["goals"][1]
    module_one = goal["milestones"][0]["id"]
    checkin = next(c for c in document["checkins"]["checkins"] if c["completed_at"])
    note, addition, on_checkin, advice, thanks = document["comments"]
    assert [(c["kind"], c["author"], c["body"]) for c in document["comments"]] == [
        ("own_note", "You", "Alice's note to self"),
        ("own_note", "You", "Alice adds to the note"),
        ("own_note", "You", "Alice on this check-in"),
        ("shared", "Bob", "Mentor to Alice: try a study group"),
        ("shared", "You", "Alice thanks the mentor"),
    ]
    assert (note["goal"], note["milestone"], note["parent"]) == (goal["id"], module_one, None)
    assert (addition["parent"], thanks["parent"]) == (note["id"], advice["id"])
    assert (on_checkin["goal"], on_checkin["checkin"]) == (None, checkin["id"])
    assert advice["from_past_mentor"] is False


def test_a_mentors_private_note_is_never_in_the_planners_export(alice_client, plans):
    text = json.dumps(_download(alice_client))
    assert "study group" in text
    assert "Mentor's memo" not in text


def test_after_the_mentorship_the_comments_are_from_a_past_mentor(alice, bob, plans):
    plans[0]["mentorship"].ended_at = timezone.now()
    plans[0]["mentorship"].save()
    advice = next(c for c in build(alice)["comments"] if c["body"].endswith("study group"))
    assert (advice["author"], advice["from_past_mentor"]) == ("Bob", True)
    bob.delete()
    (advice,) = [c for c in build(alice)["comments"] if c["body"].endswith("study group")]
    assert (advice["author"], advice["from_past_mentor"]) == ("A past mentor", True)


def test_the_download_follows_the_published_schema(alice_client, plans):
    document = _download(alice_client)
    assert list(validator().iter_errors(document)) == []
    schema = json.loads(SCHEMA_PATH.read_text())
    # Every registered section has its place in the schema, and the schema nothing more.
    sections = {section.key for section in registered()}
    assert set(schema["properties"]) == sections | {"format", "version", "exported_at"}
    assert schema["additionalProperties"] is False


def test_an_export_holds_nothing_of_anyone_else(alice_client, alice, charlie, plans):
    text = json.dumps(_download(alice_client))
    assert "Charlie" not in text
    assert "charlie@example.com" not in text
    assert "bob@example.com" not in text
    for row in (
        plans[1]["goal"],
        plans[1]["career"],
        plans[1]["milestone"],
        plans[1]["mentorship"],
    ):
        assert str(row.public_id) not in text
    # Charlie's is his alone too, though Bob mentors them both.
    charlies = json.dumps(build(charlie))
    assert "Alice" not in charlies
    assert str(plans[0]["goal"].public_id) not in charlies


def test_a_mentors_own_view_is_not_in_their_export(client, bob, plans):
    """Bob mentors both: his export is his (empty) plan, not what he reads of theirs."""
    client.force_login(bob)
    document = _download(client)
    assert document["goals"] == []
    assert document["mentorships"]["mentorships"] == []
    # Neither what he wrote on their plans nor his private notes on them.
    assert document["comments"] == []
    text = json.dumps(document)
    assert "Alice" not in text
    assert "study group" not in text
    assert "Mentor's memo" not in text


def test_the_link_works_for_a_day_and_then_the_file_is_gone(alice_client, plans):
    _download(alice_client)
    export = DataExport.objects.get()
    url = reverse("portability:download", args=[export.public_id])
    page = alice_client.get(DATA).content.decode()
    assert "the link works until" in page
    with time_machine.travel(timezone.now() + timedelta(hours=25)):
        response = alice_client.get(url, follow=True)
        assert "That download link has expired" in response.content.decode()
        from apps.portability.tasks import purge_expired_exports

        assert purge_expired_exports() == 1
    assert not DataExport.objects.exists()


def test_another_person_cannot_use_the_link(alice_client, client, charlie, plans):
    _download(alice_client)
    export = DataExport.objects.get()
    client.force_login(charlie)
    assert client.get(reverse("portability:download", args=[export.public_id])).status_code == 404


def test_a_large_plan_is_prepared_by_the_worker(
    alice_client, alice, settings, django_capture_on_commit_callbacks
):
    settings.DATA_EXPORT_INLINE_GOALS = 2
    GoalFactory.create_batch(3, owner=alice)
    with django_capture_on_commit_callbacks(execute=False) as queued:
        page = alice_client.post(EXPORT, follow=True).content.decode()
    assert "being prepared" in page
    export = DataExport.objects.get()
    assert not export.is_downloadable()
    assert alice_client.get(DATA).content.decode().count("Being prepared since") == 1
    early = alice_client.get(reverse("portability:download", args=[export.public_id]), follow=True)
    assert "still being prepared" in early.content.decode()
    (task,) = queued
    task()  # the worker's turn (tasks run inline in tests)
    export.refresh_from_db()
    assert export.is_downloadable()
    document = json.loads(
        alice_client.get(reverse("portability:download", args=[export.public_id])).content
    )
    assert len(document["goals"]) == 3


def test_preparing_downloads_is_rate_limited(alice_client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "data_export": "2/h"}
    assert [alice_client.post(EXPORT).status_code for _ in range(3)] == [302, 302, 429]
    assert DataExport.objects.count() == 2


def test_the_export_reads_a_constant_number_of_queries(alice, bob):
    full_plan(alice, "Alice", mentor=bob)
    with CaptureQueriesContext(connection) as one:
        build(alice)
    for n in range(5):
        goal = GoalFactory(owner=alice)
        ActionStepFactory(milestone=MilestoneFactory(goal=goal))
        ObstacleFactory(goal=goal)
        WinFactory(owner=alice, goal=goal)
        VisionVersion.objects.create(owner=alice, text=f"Version {n}")
        comment_add(by=alice, target=goal, kind="own_note", body=f"Note {n}")
    with CaptureQueriesContext(connection) as six:
        build(alice)
    assert len(six.captured_queries) == len(one.captured_queries)
