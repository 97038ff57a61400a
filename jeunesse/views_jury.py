"""The jurors' space on the public site (jurors may be young people without admin access).

Every view needs a verified account and goes through ``acces.affectation_du_jure``: an
assignment of someone else, on a draft, or with a declared conflict is a 404.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Prefetch, Q, prefetch_related_objects
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from lot_portal.comptes.acces import compte_verifie_requis

from .acces import affectation_du_jure
from .fichiers import piece_reponse
from .forms_jury import ConflitForm, EvaluationForm
from .models import (
    Affectation,
    CritereEvaluation,
    MembreEquipe,
    Note,
    PieceJointe,
    ReponseQuestion,
)
from .models.choix import NaturePiece, Statut
from .services import jury as service
from .services.eligibilite import age_a

# What a juror may download: the project's documents, never a parental authorisation.
NATURES_LISIBLES_JURY = (NaturePiece.DOCUMENT, NaturePiece.QUESTION, NaturePiece.AUTRE)


@compte_verifie_requis
def jury(request):
    """My assigned applications, grouped by call, with my progress; conflicts apart."""
    affectations = (
        Affectation.objects.filter(jure=request.user)
        .exclude(candidature__statut=Statut.BROUILLON)
        .select_related("candidature__appel")
        .annotate(nb_notes=Count("notes"))
        .order_by("-candidature__appel__cloture", "candidature__appel_id", "candidature__titre")
    )
    appels: dict[int, dict] = {}
    conflits = []
    for affectation in affectations:
        if affectation.conflit:
            conflits.append(affectation)
            continue
        appel = affectation.candidature.appel
        groupe = appels.setdefault(appel.pk, {"appel": appel, "affectations": [], "terminees": 0})
        groupe["affectations"].append(affectation)
        if affectation.terminee_le:
            groupe["terminees"] += 1
    groupes = list(appels.values())
    return render(
        request,
        "jeunesse/jury/liste.html",
        {
            "groupes": groupes,
            "conflits": conflits,
            "total": sum(len(g["affectations"]) for g in groupes),
            "terminees": sum(g["terminees"] for g in groupes),
        },
    )


def _criteres(affectation):
    return list(
        CritereEvaluation.objects.filter(appel_id=affectation.candidature.appel_id).order_by(
            "sort_order", "pk"
        )
    )


def _dossier(affectation) -> dict:
    """What a juror reads: the project, first names and ages, budget, answers, documents.

    Never the applicant's email, phone or messages."""
    candidature = affectation.candidature
    appel = candidature.appel
    membres = list(
        MembreEquipe.objects.filter(candidature=candidature)
        .filter(Q(est_porteur=True) | Q(accepte_le__isnull=False))
        .only("prenom", "role", "date_naissance", "est_porteur", "candidature_id")
    )
    equipe = [
        {
            "prenom": m.prenom,
            "role": m.role,
            "est_porteur": m.est_porteur,
            "age": age_a(m.date_naissance, appel.date_cloture_locale) if m.date_naissance else None,
        }
        for m in membres
    ]
    prefetch_related_objects([candidature], "lignes_budget")
    lignes = list(candidature.lignes_budget.all())
    return {
        "candidature": candidature,
        "appel": appel,
        "equipe": equipe,
        "depenses": [ligne for ligne in lignes if ligne.nature == "depense"],
        "ressources": [ligne for ligne in lignes if ligne.nature == "ressource"],
        "totaux": candidature.totaux_budget(),
        "reponses": list(
            ReponseQuestion.objects.filter(candidature=candidature)
            .select_related("question", "piece")
            .order_by("question__sort_order", "question_id")
        ),
        "pieces": list(
            PieceJointe.objects.filter(
                candidature=candidature, nature__in=NATURES_LISIBLES_JURY
            ).select_related("document", "question")
        ),
    }


def _valeurs_initiales(affectation, criteres) -> dict:
    notes = {n.critere_id: n for n in affectation.notes.all()}
    initial = {"commentaire": affectation.commentaire}
    for critere in criteres:
        note = notes.get(critere.pk)
        if note:
            initial[f"note_{critere.pk}"] = note.valeur
            initial[f"commentaire_{critere.pk}"] = note.commentaire
    return initial


@compte_verifie_requis
@require_http_methods(["GET", "POST"])
def evaluation(request, pk):
    affectation = affectation_du_jure(request.user, pk)
    affectation = (
        Affectation.objects.select_related("candidature__appel")
        .prefetch_related(Prefetch("notes", queryset=Note.objects.all()))
        .get(pk=affectation.pk)
    )
    criteres = _criteres(affectation)
    modifiable = service.peut_noter(affectation)
    terminer = request.POST.get("action") == "terminer"
    if request.method == "POST" and modifiable:
        form = EvaluationForm(request.POST, criteres=criteres, terminer=terminer)
        if form.is_valid():
            try:
                service.notes_enregistrer(
                    affectation,
                    notes=form.notes(),
                    commentaire=form.cleaned_data["commentaire"].strip(),
                    terminer=terminer,
                )
            except ValidationError as erreur:
                form.add_error(None, erreur)
            else:
                messages.success(
                    request,
                    "Votre évaluation est terminée : merci !"
                    if terminer
                    else "Votre évaluation est enregistrée. Vous pourrez la reprendre plus tard.",
                )
                return redirect("jeunesse:jury_evaluation", pk=affectation.pk)
        statut = 400
    else:
        if request.method == "POST":
            messages.error(
                request,
                "Ce dossier n'est plus en instruction : votre évaluation ne peut plus être "
                "modifiée.",
            )
        form = EvaluationForm(initial=_valeurs_initiales(affectation, criteres), criteres=criteres)
        statut = 200
    notes = {n.critere_id: n for n in affectation.notes.all()}
    contexte = {
        **_dossier(affectation),
        "affectation": affectation,
        "form": form,
        "modifiable": modifiable,
        "lecture": [(c, notes.get(c.pk)) for c in criteres],
        "nb_notes": len(notes),
        "nb_criteres": len(criteres),
    }
    return render(request, "jeunesse/jury/evaluation.html", contexte, status=statut)


@compte_verifie_requis
def piece(request, pk, piece_pk):
    affectation = affectation_du_jure(request.user, pk)
    piece_jointe = get_object_or_404(
        PieceJointe,
        pk=piece_pk,
        candidature_id=affectation.candidature_id,
        nature__in=NATURES_LISIBLES_JURY,
    )
    return piece_reponse(piece_jointe)


@compte_verifie_requis
@require_http_methods(["GET", "POST"])
def conflit(request, pk):
    affectation = affectation_du_jure(request.user, pk)
    statut = 200
    if request.method == "POST":
        form = ConflitForm(request.POST)
        if form.is_valid():
            service.conflit_declarer(affectation, nature=form.cleaned_data["nature"])
            messages.success(
                request,
                f"Votre conflit d'intérêts est enregistré : le dossier « "
                f"{affectation.candidature.titre} » ne vous est plus présenté et vos notes "
                "ont été supprimées.",
            )
            return redirect("jeunesse:jury")
        statut = 400
    else:
        form = ConflitForm()
    return render(
        request,
        "jeunesse/jury/conflit.html",
        {"affectation": affectation, "candidature": affectation.candidature, "form": form},
        status=statut,
    )
