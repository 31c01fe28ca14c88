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


def access_meeting(user: User, public_id: UUID | str) -> Meeting:
    rows = Meeting.objects.select_related("mentorship__planner", "mentorship__mentor", "series")
    return access_object(rows, user, public_id)


def meetings_mentorship(user: User, public_id: UUID | str) -> Mentorship:
    """A running mentorship in which `user` is either side."""
    return access_mentorship(user, public_id, running=True)
