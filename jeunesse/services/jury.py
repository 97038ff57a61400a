"""The jury's work: composition, assignments, conflicts of interest, scores, ranking, decision.

- ``membre_ajouter`` / ``membre_retirer``: the jurors of a call (any verified account);
- ``affecter`` / ``affecter_tous`` / ``affectation_retirer``: who reviews which application
  (applications under review or later, never drafts); each operation emails each juror once
  about their new applications (``jury_affectation``);
- ``conflit_declarer``: the juror steps aside for good, their scores are deleted;
- ``notes_enregistrer``: partial save or final submission of an evaluation;
- ``classement``: the weighted ranking of a call, computed with a bounded number of queries;
- ``decider``: « retenu » with a granted amount (within the request, the call's maximum and the
  envelope) or « non retenu » with a reason, through the state machine.
"""

import statistics
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, F, FloatField, Q, Sum
from django.db.models.functions import Cast
from django.utils import timezone

from ..models import (
    Affectation,
    AppelAProjets,
    Candidature,
    CritereEvaluation,
    MembreEquipe,
    MembreJury,
    Note,
)
from ..models.choix import Statut
from ..notifications import courriel_jeunesse, url_absolue
from .etats import INSTRUCTION, transition_appliquer

# Applications a juror may be given: under review, or already decided (to score afterwards).
STATUTS_AFFECTABLES = (
    Statut.EN_INSTRUCTION,
    Statut.COMPLEMENT_DEMANDE,
    Statut.RETENU,
    Statut.NON_RETENU,
)
# The applications of the ranking.
STATUTS_CLASSEMENT = (Statut.EN_INSTRUCTION, Statut.RETENU, Statut.NON_RETENU)

DEUX_DECIMALES = Decimal("0.01")


def arrondi(valeur) -> Decimal | None:
    if valeur is None:
        return None
    return Decimal(str(valeur)).quantize(DEUX_DECIMALES, rounding=ROUND_HALF_UP)


# --- Composition -------------------------------------------------------------------------


def membre_ajouter(appel: AppelAProjets, *, email: str, qualite: str) -> MembreJury:
    """Add the account of ``email`` to the call's jury (French ``ValidationError`` keyed
    ``email`` when there is no such account or it already sits on this jury)."""
    email = (email or "").strip()
    compte = get_user_model().objects.filter(email__iexact=email, is_active=True).first()
    if compte is None:
        raise ValidationError(
            {
                "email": "Aucun compte actif n'utilise cette adresse : la personne doit d'abord "
                "créer son compte sur le portail."
            }
        )
    if MembreJury.objects.filter(appel=appel, utilisateur=compte).exists():
        raise ValidationError({"email": "Cette personne fait déjà partie du jury de cet appel."})
    return MembreJury.objects.create(appel=appel, utilisateur=compte, qualite=qualite)


@transaction.atomic
def membre_retirer(membre: MembreJury) -> int:
    """Remove a juror from the call and their assignments on it (and scores), except the
    declared conflicts, kept as a record. Returns the number of assignments removed."""
    supprimees = Affectation.objects.filter(
        jure_id=membre.utilisateur_id, candidature__appel_id=membre.appel_id, conflit=False
    )
    nombre = supprimees.count()
    Note.objects.filter(affectation__in=supprimees).delete()
    supprimees.delete()
    membre.delete()
    return nombre


# --- Assignments -------------------------------------------------------------------------


def _equipes(candidature_ids) -> dict[int, set[int]]:
    """The accounts in each application's team (leader and members who joined)."""
    equipes: dict[int, set[int]] = {pk: set() for pk in candidature_ids}
    for cand_id, porteur_id in Candidature.objects.filter(pk__in=candidature_ids).values_list(
        "pk", "porteur_id"
    ):
        equipes[cand_id].add(porteur_id)
    for cand_id, user_id in MembreEquipe.objects.filter(
        candidature_id__in=candidature_ids, accepte_le__isnull=False, utilisateur__isnull=False
    ).values_list("candidature_id", "utilisateur_id"):
        equipes[cand_id].add(user_id)
    return equipes


