"""Celery tasks of the welcome journey: each takes ids, reloads rows, calls a service."""
