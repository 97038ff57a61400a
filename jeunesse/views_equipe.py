"""The team around an application (public side, under /jeunesse/).

- ``candidatures/<ref>/equipe/``: the team; the leader invites, re-sends, removes members;
  a joined member corrects their details or leaves.
- ``invitation/<jeton>/``: an invited member joins (with the invited address).
- ``candidatures/<ref>/accompagnement/``: mentors: the team invites and revokes them, mentors
  comment.
- ``accompagnement/<jeton>/``: an invited mentor accepts.
- ``accompagnements/``: the applications I mentor.
- ``candidatures/<ref>/messages/``: the team's conversation with the instructors.

Access goes through ``jeunesse.acces``: anyone outside the application gets a 404; refused
actions of people who may see the page get a 404 too (nothing is revealed).
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from lot_portal.comptes.acces import compte_verifie_requis

from .acces import candidature_de_l_equipe, candidature_lisible
from .forms_equipe import (
    AdhesionForm,
    CommentaireForm,
    InvitationMembreForm,
    InvitationMentorForm,
    MessageForm,
)
from .models import MembreEquipe, Mentor
from .services import equipe as services
from .services.eligibilite import notice_mineurs_a_montrer
from .services.messages import messages_marquer_lus

GABARIT = "jeunesse/equipe/"


def _mes_candidatures_url() -> str:
    try:
        return reverse("jeunesse:mes_candidatures")
    except NoReverseMatch:  # the applications list belongs to another area
        return "/"


def _erreur_formulaire(form, refus: services.EquipeRefusee) -> None:
    champ = refus.champ if refus.champ in form.fields else None
    form.add_error(champ, refus.message)


def _est_porteur(request, candidature) -> bool:
    return candidature.porteur_id == request.user.pk


# --- The team ----------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@compte_verifie_requis
def equipe(request, reference):
    candidature = candidature_de_l_equipe(request.user, reference)
    est_porteur = _est_porteur(request, candidature)
    peut_inviter = est_porteur and candidature.est_modifiable
    form = InvitationMembreForm(request.POST or None) if peut_inviter else None
    statut = 200
    if request.method == "POST":
        if not est_porteur:
            raise Http404
        if not peut_inviter:
            messages.error(request, "Ce dossier n'est plus modifiable : l'équipe est figée.")
            statut = 409
        elif form.is_valid():
            try:
                membre = services.membre_inviter(
                    candidature=candidature, auteur=request.user, **form.cleaned_data
                )
            except services.EquipeRefusee as refus:
                _erreur_formulaire(form, refus)
                statut = 409 if refus.champ is None else 200
            else:
                messages.success(
                    request,
                    f"L'invitation est envoyée à {membre.email}. {membre} rejoindra l'équipe "
                    "en ouvrant le lien reçu par courriel.",
                )
                return redirect("jeunesse:equipe", reference=candidature.reference)
    membres = list(candidature.membres.all())
    moi = next(
        (m for m in membres if m.utilisateur_id == request.user.pk and not m.est_porteur), None
    )
    contexte = {
        "candidature": candidature,
        "lignes": services.membres_avec_alertes(candidature, membres),
        "nb_invites": sum(1 for m in membres if not m.est_porteur),
        "membres_max": services.MEMBRES_MAX,
        "est_porteur": est_porteur,
        "moi": moi,
        "form": form,
        "sans_porteur": not any(m.est_porteur for m in membres),
        "porteur_nom": services.nom_complet(candidature.porteur),
    }
    return render(request, GABARIT + "equipe.html", contexte, status=statut)


def _membre_du_porteur(request, reference, pk):
    candidature = candidature_de_l_equipe(request.user, reference)
    if not _est_porteur(request, candidature):
        raise Http404
    membre = get_object_or_404(
        MembreEquipe.objects.select_related("candidature"),
        pk=pk,
        candidature=candidature,
        est_porteur=False,
    )
    return candidature, membre


@require_POST
@compte_verifie_requis
def membre_renvoyer(request, reference, pk):
    candidature, membre = _membre_du_porteur(request, reference, pk)
    try:
        services.invitation_membre_renvoyer(membre=membre, auteur=request.user)
    except services.EquipeRefusee as refus:
        messages.error(request, refus.message)
    else:
        messages.success(request, f"L'invitation est renvoyée à {membre.email}.")
    return redirect("jeunesse:equipe", reference=candidature.reference)


@require_http_methods(["GET", "POST"])
@compte_verifie_requis
def membre_retirer(request, reference, pk):
    candidature, membre = _membre_du_porteur(request, reference, pk)
    if request.method == "POST":
        try:
            services.membre_retirer(membre=membre, auteur=request.user)
        except services.EquipeRefusee as refus:
            messages.error(request, refus.message)
        else:
            messages.success(request, f"{membre} ne fait plus partie de l'équipe.")
        return redirect("jeunesse:equipe", reference=candidature.reference)
    return render(
        request,
        GABARIT + "membre_retirer.html",
        {"candidature": candidature, "membre": membre},
    )


def _mon_adhesion(request, reference):
    """The application and the current user's own (joined, non-leader) member row."""
    candidature = candidature_de_l_equipe(request.user, reference)
    membre = (
        candidature.membres.filter(
            utilisateur=request.user, accepte_le__isnull=False, est_porteur=False
        )
        .order_by("pk")
        .first()
    )
    if membre is None:
        raise Http404
    return candidature, membre


