"""The demo mentorship: Morgan mentors Pat with two goals and the vision shared; a second
planner with a small plan of their own shows that plans stay apart."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from apps.accounts.models import User
from apps.goals import services as goals
from apps.goals.models import Goal, GoalType
from apps.mentorship.models import Mentorship
from apps.mentorship.services import mentorship_start
from apps.milestones import services as milestones


@transaction.atomic
def build_demo_mentorship(*, planner: User, mentor: User, shared: list[Goal]) -> Mentorship:
    """Once: a second run finds the mentorship (running or ended) and adds nothing."""
    existing = Mentorship.objects.filter(planner=planner, mentor=mentor).first()
    if existing is not None:
        return existing
    return mentorship_start(
        planner=planner,
        mentor=mentor,
        share_vision=True,
        goals=shared,
        purpose="Get ready to apply for an engineering manager role within a year.",
        rhythm="every two weeks, Thursday lunch",
    )


@transaction.atomic
def build_other_plan(user: User) -> list[Goal]:
    today = timezone.localdate()
    goal = goals.goal_create(
        owner=user,
        title="Ship my first open-source library",
        goal_type=GoalType.PROFESSIONAL_DEVELOPMENT,
        specific="Publish a small, documented Python library that someone else uses.",
        relevant="A public project shows how I work.",
        target_date=today + timedelta(days=90),
    )
    milestones.milestone_create(
        goal=goal,
        title="Write the README first",
        description="",
        due_date=today + timedelta(days=10),
    )
    milestones.milestone_create(
        goal=goal, title="Release 0.1", description="", due_date=today + timedelta(days=60)
    )
    return [goal]
