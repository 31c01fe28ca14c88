"""How a view gets a listed mentor or a request: the only way.

A listed profile is open to every signed-in person; an unlisted one is its owner's alone. A
request's page belongs to its recipient (the mentor it was sent to): everyone else, the
planner who sent it included, gets a 404 there. The planner follows it on the requests page
instead, and only they may withdraw it.
"""

from uuid import UUID

from django.core.exceptions import ValidationError
from django.http import Http404

from apps.accounts.models import User
from apps.directory.models import MentorProfile, MentorRequest


def access_listed_mentor(user: User, public_id: UUID | str) -> MentorProfile:
    profiles = MentorProfile.objects.select_related("user")
    try:
        return profiles.listed().get(public_id=public_id)
    except (MentorProfile.DoesNotExist, ValidationError):
        raise Http404("No such mentor.") from None


def access_received_request(user: User, public_id: UUID | str) -> MentorRequest:
    received = MentorRequest.objects.received_by(user).select_related("planner", "mentorship")
    try:
        return received.get(public_id=public_id)
    except (MentorRequest.DoesNotExist, ValidationError):
        raise Http404("No such request.") from None


def access_sent_request(user: User, public_id: UUID | str) -> MentorRequest:
    """A request `user` sent, for them to withdraw; anyone else's is a 404."""
    sent = MentorRequest.objects.editable_by(user).select_related("mentor")
    try:
        return sent.get(public_id=public_id)
    except (MentorRequest.DoesNotExist, ValidationError):
        raise Http404("No such request.") from None
