"""Wagtail admin of the jeunesse « instruction » area."""

VIEWSETS = []
ADMIN_URLS = []
