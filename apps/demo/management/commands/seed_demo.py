from zoneinfo import ZoneInfo

from allauth.account.models import EmailAddress
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from apps.accounts.models import User
from apps.demo.assessment import seed_demo_assessment
from apps.demo.checkins import build_demo_checkins
from apps.demo.directory import build_demo_directory
from apps.demo.meetings import build_demo_meetings
from apps.demo.mentorship import (
    build_demo_conversation,
    build_demo_mentorship,
    build_other_plan,
)
from apps.demo.plan import build_demo_plan, has_plan
from apps.demo.rhythm import build_open_request, build_stalled_mentee

DEMO_PASSWORD = "careerplan-demo"  # noqa: S105 - printed for the demo on purpose
DEMO_ACCOUNTS = (
    # email, display name, staff
    ("planner@example.com", "Pat Planner", False),
    ("mentor@example.com", "Morgan Mentor", False),
    ("other@example.com", "Oli Other", False),
    ("sam@example.com", "Sam Stalled", False),
    ("admin@example.com", "Ada Admin", True),
)
ROLES = {
    "planner@example.com": "planner, mentored by Morgan (two goals and the vision shared)",
    "mentor@example.com": "mentor of Pat and Sam, listed in the directory; no plan of their own",
    "other@example.com": "planner with a small plan of their own, no mentorship",
    "sam@example.com": "a second mentee of Morgan's who has stalled",
    "admin@example.com": "staff: /admin/ and /staff/ after setting up two-factor",
}
# The planner gets the full plan and a mentor; "other" a small plan; the admin starts empty.
DEMO_PLANNER = "planner@example.com"
DEMO_MENTOR = "mentor@example.com"
DEMO_OTHER = "other@example.com"
DEMO_STALLED = "sam@example.com"


class Command(BaseCommand):
    help = (
        "Create the demo accounts (a planner, a mentor, an admin) and the planner's career plan"
        " if they do not exist yet."
    )

    @transaction.atomic
    def handle(self, *args, **options) -> None:
        created = 0
        for email, name, staff in DEMO_ACCOUNTS:
            if User.objects.filter(email=email).exists():
                continue
            factory = User.objects.create_superuser if staff else User.objects.create_user
            user = factory(email, DEMO_PASSWORD, display_name=name, timezone="Europe/Berlin")
            EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
            created += 1
        self._seed_plan()
        verb = "Created" if created else "Using"
        self.stdout.write(f"{verb} demo accounts (password: {DEMO_PASSWORD}):")
        for email, _name, _staff in DEMO_ACCOUNTS:
            self.stdout.write(f"  {email:<21} {ROLES[email]}")

    def _seed_plan(self) -> None:
        # Only when the planner has never had a plan. A second run keeps what is there, and so
        # does one after the demo goals were deleted: their wins stay in the journal.
        planner = User.objects.get(email=DEMO_PLANNER)
        other = User.objects.get(email=DEMO_OTHER)
        if not has_plan(other):
            build_other_plan(other)
        mentor = User.objects.get(email=DEMO_MENTOR)
        build_demo_directory(mentor=mentor)
        stalled = User.objects.get(email=DEMO_STALLED)
        if not has_plan(stalled):
            build_stalled_mentee(planner=stalled, mentor=mentor)
        if has_plan(planner):
            return
        plan = build_demo_plan(planner)
        mentorship = build_demo_mentorship(planner=planner, mentor=mentor, shared=plan[:2])
        build_demo_conversation(mentorship=mentorship, goal=plan[0])
        build_open_request(planner=planner, goal=plan[1])
        self.stdout.write(f"{mentor.get_full_name()} mentors {planner.get_full_name()}.")
        build_demo_meetings(mentorship=mentorship)
        self.stdout.write("They meet every two weeks; the last meeting has notes.")
        self.stdout.write(f"Created a demo career plan with {len(plan)} goals for {DEMO_PLANNER}.")
        schedule = build_demo_checkins(planner)
        due = timezone.localtime(schedule.next_due_at, ZoneInfo(schedule.timezone))
        self.stdout.write(
            f"Added two past check-ins and a weekly check-in reminder; the first reminder is due"
            f" at {due:%H:%M} ({schedule.timezone})."
        )
        seed_demo_assessment(owner=planner, plan=plan)
        self.stdout.write("Filled in the planner's self-assessment, with two snapshots.")
