from django.db import migrations


class Migration(migrations.Migration):
    # The milestones migration copies each link to `Milestone.win` before this drops it.
    dependencies = [
        ("goals", "0002_initial"),
        ("milestones", "0003_copy_win_links"),
    ]

    operations = [
        migrations.RemoveField(model_name="win", name="milestone"),
    ]
