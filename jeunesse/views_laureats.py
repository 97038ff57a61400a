"""After the decision, public side: acceptance, project space, journal, reports, certificates,
and the public showcase of supported projects.

Access: the team only (``acces.candidature_de_l_equipe``); mentors, jurors and anyone else get
a 404. Accepting the grant and the showcase choices belong to the team leader.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from lot_portal.comptes.acces import compte_verifie_requis

from .acces import candidature_de_l_equipe
from .fichiers import piece_reponse
from .forms_laureats import AcceptationForm, EntreeJournalForm, RapportDeposerForm, VitrineForm
from .models import AppelAProjets, Candidature, EntreeJournal, MembreEquipe, RapportProjet
from .models.choix import Statut, StatutJournal
from .services import laureats as services

PROJETS_PAR_PAGE = 12
ETATS_MODIFIABLES = (StatutJournal.BROUILLON, StatutJournal.REFUSE)


def _laureat(request, reference) -> Candidature:
    """The team's application, if it is a laureate (RETENU), else 404."""
    candidature = candidature_de_l_equipe(request.user, reference)
    if candidature.statut != Statut.RETENU:
        raise Http404("Projet introuvable")
    return candidature


def _espace(request, reference) -> Candidature:
    """The team's project space: RETENU and the grant accepted, else 404."""
    candidature = _laureat(request, reference)
    if not services.espace_ouvert(candidature):
        raise Http404("Espace projet introuvable")
    return candidature


@compte_verifie_requis
@require_http_methods(["GET", "POST"])
def accepter(request, reference):
    candidature = _laureat(request, reference)
    if candidature.porteur_id != request.user.pk:
        raise Http404("Candidature introuvable")
    if candidature.acceptation_confirmee_le:
        messages.info(request, "Vous avez déjà accepté l'aide : voici l'espace de votre projet.")
        return redirect("jeunesse:projet", reference=reference)
    form = AcceptationForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.acceptation_confirmer(
                candidature,
                auteur=request.user,
                consentement_vitrine=form.cleaned_data["consentement_vitrine"],
                vitrine_resume=form.cleaned_data["vitrine_resume"],
            )
        except services.SuiviRefuse as erreur:
            form.add_error(None, str(erreur))
        else:
            messages.success(
                request,
                "Merci : votre acceptation est enregistrée. Bienvenue dans l'espace de votre "
                "projet.",
            )
            return redirect("jeunesse:projet", reference=reference)
    return render(
        request, "jeunesse/laureats/accepter.html", {"candidature": candidature, "form": form}
    )


@compte_verifie_requis
@require_http_methods(["GET"])
def projet(request, reference):
    candidature = _espace(request, reference)
    entrees = list(candidature.journal.select_related("auteur").order_by("-cree_le"))
    rapports = list(candidature.rapports.select_related("piece"))
    return render(
        request,
        "jeunesse/laureats/projet.html",
        {
            "candidature": candidature,
            "appel": candidature.appel,
            "versements": list(candidature.versements.all()),
            "rapports": rapports,
            "actions": list(candidature.actions_soutien.all()),
            "entrees": entrees,
            "est_porteur": candidature.porteur_id == request.user.pk,
            "form_vitrine": VitrineForm(
                initial={
                    "consentement_vitrine": candidature.consentement_vitrine,
                    "vitrine_resume": candidature.vitrine_resume,
                }
            ),
        },
    )


@compte_verifie_requis
@require_http_methods(["GET", "POST"])
def projet_vitrine(request, reference):
    """The leader changes the showcase consent and public text."""
    candidature = _espace(request, reference)
    if candidature.porteur_id != request.user.pk:
        raise Http404("Candidature introuvable")
    form = VitrineForm(
        request.POST if request.method == "POST" else None,
        initial={
            "consentement_vitrine": candidature.consentement_vitrine,
            "vitrine_resume": candidature.vitrine_resume,
        },
    )
    if request.method == "POST" and form.is_valid():
        services.vitrine_modifier(
            candidature,
            consentement_vitrine=form.cleaned_data["consentement_vitrine"],
            vitrine_resume=form.cleaned_data["vitrine_resume"],
        )
        messages.success(request, "Vos choix pour la vitrine sont enregistrés.")
        return redirect("jeunesse:projet", reference=reference)
    return render(
        request, "jeunesse/laureats/vitrine_choix.html", {"candidature": candidature, "form": form}
    )


def _journal_formulaire(request, candidature, entree=None):
    a_une_image = bool(entree and entree.image)
    initial = (
        {"titre": entree.titre, "texte": entree.texte, "image_alt": entree.image_alt}
        if entree
        else None
    )
    form = EntreeJournalForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
        initial=initial,
        a_une_image=a_une_image,
    )
    if request.method == "POST" and form.is_valid():
        soumettre = "soumettre" in request.POST
        entree = services.entree_enregistrer(
            candidature=candidature,
            auteur=request.user,
            titre=form.cleaned_data["titre"],
            texte=form.cleaned_data["texte"],
            image=form.cleaned_data.get("image"),
            image_alt=form.cleaned_data.get("image_alt", ""),
            retirer_image=form.cleaned_data.get("retirer_image", False),
            entree=entree,
            soumettre=soumettre,
        )
        if soumettre:
            messages.success(
                request,
                "Votre article est envoyé au Département : il sera publié après relecture.",
            )
            return redirect("jeunesse:projet", reference=candidature.reference)
        messages.success(request, "Le brouillon est enregistré.")
        return redirect("jeunesse:journal_modifier", reference=candidature.reference, pk=entree.pk)
    return render(
        request,
        "jeunesse/laureats/journal_form.html",
        {"candidature": candidature, "form": form, "entree": entree},
    )


