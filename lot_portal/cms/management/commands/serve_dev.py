"""Serve the portal on a laptop: runserver plus a Celery worker with its beat.

Used by `make run`. Ctrl-C (or SIGTERM) stops both; a worker that does not
finish its warm shutdown in time is killed, so nothing is left running.
"""

import os
import signal
import subprocess
import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand

GRACE_SECONDS = 8


def _interrupt(signum, frame):
    raise KeyboardInterrupt


class Command(BaseCommand):
    help = "Run the development server together with a Celery worker and beat."

    def add_arguments(self, parser):
        parser.add_argument("--port", default=os.environ.get("PORT", "8000"))

    def handle(self, *args, port, **options):
        celery = [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "lot_portal",
            "worker",
            "--beat",
            "--concurrency=1",
            "--loglevel=INFO",
            f"--schedule={settings.VAR_DIR / 'celerybeat-schedule'}",
        ]
        web = [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}"]
        processes = [subprocess.Popen(celery), subprocess.Popen(web)]
        stop = signal.getsignal(signal.SIGINT)
        signal.signal(signal.SIGTERM, _interrupt)
        try:
            while all(process.poll() is None for process in processes):
                time.sleep(0.5)
        except KeyboardInterrupt:
            pass
        finally:
            signal.signal(signal.SIGINT, signal.SIG_IGN)
            for process in processes:
                if process.poll() is None:
                    process.terminate()
            for process in processes:
                try:
                    process.wait(timeout=GRACE_SECONDS)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
            signal.signal(signal.SIGINT, stop)
        self.stdout.write("Portail arrêté.")
