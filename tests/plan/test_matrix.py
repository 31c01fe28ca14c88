"""The priority matrix: four quadrants of active goals, reordered by buttons or by a drop."""

import re

import pytest
from django.urls import reverse

from apps.goals.models import Goal, GoalRevision
from tests.factories import ActionStepFactory, GoalFactory, MilestoneFactory

MATRIX = reverse("plan:matrix")
REORDER = reverse("plan:reorder")


def _move(public_id) -> str:
    return reverse("plan:move", kwargs={"public_id": public_id})


def _schedule(owner, *titles, **fields):
    """Goals in "Schedule" (important, not urgent), in the given order."""
    return [
        GoalFactory(owner=owner, title=t, urgent=False, important=True, **fields) for t in titles
    ]


def _titles_in(page: str, quadrant: str) -> list[str]:
    section = re.search(
        rf'data-quadrant="{quadrant}">(.*?)</section>', page, flags=re.DOTALL
    ).group(1)
    return re.findall(r'<h3>(?:<a href="[^"]*">)?([^<]+)', section)


def _order(owner) -> list[str]:
    return list(Goal.objects.filter(owner=owner).in_order().values_list("title", flat=True))


def test_active_goals_sit_in_their_quadrants_in_manual_order(alice, alice_client, charlie):
    GoalFactory(owner=alice, title="Lead the migration", urgent=True, important=True)
    _schedule(alice, "Get certified", "Grow my network")
    GoalFactory(owner=alice, title="Answer every recruiter", urgent=True, important=False)
    GoalFactory(owner=alice, title="Learn the bagpipes", urgent=False, important=False)
    GoalFactory(owner=alice, title="A draft idea", status="draft")
    GoalFactory(owner=alice, title="Done and dusted", status="achieved")
    GoalFactory(owner=charlie, title="Charlie's secret plan")

    response = alice_client.get(MATRIX)

    assert response.status_code == 200
    page = response.content.decode()
    assert _titles_in(page, "do_first") == ["Lead the migration"]
    assert _titles_in(page, "schedule") == ["Get certified", "Grow my network"]
    assert _titles_in(page, "delegate") == ["Answer every recruiter"]
    assert _titles_in(page, "drop") == ["Learn the bagpipes"]
    for hidden in ("A draft idea", "Done and dusted", "Charlie's secret plan"):
        assert hidden not in page


def test_cards_show_progress_deadline_and_labelled_buttons(alice, alice_client, time_machine):
    time_machine.move_to("2026-03-10 12:00")
    goal = GoalFactory(owner=alice, title="Get certified", target_date="2026-03-01")
    MilestoneFactory(goal=goal, done_at="2026-02-01T10:00Z")
    MilestoneFactory(goal=goal)

    page = alice_client.get(MATRIX).content.decode()

    assert "1 of 2 milestones" in page
    assert 'value="50"' in page  # the progress bar
    assert "Overdue" in page
    assert 'aria-label="Move Get certified up"' in page
    assert 'aria-label="Move Get certified to Do first"' in page


def test_an_empty_quadrant_says_what_belongs_there(alice, alice_client):
    _schedule(alice, "Get certified")
    page = alice_client.get(MATRIX).content.decode()
    assert "Goals you keep out of habit belong here" in page
    assert "No active goals yet" not in page


def test_a_planner_without_active_goals_is_told_where_new_goals_land(alice_client):
    page = alice_client.get(MATRIX).content.decode()
    assert "No active goals yet" in page


def test_move_up_without_javascript_redirects_back_to_the_card(alice, alice_client):
    _schedule(alice, "First", "Second")
    GoalFactory(owner=alice, title="Urgent one", urgent=True)  # another quadrant, in between
    third = GoalFactory(owner=alice, title="Third", urgent=False)

    response = alice_client.post(_move(third.public_id), {"direction": "up"})

    assert response.status_code == 302
    assert response["Location"] == f"{MATRIX}#goal-{third.public_id}"
    page = alice_client.get(response["Location"]).content.decode()
    assert _titles_in(page, "schedule") == ["First", "Third", "Second"]
    assert "“Third” is now 2 of 3 in Schedule." in page
    # The goal in the other quadrant kept its slot in the overall order.
    assert _order(alice) == ["First", "Third", "Urgent one", "Second"]


