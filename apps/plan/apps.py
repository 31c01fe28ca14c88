from django.apps import AppConfig


class PlanConfig(AppConfig):
    """Pages and services that show or make goals together with their milestones."""

    name = "apps.plan"
    label = "plan"
