"""The planner in the mentor directory, for their records: their mentor profile, and the
requests they sent and received, the other person by name. Of each request only the words
the planner wrote themselves: their message on one they sent, their note in answer to one
they received. An import does not bring them back: a request needs the other person."""

from typing import Any

from apps.accounts.models import User
from apps.directory.models import MentorProfile, MentorRequest
from apps.portability.people import name_of
from apps.portability.registry import Section, register
from apps.portability.sections.rows import entry, ordered

PROFILE = ("headline", "areas", "capacity", "listed")
REQUEST = ("status", "answered_at")


def dump_directory(user: User) -> dict[str, Any]:
    profile = MentorProfile.objects.owned_by(user).first()
    sent = ordered(MentorRequest.objects.owned_by(user)).select_related("mentor")
    received = ordered(MentorRequest.objects.received_by(user)).select_related("planner")
    return {
        "mentor_profile": entry(profile, PROFILE) if profile is not None else None,
        "requests_sent": [
            entry(r, REQUEST, mentor=name_of(r.mentor), message=r.message) for r in sent
        ],
        "requests_received": [
            entry(r, REQUEST, planner=name_of(r.planner), note=r.note) for r in received
        ],
    }


register(Section(key="directory", order=80, dump=dump_directory))