def test_move_down_and_the_ends_of_a_quadrant(alice, alice_client):
    first, _ = _schedule(alice, "First", "Second")
    alice_client.post(_move(first.public_id), {"direction": "down"})
    assert _order(alice) == ["Second", "First"]
    # Already last: nothing moves, and the answer still says where it is.
    response = alice_client.post(_move(first.public_id), {"direction": "down"}, follow=True)
    assert _order(alice) == ["Second", "First"]
    assert "“First” is now 2 of 2 in Schedule." in response.content.decode()


def test_moving_to_another_quadrant_changes_the_flags_and_records_a_revision(alice, alice_client):
    (goal,) = _schedule(alice, "Get certified")
    GoalFactory(owner=alice, title="Already urgent", urgent=True, important=True)

    response = alice_client.post(_move(goal.public_id), {"quadrant": "do_first"})

    assert response.status_code == 302
    goal.refresh_from_db()
    assert (goal.urgent, goal.important) == (True, True)
    revision = GoalRevision.objects.get(goal=goal)
    assert revision.changes == {"urgent": [False, True]}
    assert revision.author == alice
    page = alice_client.get(MATRIX).content.decode()
    # A goal moved by button goes to the end of its new quadrant.
    assert _titles_in(page, "do_first") == ["Already urgent", "Get certified"]
    assert _titles_in(page, "schedule") == []


def test_htmx_move_answers_with_the_matrix_and_an_announcement(alice, alice_client):
    _, second = _schedule(alice, "First", "Second")

    response = alice_client.post(
        _move(second.public_id), {"direction": "up"}, headers={"HX-Request": "true"}
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "<html" not in page
    assert page.lstrip().startswith('<div id="matrix"')
    assert 'hx-swap-oob="innerHTML"' in page
    assert "“Second” is now 1 of 2 in Schedule." in page
    assert _titles_in(page, "schedule") == ["Second", "First"]


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"direction": "sideways"},
        {"quadrant": "someday"},
        {"direction": "up", "quadrant": "drop"},
    ],
)
def test_a_move_that_makes_no_sense_is_refused_and_changes_nothing(alice, alice_client, data):
    _, second = _schedule(alice, "First", "Second")

    response = alice_client.post(_move(second.public_id), data)

    assert response.status_code == 422
    assert 'role="alert"' in response.content.decode()
    assert _order(alice) == ["First", "Second"]
    assert not GoalRevision.objects.exists()


def test_goals_outside_the_matrix_cannot_be_moved(alice, alice_client, charlie):
    theirs = GoalFactory(owner=charlie)
    draft = GoalFactory(owner=alice, status="draft")
    assert alice_client.post(_move(theirs.public_id), {"direction": "up"}).status_code == 404
    assert alice_client.post(_move(draft.public_id), {"quadrant": "drop"}).status_code == 404
    theirs.refresh_from_db()
    assert (theirs.urgent, theirs.important) == (False, True)


def test_move_is_post_only(alice, alice_client):
    (goal,) = _schedule(alice, "Get certified")
    assert alice_client.get(_move(goal.public_id)).status_code == 405
    assert alice_client.get(REORDER).status_code == 405
    assert alice_client.post(MATRIX).status_code == 405


