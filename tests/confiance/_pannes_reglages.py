"""Settings of the Celery worker SUBPROCESS started by ``test_pannes_broker.py``.

The test settings, plus: the broker and the SMTP server of the test (environment), the
test database (``DATABASE_URL``, read by the base settings), tasks never eager.
"""

import os

from lot_portal.settings.test import *  # noqa: F403

CELERY_BROKER_URL = os.environ["PANNES_BROKER_URL"]
CELERY_BROKER_TRANSPORT_OPTIONS = {"socket_connect_timeout": 2, "socket_timeout": 2}
CELERY_TASK_ALWAYS_EAGER = False
COURRIELS_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = "127.0.0.1"
EMAIL_PORT = int(os.environ["PANNES_SMTP_PORT"])
EMAIL_USE_TLS = False
EMAIL_USE_SSL = False
EMAIL_HOST_USER = ""
EMAIL_HOST_PASSWORD = ""
EMAIL_TIMEOUT = 30
