"""Admin views of the welcome journey: relances."""

VIEWSETS = []
