"""Admin views of the welcome journey: contenus."""

VIEWSETS = []