def _notifier_affectations(nouvelles: list[Affectation]) -> None:
    """One email per juror for the assignments of one operation."""
    par_jure: dict[int, list[Affectation]] = {}
    for affectation in nouvelles:
        par_jure.setdefault(affectation.jure_id, []).append(affectation)
    for affectations in par_jure.values():
        jure = affectations[0].jure
        candidatures = [a.candidature for a in affectations]
        nombre = len(candidatures)
        courriel_jeunesse(
            destinataire=jure.email,
            modele="jury_affectation",
            sujet=(
                "Jury : un dossier vous est confié"
                if nombre == 1
                else f"Jury : {nombre} dossiers vous sont confiés"
            ),
            contexte={
                "jure": jure,
                "candidatures": candidatures,
                "nombre": nombre,
                "url_jury": url_absolue("jeunesse:jury"),
            },
        )


@transaction.atomic
def affecter(candidature: Candidature, jure) -> Affectation:
    """Give ``candidature`` to ``jure`` (a juror of its call). Idempotent: an existing
    assignment is returned unchanged and no email is sent again."""
    if candidature.statut not in STATUTS_AFFECTABLES:
        raise ValidationError(
            "Seuls les dossiers en instruction (ou déjà examinés) peuvent être confiés au jury."
        )
    if not MembreJury.objects.filter(appel_id=candidature.appel_id, utilisateur=jure).exists():
        raise ValidationError("Cette personne ne fait pas partie du jury de cet appel.")
    if jure.pk in _equipes([candidature.pk])[candidature.pk]:
        raise ValidationError(
            "Cette personne fait partie de l'équipe du projet : elle ne peut pas l'évaluer."
        )
    affectation, creee = Affectation.objects.get_or_create(candidature=candidature, jure=jure)
    if creee:
        affectation.candidature = candidature
        affectation.jure = jure
        _notifier_affectations([affectation])
    return affectation


@transaction.atomic
def affecter_tous(appel: AppelAProjets) -> int:
    """Every juror of the call to every application under review (idempotent; never a juror
    to their own team's project). Returns the number of new assignments.

    The call's row is locked so that two simultaneous runs never email twice."""
    AppelAProjets.objects.select_for_update().filter(pk=appel.pk).first()
    candidatures = list(appel.candidatures.filter(statut=Statut.EN_INSTRUCTION))
    jures = [m.utilisateur for m in appel.jures.select_related("utilisateur")]
    if not candidatures or not jures:
        return 0
    existantes = set(
        Affectation.objects.filter(candidature__in=candidatures).values_list(
            "candidature_id", "jure_id"
        )
    )
    equipes = _equipes([c.pk for c in candidatures])
    nouvelles = [
        Affectation(candidature=c, jure=j)
        for c in candidatures
        for j in jures
        if (c.pk, j.pk) not in existantes and j.pk not in equipes[c.pk]
    ]
    Affectation.objects.bulk_create(nouvelles, ignore_conflicts=True)
    _notifier_affectations(nouvelles)
    return len(nouvelles)


def affectation_retirer(affectation: Affectation) -> None:
    """Take an application back from a juror (their scores go with it). A declared conflict
    stays on record."""
    if affectation.conflit:
        raise ValidationError("Un conflit d'intérêts déclaré reste enregistré.")
    affectation.delete()


# --- The juror's evaluation --------------------------------------------------------------


def peut_noter(affectation: Affectation) -> bool:
    return not affectation.conflit and affectation.candidature.statut == Statut.EN_INSTRUCTION


@transaction.atomic
def conflit_declarer(affectation: Affectation, *, nature: str) -> Affectation:
    """The juror declares a conflict of interest: irreversible, their scores are deleted."""
    nature = (nature or "").strip()
    if not nature:
        raise ValidationError({"nature": "Précisez la nature du conflit d'intérêts."})
    affectation = Affectation.objects.select_for_update().get(pk=affectation.pk)
    if affectation.conflit:
        return affectation
    affectation.notes.all().delete()
    affectation.conflit = True
    affectation.conflit_motif = nature[:300]
    affectation.conflit_declare_le = timezone.now()
    affectation.commentaire = ""
    affectation.terminee_le = None
    affectation.save(
        update_fields=[
            "conflit",
            "conflit_motif",
            "conflit_declare_le",
            "commentaire",
            "terminee_le",
        ]
    )
    return affectation


