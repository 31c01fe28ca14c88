"""500 listed mentors for `make bench`, a tenth of them at capacity, each naming three of
twenty areas: the directory's first page as the planner sees it is measured."""

from django.contrib.auth.hashers import make_password
from django.db import transaction

from apps.accounts.models import User
from apps.directory.models import MentorProfile
from apps.mentorship.models import Mentorship

MENTORS = 500
AREAS = [f"area {n}" for n in range(20)]


@transaction.atomic
def create_directory(count: int = MENTORS) -> None:
    User.objects.filter(email__startswith="bench-listed-").delete()
    password = make_password(None)
    users = User.objects.bulk_create(
        User(email=f"bench-listed-{n}@example.com", display_name=f"Listed {n}", password=password)
        for n in range(count)
    )
    MentorProfile.objects.bulk_create(
        MentorProfile(
            user=user,
            headline=f"Mentor {n}: twelve years in product and engineering teams",
            areas=[AREAS[n % 20], AREAS[(n * 7) % 20], AREAS[(n * 11) % 20]],
            capacity=1 if n % 10 == 0 else 3,
        )
        for n, user in enumerate(users)
    )
    # A mentee of someone else's fills each busy mentor: were it the measured planner, they
    # would have fifty mentors, and every page that names their mentors would measure that.
    mentee = User.objects.create(
        email="bench-listed-mentee@example.com", display_name="Busy mentee", password=password
    )
    Mentorship.objects.bulk_create(
        Mentorship(planner=mentee, mentor=user) for n, user in enumerate(users) if n % 10 == 0
    )
