from django.apps import AppConfig


class CheckinsConfig(AppConfig):
    name = "apps.checkins"
    label = "checkins"
    verbose_name = "Check-ins"

    def ready(self) -> None:
        # The staff console lists failed mail from every outbox without importing this app.
        from apps.checkins import failed_mail

        failed_mail.register()
