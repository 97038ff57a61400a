"""Wagtail admin of the jeunesse « appels » area."""

VIEWSETS = []
ADMIN_URLS = []