@transaction.atomic
def notes_enregistrer(
    affectation: Affectation,
    *,
    notes: dict[int, tuple[int | None, str]],
    commentaire: str = "",
    terminer: bool = False,
) -> Affectation:
    """Save the juror's scores: ``notes`` maps a criterion id to ``(note or None, comment)``.

    A partial save keeps what is given (a criterion without a score is cleared). ``terminer``
    needs every criterion scored and records ``terminee_le``. Only while the application is
    under review; raises a French ``ValidationError`` otherwise.
    """
    affectation = (
        Affectation.objects.select_for_update().select_related("candidature").get(pk=affectation.pk)
    )
    if not peut_noter(affectation):
        raise ValidationError(
            "Ce dossier n'est plus en instruction : l'évaluation ne peut plus être modifiée."
        )
    criteres = {
        c.pk: c for c in CritereEvaluation.objects.filter(appel_id=affectation.candidature.appel_id)
    }
    existantes = {n.critere_id: n for n in affectation.notes.all()}
    manquants = []
    for critere in criteres.values():
        valeur, texte = notes.get(critere.pk, (None, ""))
        if valeur is None:
            manquants.append(critere)
            if critere.pk in existantes:
                existantes[critere.pk].delete()
            continue
        if not 0 <= valeur <= critere.note_max:
            raise ValidationError(
                f"« {critere.libelle} » : la note doit être comprise entre 0 et {critere.note_max}."
            )
        note = existantes.get(critere.pk)
        if note is None:
            Note.objects.create(
                affectation=affectation, critere=critere, valeur=valeur, commentaire=texte
            )
        elif (note.valeur, note.commentaire) != (valeur, texte):
            note.valeur, note.commentaire = valeur, texte
            note.save(update_fields=["valeur", "commentaire", "modifie_le"])
    if terminer and manquants:
        raise ValidationError("Notez chaque critère pour terminer votre évaluation.")
    affectation.commentaire = commentaire
    if terminer:
        affectation.terminee_le = timezone.now()
    elif manquants or not criteres:
        affectation.terminee_le = None
    affectation.save(update_fields=["commentaire", "terminee_le"])
    return affectation


# --- Ranking -----------------------------------------------------------------------------


@dataclass
class LigneClassement:
    candidature: Candidature
    rang: int | None = None
    note: Decimal | None = None  # weighted score out of 20, mean over finished evaluations
    terminees: int = 0
    affectees: int = 0
    conflits: int = 0
    ecart: Decimal | None = None  # max − min of the jurors' weighted scores
    ecart_type: Decimal | None = None  # population standard deviation
    moyennes: dict = field(default_factory=dict)  # critere_id -> mean score
    moyennes_liste: list = field(default_factory=list)  # the means in the criteria's order
    notes_jures_liste: list = field(default_factory=list)  # the jurors' scores, jury order
    notes_jures: dict = field(default_factory=dict)  # jure_id -> weighted score /20
    cumul_demande: Decimal = Decimal("0")
    depasse_enveloppe: bool = False


@dataclass
class Classement:
    appel: AppelAProjets
    criteres: list
    jures: list  # the accounts of the jury, in order
    lignes: list
    total_accorde: Decimal
    reste: Decimal


def total_accorde(appel: AppelAProjets, *, sauf=None) -> Decimal:
    """The sum granted to the call's laureates (optionally leaving one application out)."""
    qs = Candidature.objects.filter(appel=appel, statut=Statut.RETENU)
    if sauf is not None:
        qs = qs.exclude(pk=sauf.pk)
    return qs.aggregate(total=Sum("montant_accorde"))["total"] or Decimal("0")


