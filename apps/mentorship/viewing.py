"""What the goal page says about its audience, and the access log entry when a mentor opens
it. Registered with `apps.core.sharing` so the goal page needs no import of this app."""

from apps.accounts.models import User
from apps.checkins.models import CheckIn
from apps.goals.models import Goal
from apps.mentorship.models import AccessKind, Mentorship
from apps.mentorship.readers import Side, reach_of
from apps.mentorship.services import access_record


def running_mentorship(planner_id: int, viewer: User) -> Side | None:
    """The mentorship running today in which `viewer` mentors the planner (`active_mentorship`,
    by id, with the planner's name), read off the request's `reach_of`: the goal page's note
    and its conversation both need it, and the page reads the mentorships anyway."""
    return reach_of(viewer).mentees.get(planner_id)


def goal_viewed(viewer: User, goal: Goal) -> list[str]:
    if viewer.pk == goal.owner_id:
        # `mentors_of(goal)`, for the planner's own goal.
        names = ", ".join(m.name for m in reach_of(viewer).mentors_covering(goal.pk))
        return [f"Shared with {names}"] if names else []
    mentorship = running_mentorship(goal.owner_id, viewer)
    if mentorship is None:
        return []
    access_record(
        mentorship_id=mentorship.mentorship,
        kind=AccessKind.GOAL,
        public_id=goal.public_id,
        label=goal.title,
    )
    return [f"Shared with you by {mentorship.name} · read-only"]


def checkin_viewed(viewer: User, checkin: CheckIn) -> list[str]:
    """The check-in page labels itself for a reader; this only records the visit."""
    if viewer.pk == checkin.owner_id:
        return []
    mentorship = running_mentorship(checkin.owner_id, viewer)
    if mentorship is not None:
        when = checkin.completed_at or checkin.created_at
        access_record(
            mentorship_id=mentorship.mentorship,
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
