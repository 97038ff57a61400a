"""Admin views of the welcome journey: suivi."""

VIEWSETS = []
