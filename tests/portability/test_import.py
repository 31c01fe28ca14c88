"""Import: an export loads into an empty account with new ids, all at once; a malformed or
hostile file is refused at the file field with the reason, and nothing is written."""

import copy
import json
import re

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from apps.goals.models import Goal
from apps.mentorship.models import Comment
from apps.portability.document import build
from tests.factories import GoalFactory, UserFactory
from tests.portability.plans import full_plan

IMPORT = reverse("portability:import")
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


@pytest.fixture
def exported(alice, bob):
    full_plan(alice, "Alice", mentor=bob)
    return build(alice)


@pytest.fixture
def newcomer(db, client):
    user = UserFactory(email="newcomer@example.com", display_name="New", timezone="UTC")
    client.force_login(user)
    return user


def _post(client, content: bytes, name: str = "plan.json"):
    return client.post(IMPORT, {"file": SimpleUploadedFile(name, content)})


def _counts() -> dict[str, int]:
    return {m._meta.label: m._base_manager.count() for m in apps.get_models()}


def _normalised(document: dict) -> dict:
    """The document with ids numbered in order of appearance, and the dates an import sets."""
    document = copy.deepcopy(document)
    del document["exported_at"]
    document["profile"].pop("email")
    document["profile"].pop("date_joined")
    # Mentorships need the other person again; an import does not bring them back.
    document["mentorships"] = None
    # So are the shared comments, a conversation with a mentor; the planner's own notes come.
    document["comments"] = [c for c in document["comments"] if c["kind"] == "own_note"]
    # A snapshot is a record of the past, compared word for word (its old ids included).
    for snapshot in document["assessment"]["snapshots"]:
        snapshot["data"] = None
    numbers: dict[str, str] = {}
    text = json.dumps(document, sort_keys=True)
    text = UUID.sub(lambda m: numbers.setdefault(m.group(), f"id-{len(numbers)}"), text)
    return json.loads(text)


def test_the_round_trip_gives_the_same_document(client, exported, newcomer):
    response = _post(client, json.dumps(exported).encode())
    assert response.status_code == 302, re.findall(
        r"Nothing[^<]*|The file[^<]*", response.content.decode()
    )
    assert response["Location"] == reverse("dashboard:index")
    newcomer.refresh_from_db()
    again = build(newcomer)
    assert _normalised(again) == _normalised(exported)
    snapshots = [(s["taken_at"], s["data"]) for s in exported["assessment"]["snapshots"]]
    assert [(s["taken_at"], s["data"]) for s in again["assessment"]["snapshots"]] == snapshots
    assert again["profile"]["display_name"] == "Alice"


def test_every_row_gets_a_new_id_and_alices_plan_is_untouched(client, alice, exported, newcomer):
    before = {g.public_id: g.title for g in Goal.objects.filter(owner=alice)}
    _post(client, json.dumps(exported).encode())
    mine = Goal.objects.filter(owner=newcomer)
    assert sorted(g.title for g in mine) == sorted(before.values())
    assert not set(mine.values_list("public_id", flat=True)) & set(before)
    assert {g.public_id: g.title for g in Goal.objects.filter(owner=alice)} == before
    assert build(alice)["goals"] == exported["goals"]


def test_own_notes_come_back_on_the_new_plan_and_shared_comments_do_not(client, exported, newcomer):
    _post(client, json.dumps(exported).encode())
    notes = Comment.objects.filter(planner=newcomer).select_related("goal", "milestone")
    assert sorted(n.body for n in notes) == [
        "Alice adds to the note",
        "Alice on this check-in",
        "Alice's note to self",
    ]
    assert {(n.kind, n.author_id, n.note_of_id) for n in notes} == {
        ("own_note", newcomer.pk, newcomer.pk)
    }
    first = notes.get(body="Alice's note to self")
    assert first.goal.owner == newcomer
    assert first.milestone.goal == first.goal
    assert notes.get(body="Alice adds to the note").parent == first
    page = client.get(reverse("plan:goal", args=[first.goal.public_id])).content.decode()
    assert "Alice's note to self" in page
    assert "study group" not in page
    assert not Comment.objects.filter(body__contains="study group", planner=newcomer).exists()


