"""Email backends.

``OutboxBackend`` is Django's ``EMAIL_BACKEND``: whatever calls ``send_mail``
(allauth, Wagtail, our apps) only writes an outbox row. The worker then
delivers it through ``COURRIELS_DELIVERY_BACKEND`` (SMTP from ``EMAIL_URL``,
or ``ConsoleAndFileBackend`` on a laptop).
"""

import sys

from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.backends.filebased import EmailBackend as FileBackend


class OutboxBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        from .services import courriel_enregistrer

        for message in email_messages:
            courriel_enregistrer(message=message)
        return len(email_messages)


class ConsoleAndFileBackend(FileBackend):
    """Print each message on the console and keep it as a file under var/mail/."""

    def write_message(self, message):
        super().write_message(message)
        text = message.message().as_bytes()
        sys.stdout.write(text.decode("utf-8", errors="replace") + "\n" + "-" * 79 + "\n")
        sys.stdout.flush()
