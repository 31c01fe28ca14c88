"""The link between a reached milestone and its win moves to the milestone's side, so that
goals need not know milestones. This adds `Milestone.win`; 0003 copies every link over and
then the goals migration drops `Win.milestone`."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("goals", "0002_initial"),
        ("milestones", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="milestone",
            name="win",
            field=models.OneToOneField(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="milestone",
                to="goals.win",
            ),
        ),
    ]
