"""The person's view of their data: « Mes données personnelles » and its JSON download."""

import datetime
import json

from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import formats, timezone
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from .services import personne_exporter


def texte(valeur) -> str:
    """One exported value as French text (dates, yes/no, lists, dictionaries)."""
    if valeur is None or valeur == "" or valeur == [] or valeur == {}:
        return "—"
    if isinstance(valeur, bool):
        return "Oui" if valeur else "Non"
    if isinstance(valeur, datetime.datetime):
        return formats.date_format(timezone.localtime(valeur), "j F Y à H:i")
    if isinstance(valeur, datetime.date):
        return formats.date_format(valeur, "j F Y")
    if isinstance(valeur, dict):
        return " ; ".join(f"{cle} : {texte(v)}" for cle, v in valeur.items())
    if isinstance(valeur, list | tuple):
        return " ; ".join(texte(v) for v in valeur) or "—"
    return str(valeur)


def export_lisible(export: dict) -> list[dict]:
    """The export as the page shows it: per purpose, per model, rows of (label, text)."""
    return [
        {
            **finalite,
            "donnees": [
                {
                    "modele": bloc["modele"],
                    "colonnes": list(bloc["libelles"].values()),
                    "lignes": [
                        [texte(ligne[nom]) for nom in bloc["libelles"]] for ligne in bloc["lignes"]
                    ],
                }
                for bloc in finalite["donnees"]
            ],
        }
        for finalite in export["finalites"]
    ]


def export_json(export: dict) -> str:
    return json.dumps(export, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)


@login_required
@require_GET
@cache_control(private=True, no_store=True)
def mes_donnees_view(request):
    """Everything the registry finds about the logged-in person, grouped by purpose."""
    export = personne_exporter(utilisateur=request.user)
    contexte = {
        "export": export,
        "finalites": export_lisible(export),
        "compte_equipe": request.user.is_staff or request.user.is_superuser,
    }
    return render(request, "rgpd/mes_donnees.html", contexte)


@login_required
@require_GET
@cache_control(private=True, no_store=True)
def mes_donnees_json_view(request):
    """The same data as a JSON file to download (right to portability)."""
    response = HttpResponse(
        export_json(personne_exporter(utilisateur=request.user)),
        content_type="application/json; charset=utf-8",
    )
    date = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="mes-donnees-lot-{date}.json"'
    return response
