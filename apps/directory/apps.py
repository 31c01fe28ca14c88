from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "apps.directory"
    label = "directory"

    def ready(self) -> None:
        from apps.directory import notices
        from apps.notifications.registry import register_kind

        for kind in notices.KINDS:
            register_kind(kind, describe=notices.describe, related=notices.RELATED)
