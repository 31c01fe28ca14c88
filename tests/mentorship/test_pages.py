"""The mentorship pages: my mentors, the mentees list, the shared plan, the preview, the
access log and ending — with pinned query counts where lists grow."""

from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from apps.checkins.services.checkins import checkin_complete, checkin_start
from apps.mentorship.models import Comment, Mentorship
from tests.factories import (
    CommentFactory,
    GoalFactory,
    MentorshipFactory,
    MilestoneFactory,
    UserFactory,
)

# session, user, the mentor's running mentorships, those with their planners, this week's
# nudges and the last check-ins with the check-in rhythms; read once for the rows and the
# stall checks: the shared goals with progress and overdue milestones, the comments (unread,
# and unanswered for the stall check); next meetings, the other stall checks (waiting
# requests, meeting rhythms with the last meeting held), the navigation's unread notifications
MENTEES_QUERIES = 10


def _mentees(bob, count: int) -> None:
    for n in range(count):
        planner = UserFactory(display_name=f"Mentee {n}")
        goal = GoalFactory(owner=planner)
        MilestoneFactory(goal=goal, due_date=timezone.localdate() - timedelta(days=3))
        MentorshipFactory(planner=planner, mentor=bob, all_goals=True, share_checkins=True)
        checkin_complete(checkin=checkin_start(user=planner))
        CommentFactory(goal=goal, body=f"News from mentee {n}")


@pytest.mark.parametrize("count", [1, 30])
def test_mentees_page_query_count_is_pinned(bob_client, bob, count, django_assert_num_queries):
    _mentees(bob, count)
    with django_assert_num_queries(MENTEES_QUERIES):
        response = bob_client.get(reverse("mentorship:mentees"))
    assert response.status_code == 200
    page = response.content.decode()
    assert page.count("1 overdue") == count
    assert page.count(">1 new</a>") == count
    assert f"Mentee {count - 1}" in page


# session, user, goal (with progress and parent), milestones with steps, stepping stones,
# obstacles, resources, the access log row (no history for a reader); the conversation: the
# comments with what is unread, the read marker (one upsert: they are new to him) — the
# milestones it may be about are the page's own; the navigation's unread notifications; the
# requests for a new date on it; the mentor's running mentorships (which also name the
# mentorship with this planner, for the page's note and its conversation)
SHARED_GOAL_QUERIES = 13


@pytest.mark.parametrize(("milestones", "comments"), [(1, 1), (8, 30)])
def test_a_mentors_view_of_a_shared_goal_has_a_pinned_query_count(
    bob, bob_client, mentorship, shared_goal, milestones, comments, django_assert_num_queries
):
    # The comments' content type is read once per process and kept: warm, as it is for every
    # request after a server's first, whichever test runs first.
    ContentType.objects.get_for_model(Comment)
    for n in range(milestones):
        MilestoneFactory(goal=shared_goal, title=f"Step stone {n}")
    for n in range(comments):
        first = CommentFactory(goal=shared_goal, body=f"Question {n}")
        CommentFactory(goal=shared_goal, parent=first, author=bob, mentorship=mentorship)
    with django_assert_num_queries(SHARED_GOAL_QUERIES):
        response = bob_client.get(reverse("plan:goal", args=[shared_goal.public_id]))
    assert response.status_code == 200
    assert f"Step stone {milestones - 1}" in response.content.decode()
    assert f"Question {comments - 1}" in response.content.decode()


def test_my_mentors_lists_running_invitations_and_past(alice_client, alice, mentorship, dora):
    MentorshipFactory(planner=alice, mentor=dora, ended_at=timezone.now())
    page = alice_client.get(reverse("mentorship:home")).content.decode()
    assert "Bob" in page
    assert "Past mentorships" in page
    assert "Dora" in page


def test_the_mentee_page_shows_the_shared_plan_read_only(
    bob_client, alice, mentorship, shared_goal, private_goal
):
    checkin = checkin_complete(checkin=checkin_start(user=alice))
    response = bob_client.get(reverse("mentorship:mentee", args=[mentorship.public_id]))
    assert response.status_code == 200
    page = response.content.decode()
    assert shared_goal.title in page
    assert private_goal.title not in page
    assert str(checkin.public_id) in page
    assert "Shared with you by Alice" in page


def test_what_my_mentor_sees_opens_goals_as_the_mentor_would(
    alice_client, mentorship, shared_goal, private_goal
):
    preview = reverse("mentorship:preview", args=[mentorship.public_id])
    page = alice_client.get(preview).content.decode()
    assert shared_goal.title in page
    assert private_goal.title not in page
    goal_url = reverse(
        "mentorship:preview-goal", args=[mentorship.public_id, shared_goal.public_id]
    )
    response = alice_client.get(goal_url)
    assert response.status_code == 200
    assert "how Bob sees this goal" in response.content.decode()
    assert "Adjust goal" not in response.content.decode()
    hidden = reverse("mentorship:preview-goal", args=[mentorship.public_id, private_goal.public_id])
    assert alice_client.get(hidden).status_code == 404


def test_the_access_log_lists_what_the_mentor_opened(
    alice_client, bob_client, mentorship, shared_goal
):
    bob_client.get(reverse("plan:goal", args=[shared_goal.public_id]))
    page = alice_client.get(reverse("mentorship:access-log", args=[mentorship.public_id]))
    assert page.status_code == 200
    assert f"Goal “{shared_goal.title}”" in page.content.decode()


def test_the_planner_changes_what_is_shared(alice_client, mentorship, private_goal):
    url = reverse("mentorship:sharing", args=[mentorship.public_id])
    response = alice_client.post(url, {"goals": [private_goal.public_id], "share_vision": "on"})
    assert response.status_code == 302
    mentorship.refresh_from_db()
    assert list(mentorship.goals.all()) == [private_goal]
    assert not mentorship.share_checkins


def test_either_side_edits_the_agreement_and_a_past_end_date_is_refused(bob_client, mentorship):
    url = reverse("mentorship:agreement", args=[mentorship.public_id])
    response = bob_client.post(
        url, {"purpose": "Lead", "rhythm": "weekly", "end_date": "2000-01-01"}
    )
    assert response.status_code == 422
    assert "today or a later day" in response.content.decode()
    assert bob_client.post(url, {"purpose": "Lead", "rhythm": "weekly"}).status_code == 302
    assert Mentorship.objects.get(pk=mentorship.pk).rhythm == "weekly"


def test_ending_asks_first_then_ends(bob_client, mentorship):
    url = reverse("mentorship:end", args=[mentorship.public_id])
    assert "End the mentorship with Alice?" in bob_client.get(url).content.decode()
    assert bob_client.post(url, {}).status_code == 422
    assert bob_client.post(url, {"confirm": "on"}).status_code == 302
    assert Mentorship.objects.get(pk=mentorship.pk).ended_by == mentorship.mentor


def test_a_mentors_dashboard_leads_to_the_mentees(bob_client, mentorship):
    page = bob_client.get(reverse("dashboard:index")).content.decode()
    assert "You mentor 1 person" in page
    assert reverse("mentorship:mentees") in page
