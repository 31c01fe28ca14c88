"""The Celery application: `celery -A careerplan worker` and `celery -A careerplan beat`."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "careerplan.settings")

app = Celery("careerplan")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
