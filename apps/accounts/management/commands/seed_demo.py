from allauth.account.models import EmailAddress
from django.core.management.base import BaseCommand
from django.db import transaction

from apps.accounts.models import User

DEMO_PASSWORD = "careerplan-demo"  # noqa: S105 - printed for the demo on purpose
DEMO_ACCOUNTS = (
    # email, display name, staff
    ("planner@example.com", "Pat Planner", False),
    ("mentor@example.com", "Morgan Mentor", False),
    ("admin@example.com", "Ada Admin", True),
)


class Command(BaseCommand):
    help = "Create the demo accounts (a planner, a mentor, an admin) if they do not exist yet."

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
        verb = "Created" if created else "Using"
        self.stdout.write(f"{verb} demo accounts (password: {DEMO_PASSWORD}):")
        for email, name, staff in DEMO_ACCOUNTS:
            role = "admin" if staff else name.split()[-1].lower()
            self.stdout.write(f"  {role:<8} {email}")
