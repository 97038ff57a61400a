"""Views added by the network's flows:

- ``/ambassadeurs/espace/hospitalite/mises-en-relation/<pk>/repondre/`` (POST): the ambassador
  accepts or declines a visit staff matched with one of their offers (their own only: 404).
- ``/ambassadeurs/questions/<pk>/clore/`` (POST): either side closes a conversation.
- ``/ambassadeurs/annonces/desinscription/<jeton>/``: one-click unsubscribe from the
  announcements (GET: a confirmation button; POST, from the page or a mail client's
  RFC 8058 one-click request: unsubscribe).
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import cache_control
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from lot_portal.comptes.acces import compte_verifie_requis

from ..models import Ambassadeur, MiseEnRelationHospitalite, StatutAmbassadeur
from ..notifications import code_du_jeton
from ..selectors_questions import question_visible
from ..services import annonces as services_annonces
from ..services import hospitalite as services_hospitalite
from ..services import questions as services_questions
from .histoires import ambassadeur_requis

REPONSE_MAX = 2000


@require_POST
@ambassadeur_requis
def mise_en_relation_repondre(request, pk, ambassadeur):
    mise = get_object_or_404(MiseEnRelationHospitalite, pk=pk, offre__ambassadeur=ambassadeur)
    action = request.POST.get("action")
    if action not in ("accepter", "decliner"):
        messages.error(request, "Choisissez d'accepter ou de décliner la visite.")
        return redirect("ambassadeurs:hospitalite")
    message = (request.POST.get("message") or "").strip()[:REPONSE_MAX]
    try:
        services_hospitalite.mise_en_relation_repondre(
            mise=mise, ambassadeur=ambassadeur, accepter=action == "accepter", message=message
        )
    except services_hospitalite.MiseEnRelationImpossible as erreur:
        messages.warning(request, str(erreur))
    else:
        messages.success(
            request,
            "Merci ! Vous accueillez cette visite : une conversation est ouverte avec le "
            "nouvel arrivant dans vos questions."
            if action == "accepter"
            else "C'est noté : l'équipe cherchera un autre hôte.",
        )
    return redirect("ambassadeurs:hospitalite")


@require_POST
@compte_verifie_requis
def question_clore(request, pk):
    question = question_visible(pk=pk, utilisateur=request.user)
    if question is None:
        raise Http404
    try:
        services_questions.question_clore(question=question, par=request.user)
    except services_questions.ConversationFermee:
        messages.info(request, "Cette conversation est déjà close.")
    else:
        messages.success(
            request,
            "La conversation est close : plus aucun message ne peut y être envoyé. "
            "Votre interlocuteur est prévenu.",
        )
    return redirect("ambassadeurs:question", pk=question.pk)


def _ambassadeur_du_jeton(jeton: str):
    code = code_du_jeton(jeton)
    if not code:
        return None, 400
    ambassadeur = (
        Ambassadeur.objects.filter(code_parrainage=code, statut=StatutAmbassadeur.ACCEPTE)
        .only("pk", "prenom", "recoit_annonces", "code_parrainage")
        .first()
    )
    return (ambassadeur, 200) if ambassadeur else (None, 404)


# The token authenticates and the only action stops emails: mail clients POST the RFC 8058
# one-click request (body « List-Unsubscribe=One-Click ») without any CSRF token.
@csrf_exempt
@require_http_methods(["GET", "POST"])
@cache_control(private=True, no_store=True)
def annonces_desinscription(request, jeton):
    ambassadeur, statut = _ambassadeur_du_jeton(jeton[:500])
    if ambassadeur is None:
        reponse = render(
            request,
            "ambassadeurs/annonces/desinscription_invalide.html",
            {"introuvable": statut == 404},
            status=statut,
        )
    else:
        desinscrit = False
        if request.method == "POST":
            services_annonces.annonces_desinscrire(ambassadeur=ambassadeur)
            desinscrit = True
        reponse = render(
            request,
            "ambassadeurs/annonces/desinscription.html",
            {"ambassadeur": ambassadeur, "desinscrit": desinscrit},
        )
    reponse["X-Robots-Tag"] = "noindex"
    return reponse
