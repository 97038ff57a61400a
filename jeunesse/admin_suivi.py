"""Wagtail admin of the jeunesse « suivi » area."""

VIEWSETS = []
ADMIN_URLS = []
