"""Admin panel showing an event's registrations on its edit screen."""

from django.urls import reverse
from django.utils.http import urlencode
from wagtail.admin.panels import Panel


class InscriptionsPanel(Panel):
    """People registered and waiting, with a link to the filtered list."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "agenda/admin/panneau_inscriptions.html"

        def is_shown(self):
            return bool(self.instance and self.instance.pk)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            evenement = self.instance
            context["evenement"] = evenement
            context["compteurs"] = evenement.compteurs
            context["places_restantes"] = evenement.places_restantes
            context["url_liste"] = (
                reverse("agenda_inscriptions:index") + "?" + urlencode({"evenement": evenement.pk})
            )
            return context
