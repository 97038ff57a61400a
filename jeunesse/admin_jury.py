"""Wagtail admin of the jeunesse « jury » area."""

VIEWSETS = []
ADMIN_URLS = []
