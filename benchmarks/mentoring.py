"""A mentor for `make bench`: 30 mentees, the benchmark planner among them with every goal
shared, and a conversation of 30 comments (each with a reply) on the planner's first goal.
The mentor's pages — the Mentees list, a shared goal with its comments and their next meeting
with an agenda of 30 items and 30 notes — are measured with the mentor's session. Every other
mentee has stalled (a milestone three weeks overdue, no check-in on a weekly schedule, the
mentor's question a fortnight old), so the Mentees page is measured with every stall check
finding something."""

from datetime import time, timedelta

from allauth.account.models import EmailAddress
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import get_random_string

from apps.accounts.models import User
from apps.checkins.models import CheckinSchedule
from apps.goals.models import Goal
from apps.meetings.models import AgendaItem, Meeting, MeetingNote
from apps.mentorship.models import Comment, CommentKind, Mentorship
from apps.milestones.models import Milestone

MENTOR_EMAIL = "bench-mentor@example.com"
MENTEES = 30
COMMENTS = 30


def _user(email: str, name: str) -> User:
    User.objects.filter(email=email).delete()
    user = User.objects.create_user(email, get_random_string(24), display_name=name)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def _stall(mentee: User, mentor: User, mentorship: Mentorship, goal: Goal, when) -> None:
    today = timezone.localdate()
    Milestone.objects.create(goal=goal, title="Overdue", due_date=today - timedelta(days=21))
    CheckinSchedule.objects.create(
        owner=mentee, timezone="UTC", anchor=today, local_time=time(8, 30)
    )
    question = Comment.objects.create(
        planner=mentee,
        author=mentor,
        mentorship=mentorship,
        goal=goal,
        kind=CommentKind.SHARED,
        body="Any news?",
    )
    # `created_at` is set on insert whatever create() is given: dated afterwards.
    Comment.objects.filter(pk=question.pk).update(created_at=when)


@transaction.atomic
def create_mentor(planner: User, goals: list[Goal]) -> User:
    mentor = _user(MENTOR_EMAIL, "Bench Mentor")
    mentorship = Mentorship.objects.create(
        planner=planner, mentor=mentor, all_goals=True, share_checkins=True, share_vision=True
    )
    for n in range(MENTEES - 1):
        mentee = _user(f"bench-mentee-{n}@example.com", f"Mentee {n}")
        goal = Goal.objects.create(owner=mentee, title=f"Goal of mentee {n}")
        stalled = n % 2 == 0
        weeks_ago = timezone.now() - timedelta(days=14 if stalled else 0)
        mentee_ship = Mentorship.objects.create(
            planner=mentee,
            mentor=mentor,
            all_goals=True,
            share_checkins=True,
            started_at=timezone.now() - timedelta(days=40 if stalled else 1),
        )
        Comment.objects.create(
            planner=mentee, author=mentee, goal=goal, kind=CommentKind.SHARED, body="Hello"
        )
        if stalled:
            _stall(mentee, mentor, mentee_ship, goal, weeks_ago)
    goal = goals[0]
    for n in range(COMMENTS):
        first = Comment.objects.create(
            planner=planner,
            author=planner,
            goal=goal,
            kind=CommentKind.SHARED,
            body=f"Question {n}: is **this** the right order? See [notes](https://example.org).",
        )
        Comment.objects.create(
            planner=planner,
            author=mentor,
            mentorship=mentorship,
            goal=goal,
            parent=first,
            kind=CommentKind.SHARED,
            body="Yes — and *start* with the smallest step.",
        )
    meeting = Meeting.objects.create(
        mentorship=mentorship,
        starts_at=timezone.now() + timedelta(days=7),
        timezone="Europe/Berlin",
        set_by=mentor,
    )
    for n in range(COMMENTS):
        AgendaItem.objects.create(meeting=meeting, author=planner, body=f"Item {n} to talk over")
        MeetingNote.objects.create(
            meeting=meeting, author=mentor, note_of=mentor, shared=False, body=f"Note {n}"
        )
    return mentor


def bench_meeting(mentor: User) -> Meeting:
    """The meeting whose page the benchmark measures."""
    return Meeting.objects.filter(mentorship__mentor=mentor).get()
