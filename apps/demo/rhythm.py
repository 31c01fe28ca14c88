"""The demo's mentorship rhythm: a second mentee of Morgan's who has stalled (milestones
weeks overdue, no check-in since the mentorship began, Morgan's question unanswered), and an
open request from Pat for a new date on a shared goal.

The stall needs the past, so the builder backdates what it wrote through the services: the
mentorship's start and the comment's time. That is the only direct write, and demo-only."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from apps.accounts.models import User
from apps.checkins.services.schedules import schedule_save
from apps.goals import services as goals
from apps.goals.models import Goal, GoalType
from apps.mentorship.models import Comment, DeadlineRequest, Mentorship
from apps.mentorship.services import (
    comment_add,
    deadlines,
    mentorship_set_sharing,
    mentorship_start,
)
from apps.milestones import services as milestones

STALLED_SINCE = timedelta(days=35)


@transaction.atomic
def build_stalled_mentee(*, planner: User, mentor: User) -> Mentorship:
    """Once: a second run finds the mentorship and adds nothing."""
    existing = Mentorship.objects.filter(planner=planner, mentor=mentor).first()
    if existing is not None:
        return existing
    today = timezone.localdate()
    goal = goals.goal_create(
        owner=planner,
        title="Move from support into QA engineering",
        goal_type=GoalType.PROFESSIONAL_DEVELOPMENT,
        specific="Get a QA engineer role in my company's product team.",
        relevant="I enjoy finding out why things break more than answering tickets.",
        target_date=today + timedelta(days=150),
    )
    for title, days_ago in (("Finish the testing fundamentals course", 24), ("Shadow a QA", 17)):
        milestones.milestone_create(
            goal=goal, title=title, description="", due_date=today - timedelta(days=days_ago)
        )
    schedule_save(user=planner, frequency="weekly", timezone=planner.timezone)
    mentorship = mentorship_start(
        planner=planner,
        mentor=mentor,
        share_vision=False,
        goals=[goal],
        purpose="Find a way into QA within half a year.",
        rhythm="monthly, first Monday",
    )
    mentorship_set_sharing(
        mentorship=mentorship,
        by=planner,
        share_vision=False,
        share_checkins=True,
        all_goals=True,
        goals=[goal],
        assessment_parts=[],
    )
    since = timezone.now() - STALLED_SINCE
    Mentorship.objects.filter(pk=mentorship.pk).update(started_at=since)
    question = comment_add(
        by=mentor, target=goal, body="How is the course going? Which module is next?"
    )
    Comment.objects.filter(pk=question.pk).update(created_at=timezone.now() - timedelta(days=10))
    return mentorship


@transaction.atomic
def build_open_request(*, planner: User, goal: Goal) -> None:
    """Pat asks for a month more on a shared goal; Morgan has not commented yet."""
    if DeadlineRequest.objects.filter(goal=goal).exists() or goal.target_date is None:
        return
    deadlines.deadline_request_propose(
        by=planner,
        goal=goal,
        milestone=None,
        proposed_date=goal.target_date + timedelta(days=30),
        reason="The reorganisation at work pushed the team-lead opening back by a month.",
    )
