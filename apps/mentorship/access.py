"""How a view gets a mentorship or an invitation: the only way.

A mentorship is visible to its planner (running or past) and to its mentor while it runs;
`for_write` (the sharing scope) is the planner's alone. An invitation is its planner's; the
invitee reaches it only through the token in the email (`services.invitation_for_token`).
"""

from uuid import UUID

from django.core.exceptions import ValidationError
from django.http import Http404

from apps.accounts.models import User
from apps.checkins.access import access_checkin
from apps.checkins.models import CheckIn
from apps.core.access import access_object
from apps.goals.access import access_goal
from apps.goals.models import Goal
from apps.mentorship.models import (
    Comment,
    DeadlineRequest,
    Invitation,
    Mentorship,
    MentorshipQuerySet,
)


def access_mentorship(
    user: User,
    public_id: UUID | str,
    *,
    for_write: bool = False,
    running: bool = False,
    queryset: MentorshipQuerySet | None = None,
) -> Mentorship:
    mentorships = queryset if queryset is not None else Mentorship.objects.all()
    if running:
        mentorships = mentorships.active()
    return access_object(
        mentorships.select_related("planner", "mentor"), user, public_id, for_write=for_write
    )


def access_invitation(user: User, public_id: UUID | str, *, for_write: bool = False) -> Invitation:
    return access_object(Invitation.objects.all(), user, public_id, for_write=for_write)


def active_mentorship(planner: User | int, mentor: User) -> Mentorship | None:
    """The mentorship running today in which `mentor` mentors `planner` (a user or their
    key), if any."""
    if not mentor.is_authenticated:
        return None
    planner_id = planner if isinstance(planner, int) else planner.pk
    return (
        Mentorship.objects.active()
        .filter(planner_id=planner_id, mentor=mentor)
        .select_related("planner", "mentor")
        .first()
    )


def mentorship_as_mentor(mentor: User, public_id: UUID | str) -> Mentorship:
    """A running mentorship in which `mentor` is the mentor (their view of a mentee)."""
    try:
        return (
            Mentorship.objects.mentoring(mentor)
            .select_related("planner", "mentor")
            .get(public_id=public_id)
        )
    except (Mentorship.DoesNotExist, ValidationError, ValueError):
        # A malformed id is as absent as a missing one.
        raise Http404 from None


def access_comment(user: User, public_id: UUID | str, *, for_write: bool = False) -> Comment:
    """A comment or note `user` may read (`for_write`: one they wrote and may still read)."""
    rows = Comment.objects.select_related("planner", "author", "mentorship", "goal", "checkin")
    return access_object(rows, user, public_id, for_write=for_write)


def comment_target(user: User, target: str, public_id: UUID | str) -> Goal | CheckIn:
    """The goal or completed check-in a conversation is about, if `user` may read it."""
    if target == "goal":
        return access_goal(user, public_id)
    if target == "checkin":
        return access_checkin(user, public_id, queryset=CheckIn.objects.completed())
    raise Http404


def access_deadline_request(
    user: User, public_id: UUID | str, *, for_write: bool = False
) -> DeadlineRequest:
    """A deadline request `user` may read (the planner, a mentor who sees its goal);
    `for_write` (deciding it) is the planner's alone."""
    rows = DeadlineRequest.objects.select_related("goal", "milestone", "planner", "commented_by")
    return access_object(rows, user, public_id, for_write=for_write)
