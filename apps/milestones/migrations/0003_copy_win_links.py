"""Copies each win's milestone link to `Milestone.win`, and back when unapplied.

A migration of its own: on PostgreSQL, rows updated here leave deferred foreign-key checks
pending until commit, and a schema change in the same transaction would be refused.
"""

from django.db import migrations
from django.db.models import OuterRef, Subquery


def copy_to_milestones(apps, schema_editor):
    # Attribute names (`win_id`, `milestone_id`) only: while both fields exist, `win` and
    # `milestone` also name the reverse relations.
    Milestone = apps.get_model("milestones", "Milestone")
    Win = apps.get_model("goals", "Win")
    linked = Win.objects.filter(milestone_id__isnull=False)
    Milestone.objects.filter(pk__in=linked.values("milestone_id")).update(
        win_id=Subquery(linked.filter(milestone_id=OuterRef("pk")).values("pk")[:1])
    )


def copy_to_wins(apps, schema_editor):
    Milestone = apps.get_model("milestones", "Milestone")
    Win = apps.get_model("goals", "Win")
    linked = Milestone.objects.filter(win_id__isnull=False)
    Win.objects.filter(pk__in=linked.values("win_id")).update(
        milestone_id=Subquery(linked.filter(win_id=OuterRef("pk")).values("pk")[:1])
    )


class Migration(migrations.Migration):
    dependencies = [
        ("goals", "0002_initial"),
        ("milestones", "0002_milestone_win"),
    ]

    operations = [
        migrations.RunPython(copy_to_milestones, copy_to_wins, elidable=False),
    ]
