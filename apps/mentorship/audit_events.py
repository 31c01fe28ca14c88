"""What a mentorship writes to the security logs of the two people in it: when it starts,
what the planner shares (each grant and revocation), when it ends. Counts and names of parts,
never the titles of what is shared."""

from apps.accounts.audit import record
from apps.accounts.models import AuditKind, User
from apps.mentorship.models import Mentorship


def _scope(mentorship: Mentorship) -> str:
    parts = []
    if mentorship.share_vision:
        parts.append("vision")
    if mentorship.share_checkins:
        parts.append("check-ins")
    if mentorship.all_goals:
        parts.append("all goals")
    else:
        count = mentorship.goals.count()
        parts.append(f"{count} goal{'' if count == 1 else 's'}")
    parts.extend(part.replace("_", " ") for part in mentorship.assessment_parts)
    return "shares " + ", ".join(parts)


def started(mentorship: Mentorship) -> None:
    planner, mentor = mentorship.planner, mentorship.mentor
    record(
        kind=AuditKind.MENTORSHIP_STARTED,
        user=planner,
        actor=mentor,
        detail=f"{mentor.email} mentors you · {_scope(mentorship)}",
    )
    record(
        kind=AuditKind.MENTORSHIP_STARTED,
        user=mentor,
        actor=planner,
        detail=f"You mentor {planner.email}",
    )


def sharing_changed(mentorship: Mentorship, *, by: User) -> None:
    record(
        kind=AuditKind.SHARING_CHANGED,
        user=mentorship.planner,
        actor=by,
        detail=f"With {mentorship.mentor.email}: now {_scope(mentorship)}",
    )


def ended(mentorship: Mentorship, *, by: User | None) -> None:
    planner, mentor = mentorship.planner, mentorship.mentor
    for user, other in ((planner, mentor), (mentor, planner)):
        record(
            kind=AuditKind.MENTORSHIP_ENDED,
            user=user,
            actor=by if by is not None else None,
            detail=f"With {other.email}" + ("" if by else " · its end date passed"),
        )