def _scores_par_evaluation(notes):
    """(candidature id, juror id, weighted score out of 20) for each evaluation of ``notes``,
    in one aggregate query: Σ (poids × note ÷ note_max) ÷ Σ poids × 20."""
    ponderee = Cast(F("critere__poids") * F("valeur"), FloatField()) / Cast(
        F("critere__note_max"), FloatField()
    )
    lignes = (
        notes.values("affectation_id", "affectation__candidature_id", "affectation__jure_id")
        .annotate(somme=Sum(ponderee), poids=Sum("critere__poids"))
        .order_by("affectation_id")
    )
    return [
        (
            ligne["affectation__candidature_id"],
            ligne["affectation__jure_id"],
            ligne["somme"] / ligne["poids"] * 20,
        )
        for ligne in lignes
        if ligne["poids"]
    ]


def _notes_finies(**filtres):
    return Note.objects.filter(
        affectation__conflit=False, affectation__terminee_le__isnull=False, **filtres
    )


def encart(candidature: Candidature) -> dict:
    """The jury box of the staff file page: the assigned jurors and their state (scored,
    conflict, in progress, pending), the weighted score and the spread (3 queries)."""
    affectations = list(
        Affectation.objects.filter(candidature=candidature)
        .select_related("jure")
        .annotate(nb_notes=Count("notes"))
        .order_by("jure__last_name", "jure__email")
    )
    par_jure = {
        jure_id: score
        for _, jure_id, score in _scores_par_evaluation(
            _notes_finies(affectation__candidature=candidature)
        )
    }
    for affectation in affectations:
        score = par_jure.get(affectation.jure_id)
        affectation.note_ponderee = arrondi(score) if score is not None else None
        if affectation.conflit:
            affectation.etat_jury = "Conflit déclaré"
        elif affectation.terminee_le:
            affectation.etat_jury = "Évaluation terminée"
        elif affectation.nb_notes:
            affectation.etat_jury = "Évaluation en cours"
        else:
            affectation.etat_jury = "À évaluer"
    valeurs = list(par_jure.values())
    return {
        "affectations": affectations,
        "note": arrondi(sum(valeurs) / len(valeurs)) if valeurs else None,
        "ecart": arrondi(max(valeurs) - min(valeurs)) if valeurs else None,
        "terminees": len(valeurs),
        "affectees": sum(1 for a in affectations if not a.conflit),
        "conflits": sum(1 for a in affectations if a.conflit),
    }


def classement(appel: AppelAProjets) -> Classement:
    """The call's ranking in a fixed number of queries (whatever the number of applications,
    jurors and criteria): applications, assignment counts, per-evaluation weighted scores,
    per-criterion means, criteria, jurors, granted total."""
    candidatures = list(
        Candidature.objects.filter(appel=appel, statut__in=STATUTS_CLASSEMENT).only(
            "pk", "reference", "titre", "statut", "montant_demande", "montant_accorde", "appel_id"
        )
    )
    criteres = list(CritereEvaluation.objects.filter(appel=appel).order_by("sort_order", "pk"))
    jures = [
        m.utilisateur
        for m in MembreJury.objects.filter(appel=appel)
        .select_related("utilisateur")
        .order_by("utilisateur__last_name", "utilisateur__first_name", "utilisateur__email")
    ]
    lignes = {c.pk: LigneClassement(candidature=c) for c in candidatures}

    comptes = (
        Affectation.objects.filter(
            candidature__appel=appel, candidature__statut__in=STATUTS_CLASSEMENT
        )
        .values("candidature_id")
        .annotate(
            affectees=Count("pk", filter=Q(conflit=False)),
            terminees=Count("pk", filter=Q(conflit=False, terminee_le__isnull=False)),
            conflits=Count("pk", filter=Q(conflit=True)),
        )
    )
    for ligne in comptes:
        cible = lignes.get(ligne["candidature_id"])
        if cible:
            cible.affectees = ligne["affectees"]
            cible.terminees = ligne["terminees"]
            cible.conflits = ligne["conflits"]

    notes_finies = _notes_finies(
        affectation__candidature__appel=appel,
        affectation__candidature__statut__in=STATUTS_CLASSEMENT,
    )
    scores: dict[int, list[float]] = {}
    for cand_id, jure_id, score in _scores_par_evaluation(notes_finies):
        scores.setdefault(cand_id, []).append(score)
        if cand_id in lignes:
            lignes[cand_id].notes_jures[jure_id] = arrondi(score)

    moyennes = notes_finies.values("affectation__candidature_id", "critere_id").annotate(
        somme=Sum(Cast("valeur", FloatField())), nombre=Count("pk")
    )
    for ligne in moyennes:
        cible = lignes.get(ligne["affectation__candidature_id"])
        if cible:
            cible.moyennes[ligne["critere_id"]] = arrondi(ligne["somme"] / ligne["nombre"])

    for cand_id, valeurs in scores.items():
        cible = lignes.get(cand_id)
        if not cible:
            continue
        cible.note = arrondi(sum(valeurs) / len(valeurs))
        cible.ecart = arrondi(max(valeurs) - min(valeurs))
        cible.ecart_type = arrondi(statistics.pstdev(valeurs))

    triees = sorted(
        lignes.values(),
        key=lambda ligne: (
            ligne.note is None,
            -(ligne.note or 0),
            ligne.candidature.reference,
        ),
    )
    cumul = Decimal("0")
    for rang, ligne in enumerate(triees, start=1):
        ligne.moyennes_liste = [ligne.moyennes.get(c.pk) for c in criteres]
        ligne.notes_jures_liste = [ligne.notes_jures.get(j.pk) for j in jures]
        ligne.rang = rang if ligne.note is not None else None
        cumul += ligne.candidature.montant_demande or Decimal("0")
        ligne.cumul_demande = cumul
        ligne.depasse_enveloppe = cumul > appel.enveloppe
    accorde = total_accorde(appel)
    return Classement(
        appel=appel,
        criteres=criteres,
        jures=jures,
        lignes=triees,
        total_accorde=accorde,
        reste=appel.enveloppe - accorde,
    )


