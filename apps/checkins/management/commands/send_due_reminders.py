from django.core.management.base import BaseCommand

from apps.checkins.services.sweep import dispatch_due_reminders, due_schedules


class Command(BaseCommand):
    help = "Run one reminder sweep now (what Celery beat does every minute)."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help="Only list who is due; change nothing."
        )

    def handle(self, *args, dry_run: bool = False, **options) -> None:
        if dry_run:
            due = due_schedules()
            for schedule in due:
                self.stdout.write(
                    f"{schedule.owner.email}  due {schedule.next_due_at:%Y-%m-%d %H:%M} UTC"
                )
            self.stdout.write(f"{len(due)} due; nothing changed (dry run).")
            return
        result = dispatch_due_reminders()
        self.stdout.write(
            f"Created {result.created} deliveries, queued {result.queued}, "
            f"marked {result.expired} as unknown."
        )
