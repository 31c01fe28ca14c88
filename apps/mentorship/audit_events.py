"""What a mentorship writes to the security logs of the two people in it: when it starts,
what the planner shares (each grant and revocation), when it ends. Counts and names of parts,
never the titles of what is shared, and never the other person's address: the other person is
the event's actor, named when the log is shown, so their address does not outlive their
account in someone else's log."""

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
        detail=f"They mentor you · {_scope(mentorship)}",
    )
    record(kind=AuditKind.MENTORSHIP_STARTED, user=mentor, actor=planner, detail="You mentor them")


def sharing_changed(mentorship: Mentorship, *, by: User) -> None:
    # Only the planner changes what is shared (the service checks `by`); the event names the
    # mentor it is shared with.
    del by
    record(
        kind=AuditKind.SHARING_CHANGED,
        user=mentorship.planner,
        actor=mentorship.mentor,
        detail=f"Now {_scope(mentorship)}",
    )


def ended(mentorship: Mentorship, *, by: User | None) -> None:
    planner, mentor = mentorship.planner, mentorship.mentor
    for user, other in ((planner, mentor), (mentor, planner)):
        if by is None:
            how = "Its agreed end date passed"
        else:
            how = "Ended by you" if by.pk == user.pk else "Ended by them"
        record(kind=AuditKind.MENTORSHIP_ENDED, user=user, actor=other, detail=how)
