"""Adding, editing, ticking, moving and deleting milestones, with and without HTMX."""

import json

import pytest
from django.urls import reverse

from apps.goals.models import Win
from apps.milestones.models import Milestone
from tests.factories import ActionStepFactory, GoalFactory, MilestoneFactory
from tests.milestones.conftest import HTMX


def url(name, obj):
    return reverse(f"milestones:{name}", kwargs={"public_id": obj.public_id})


def goal_page(goal):
    return reverse("plan:goal", kwargs={"public_id": goal.public_id})


def events(response):
    """The HX-Trigger events of an answer: what changed outside the fragment it swaps."""
    return json.loads(response.headers.get("HX-Trigger", "{}"))


def progress(client, goal):
    """What the section's progress shows when it fetches itself after a goal-progress event."""
    headers = {**HTMX, "HX-Target": "goal-progress"}
    response = client.get(url("list", goal), headers=headers)
    assert response.status_code == 200
    return response.content.decode()


# The flash messages region, swapped out of band into the page's own.
MESSAGES_OOB = '<div id="messages" role="status" aria-live="polite" hx-swap-oob="innerHTML">'


# -- adding -----------------------------------------------------------------------------


def test_add_without_javascript_redirects_to_the_goal_page(alice_client, goal):
    data = {"title": "Pass the exam", "description": "Score 70%+", "due_date": "2030-06-30"}
    response = alice_client.post(url("create", goal), data)
    assert response.status_code == 302
    assert response["Location"] == f"{goal_page(goal)}#milestones"
    milestone = goal.milestones.get()
    assert (milestone.title, milestone.description, str(milestone.due_date)) == (
        "Pass the exam",
        "Score 70%+",
        "2030-06-30",
    )


def test_add_with_htmx_answers_with_the_list_and_says_the_progress_changed(alice_client, goal):
    MilestoneFactory(goal=goal, done_at="2030-01-01T00:00Z")
    response = alice_client.post(url("create", goal), {"title": "Second"}, headers=HTMX)
    assert response.status_code == 200
    page = response.content.decode()
    assert page.lstrip().startswith('<div id="milestone-items">')
    assert "Second" in page
    assert MESSAGES_OOB in page
    assert "Milestone added." in page
    assert events(response) == {"goal-progress": {"goal": goal.pid}}
    assert goal.milestones.count() == 2
    assert "<strong>1 of 2</strong> milestones reached" in progress(alice_client, goal)


def test_the_progress_fetches_itself_alone(alice_client, goal, django_assert_num_queries):
    MilestoneFactory(goal=goal, done_at="2030-01-01T00:00Z")
    MilestoneFactory(goal=goal)
    # session, user, goal with its milestone counts
    with django_assert_num_queries(3):
        page = progress(alice_client, goal)
    assert page.lstrip().startswith('<div id="goal-progress"')
    assert 'hx-trigger="goal-progress from:body"' in page
    assert 'value="50"' in page
    assert '<li id="milestone-' not in page


def test_new_milestones_go_to_the_end(alice_client, goal):
    for title in ("One", "Two", "Three"):
        alice_client.post(url("create", goal), {"title": title}, headers=HTMX)
    assert list(goal.milestones.order_by("position").values_list("title", flat=True)) == [
        "One",
        "Two",
        "Three",
    ]


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"title": ""}, "title", "Give your milestone a short name."),
        ({"title": "   "}, "title", "Give your milestone a short name."),
        ({"title": "x" * 201}, "title", "at most 200 characters"),
        ({"title": "Ok", "description": "x" * 100_000}, "description", "at most 5000"),
        ({"title": "Ok", "due_date": "next tuesday"}, "due_date", "Enter a date like"),
        ({"title": "Ok", "due_date": "2030-02-30"}, "due_date", "Enter a date like"),
        ({"title": "Ok", "due_date": "0202-01-01"}, "due_date", "before you set this goal"),
        ({"title": "Ok", "due_date": "2300-01-01"}, "due_date", "most likely a typing slip"),
    ],
)
@pytest.mark.parametrize("headers", [{}, HTMX], ids=["plain", "htmx"])
def test_bad_input_is_refused_next_to_the_field(alice_client, goal, data, field, message, headers):
    response = alice_client.post(url("create", goal), data, headers=headers)
    assert response.status_code == 422
    page = response.content.decode()
    assert f'id="new-milestone-{field}_error"' in page
    assert f'aria-describedby="new-milestone-{field}_error"' in page
    assert message in page
    assert not goal.milestones.exists()
    if not headers:
        assert "<html" in page  # the whole page, the form keeps what was typed
    if data["title"].strip() and len(data["title"]) <= 200:
        assert f'value="{data["title"]}"' in page