def test_a_drop_puts_the_goal_where_it_landed(alice, alice_client):
    _, _, c = _schedule(alice, "A", "B", "C")
    on_hold = GoalFactory(owner=alice, title="On hold", status="on_hold")
    x = GoalFactory(owner=alice, title="X", urgent=True)
    y = GoalFactory(owner=alice, title="Y", urgent=True)

    # C dragged into "Do first", between X and Y.
    data = {
        "goal": c.public_id,
        "quadrant": "do_first",
        "order": [x.public_id, c.public_id, y.public_id],
    }
    response = alice_client.post(REORDER, data, headers={"HX-Request": "true"})

    assert response.status_code == 200
    page = response.content.decode()
    assert _titles_in(page, "do_first") == ["X", "C", "Y"]
    assert _titles_in(page, "schedule") == ["A", "B"]
    assert "“C” is now 2 of 3 in Do first." in page
    c.refresh_from_db()
    assert (c.urgent, c.important) == (True, True)
    # The goal on hold, not in the matrix, keeps its place in the overall order.
    assert _order(alice) == ["A", "B", "X", "On hold", "C", "Y"]
    assert on_hold.pk  # still there


def test_a_drop_within_a_quadrant_reorders_without_a_revision(alice, alice_client):
    a, b, c = _schedule(alice, "A", "B", "C")
    data = {
        "goal": a.public_id,
        "quadrant": "schedule",
        "order": [b.public_id, c.public_id, a.public_id],
    }

    response = alice_client.post(REORDER, data)

    assert response.status_code == 302
    assert _order(alice) == ["B", "C", "A"]
    assert not GoalRevision.objects.exists()


def test_a_stale_drop_keeps_goals_the_page_did_not_know_about(alice, alice_client):
    a, b = _schedule(alice, "A", "B")
    newer = GoalFactory(owner=alice, title="Added in another tab", urgent=False)
    data = {"goal": b.public_id, "quadrant": "schedule", "order": [b.public_id, a.public_id]}
    alice_client.post(REORDER, data)
    assert _order(alice) == ["B", "A", "Added in another tab"]
    assert newer.pk


@pytest.mark.parametrize(
    "data",
    [
        {"quadrant": "schedule"},
        {"goal": "not-a-uuid", "quadrant": "schedule"},
        {"goal": "GOAL", "quadrant": "urgent-ish"},
        {"goal": "GOAL", "quadrant": "schedule", "order": ["GOAL", "12345"]},
        {"goal": "GOAL", "quadrant": "schedule", "order": ["GOAL"] * 501},
    ],
)
def test_a_drop_that_cannot_be_read_is_refused(alice, alice_client, data):
    _, b = _schedule(alice, "A", "B")
    data = {
        key: [str(b.public_id) if v == "GOAL" else v for v in value]
        if isinstance(value, list)
        else (str(b.public_id) if value == "GOAL" else value)
        for key, value in data.items()
    }

    response = alice_client.post(REORDER, data, headers={"HX-Request": "true"})

    assert response.status_code == 422
    assert 'role="alert"' in response.content.decode()
    assert _order(alice) == ["A", "B"]


def test_someone_elses_goal_cannot_be_dropped(alice, alice_client, charlie):
    theirs = GoalFactory(owner=charlie, title="Theirs")
    data = {"goal": theirs.public_id, "quadrant": "drop", "order": [theirs.public_id]}

    response = alice_client.post(REORDER, data)

    assert response.status_code == 422
    assert "no longer in your matrix" in response.content.decode()
    theirs.refresh_from_db()
    assert (theirs.urgent, theirs.important) == (False, True)


def _plan(owner, goals: int) -> None:
    for n in range(goals):
        goal = GoalFactory(owner=owner, urgent=n % 2 == 0, important=n % 3 != 0)
        for milestone in MilestoneFactory.create_batch(8, goal=goal):
            ActionStepFactory.create_batch(3, milestone=milestone)


@pytest.mark.parametrize("goals", [2, 40])
def test_matrix_query_count_does_not_grow_with_the_plan(
    alice, alice_client, django_assert_num_queries, goals
):
    _plan(alice, goals)
    # session, user, the active goals with their milestone counts, the navigation's unread count
    with django_assert_num_queries(4):
        response = alice_client.get(MATRIX)
    assert response.status_code == 200
    assert response.content.decode().count('draggable="true"') == goals
