"""Wagtail admin of the jeunesse « idees » area."""

VIEWSETS = []
ADMIN_URLS = []
