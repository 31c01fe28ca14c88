"""The demo mentorship: Morgan mentors Pat with two goals and the vision shared, and the two
have talked about the first of them; a second planner with a small plan of their own shows
that plans stay apart."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from apps.accounts.models import User
from apps.goals import services as goals
from apps.goals.models import Goal, GoalType
from apps.mentorship.models import Comment, CommentKind, Mentorship
from apps.mentorship.services import comment_add, mentorship_start
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


@transaction.atomic
def build_demo_conversation(*, mentorship: Mentorship, goal: Goal) -> None:
    """A short exchange on `goal`, plus one note of each private kind so that every label
    shows. Once: a goal that already has comments is left alone."""
    if Comment.objects.filter(goal=goal).exists():
        return
    planner, mentor = mentorship.planner, mentorship.mentor
    question = comment_add(
        by=mentor,
        target=goal,
        body="Great that this has a date. What would **your manager** need to see from you to "
        "back the move? Worth asking at your next one-to-one.",
    )
    comment_add(
        by=planner,
        target=goal,
        parent=question,
        body="Good point, I'll ask on Thursday. My guess: running the team's planning for a "
        "quarter.",
    )
    comment_add(
        by=mentor,
        target=goal,
        parent=question,
        body="That would make a solid first milestone. Add it here once you know, and we'll "
        "break it into steps together.",
    )
    comment_add(
        by=mentor,
        target=goal,
        kind=CommentKind.MENTOR_NOTE,
        body="Pat undersells the retro work. Bring it up next time.",
    )
    comment_add(
        by=planner,
        target=goal,
        kind=CommentKind.OWN_NOTE,
        body="Also ask about the budget side — that is the part I'm nervous about.",
    )
