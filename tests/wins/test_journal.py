"""The wins journal at /wins/."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.urls import reverse

from apps.goals.models import Win
from tests.factories import GoalFactory, MilestoneFactory, WinFactory

HTMX = {"HX-Request": "true"}
LIST, CREATE = reverse("wins:list"), reverse("wins:create")


def delete_url(win):
    return reverse("wins:delete", kwargs={"public_id": win.public_id})


@pytest.fixture
def june_first(time_machine):
    time_machine.move_to(datetime(2030, 6, 1, 10, tzinfo=UTC), tick=False)
    return date(2030, 6, 1)


def test_empty_journal_explains_and_invites(alice_client):
    response = alice_client.get(LIST)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Your journal is waiting for its first win." in page
    assert 'href="#id_title"' in page
    assert "Add to my journal" in page


def test_wins_newest_first_grouped_by_month_with_their_goal(june_first, alice_client, alice):
    goal = GoalFactory(owner=alice, title="Lead projects")
    WinFactory(owner=alice, title="Old win", happened_on=date(2030, 4, 20))
    WinFactory(owner=alice, title="New win", happened_on=date(2030, 5, 30), note="Felt great")
    WinFactory(owner=alice, title="Goal win", happened_on=date(2030, 5, 2), goal=goal)
    WinFactory(title="Someone else's win")
    page = alice_client.get(LIST).content.decode()
    assert page.index("New win") < page.index("Goal win") < page.index("Old win")
    assert page.index("May 2030") < page.index("April 2030")
    assert "May 2030 <small>· 2 wins</small>" in page
    assert "April 2030 <small>· 1 win</small>" in page
    assert "Felt great" in page
    goal_url = reverse("plan:goal", kwargs={"public_id": goal.public_id})
    assert f'Towards <a href="{goal_url}">Lead projects</a>' in page
    assert 'datetime="2030-05-30"' in page
    assert "Someone else" not in page
    assert 'value="2030-06-01"' in page  # the date defaults to today


def test_add_a_win_with_htmx(june_first, alice_client, alice):
    data = {"title": "Gave a talk", "happened_on": "2030-05-31", "note": "To 40 people"}
    response = alice_client.post(CREATE, data, headers=HTMX)
    assert response.status_code == 200
    page = response.content.decode()
    assert page.strip().startswith('<div id="journal"')
    assert "Gave a talk" in page
    assert "Added to your journal." in page
    win = Win.objects.get()
    assert (win.owner, win.title, win.happened_on, win.note) == (
        alice,
        "Gave a talk",
        date(2030, 5, 31),
        "To 40 people",
    )


def test_add_a_win_without_javascript(alice_client):
    today = date.today().isoformat()
    response = alice_client.post(CREATE, {"title": "Shipped", "happened_on": today})
    assert response.status_code == 302
    assert response["Location"] == LIST
    assert Win.objects.get().title == "Shipped"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"title": "", "happened_on": "2030-06-01"}, "Say in a few words what went well."),
        ({"title": "x" * 201, "happened_on": "2030-06-01"}, "at most 200 characters"),
        ({"title": "Ok", "happened_on": "yesterday"}, "Enter a date like"),
        ({"title": "Ok", "happened_on": ""}, "This field is required."),
        ({"title": "Ok", "happened_on": "2030-06-02"}, "choose today or earlier"),
        ({"title": "Ok", "happened_on": "1800-01-01"}, "after 1900"),
        ({"title": "Ok", "happened_on": "2030-06-01", "note": "x" * 100_000}, "at most 5000"),
    ],
)
@pytest.mark.parametrize("headers", [{}, HTMX], ids=["plain", "htmx"])
def test_bad_win_is_refused_next_to_the_field(june_first, alice_client, data, message, headers):
    response = alice_client.post(CREATE, data, headers=headers)
    assert response.status_code == 422
    page = response.content.decode()
    assert message in page
    assert 'class="errorlist"' in page
    assert not Win.objects.exists()


def test_delete_asks_then_deletes(alice_client, alice):
    win = WinFactory(owner=alice, title="Oops")
    page = alice_client.get(delete_url(win)).content.decode()
    assert "Delete this win?" in page
    assert "“Oops”" in page
    assert alice_client.post(delete_url(win), {}).status_code == 422
    assert Win.objects.exists()
    response = alice_client.post(delete_url(win), {"confirm": "yes"}, headers=HTMX)
    assert response.status_code == 200
    assert "“Oops” is off your journal." in response.content.decode()
    assert not Win.objects.exists()


def test_delete_without_javascript_redirects(alice_client, alice):
    win = WinFactory(owner=alice)
    response = alice_client.post(delete_url(win), {"confirm": "yes"})
    assert response.status_code == 302
    assert response["Location"] == LIST
    assert not Win.objects.exists()


def test_a_stranger_cannot_see_or_delete_a_win(client, charlie, alice):
    win = WinFactory(owner=alice)
    client.force_login(charlie)
    assert client.get(delete_url(win)).status_code == 404
    assert client.post(delete_url(win), {"confirm": "yes"}).status_code == 404
    assert Win.objects.exists()


def test_wrong_methods(alice_client):
    assert alice_client.post(LIST, {"title": "x"}).status_code == 405
    assert alice_client.get(CREATE).status_code == 405


def test_a_reached_milestone_shows_up_in_the_journal(alice_client, alice):
    milestone = MilestoneFactory(goal__owner=alice, title="Pass the exam")
    alice_client.post(
        reverse("milestones:done", kwargs={"public_id": milestone.public_id}), {"done": "1"}
    )
    assert "Milestone reached: Pass the exam" in alice_client.get(LIST).content.decode()


def test_older_wins_are_on_the_next_page(alice_client, alice):
    WinFactory.create_batch(50, owner=alice, happened_on=date.today())
    WinFactory(owner=alice, title="The oldest", happened_on=date.today() - timedelta(days=900))
    first = alice_client.get(LIST).content.decode()
    assert "The oldest" not in first
    assert "Older wins" in first
    assert "The oldest" in alice_client.get(LIST, {"page": 2}).content.decode()


@pytest.mark.parametrize("count", [5, 200])
def test_query_count_is_pinned(alice_client, alice, django_assert_num_queries, count):
    goal = GoalFactory(owner=alice)
    for index in range(count):
        WinFactory(owner=alice, goal=goal if index % 2 else None)
    # session, user, count for the pages, one page of wins with their goals, the goals a new
    # win can be linked to, the navigation's unread count
    with django_assert_num_queries(6):
        response = alice_client.get(LIST)
    assert response.status_code == 200
    page = response.content.decode()
    assert page.count('<li id="win-') == min(count, 50)
    assert f'Towards <a href="/goals/{goal.public_id}/">' in page


def test_the_delete_button_asks_first_and_works_without_javascript(alice_client, alice):
    win = WinFactory(owner=alice, title="Oops")
    page = alice_client.get(LIST).content.decode()
    # Without JavaScript the form opens the confirmation page; with it, htmx posts in place.
    assert f'<form method="get" action="{delete_url(win)}"' in page
    assert f'hx-post="{delete_url(win)}"' in page
    assert f'<a class="icon-button danger-link" href="{delete_url(win)}"' not in page


def test_deleting_a_milestones_win_says_the_milestone_stays_reached(alice_client, alice):
    milestone = MilestoneFactory(goal__owner=alice, title="Pass the exam")
    alice_client.post(
        reverse("milestones:done", kwargs={"public_id": milestone.public_id}), {"done": "1"}
    )
    win = Win.objects.get(owner=alice)
    page = alice_client.get(delete_url(win)).content.decode()
    assert "The milestone stays reached; only this entry goes." in page
    assert 'class="win win-milestone"' in alice_client.get(LIST).content.decode()


def test_a_win_written_by_hand_can_be_linked_to_one_of_your_goals(alice_client, alice, charlie):
    goal = GoalFactory(owner=alice, title="Get certified")
    theirs = GoalFactory(owner=charlie, title="Charlie's goal")
    page = alice_client.get(reverse("wins:list")).content.decode()
    assert f'<option value="{goal.public_id}">Get certified</option>' in page
    assert "Charlie's goal" not in page

    data = {"title": "Booked the exam", "happened_on": "2026-01-05", "goal": str(goal.public_id)}
    assert alice_client.post(reverse("wins:create"), data).status_code == 302
    assert Win.objects.get(title="Booked the exam").goal == goal

    stolen = {**data, "title": "Sneaky", "goal": str(theirs.public_id)}
    assert alice_client.post(reverse("wins:create"), stolen).status_code == 422
    assert not Win.objects.filter(title="Sneaky").exists()
