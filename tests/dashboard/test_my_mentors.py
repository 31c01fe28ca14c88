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


def _orm_rows(planner):
    """What `my_mentorships` counts, as the ORM reads it one mentorship at a time."""
    from apps.mentorship.models import DeadlineRequest, Mentorship
    from apps.mentorship.notices import KIND
    from apps.notifications.models import Notification

    rows = []
    running = Mentorship.objects.owned_by(planner).active().order_by("started_at", "pk")
    for mentorship in running:
        unseen = Notification.objects.owned_by(planner).unread()
        requests = DeadlineRequest.objects.owned_by(planner).open()
        if not mentorship.all_goals:
            requests = requests.filter(goal__in=mentorship.goals.all())
        rows.append(
            (
                mentorship.pk,
                mentorship.public_id,
                mentorship.mentor.get_full_name(),
                unseen.filter(kind=KIND, actor=mentorship.mentor).count(),
                requests.count(),
            )
        )
    return rows


def test_the_counted_rows_match_the_orms(alice, bob, charlie, dora):
    """`my_mentorships` reads its rows in one plain-SQL query: the same rows, in the same
    order and with the same counts, as the ORM's reading of each mentorship."""
    from apps.mentorship.models import DeadlineRequest
    from apps.mentorship.selectors import my_mentorships
    from apps.notifications.models import Notification

    first, second, third = (GoalFactory(owner=alice, title=f"Goal {n}") for n in range(3))
    nameless = UserFactory(display_name="")
    MentorshipFactory(planner=alice, mentor=bob, all_goals=True)
    MentorshipFactory(planner=alice, mentor=dora, goals=[first])
    MentorshipFactory(planner=alice, mentor=nameless, goals=[first, second])
    ended = MentorshipFactory(planner=alice, mentor=UserFactory(), all_goals=True)
    MentorshipFactory(planner=charlie, mentor=alice, all_goals=True)  # alice's mentee
    for goal in (first, second, third):
        deadlines.deadline_request_propose(
            by=alice,
            goal=goal,
            milestone=None,
            proposed_date=timezone.localdate() + timedelta(days=300),
            reason="More time",
        )
    DeadlineRequest.objects.filter(goal=second).update(status="declined")
    for mentor, goal, count in ((bob, third, 2), (dora, first, 3), (nameless, second, 1)):
        for n in range(count):
            comment_add(by=mentor, target=goal, body=f"Comment {n}")
    read = Notification.objects.filter(actor=dora).order_by("pk")[:1]
    Notification.objects.filter(pk__in=read).update(read_at=timezone.now())
    mentorship_end(mentorship=ended, by=alice)

    rows = my_mentorships(alice)

    counted = [
        (
            row.mentorship.pk,
            row.mentorship.public_id,
            row.mentorship.mentor.get_full_name(),
            row.new_comments,
            row.open_requests,
        )
        for row in rows
    ]
    assert counted == _orm_rows(alice)
    assert [row[3:] for row in counted] == [(2, 2), (2, 1), (1, 1)]
