"""Agenda URLs served outside the page tree (iCalendar feed, registrations)."""

urlpatterns = []
