"""The Celery application: sends the portal's emails and runs scheduled jobs."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lot_portal.settings.base")

app = Celery("lot_portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
