"""Agenda URLs served outside the page tree (iCalendar feed, registrations).

They are matched before Wagtail's catch-all, which also serves the agenda
index at /agenda/: each path here contains a dot (which no page slug can) or
a reserved slug (``annulation``, refused for events by ``EvenementPage.clean``).
"""

from django.urls import path

from . import views

app_name = "agenda"

urlpatterns = [
    path("agenda.ics", views.ical_agenda, name="ical_agenda"),
    path("agenda.rss", views.AgendaFeed(), name="rss"),
    path("agenda.atom", views.AgendaAtomFeed(), name="atom"),
    path("<slug:slug>/evenement.ics", views.ical_evenement, name="ical_evenement"),
    path("annulation/<uuid:jeton>/", views.annulation_view, name="annulation"),
]