def test_a_file_from_before_comments_were_exported_still_imports(client, exported, newcomer):
    del exported["comments"]
    assert _post(client, json.dumps(exported).encode()).status_code == 302
    assert Goal.objects.filter(owner=newcomer).count() == 2
    assert not Comment.objects.filter(planner=newcomer).exists()


def test_formula_looking_titles_are_kept_as_text(client, exported, newcomer):
    _post(client, json.dumps(exported).encode())
    assert Goal.objects.filter(owner=newcomer, title__startswith='=HYPERLINK("http://evil').exists()


def test_an_account_with_a_plan_is_not_imported_into(alice_client, exported):
    before = _counts()
    response = _post(alice_client, json.dumps(exported).encode())
    assert response.status_code == 422
    assert "already holds a plan" in response.content.decode()
    assert _counts() == before


def _refused(client, content: bytes, message: str) -> None:
    before = _counts()
    response = _post(client, content)
    assert response.status_code == 422
    page = response.content.decode()
    # The reason sits with the file field, tied to it for screen readers.
    assert 'aria-invalid="true"' in page, re.findall(r"<ul class=.errorlist[^\n]*", page)
    assert message in page, re.findall(r"<ul class=.errorlist.*?</ul>", page, re.S)
    assert _counts() == before


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(client, newcomer):
    _refused(client, b" " * (50 * 1024 * 1024), "larger than 5 MB")


def test_deep_nesting_is_refused(client, newcomer):
    _refused(client, b"[" * 100_000 + b"]" * 100_000, "nests deeper than any export")


def test_a_json_bomb_of_repeated_keys_is_refused(client, newcomer):
    bomb = (
        '{"format": "careerplan-export", "version": 1, '
        + ", ".join(f'"k{n}": ' + "[" * 30 + "]" * 30 for n in range(2000))
        + "}"
    )
    _refused(client, bomb.encode(), "does not follow the export format")


def test_too_many_entries_are_refused_without_quoting_them(client, exported, newcomer):
    exported["wins"] = [exported["wins"][0]] * 10_001
    content = json.dumps(exported).encode()
    before = _counts()
    response = _post(client, content)
    page = response.content.decode()
    assert "at wins: there are more than 10000 entries." in page
    assert page.count(exported["wins"][0]["title"]) == 0
    assert _counts() == before


def test_text_longer_than_the_app_allows_is_refused(client, exported, newcomer):
    exported["goals"][0]["title"] = "x" * 201
    _refused(client, json.dumps(exported).encode(), "at goals/0/title: the text is longer than 200")


def test_not_json_is_refused(client, newcomer):
    _refused(client, b"<html>not an export</html>", "not valid JSON")
    _refused(client, b"\xff\xfe\x00", "not text in UTF-8")
    _refused(client, b'{"format": "careerplan-export", "version": 1, "x": NaN}', "not a number")


def test_a_wrong_version_is_refused(client, exported, newcomer):
    exported["version"] = 2
    _refused(client, json.dumps(exported).encode(), "format version 2; this site reads version 1")
    _refused(client, b'{"hello": "world"}', "not a careerplan export")


def test_duplicate_ids_are_refused(client, exported, newcomer):
    goal = exported["goals"][1]
    goal["milestones"][1]["id"] = goal["milestones"][0]["id"]
    _refused(client, json.dumps(exported).encode(), "appears twice in the file")


def test_an_id_of_another_account_is_refused_and_that_account_untouched(
    client, charlie, exported, newcomer
):
    charlies = full_plan(charlie, "Charlie")
    exported["goals"][1]["parent"] = str(charlies["career"].public_id)
    exported["wins"][0]["goal"] = str(charlies["goal"].public_id)
    before = build(charlie)
    _refused(client, json.dumps(exported).encode(), "refers to a goal that is not in this file")
    after = build(charlie)
    assert {**after, "exported_at": None} == {**before, "exported_at": None}


