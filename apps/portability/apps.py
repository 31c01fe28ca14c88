from django.apps import AppConfig


class PortabilityConfig(AppConfig):
    name = "apps.portability"
    label = "portability"
    verbose_name = "Your data"

    def ready(self) -> None:
        # Leaving ends the person's mentorships and tells the other side; accounts knows
        # nothing of mentorship, so the step is registered on it from up here.
        from apps.portability import leaving

        leaving.register()
