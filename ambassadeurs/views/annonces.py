"""The network in the ambassador's space: announcements received, events and RSVP.

Only accepted ambassadors get in (anonymous: login; anyone else: 403). An answer is always
the visitor's own: the form carries no ambassador id.
"""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from ..forms.annonces import ReponseEvenementForm
from ..models import EvenementReseau
from ..services import annonces as services
from .histoires import ambassadeur_requis

PASSE = "Cet événement a déjà eu lieu : il n'est plus possible d'y répondre."


@require_GET
@ambassadeur_requis
def annonces_liste(request, ambassadeur):
    envois = services.annonces_de(ambassadeur=ambassadeur)
    return render(request, "ambassadeurs/annonces/annonces.html", {"envois": envois})


def _prefixe(evenement) -> str:
    return f"ev{evenement.pk}"


def _page_evenements(request, ambassadeur, *, lie=None, status=200):
    """The upcoming events, each with its form (``lie``: the bound form in error)."""
    lignes = []
    for evenement in services.evenements_a_venir(ambassadeur=ambassadeur):
        if lie is not None and lie[0] == evenement.pk:
            form = lie[1]
        else:
            initial = {"reponse": evenement.ma_reponse} if evenement.ma_reponse else {}
            form = ReponseEvenementForm(prefix=_prefixe(evenement), initial=initial)
        lignes.append((evenement, form))
    return render(
        request, "ambassadeurs/annonces/evenements.html", {"lignes": lignes}, status=status
    )


@require_GET
@ambassadeur_requis
def evenements_liste(request, ambassadeur):
    return _page_evenements(request, ambassadeur)


@require_POST
@ambassadeur_requis
def evenement_repondre(request, pk, ambassadeur):
    evenement = get_object_or_404(EvenementReseau, pk=pk)
    if evenement.passe:
        messages.error(request, PASSE)
        return _page_evenements(request, ambassadeur, status=400)
    form = ReponseEvenementForm(request.POST, prefix=_prefixe(evenement))
    if form.is_valid():
        try:
            services.reponse_enregistrer(
                evenement=evenement, ambassadeur=ambassadeur, reponse=form.cleaned_data["reponse"]
            )
        except services.EvenementPasse:
            messages.error(request, PASSE)
            return _page_evenements(request, ambassadeur, status=400)
        except services.EvenementComplet:
            form.add_error(
                "reponse",
                "Toutes les places sont prises : vous pouvez répondre « Peut-être ».",
            )
        else:
            messages.success(request, f"Votre réponse à « {evenement.titre} » est enregistrée.")
            return redirect(f"{reverse('ambassadeurs:evenements')}#evenement-{evenement.pk}")
    return _page_evenements(request, ambassadeur, lie=(evenement.pk, form), status=400)
