"""The planner's mentorships and invitations, for their records: with whom (by name), the
agreement, what was shared, and what the mentor opened. An import does not bring them back —
a mentorship needs the other person to agree again."""

from typing import Any

from django.db.models import Prefetch

from apps.accounts.models import User
from apps.mentorship.models import AccessLog, Invitation, Mentorship
from apps.portability.encoding import dump
from apps.portability.people import name_of
from apps.portability.registry import Section, register
from apps.portability.sections.rows import entry, ordered

MENTORSHIP = (
    "started_at", "ended_at", "purpose", "rhythm", "end_date", "share_vision",
    "share_checkins", "all_goals", "assessment_parts",
)  # fmt: skip
INVITATION = ("email", "message", "status", "expires_at", "answered_at", "share_vision")
READ = ("kind", "label", "opened_at")


def dump_mentorships(user: User) -> dict[str, Any]:
    mentorships = (
        ordered(Mentorship.objects.owned_by(user))
        .select_related("mentor")
        .prefetch_related(
            "goals", Prefetch("accesses", AccessLog.objects.order_by("opened_at", "id"))
        )
    )
    invitations = ordered(Invitation.objects.owned_by(user))
    return {
        "mentorships": [
            entry(
                m,
                MENTORSHIP,
                mentor=name_of(m.mentor),
                goals=sorted(str(g.public_id) for g in m.goals.all()),
                reads=[dump(read, READ) for read in m.accesses.all()],
            )
            for m in mentorships
        ],
        "invitations": [entry(i, INVITATION) for i in invitations],
    }


register(Section(key="mentorships", order=50, dump=dump_mentorships))