def test_a_goal_that_serves_itself_is_refused(client, exported, newcomer):
    career, goal = exported["goals"]
    career["parent"] = goal["id"]
    goal["horizon"] = "long"
    _refused(client, json.dumps(exported).encode(), "goals[0].parent makes the goal serve itself")


def test_a_stepping_stone_of_a_short_term_goal_is_refused(client, exported, newcomer):
    exported["goals"][0]["horizon"] = "short"
    _refused(client, json.dumps(exported).encode(), "not long-term")


def test_two_wins_for_one_milestone_are_refused(client, exported, newcomer):
    reached = next(w for w in exported["wins"] if w["milestone"])
    other = next(w for w in exported["wins"] if not w["milestone"])
    other["milestone"] = reached["milestone"]
    _refused(client, json.dumps(exported).encode(), "another win names too")


def test_nul_bytes_are_refused(client, exported, newcomer):
    exported["goals"][0]["title"] = "Team\u0000lead"
    _refused(client, json.dumps(exported).encode(), "NUL character")


def test_a_late_failure_writes_nothing_at_all(client, exported, newcomer):
    """The check-ins fail after the plan was written (one goal twice in a check-in): the
    whole import is rolled back, the profile and the goals included."""
    exported["checkins"]["checkins"][-1]["goals"] = [
        {**exported["checkins"]["checkins"][0]["goals"][0]}
    ] * 2
    _refused(client, json.dumps(exported).encode(), "Nothing was imported")


def test_a_snapshot_not_shaped_like_one_is_refused(client, exported, newcomer):
    exported["assessment"]["snapshots"][0]["data"] = {"version": 1, "values": "everything"}
    _refused(client, json.dumps(exported).encode(), "assessment/snapshots/0/data")


def test_a_change_in_the_history_that_is_not_a_before_and_after_pair_is_refused(
    client, exported, newcomer
):
    goal = next(g for g in exported["goals"] if g["revisions"])
    goal["revisions"][0]["changes"] = {"title": "Not a pair"}
    index = exported["goals"].index(goal)
    _refused(client, json.dumps(exported).encode(), f"goals/{index}/revisions/0/changes/title")


def test_a_mentors_private_note_cannot_be_smuggled_in(client, exported, newcomer):
    exported["comments"][0]["kind"] = "mentor_note"
    _refused(client, json.dumps(exported).encode(), "at comments/0/kind")


def test_a_note_on_another_accounts_goal_is_refused(client, charlie, exported, newcomer):
    exported["comments"][0]["goal"] = str(GoalFactory(owner=charlie).public_id)
    _refused(client, json.dumps(exported).encode(), "comments[0].goal refers to a goal that is not")


def test_a_note_answering_a_shared_comment_is_refused(client, exported, newcomer):
    comments = exported["comments"]
    advice = next(c for c in comments if c["kind"] == "shared" and c["parent"] is None)
    comments[1]["parent"] = advice["id"]
    _refused(client, json.dumps(exported).encode(), "answers a note that is not one of your own")


def test_a_note_about_both_a_goal_and_a_checkin_is_refused(client, exported, newcomer):
    on_checkin = exported["comments"][2]
    on_checkin["goal"] = exported["comments"][0]["goal"]
    _refused(client, json.dumps(exported).encode(), "about one goal or one check-in")


def test_a_bad_choice_is_named_with_its_place(client, exported, newcomer):
    exported["goals"][0]["status"] = "<script>"
    _refused(client, json.dumps(exported).encode(), "goals[0].status")


def test_an_empty_post_asks_for_the_file(client, newcomer):
    response = client.post(IMPORT, {})
    assert response.status_code == 422
    assert "This field is required." in response.content.decode()
