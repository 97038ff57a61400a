"""Admin viewsets and URLs of the opportunities' donnees area (grouped by wagtail_hooks)."""

VIEWSETS: list = []
ADMIN_URLS: list = []
