"""What the goal page says about its audience, and the access log entry when a mentor opens
it. Registered with `apps.core.sharing` so the goal page needs no import of this app."""

from apps.accounts.models import User
from apps.checkins.models import CheckIn
from apps.core import scope
from apps.goals.models import Goal
from apps.mentorship.access import active_mentorship
from apps.mentorship.models import AccessKind, Mentorship
from apps.mentorship.services import access_record
from apps.mentorship.services.deadlines import mentors_of


def running_mentorship(planner_id: int, viewer: User) -> Mentorship | None:
    """`active_mentorship`, asked once per request: the goal page's note and its
    conversation both need it. Starting or ending a mentorship forgets it."""
    key = ("mentorship.running", planner_id, viewer.pk)
    return scope.remember(key, lambda: active_mentorship(planner_id, viewer))


def goal_viewed(viewer: User, goal: Goal) -> list[str]:
    if viewer.pk == goal.owner_id:
        names = ", ".join(m.get_full_name() for m in mentors_of(goal))
        return [f"Shared with {names}"] if names else []
    mentorship = running_mentorship(goal.owner_id, viewer)
    if mentorship is None:
        return []
    access_record(
        mentorship=mentorship, kind=AccessKind.GOAL, public_id=goal.public_id, label=goal.title
    )
    return [f"Shared with you by {mentorship.planner.get_full_name()} · read-only"]


def checkin_viewed(viewer: User, checkin: CheckIn) -> list[str]:
    """The check-in page labels itself for a reader; this only records the visit."""
    if viewer.pk == checkin.owner_id:
        return []
    mentorship = running_mentorship(checkin.owner_id, viewer)
    if mentorship is not None:
        when = checkin.completed_at or checkin.created_at
        access_record(
            mentorship=mentorship,
            kind=AccessKind.CHECKIN,
            public_id=checkin.public_id,
            label=f"check-in of {when:%d %b %Y}",
        )
    return []


# The assessment page (its guide key) and the part of the scope that shares it.
ASSESSMENT_SCOPES = {
    "values": "values",
    "insights": "strengths",
    "interests": "interests",
    "profile": "interests",
    "skills": "skills",
    "vision": "vision",
}


def assessment_viewed(viewer: User, part: str) -> list[str]:
    """The planner's own assessment page says which mentors read that part."""
    scope = ASSESSMENT_SCOPES.get(part)
    if scope is None or not viewer.is_authenticated:
        return []
    running = Mentorship.objects.active().filter(planner=viewer)
    if scope == "vision":
        running = running.filter(share_vision=True)
    else:
        running = running.filter(assessment_parts__contains=[scope])
    mentors = [m.mentor for m in running.select_related("mentor").order_by("started_at")]
    names = ", ".join(mentor.get_full_name() for mentor in mentors)
    return [f"Shared with {names}"] if names else []
