"""The demo mentor is listed in the mentor directory, with room for more mentees, so the other
demo planner can find and ask them."""

from apps.accounts.models import User
from apps.directory.models import MentorProfile
from apps.directory.services import profile_save


def build_demo_directory(*, mentor: User) -> MentorProfile:
    """Once: a second run keeps whatever the mentor has changed since."""
    existing = MentorProfile.objects.owned_by(mentor).first()
    if existing is not None:
        return existing
    return profile_save(
        user=mentor,
        headline="Engineering manager, twelve years from developer to leading three teams",
        areas=["leadership", "engineering management", "career change", "interviews"],
        capacity=3,
        listed=True,
    )