@require_http_methods(["GET", "POST"])
@compte_verifie_requis
def mes_informations(request, reference):
    candidature, membre = _mon_adhesion(request, reference)
    initial = {
        "date_naissance": membre.date_naissance,
        "lien_lot": membre.lien_lot,
        "role": membre.role,
    }
    form = AdhesionForm(
        request.POST or None,
        initial=initial,
        appel=candidature.appel,
        deja_consenti=membre.consentement_notice_le is not None,
    )
    statut = 200
    if request.method == "POST":
        if not candidature.est_modifiable:
            statut = 409
            messages.error(request, "Ce dossier n'est plus modifiable.")
        elif form.is_valid():
            try:
                raisons = services.membre_informations_modifier(membre=membre, **form.cleaned_data)
            except services.EquipeRefusee as refus:
                _erreur_formulaire(form, refus)
                statut = 409
            else:
                messages.success(request, "Vos informations sont enregistrées.")
                for raison in raisons:
                    messages.warning(request, f"Attention : {raison}")
                return redirect("jeunesse:equipe", reference=candidature.reference)
    return render(
        request,
        GABARIT + "mes_informations.html",
        {
            "candidature": candidature,
            "membre": membre,
            "form": form,
            "mineur": notice_mineurs_a_montrer(membre.date_naissance, candidature.appel),
        },
        status=statut,
    )


@require_http_methods(["GET", "POST"])
@compte_verifie_requis
def equipe_quitter(request, reference):
    candidature, membre = _mon_adhesion(request, reference)
    statut = 200
    if request.method == "POST":
        try:
            services.equipe_quitter(membre=membre)
        except services.EquipeRefusee as refus:
            messages.error(request, refus.message)
            statut = 409
        else:
            messages.success(
                request, f"Vous avez quitté l'équipe du projet « {candidature.titre} »."
            )
            return redirect(_mes_candidatures_url())
    return render(
        request,
        GABARIT + "quitter.html",
        {"candidature": candidature, "membre": membre},
        status=statut,
    )


