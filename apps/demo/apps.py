from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo accounts and the demo planner's lived-in plan (`manage.py seed_demo`). It may
    use every app; no app uses it."""

    name = "apps.demo"
    label = "demo"
