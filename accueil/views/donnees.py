"""Public views of the welcome journey: personal data (see, download, delete)."""

import datetime
import json

from allauth.core import ratelimit
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import formats, timezone
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET, require_http_methods

from ..forms.donnees import SuppressionCompteForm
from ..models import ParcoursAccueil
from ..services import donnees as services

SESSION_SUPPRIME = "accueil_compte_supprime"

# The file's fields as the newcomer reads them, in the order of the registration.
LIBELLES_DOSSIER = [
    ("reference", "Référence du dossier"),
    ("prenom", "Prénom"),
    ("nom", "Nom"),
    ("telephone", "Téléphone"),
    ("profil", "Profil"),
    ("lieu_actuel", "Lieu de vie actuel"),
    ("connu_par", "A connu le Lot par"),
    ("adultes", "Adultes du foyer"),
    ("enfants", "Enfants"),
    ("metier_recherche", "Métier recherché"),
    ("secteur_recherche", "Secteur"),
    ("projet_entreprise", "Projet d'entreprise"),
    ("teletravail", "Télétravail"),
    ("conjoint_metier", "Métier du conjoint"),
    ("conjoint_cherche_emploi", "Le conjoint cherche un emploi"),
    ("communautes", "Communautés de communes souhaitées"),
    ("communes", "Communes souhaitées"),
    ("zone_inconnue", "Ne sait pas encore où"),
    ("date_installation", "Date d'installation prévue"),
    ("horizon", "Horizon"),
    ("logement_temporaire", "Besoin d'un logement temporaire"),
    ("besoin_logement", "Logement"),
    ("consentement_le", "Consentement au traitement donné le"),
    ("newsletter", "Lettre d'information"),
    ("consentement_transmission_cv", "Accepte que son CV soit transmis à des employeurs"),
    ("relances_refusees", "Ne veut plus de courriels de suivi"),
    ("source", "Source (campagne)"),
    ("code_campagne", "Code de campagne"),
    ("code_parrainage", "Code de parrainage"),
    ("communaute", "Secteur de suivi"),
    ("referent", "Référent accueil"),
    ("statut", "Statut du dossier"),
    ("statut_modifie_le", "Statut modifié le"),
    ("installe_le", "Installé le"),
    ("prochaine_action", "Prochaine action prévue par l'équipe"),
    ("prochaine_action_le", "Date de la prochaine action"),
    ("score_maturite", "Maturité du projet (points)"),
    ("score_detail", "Critères de maturité remplis"),
    ("cree_le", "Inscrit le"),
    ("derniere_activite_le", "Dernière activité le"),
]


def _texte(valeur) -> str:
    """One exported value as a French sentence fragment (dates, yes/no, lists)."""
    if valeur is None or valeur == "" or valeur == [] or valeur == {}:
        return "—"
    if isinstance(valeur, bool):
        return "Oui" if valeur else "Non"
    if isinstance(valeur, datetime.datetime):
        return formats.date_format(timezone.localtime(valeur), "j F Y à H:i")
    if isinstance(valeur, datetime.date):
        return formats.date_format(valeur, "j F Y")
    if isinstance(valeur, dict):
        if {"nom", "secteur"} <= valeur.keys():  # the referent
            return ", ".join(
                v for v in (valeur["nom"], valeur.get("fonction"), valeur["secteur"]) if v
            )
        return " ; ".join(f"{cle} : {_texte(v)}" for cle, v in valeur.items())
    if isinstance(valeur, list):
        return " ; ".join(texte for texte in map(_element, valeur) if texte) or "—"
    return str(valeur)


def _element(valeur) -> str:
    if isinstance(valeur, dict):
        if "age" in valeur or "niveau" in valeur:  # a child
            morceaux = []
            if valeur.get("age") not in (None, ""):
                morceaux.append(f"{valeur['age']} ans")
            if valeur.get("niveau"):
                morceaux.append(str(valeur["niveau"]))
            return ", ".join(morceaux) or "enfant"
        if "libelle" in valeur:  # a maturity rule
            if not valeur.get("atteint", True):
                return ""
            return f"{valeur['libelle']} (+{valeur.get('points', 0)} points)"
        return _texte(valeur)
    return _texte(valeur)


def _dossier_lisible(dossier: dict | None) -> list[tuple[str, str]]:
    if not dossier:
        return []
    return [(libelle, _texte(dossier.get(cle))) for cle, libelle in LIBELLES_DOSSIER]


@login_required
@require_GET
@cache_control(private=True, no_store=True)
def mes_donnees_view(request):
    """Everything the portal holds about the logged-in person, readable."""
    export = services.donnees_exporter(utilisateur=request.user)
    contexte = {
        "export": export,
        "dossier": _dossier_lisible(export["dossier"]),
        "compte_equipe": request.user.is_staff or request.user.is_superuser,
    }
    return render(request, "accueil/donnees/mes_donnees.html", contexte)


@login_required
@require_GET
@cache_control(private=True, no_store=True)
def mes_donnees_json_view(request):
    """The same data as a JSON file to download (RGPD portability)."""
    export = services.donnees_exporter(utilisateur=request.user)
    contenu = json.dumps(export, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    response = HttpResponse(contenu, content_type="application/json; charset=utf-8")
    date = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="mes-donnees-lot-{date}.json"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
@cache_control(private=True, no_store=True)
def compte_supprimer_view(request):
    """GET: what deletion does and the password field; POST: delete, log out, confirm."""
    utilisateur = request.user
    compte_equipe = utilisateur.is_staff or utilisateur.is_superuser
    form = SuppressionCompteForm(
        request.POST if request.method == "POST" and not compte_equipe else None,
        utilisateur=utilisateur,
    )
    trop_d_essais = (
        request.method == "POST"
        and not compte_equipe
        and not ratelimit.consume(request, action="reauthenticate", user=utilisateur)
    )
    if trop_d_essais:
        # The same limit as allauth's reauthentication: no guessing the password here.
        form.add_error(None, "Trop d'essais : attendez une minute avant de réessayer.")
    elif request.method == "POST" and not compte_equipe and form.is_valid():
        try:
            services.compte_supprimer(utilisateur=utilisateur)
        except services.SuppressionRefusee as erreur:
            messages.error(request, str(erreur))
        else:
            logout(request)
            # Only the person who just deleted their account sees the confirmation.
            request.session[SESSION_SUPPRIME] = True
            return redirect("accueil:compte_supprime")
    contexte = {
        "form": form,
        "compte_equipe": compte_equipe,
        "a_un_parcours": ParcoursAccueil.objects.filter(utilisateur=utilisateur).exists(),
    }
    response = render(request, "accueil/donnees/supprimer.html", contexte)
    if request.method == "POST" and compte_equipe:
        response.status_code = 403
    elif trop_d_essais:
        response.status_code = 429
    return response


@require_GET
@cache_control(private=True, no_store=True)
def compte_supprime_view(request):
    """The French confirmation shown once the account is gone (no personal data)."""
    if not request.session.pop(SESSION_SUPPRIME, False):
        return redirect("/")
    return render(request, "accueil/donnees/compte_supprime.html")