@require_http_methods(["GET", "POST"])
@compte_verifie_requis
def invitation(request, jeton):
    membre = (
        MembreEquipe.objects.select_related("candidature__appel", "candidature__porteur")
        .filter(jeton_invitation=jeton, accepte_le__isnull=True, est_porteur=False)
        .first()
    )
    if membre is None:
        return render(request, GABARIT + "invitation_inconnue.html", status=404)
    candidature = membre.candidature
    if not request.user.emailaddress_set.filter(email__iexact=membre.email, verified=True).exists():
        return render(
            request,
            GABARIT + "invitation_autre_compte.html",
            {"adresse": services.adresse_masquee(membre.email), "candidature": candidature},
            status=403,
        )
    form = AdhesionForm(
        request.POST or None, initial={"role": membre.role}, appel=candidature.appel
    )
    statut = 200
    if request.method == "POST" and candidature.est_modifiable and form.is_valid():
        try:
            raisons = services.invitation_membre_accepter(
                membre=membre, utilisateur=request.user, **form.cleaned_data
            )
        except services.EquipeRefusee as refus:
            _erreur_formulaire(form, refus)
            statut = 409
        else:
            messages.success(
                request, f"Bienvenue dans l'équipe du projet « {candidature.titre} » !"
            )
            for raison in raisons:
                messages.warning(
                    request,
                    f"Attention : {raison} Le dossier ne pourra pas être déposé en l'état : "
                    "corrigez vos informations ou parlez-en au porteur du projet.",
                )
            return redirect("jeunesse:equipe", reference=candidature.reference)
    elif request.method == "POST" and not candidature.est_modifiable:
        statut = 409
    return render(
        request,
        GABARIT + "invitation.html",
        {
            "membre": membre,
            "candidature": candidature,
            "appel": candidature.appel,
            "porteur_nom": services.nom_complet(candidature.porteur),
            "form": form,
            "mineur": notice_mineurs_a_montrer(None, candidature.appel),
        },
        status=statut,
    )


# --- Mentors -----------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@compte_verifie_requis
def accompagnement(request, reference):
    candidature, role = candidature_lisible(request.user, reference)
    est_equipe = role == "equipe"
    modifiable = candidature.est_modifiable
    if est_equipe:
        form = InvitationMentorForm(request.POST or None) if modifiable else None
    else:
        form = CommentaireForm(request.POST or None) if modifiable else None
    statut = 200
    if request.method == "POST":
        if form is None:
            messages.error(
                request,
                "Le dossier est déposé : l'accompagnement est fermé jusqu'à une éventuelle "
                "demande de compléments.",
            )
            statut = 409
        elif form.is_valid():
            try:
                if est_equipe:
                    mentor = services.mentor_inviter(
                        candidature=candidature, auteur=request.user, **form.cleaned_data
                    )
                    succes = (
                        f"L'invitation est envoyée à {mentor.nom} ({mentor.email}). Son accès "
                        "commence quand il ou elle l'accepte."
                    )
                else:
                    services.commentaire_publier(
                        candidature=candidature,
                        auteur=request.user,
                        texte=form.cleaned_data["texte"],
                    )
                    succes = "Votre commentaire est publié ; l'équipe du projet est prévenue."
            except services.EquipeRefusee as refus:
                _erreur_formulaire(form, refus)
                statut = 409 if refus.champ is None else 200
            else:
                messages.success(request, succes)
                return redirect("jeunesse:accompagnement", reference=candidature.reference)
    contexte = {
        "candidature": candidature,
        "est_equipe": est_equipe,
        "mentors": list(candidature.mentors.all().order_by("invite_le", "pk"))
        if est_equipe
        else [],
        "commentaires": list(
            candidature.commentaires_mentor.select_related("auteur").order_by("cree_le", "pk")
        ),
        "form": form,
        "mentors_max": services.MENTORS_MAX,
    }
    return render(request, GABARIT + "accompagnement.html", contexte, status=statut)


def _mentor_de_l_equipe(request, reference, pk):
    candidature = candidature_de_l_equipe(request.user, reference)
    mentor = get_object_or_404(
        Mentor.objects.select_related("candidature"), pk=pk, candidature=candidature
    )
    return candidature, mentor


@require_POST
@compte_verifie_requis
def mentor_renvoyer(request, reference, pk):
    candidature, mentor = _mentor_de_l_equipe(request, reference, pk)
    try:
        services.invitation_mentor_renvoyer(mentor=mentor, auteur=request.user)
    except services.EquipeRefusee as refus:
        messages.error(request, refus.message)
    else:
        messages.success(request, f"L'invitation est renvoyée à {mentor.email}.")
    return redirect("jeunesse:accompagnement", reference=candidature.reference)