# --- Decision ----------------------------------------------------------------------------


def decider(
    candidature: Candidature,
    *,
    retenu: bool,
    auteur,
    montant: Decimal | None = None,
    message: str = "",
    motif: str = "",
):
    """Decide on an application under review, in one transaction: « retenu » with
    ``montant`` (≤ the request, ≤ the call's maximum, within what is left of the envelope)
    and an optional message, or « non retenu » with a required ``motif``. The state machine
    records the change and emails the team. Raises ``ValidationError`` (keyed by field) or
    ``TransitionRefusee``."""
    with transaction.atomic():
        appel = AppelAProjets.objects.select_for_update().get(pk=candidature.appel_id)
        courante = Candidature.objects.select_for_update().get(pk=candidature.pk)
        if retenu:
            erreurs = []
            if montant is None:
                erreurs.append("Indiquez le montant accordé.")
            elif montant <= 0:
                erreurs.append("Le montant accordé doit être supérieur à 0 €.")
            else:
                demande = courante.montant_demande or Decimal("0")
                if montant > demande:
                    erreurs.append(
                        f"Le montant accordé ne peut dépasser l'aide demandée ({_euros(demande)})."
                    )
                if montant > appel.montant_max:
                    erreurs.append(
                        f"Le montant accordé ne peut dépasser l'aide maximale de l'appel "
                        f"({_euros(appel.montant_max)})."
                    )
                reste = appel.enveloppe - total_accorde(appel, sauf=courante)
                if montant > reste:
                    erreurs.append(
                        f"L'enveloppe de l'appel serait dépassée : il reste {_euros(reste)} "
                        f"sur {_euros(appel.enveloppe)}."
                    )
            if erreurs:
                raise ValidationError({"montant_accorde": erreurs})
            Candidature.objects.filter(pk=courante.pk).update(montant_accorde=montant)
            transition = transition_appliquer(
                courante, Statut.RETENU, auteur=auteur, role=INSTRUCTION, commentaire=message
            )
        else:
            motif = (motif or "").strip()
            if not motif:
                raise ValidationError({"motif": "Indiquez le motif de la décision."})
            Candidature.objects.filter(pk=courante.pk).update(montant_accorde=None)
            transition = transition_appliquer(
                courante, Statut.NON_RETENU, auteur=auteur, role=INSTRUCTION, commentaire=motif
            )
    candidature.refresh_from_db()
    return transition


def _euros(montant: Decimal) -> str:
    entier = f"{montant:,.2f}".replace(",", "\u202f").replace(".", ",")
    return f"{entier.removesuffix(',00')} €"
