"""The planner's dashboard lists their running mentorships: the mentor, comments not yet
seen, open requests for a new date; at one query count however many of each."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from apps.mentorship.services import comment_add, deadlines, mentorship_end
from tests.factories import GoalFactory, MentorshipFactory, UserFactory

DASHBOARD = reverse("dashboard:index")


def _mentors(alice, count: int) -> None:
    for n in range(count):
        mentor = UserFactory(display_name=f"Mentor {n}")
        goal = GoalFactory(owner=alice, title=f"Goal {n}")
        MentorshipFactory(planner=alice, mentor=mentor, goals=[goal])
        for c in range(3):
            comment_add(by=mentor, target=goal, body=f"Comment {c}")
        deadlines.deadline_request_propose(
            by=alice,
            goal=goal,
            milestone=None,
            proposed_date=timezone.localdate() + timedelta(days=300),
            reason="More time",
        )


# The dashboard's own 11 (test_dashboard.py), then the planner's mentorships with the comments
# not yet seen and the open requests counted per mentor, and the next meetings
MY_MENTORS_QUERIES = 13


@pytest.mark.parametrize("count", [1, 6])
def test_my_mentors_keep_the_query_count(alice, alice_client, count, django_assert_num_queries):
    _mentors(alice, count)
    with django_assert_num_queries(MY_MENTORS_QUERIES):
        page = alice_client.get(DASHBOARD).content.decode()
    assert "Your mentors" in page
    assert page.count("3 new comments") == count
    assert page.count("1 open request for a new date") == count


def test_an_ended_mentorship_leaves_the_list(alice, bob, alice_client):
    mentorship = MentorshipFactory(planner=alice, mentor=bob, all_goals=True)
    assert "Your mentors" in alice_client.get(DASHBOARD).content.decode()
    mentorship_end(mentorship=mentorship, by=alice)
    assert "Your mentors" not in alice_client.get(DASHBOARD).content.decode()


def test_reading_the_notifications_clears_new_comments(alice, bob, alice_client):
    goal = GoalFactory(owner=alice)
    MentorshipFactory(planner=alice, mentor=bob, goals=[goal])
    comment_add(by=bob, target=goal, body="Hello")
    assert "1 new comment" in alice_client.get(DASHBOARD).content.decode()
    alice_client.post(reverse("notifications:read-all"))
    assert "no new comments" in alice_client.get(DASHBOARD).content.decode()


def test_open_requests_count_on_the_goals_each_mentor_sees(alice, bob, dora, alice_client):
    shared, private = GoalFactory(owner=alice), GoalFactory(owner=alice)
    MentorshipFactory(planner=alice, mentor=bob, all_goals=True)
    MentorshipFactory(planner=alice, mentor=dora, goals=[shared])
    for goal in (shared, private):
        deadlines.deadline_request_propose(
            by=alice,
            goal=goal,
            milestone=None,
            proposed_date=timezone.localdate() + timedelta(days=300),
            reason="More time",
        )
    page = alice_client.get(DASHBOARD).content.decode()
    mentors = page.split('id="my-mentors"')[1].split("</section>")[0]
    bob_line, dora_line = mentors.split("<li>")[1:3]
    assert "Bob" in bob_line
    assert "2 open requests for a new date" in bob_line
    assert "Dora" in dora_line
    assert "1 open request for a new date" in dora_line


def test_a_mentor_with_a_mentor_of_their_own_sees_both(alice, bob, charlie, client):
    MentorshipFactory(planner=alice, mentor=bob, all_goals=True)
    MentorshipFactory(planner=bob, mentor=charlie, all_goals=True)
    client.force_login(bob)
    page = client.get(DASHBOARD).content.decode()
    assert "You mentor 1 person" in page
    assert "Your mentors" in page
    assert "Charlie" in page.split('id="my-mentors"')[1]