@require_http_methods(["GET", "POST"])
@compte_verifie_requis
def mentor_retirer(request, reference, pk):
    candidature, mentor = _mentor_de_l_equipe(request, reference, pk)
    if request.method == "POST":
        services.mentor_revoquer(mentor=mentor)
        messages.success(
            request, f"{mentor.nom} n'a plus accès au dossier. Ses commentaires restent visibles."
        )
        return redirect("jeunesse:accompagnement", reference=candidature.reference)
    return render(
        request,
        GABARIT + "mentor_retirer.html",
        {"candidature": candidature, "mentor": mentor},
    )


@require_http_methods(["GET", "POST"])
@compte_verifie_requis
def invitation_mentor(request, jeton):
    mentor = (
        Mentor.objects.select_related("candidature__appel", "candidature__porteur")
        .filter(jeton_invitation=jeton, accepte_le__isnull=True)
        .first()
    )
    if mentor is None:
        return render(request, GABARIT + "invitation_inconnue.html", status=404)
    candidature = mentor.candidature
    if not request.user.emailaddress_set.filter(email__iexact=mentor.email, verified=True).exists():
        return render(
            request,
            GABARIT + "invitation_autre_compte.html",
            {"adresse": services.adresse_masquee(mentor.email), "candidature": candidature},
            status=403,
        )
    erreur = None
    if request.method == "POST":
        try:
            services.invitation_mentor_accepter(mentor=mentor, utilisateur=request.user)
        except services.EquipeRefusee as refus:
            erreur = refus.message
        else:
            messages.success(
                request,
                f"Vous accompagnez désormais le projet « {candidature.titre} » : vous pouvez "
                "lire le dossier et le commenter.",
            )
            return redirect("jeunesse:accompagnement", reference=candidature.reference)
    return render(
        request,
        GABARIT + "invitation_mentor.html",
        {
            "mentor": mentor,
            "candidature": candidature,
            "appel": candidature.appel,
            "porteur_nom": services.nom_complet(candidature.porteur),
            "erreur": erreur,
        },
        status=409 if erreur else 200,
    )


@require_GET
@compte_verifie_requis
def mes_accompagnements(request):
    return render(
        request,
        GABARIT + "mes_accompagnements.html",
        {"accompagnements": list(services.accompagnements_de(request.user))},
    )


# --- Messages with the instructors -------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@compte_verifie_requis
def messages_equipe(request, reference):
    candidature = candidature_de_l_equipe(request.user, reference)
    ouverte = not candidature.est_brouillon
    form = MessageForm(request.POST or None) if ouverte else None
    statut = 200
    if request.method == "POST":
        if not ouverte:
            statut = 409
            messages.error(
                request,
                "Votre dossier est encore un brouillon : la messagerie s'ouvre quand il est "
                "déposé.",
            )
        elif form.is_valid():
            try:
                services.message_equipe_envoyer(
                    candidature=candidature,
                    auteur=request.user,
                    texte=form.cleaned_data["texte"],
                )
            except services.TropDeMessages as refus:
                form.add_error(None, refus.message)
                statut = 429
            except services.EquipeRefusee as refus:
                form.add_error(None, refus.message)
                statut = 409
            else:
                messages.success(
                    request,
                    "Votre message est envoyé à l'équipe qui examine votre dossier.",
                )
                return redirect("jeunesse:messages", reference=candidature.reference)
    fil = list(candidature.messages.select_related("auteur").order_by("cree_le", "pk"))
    if ouverte:
        messages_marquer_lus(candidature=candidature, pour_l_instruction=False)
    return render(
        request,
        GABARIT + "messages.html",
        {"candidature": candidature, "fil": fil, "form": form, "ouverte": ouverte},
        status=statut,
    )
