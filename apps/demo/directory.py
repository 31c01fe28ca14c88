"""The mentor directory of the demo: Morgan (the demo mentor) is listed with room for more, so
the other demo planner can find and ask them; Riley, an account nobody signs in to, is listed
at capacity with one mentee of their own."""

from django.db import transaction

from apps.accounts.models import User
from apps.directory.models import MentorProfile
from apps.directory.services import profile_save
from apps.mentorship.models import Mentorship
from apps.mentorship.services import mentorship_start

BUSY_MENTOR = ("riley@example.com", "Riley Recruiter")
BUSY_MENTEE = ("sky@example.com", "Sky Student")


def _listed(user: User, **fields) -> MentorProfile:
    # Once: a second run keeps whatever the mentor has changed since.
    existing = MentorProfile.objects.owned_by(user).first()
    return existing or profile_save(user=user, listed=True, **fields)


def _account(email: str, name: str) -> User:
    user = User.objects.filter(email=email).first()
    # No password: shown in the directory, never signed in to.
    return user or User.objects.create_user(email, None, display_name=name)


@transaction.atomic
def build_demo_directory(*, mentor: User) -> None:
    _listed(
        mentor,
        headline="Engineering manager, twelve years from developer to leading three teams",
        areas=["leadership", "engineering management", "career change", "interviews"],
        capacity=3,
    )
    riley, sky = _account(*BUSY_MENTOR), _account(*BUSY_MENTEE)
    _listed(
        riley,
        headline="Recruiter for tech companies: CVs, interviews and salary talks",
        areas=["interviews", "job search", "negotiation"],
        capacity=1,
    )
    if not Mentorship.objects.filter(planner=sky, mentor=riley).exists():
        mentorship_start(planner=sky, mentor=riley, share_vision=False, goals=[])