def test_cannot_add_to_a_strangers_goal(client, charlie, goal):
    client.force_login(charlie)
    response = client.post(url("create", goal), {"title": "Sneaky"})
    assert response.status_code == 404
    assert not Milestone.objects.exists()


def test_a_goal_id_in_the_body_is_ignored(alice_client, goal, charlie):
    strangers = GoalFactory(owner=charlie)
    alice_client.post(url("create", goal), {"title": "Mine", "goal": strangers.pk})
    assert not strangers.milestones.exists()
    assert goal.milestones.get().title == "Mine"


# -- editing ----------------------------------------------------------------------------


def test_edit_opens_in_place_and_saves_back_into_the_row(alice_client, goal):
    milestone = MilestoneFactory(goal=goal, title="Old")
    response = alice_client.get(url("edit", milestone), headers=HTMX)
    assert response.status_code == 200
    page = response.content.decode()
    assert page.strip().startswith(f'<li id="milestone-{milestone.public_id}"')
    assert 'value="Old"' in page
    response = alice_client.post(
        url("edit", milestone), {"title": "New", "due_date": ""}, headers=HTMX
    )
    assert response.status_code == 200
    assert "New" in response.content.decode()
    assert "<form" in response.content.decode()  # back to the row with its buttons
    milestone.refresh_from_db()
    assert (milestone.title, milestone.due_date) == ("New", None)


def test_edit_without_javascript_is_a_page_then_a_redirect(alice_client, goal):
    milestone = MilestoneFactory(goal=goal, title="Old")
    page = alice_client.get(url("edit", milestone)).content.decode()
    assert "<h1>Edit milestone</h1>" in page
    response = alice_client.post(url("edit", milestone), {"title": "New"})
    assert response.status_code == 302
    assert response["Location"] == f"{goal_page(goal)}#milestone-{milestone.public_id}"


def test_bad_edit_changes_nothing(alice_client, goal):
    milestone = MilestoneFactory(goal=goal, title="Keep", description="As is")
    data = {"title": "", "description": "x" * 100_000}
    response = alice_client.post(url("edit", milestone), data, headers=HTMX)
    assert response.status_code == 422
    page = response.content.decode()
    assert "Give your milestone a short name." in page
    assert "at most 5000" in page
    milestone.refresh_from_db()
    assert (milestone.title, milestone.description) == ("Keep", "As is")


# -- ticking ----------------------------------------------------------------------------


def test_tick_with_htmx_celebrates_records_a_win_and_moves_the_progress(alice_client, goal, alice):
    milestone = MilestoneFactory(goal=goal, title="Pass the exam")
    MilestoneFactory(goal=goal)
    response = alice_client.post(url("done", milestone), {"done": "1"}, headers=HTMX)
    assert response.status_code == 200
    page = response.content.decode()
    assert page.lstrip().startswith(
        f'<li id="milestone-{milestone.public_id}" class="milestone is-done just-reached">'
    )
    assert f"Reopen “{milestone.title}”" in page
    assert MESSAGES_OOB in page
    assert 'class="flash flash-celebration success"' in page
    assert "Milestone reached — added to your wins." in page
    assert f'<a href="{reverse("wins:list")}">See your wins</a>' in page
    assert events(response) == {"goal-progress": {"goal": goal.pid}}
    progress_now = progress(alice_client, goal)
    assert "<strong>1 of 2</strong> milestones reached" in progress_now
    assert 'value="50"' in progress_now
    # The section refetching itself after the event brings no news, so it leaves the
    # celebration where it is instead of swapping an empty messages region over it.
    assert 'id="messages"' not in progress_now
    # Nor does the goal page its measure and history refetch themselves from.
    refetched = alice_client.get(goal_page(goal), headers=HTMX).content.decode()
    assert "Pass the exam" in refetched
    assert "hx-swap-oob" not in refetched
    milestone.refresh_from_db()
    assert milestone.done_at is not None
    win = Win.objects.get(milestone=milestone)
    assert (win.owner, win.goal, win.title) == (alice, goal, "Milestone reached: Pass the exam")


