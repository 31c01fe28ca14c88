from django.core.management.base import BaseCommand

from apps.notifications.sweep import notification_mail_sweep


class Command(BaseCommand):
    help = "Run one notification mail sweep now (what Celery beat does every minute)."

    def handle(self, *args, **options) -> None:
        result = notification_mail_sweep()
        self.stdout.write(
            f"Wrote {result.digests} digests, queued {result.queued} emails, "
            f"marked {result.expired} as unknown."
        )
