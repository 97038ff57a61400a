"""The admin's export of one person's data (a request by letter or email): superusers only,
journaled (who exported whose data, never the content)."""

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_http_methods

from .services import personne_exporter
from .views import export_json


class ExportPersonneForm(forms.Form):
    courriel = forms.EmailField(
        label="Adresse électronique de la personne",
        help_text="Le compte qui porte cette adresse et les données enregistrées sans compte "
        "avec elle (alertes, inscriptions, invitations…).",
        error_messages={
            "required": "Indiquez l'adresse électronique de la personne.",
            "invalid": "Saisissez une adresse électronique valide, par exemple nom@exemple.fr.",
        },
    )
    motif = forms.CharField(
        label="Motif (référence de la demande)",
        max_length=200,
        error_messages={"required": "Indiquez le motif de l'export (la demande reçue)."},
    )


@require_http_methods(["GET", "POST"])
@cache_control(private=True, no_store=True)
def export_personne(request):
    if not request.user.is_superuser:
        raise PermissionDenied
    form = ExportPersonneForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        courriel = form.cleaned_data["courriel"].strip().lower()
        compte = get_user_model().objects.filter(email__iexact=courriel).first()
        export = personne_exporter(utilisateur=compte, courriel=courriel)
        try:
            from lot_portal.journal.services import Action, acces_journaliser
        except ImportError:  # the access log is optional for this view
            pass
        else:
            details = (
                {"objet": compte} if compte is not None else {"libelle": "Personne sans compte"}
            )
            acces_journaliser(
                request=request,
                action=Action.EXPORT,
                nombre=sum(len(b["lignes"]) for f in export["finalites"] for b in f["donnees"]),
                motif=form.cleaned_data["motif"],
                **details,
            )
        response = HttpResponse(export_json(export), content_type="application/json; charset=utf-8")
        date = timezone.localdate().isoformat()
        response["Content-Disposition"] = f'attachment; filename="export-rgpd-{date}.json"'
        return response
    return render(request, "rgpd/admin_export.html", {"form": form})