def test_untick_takes_the_win_back(alice_client, goal):
    milestone = MilestoneFactory(goal=goal)
    alice_client.post(url("done", milestone), {"done": "1"}, headers=HTMX)
    response = alice_client.post(url("done", milestone), {"done": "0"}, headers=HTMX)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Milestone reopened" in page
    assert "just-reached" not in page
    assert events(response) == {"goal-progress": {"goal": goal.pid}}
    assert "<strong>0 of 1</strong> milestone reached" in progress(alice_client, goal)
    milestone.refresh_from_db()
    assert milestone.done_at is None
    assert not Win.objects.exists()


def test_ticking_twice_is_one_win(alice_client, goal):
    milestone = MilestoneFactory(goal=goal)
    alice_client.post(url("done", milestone), {"done": "1"}, follow=True)
    response = alice_client.post(url("done", milestone), {"done": "1"}, headers=HTMX)
    assert response.status_code == 200
    assert "added to your wins" not in response.content.decode()
    assert events(response) == {}  # nothing changed
    assert Win.objects.count() == 1


def test_tick_without_javascript_redirects_with_the_message(alice_client, goal):
    milestone = MilestoneFactory(goal=goal)
    response = alice_client.post(url("done", milestone), {"done": "1"}, follow=True)
    assert response.redirect_chain[0][0] == f"{goal_page(goal)}#milestone-{milestone.public_id}"
    assert "Milestone reached — added to your wins." in response.content.decode()
    assert "See your wins" in response.content.decode()
    milestone.refresh_from_db()
    assert milestone.win == Win.objects.get()


@pytest.mark.parametrize("data", [{}, {"done": "maybe"}])
def test_a_tick_without_a_state_changes_nothing(alice_client, goal, data):
    milestone = MilestoneFactory(goal=goal)
    assert alice_client.post(url("done", milestone), data, headers=HTMX).status_code == 422
    milestone.refresh_from_db()
    assert milestone.done_at is None


# -- moving -----------------------------------------------------------------------------


def _titles(goal):
    return list(goal.milestones.order_by("position").values_list("title", flat=True))


def test_move_up_and_down_persists_the_order(alice_client, goal):
    a, b, c = (MilestoneFactory(goal=goal, title=t) for t in "ABC")
    response = alice_client.post(url("move", c), {"direction": "up"}, headers=HTMX)
    assert response.status_code == 200
    page = response.content.decode()
    assert page.lstrip().startswith('<div id="milestone-items">')
    assert page.index(f"milestone-{c.public_id}") < page.index(f"milestone-{b.public_id}")
    assert events(response) == {}  # the order is not progress
    assert _titles(goal) == ["A", "C", "B"]
    alice_client.post(url("move", a), {"direction": "down"})
    assert _titles(goal) == ["C", "A", "B"]
    # Past the ends nothing moves.
    alice_client.post(url("move", c), {"direction": "up"})
    alice_client.post(url("move", b), {"direction": "down"})
    assert _titles(goal) == ["C", "A", "B"]


def test_move_without_a_direction_is_refused(alice_client, goal):
    a, _ = MilestoneFactory(goal=goal, title="A"), MilestoneFactory(goal=goal, title="B")
    response = alice_client.post(url("move", a), {"direction": "sideways"})
    assert response.status_code == 422
    assert _titles(goal) == ["A", "B"]


# -- deleting ---------------------------------------------------------------------------


def test_delete_without_javascript_asks_first(alice_client, goal):
    milestone = MilestoneFactory(goal=goal, title="Drop me")
    ActionStepFactory.create_batch(2, milestone=milestone)
    response = alice_client.get(url("delete", milestone))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Delete this milestone?" in page
    assert "“Drop me”" in page
    assert "Its 2 steps go with it." in page
    assert f'action="{url("delete", milestone)}"' in page
    assert goal.milestones.exists()
    response = alice_client.post(url("delete", milestone), {"confirm": "on"}, follow=True)
    assert response.redirect_chain[0][0] == f"{goal_page(goal)}#milestones"
    assert "“Drop me” is deleted." in response.content.decode()
    assert not goal.milestones.exists()


