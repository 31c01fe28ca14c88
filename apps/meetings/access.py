"""How a view gets a meeting or a mentorship's meetings: the only way.

Both people of a running mentorship read and add to its meetings; once it has ended, or to
anyone else, every meeting URL is a 404.
"""

from uuid import UUID

from apps.accounts.models import User
from apps.core.access import access_object
from apps.meetings.models import Meeting
from apps.mentorship.access import access_mentorship
from apps.mentorship.models import Mentorship

# What the meeting's page and its two forms read of the meeting, its mentorship and its two
# people (their names), not the rest of each row.
MEETING_FIELDS = (
    "public_id",
    "starts_at",
    "duration",
    "timezone",
    "mentorship__public_id",
    "mentorship__share_checkins",
    "mentorship__planner__display_name",
    "mentorship__planner__email",
    "mentorship__mentor__display_name",
    "mentorship__mentor__email",
)


def access_meeting(user: User, public_id: UUID | str) -> Meeting:
    rows = Meeting.objects.select_related("mentorship__planner", "mentorship__mentor")
    return access_object(rows.only(*MEETING_FIELDS), user, public_id)


def meetings_mentorship(user: User, public_id: UUID | str) -> Mentorship:
    """A running mentorship in which `user` is either side."""
    return access_mentorship(user, public_id, running=True)
