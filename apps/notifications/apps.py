from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "apps.notifications"
    label = "notifications"
    verbose_name = "Notifications"

    def ready(self) -> None:
        # The staff console lists failed mail from every outbox without importing this app.
        from apps.notifications import failed_mail

        failed_mail.register()