def test_the_confirmation_of_a_reached_milestone_says_the_win_stays(alice_client, goal):
    milestone = MilestoneFactory(goal=goal, title="Drop me")
    alice_client.post(url("done", milestone), {"done": "1"})
    page = alice_client.get(url("delete", milestone)).content.decode()
    assert "The win you recorded when you reached it stays in your journal." in page
    assert "steps go" not in page


def test_an_unconfirmed_delete_asks_and_deletes_nothing(alice_client, goal):
    milestone = MilestoneFactory(goal=goal, title="Drop me")
    response = alice_client.post(url("delete", milestone), {})
    assert response.status_code == 422
    assert "Nothing is deleted yet" in response.content.decode()
    assert goal.milestones.exists()


def test_delete_with_htmx_answers_with_the_list(alice_client, goal):
    milestone = MilestoneFactory(goal=goal, title="Drop me")
    response = alice_client.post(url("delete", milestone), {"confirm": "yes"}, headers=HTMX)
    assert response.status_code == 200
    page = response.content.decode()
    assert "No milestones yet." in page
    assert "“Drop me” is deleted." in page
    assert events(response) == {"goal-progress": {"goal": goal.pid}}
    assert "Add a milestone and your progress shows here." in progress(alice_client, goal)


def test_delete_keeps_the_win(alice_client, goal):
    milestone = MilestoneFactory(goal=goal)
    alice_client.post(url("done", milestone), {"done": "1"})
    alice_client.post(url("delete", milestone), {"confirm": "yes"})
    win = Win.objects.get()
    assert not Milestone.objects.filter(win=win).exists()


# -- strangers --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("edit", {"title": "Mine now"}),
        ("done", {"done": "1"}),
        ("move", {"direction": "up"}),
        ("delete", {"confirm": "yes"}),
        ("step-create", {"title": "Mine now"}),
    ],
)
@pytest.mark.parametrize("headers", [{}, HTMX], ids=["plain", "htmx"])
def test_a_stranger_gets_404_and_changes_nothing(client, charlie, goal, name, data, headers):
    milestone = MilestoneFactory(goal=goal, title="Alice's")
    client.force_login(charlie)
    assert client.post(url(name, milestone), data, headers=headers).status_code == 404
    milestone.refresh_from_db()
    assert (milestone.title, milestone.done_at, milestone.steps.count()) == ("Alice's", None, 0)
    assert not Win.objects.exists()


@pytest.mark.parametrize("name", ["done", "move"])
def test_wrong_method_is_405(alice_client, goal, name):
    assert alice_client.get(url(name, MilestoneFactory(goal=goal))).status_code == 405
    assert alice_client.put(url("edit", MilestoneFactory(goal=goal))).status_code == 405


def test_list_refuses_post(alice_client, goal):
    assert alice_client.post(url("list", goal), {"title": "x"}).status_code == 405


def test_the_add_form_opens_when_asked_for(alice_client, goal):
    """With milestones on the page, adding one is a button; it brings the form (for HTMX just
    the form, without JavaScript the milestones page with it), its first field focused."""
    MilestoneFactory(goal=goal, title="Pass the exam")
    page = alice_client.get(reverse("plan:goal", args=[goal.public_id])).content.decode()
    assert 'id="new-milestone-title"' not in page
    assert f'href="{url("create", goal)}" role="button"' in page

    fragment = alice_client.get(url("create", goal), headers=HTMX).content.decode()
    assert fragment.lstrip().startswith('<form id="new-milestone"')
    assert "autofocus" in fragment
    whole = alice_client.get(url("create", goal)).content.decode()
    assert "<h1>" in whole
    assert "autofocus" in whole
    assert 'id="new-milestone"' in whole


def test_after_an_add_the_form_waits_for_the_next_one(alice_client, goal):
    answer = alice_client.post(url("create", goal), {"title": "Pass the exam"}, headers=HTMX)
    text = answer.content.decode()
    assert "Pass the exam" in text
    assert text.count("autofocus") == 1
    assert 'id="new-milestone"' in text
