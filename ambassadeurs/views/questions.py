"""Questions from newcomers to ambassadors.

- ``/ambassadeurs/<pk>/question/``: ask an ambassador (signed in, verified address, not
  that ambassador).
- ``/ambassadeurs/mes-questions/``: the asker's conversations.
- ``/ambassadeurs/questions/<pk>/``: one conversation, shared by both sides (anyone else: 404).
- ``/ambassadeurs/questions/<pk>/signaler/``: report abuse.
- ``/ambassadeurs/espace/questions/``: the ambassador's inbox (unread first).
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET, require_http_methods

from lot_portal.comptes.acces import compte_verifie_requis

from ..forms.questions import QuestionForm, ReponseForm, SignalementForm
from ..models import Ambassadeur, StatutAmbassadeur
from ..selectors import ambassadeur_de
from ..selectors_questions import (
    question_visible,
    questions_de_l_ambassadeur,
    questions_du_demandeur,
    suggestions,
)
from ..services import questions as services

MESSAGE_INDISPONIBLE = (
    "Cet ambassadeur ne reçoit pas de questions en ce moment : votre message n'a pas été envoyé."
)
MESSAGE_TROP_DE_QUESTIONS = (
    f"Vous avez déjà posé {services.QUESTIONS_PAR_JOUR} questions en 24 heures : réessayez "
    "demain. Votre texte est conservé ci-dessous."
)
MESSAGE_TROP_DE_MESSAGES = (
    f"Vous avez envoyé {services.MESSAGES_PAR_HEURE} messages en une heure : réessayez plus "
    "tard. Votre texte est conservé ci-dessous."
)


@require_http_methods(["GET", "POST"])
@compte_verifie_requis
def question_poser(request, pk):
    ambassadeur = get_object_or_404(Ambassadeur.objects.select_related("commune"), pk=pk)
    if ambassadeur.utilisateur_id == request.user.pk:
        raise Http404
    if ambassadeur.statut != StatutAmbassadeur.ACCEPTE:
        # Nothing about an application is shown: only that nobody can be reached here.
        if request.method == "POST":
            messages.error(request, MESSAGE_INDISPONIBLE)
        return render(request, "ambassadeurs/questions/inconnu.html", status=404)
    disponible = services.accepte_les_questions(ambassadeur)
    form = QuestionForm(request.POST or None)
    statut = 200
    if request.method == "POST":
        if not disponible:
            messages.error(request, MESSAGE_INDISPONIBLE)
            statut = 409
        elif form.is_valid():
            try:
                question = services.question_poser(
                    demandeur=request.user,
                    ambassadeur=ambassadeur,
                    sujet=form.cleaned_data["sujet"],
                    texte=form.cleaned_data["texte"],
                )
            except services.AmbassadeurIndisponible:
                disponible = False
                messages.error(request, MESSAGE_INDISPONIBLE)
                statut = 409
            except services.TropDeQuestions:
                form.add_error(None, MESSAGE_TROP_DE_QUESTIONS)
                statut = 429
            else:
                messages.success(
                    request,
                    f"Votre question est envoyée à {ambassadeur.prenom}. Vous recevrez un "
                    "courriel quand une réponse arrivera.",
                )
                return redirect("ambassadeurs:question", pk=question.pk)
    contexte = {
        "ambassadeur": ambassadeur,
        "disponible": disponible,
        "form": form,
        "suggestions": (
            [] if disponible else suggestions(ambassadeur, exclure_utilisateur=request.user)
        ),
    }
    return render(request, "ambassadeurs/questions/poser.html", contexte, status=statut)


@require_GET
@compte_verifie_requis
def mes_questions(request):
    return render(
        request,
        "ambassadeurs/questions/mes_questions.html",
        {"questions": questions_du_demandeur(request.user)},
    )


@require_http_methods(["GET", "POST"])
@compte_verifie_requis
def conversation(request, pk):
    question = question_visible(pk=pk, utilisateur=request.user)
    if question is None:
        raise Http404
    est_ambassadeur = question.ambassadeur.utilisateur_id == request.user.pk
    form = ReponseForm(request.POST or None)
    statut = 200
    if request.method == "POST" and form.is_valid():
        try:
            services.question_repondre(
                question=question, auteur=request.user, texte=form.cleaned_data["texte"]
            )
        except services.ConversationFermee:
            form.add_error(
                None,
                "Cette conversation est close : elle n'accepte plus de nouveau message. "
                "Votre message n'a pas été envoyé.",
            )
            statut = 409
        except services.AmbassadeurIndisponible:
            form.add_error(None, MESSAGE_INDISPONIBLE)
            statut = 409
        except services.TropDeMessages:
            form.add_error(None, MESSAGE_TROP_DE_MESSAGES)
            statut = 429
        else:
            messages.success(request, "Votre message est envoyé.")
            return redirect("ambassadeurs:question", pk=question.pk)
    services.question_marquer_lue(question=question, lecteur=request.user)
    contexte = {
        "question": question,
        "fil": list(question.messages.all()),
        "est_ambassadeur": est_ambassadeur,
        "form": form,
    }
    return render(request, "ambassadeurs/questions/conversation.html", contexte, status=statut)


@require_http_methods(["GET", "POST"])
@compte_verifie_requis
def signaler(request, pk):
    question = question_visible(pk=pk, utilisateur=request.user)
    if question is None:
        raise Http404
    form = SignalementForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.question_signaler(
            question=question, auteur=request.user, motif=form.cleaned_data["motif"]
        )
        messages.success(
            request, "Merci : votre signalement est transmis à l'équipe, qui va l'examiner."
        )
        return redirect("ambassadeurs:question", pk=question.pk)
    return render(
        request, "ambassadeurs/questions/signaler.html", {"question": question, "form": form}
    )


@require_GET
@cache_control(private=True, no_store=True)
def boite(request):
    """The ambassador's inbox (accepted ambassadors only; anyone else 403)."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    ambassadeur = ambassadeur_de(request.user)
    if ambassadeur is None:
        return render(request, "ambassadeurs/histoires/reserve.html", status=403)
    return render(
        request,
        "ambassadeurs/questions/boite.html",
        {"ambassadeur": ambassadeur, "questions": questions_de_l_ambassadeur(ambassadeur)},
    )