@compte_verifie_requis
@require_http_methods(["GET", "POST"])
def journal_ecrire(request, reference):
    return _journal_formulaire(request, _espace(request, reference))


@compte_verifie_requis
@require_http_methods(["GET", "POST"])
def journal_modifier(request, reference, pk):
    candidature = _espace(request, reference)
    entree = get_object_or_404(EntreeJournal, pk=pk, candidature=candidature)
    if entree.statut not in ETATS_MODIFIABLES:
        messages.warning(
            request,
            "Cet article est en cours de relecture ou déjà publié : il ne peut plus être modifié.",
        )
        return redirect("jeunesse:projet", reference=reference)
    return _journal_formulaire(request, candidature, entree)


@compte_verifie_requis
@require_http_methods(["GET", "POST"])
def rapport_deposer(request, reference, pk):
    candidature = _espace(request, reference)
    rapport = get_object_or_404(
        RapportProjet.objects.select_related("piece"), pk=pk, candidature=candidature
    )
    if rapport.valide_le:
        messages.info(request, "Ce rapport est déjà validé par le Département.")
        return redirect("jeunesse:projet", reference=reference)
    form = RapportDeposerForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
        taille_max=candidature.appel.taille_max_octets,
    )
    if request.method == "POST" and form.is_valid():
        contenu, type_mime, nom = form.piece_propre
        try:
            services.rapport_deposer(
                rapport,
                contenu=contenu,
                type_mime=type_mime,
                nom_original=nom,
                auteur=request.user,
            )
        except services.SuiviRefuse as erreur:
            form.add_error(None, str(erreur))
        else:
            messages.success(
                request, f"Votre {rapport.get_type_rapport_display().lower()} est déposé."
            )
            return redirect("jeunesse:projet", reference=reference)
    return render(
        request,
        "jeunesse/laureats/rapport_deposer.html",
        {"candidature": candidature, "rapport": rapport, "form": form},
    )


@compte_verifie_requis
@require_http_methods(["GET"])
def rapport_fichier(request, reference, pk):
    candidature = _espace(request, reference)
    rapport = get_object_or_404(
        RapportProjet.objects.select_related("piece"),
        pk=pk,
        candidature=candidature,
        piece__isnull=False,
    )
    return piece_reponse(rapport.piece)


@compte_verifie_requis
@require_http_methods(["GET"])
def attestation(request, reference):
    candidature = candidature_de_l_equipe(
        request.user,
        reference,
        queryset=Candidature.objects.select_related("commune").prefetch_related(
            Prefetch("membres", queryset=MembreEquipe.objects.order_by("-est_porteur", "id"))
        ),
    )
    if candidature.statut == Statut.BROUILLON:
        raise Http404("Attestation indisponible pour un brouillon")
    membres = services.membres_attestables(candidature)
    est_porteur = candidature.porteur_id == request.user.pk
    if est_porteur:
        choisi = request.GET.get("membre", "")
        membre = next((m for m in membres if str(m.pk) == choisi), None) if choisi else None
        if choisi and membre is None:
            raise Http404("Membre introuvable")
        membre = membre or next(
            (m for m in membres if m.est_porteur or m.utilisateur_id == request.user.pk), None
        )
    else:
        membre = next((m for m in membres if m.utilisateur_id == request.user.pk), None)
    if membre is None:
        raise Http404("Attestation introuvable")
    date_depot = (
        candidature.depose_le
        or candidature.transitions.filter(vers=Statut.DEPOSE)
        .values_list("cree_le", flat=True)
        .first()
    )
    return render(
        request,
        "jeunesse/laureats/attestation.html",
        {
            "candidature": candidature,
            "appel": candidature.appel,
            "membre": membre,
            "membres": membres if est_porteur else [],
            "date_depot": date_depot,
            "aujourdhui": timezone.localdate(),
            "decidee": candidature.statut in (Statut.RETENU, Statut.NON_RETENU, Statut.SANS_SUITE),
        },
    )


# --- Public showcase ----------------------------------------------------------------------------


@require_http_methods(["GET"])
def vitrine(request):
    projets = services.projets_vitrine()
    appels = list(
        AppelAProjets.objects.filter(pk__in=projets.values("appel_id")).order_by("-cloture")
    )
    annees = sorted({appel.cloture.year for appel in appels}, reverse=True)
    filtre_appel = request.GET.get("appel", "")
    filtre_annee = request.GET.get("annee", "")
    if filtre_appel:
        projets = projets.filter(appel__slug=filtre_appel)
    if filtre_annee.isdigit() and len(filtre_annee) == 4:
        projets = projets.filter(appel__cloture__year=int(filtre_annee))
    else:
        filtre_annee = ""
    page = Paginator(projets, PROJETS_PAR_PAGE).get_page(request.GET.get("page"))
    parametres = request.GET.copy()
    parametres.pop("page", None)
    return render(
        request,
        "jeunesse/vitrine/liste.html",
        {
            "page_projets": page,
            "appels": appels,
            "annees": annees,
            "filtre_appel": filtre_appel,
            "filtre_annee": filtre_annee,
            "parametres": parametres.urlencode(),
        },
    )


@require_http_methods(["GET"])
def vitrine_projet(request, reference):
    candidature = services.projet_vitrine(reference)
    if candidature is None:
        raise Http404("Projet introuvable")
    return render(
        request,
        "jeunesse/vitrine/projet.html",
        {
            "candidature": candidature,
            "appel": candidature.appel,
            "entrees": candidature.entrees_publiees,
            "prenoms": services.prenoms_equipe(candidature),
        },
    )
