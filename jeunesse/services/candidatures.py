"""Writing and submitting an application (applicant side).

- ``brouillon_creer``: one draft per person and call, the leader as first team member;
- ``SECTIONS`` / ``sections_de``: the parts of the form, the parental authorisation only when
  a member is a minor at the closing date;
- ``blocages_depot``: every reason the application cannot be submitted yet, as
  ``(champ, message)`` where ``champ`` is a key of ``services.champs`` (``question:<id>``,
  ``document:<id>``…), so the checklist links each reason to its section;
- ``candidature_deposer``: the checks, then the state machine, in one transaction.
"""

from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from ..models import (
    Candidature,
    DemandeComplement,
    MembreEquipe,
    PointComplement,
)
from ..models.choix import ModeAutorisation, NatureBudget, NaturePiece, Statut, TypeQuestion
from .eligibilite import (
    AGE_CONSENTEMENT_SEUL,
    consentement_conjoint_requis,
    est_mineur,
    raisons_ineligibilite,
)
from .etats import CANDIDAT, TransitionRefusee, transition_appliquer

TITRE_PROVISOIRE = "Mon projet"

# The sections of the form, in order: (key used in the URL, title).
SECTIONS: list[tuple[str, str]] = [
    ("projet", "Le projet"),
    ("moi", "Vos informations"),
    ("budget", "Le budget"),
    ("questions", "Les questions de l'appel"),
    ("pieces", "Les pièces jointes"),
    ("autorisation", "L'autorisation parentale"),
]
TITRES_SECTIONS = dict(SECTIONS)

CHAMPS_PROJET = ("titre", "type_projet", "commune", "resume", "objectifs", "calendrier")


class DepotRefuse(Exception):
    """The application cannot be submitted; ``str(e)`` is a French message."""


def montant_fr(montant: Decimal | None) -> str:
    """« 3 500,00 € »."""
    montant = Decimal(montant or 0).quantize(Decimal("0.01"))
    entier, decimales = f"{abs(montant):.2f}".split(".")
    groupes = []
    while entier:
        groupes.insert(0, entier[-3:])
        entier = entier[:-3]
    signe = "-" if montant < 0 else ""
    return f"{signe}{' '.join(groupes)},{decimales} €"


def heure_fr(moment=None) -> str:
    """« 14 h 32 » in Europe/Paris."""
    return timezone.localtime(moment or timezone.now()).strftime("%H h %M")


def section_du_champ(champ: str) -> str:
    """The section where the field ``champ`` (a ``services.champs`` key) is edited."""
    if champ in CHAMPS_PROJET:
        return "projet"
    if champ in ("budget", "montant_demande"):
        return "budget"
    if champ == "autorisation":
        return "autorisation"
    if champ.startswith("question:"):
        return "questions"
    if champ.startswith("document:") or champ == "pieces":
        return "pieces"
    return "moi"


def membres_de(candidature) -> list[MembreEquipe]:
    if hasattr(candidature, "_prefetched_objects_cache") and (
        "membres" in candidature._prefetched_objects_cache
    ):
        return list(candidature.membres.all())
    return list(MembreEquipe.objects.filter(candidature=candidature))


def autorisation_requise(candidature, membres=None) -> bool:
    """A member who joined (or the leader) is under 18 on the call's closing date."""
    membres = membres if membres is not None else membres_de(candidature)
    return any(
        est_mineur(m.date_naissance, candidature.appel)
        for m in membres
        if m.est_porteur or m.accepte_le is not None
    )


def sections_de(candidature, membres=None) -> list[tuple[str, str]]:
    if autorisation_requise(candidature, membres):
        return list(SECTIONS)
    return [s for s in SECTIONS if s[0] != "autorisation"]


def section_suivante(candidature, section: str) -> str | None:
    cles = [cle for cle, _ in sections_de(candidature)]
    if section not in cles:
        return None
    position = cles.index(section)
    return cles[position + 1] if position + 1 < len(cles) else None


def candidature_existante(appel, utilisateur) -> Candidature | None:
    return (
        Candidature.objects.filter(appel=appel)
        .du_participant(utilisateur)
        .order_by("cree_le")
        .first()
    )


def brouillon_creer(appel, utilisateur) -> tuple[Candidature, bool]:
    """This person's application to ``appel`` (created as a draft when none): (candidature,
    created). The account row is locked so that two clicks never create two drafts."""
    with transaction.atomic():
        get_user_model().objects.select_for_update().filter(pk=utilisateur.pk).first()
        existante = candidature_existante(appel, utilisateur)
        if existante is not None:
            return existante, False
        candidature = Candidature.objects.create(
            appel=appel, porteur=utilisateur, titre=TITRE_PROVISOIRE
        )
        MembreEquipe.objects.create(
            candidature=candidature,
            utilisateur=utilisateur,
            est_porteur=True,
            prenom=utilisateur.first_name or "",
            nom=utilisateur.last_name or "",
            email=utilisateur.email,
            role="Porteur ou porteuse du projet",
            accepte_le=timezone.now(),
        )
    return candidature, True


def demande_ouverte(candidature) -> DemandeComplement | None:
    """The request for a complement the team has not answered yet (the latest)."""
    if candidature.statut != Statut.COMPLEMENT_DEMANDE:
        return None
    return (
        DemandeComplement.objects.filter(candidature=candidature, repondue_le__isnull=True)
        .order_by("-cree_le", "-id")
        .first()
    )


def points_par_champ(demande) -> dict[str, list[PointComplement]]:
    points: dict[str, list[PointComplement]] = {}
    if demande is None:
        return points
    for point in demande.points.all():
        points.setdefault(point.champ, []).append(point)
    return points


def _nom(membre) -> str:
    return str(membre) or membre.email


def blocages_depot(candidature) -> list[tuple[str, str]]:
    """Why ``candidature`` cannot be submitted yet, as (field key, French message).

    Runs a fixed number of queries whatever the size of the application."""
    appel = candidature.appel
    blocages: list[tuple[str, str]] = []

    # The project
    if not candidature.titre.strip():
        blocages.append(("titre", "Donnez un titre à votre projet."))
    elif candidature.titre.strip() == TITRE_PROVISOIRE:
        blocages.append(
            ("titre", f"Remplacez le titre provisoire « {TITRE_PROVISOIRE} » par celui du projet.")
        )
    types = appel.types_projet_liste
    if types:
        if not candidature.type_projet:
            blocages.append(("type_projet", "Choisissez le type de votre projet."))
        else:
            for raison in raisons_ineligibilite(
                appel, date_naissance=None, lien_lot=None, type_projet=candidature.type_projet
            ):
                if "type de projet" in raison:
                    blocages.append(("type_projet", raison))
    if not candidature.resume.strip():
        blocages.append(("resume", "Résumez votre projet."))
    if not candidature.objectifs.strip():
        blocages.append(("objectifs", "Décrivez les objectifs de votre projet."))
    if not candidature.calendrier.strip():
        blocages.append(("calendrier", "Indiquez le calendrier de votre projet."))

    # The team: every member who joined meets the rules on the closing date.
    membres = list(MembreEquipe.objects.filter(candidature=candidature))
    for membre in membres:
        if not membre.est_porteur and membre.accepte_le is None:
            blocages.append(
                (
                    "equipe",
                    f"L'invitation de {_nom(membre)} est en attente : elle ou il doit la "
                    "accepter, ou retirez-la de l'équipe.",
                )
            )
            continue
        manque = []
        if not membre.prenom.strip() or not membre.nom.strip():
            manque.append("le prénom et le nom")
        if membre.date_naissance is None:
            manque.append("la date de naissance")
        if not membre.lien_lot:
            manque.append("le lien avec le Lot")
        if manque:
            blocages.append(
                (
                    "equipe",
                    f"{_nom(membre).strip() or membre.email} : indiquez " + ", ".join(manque) + ".",
                )
            )
            continue
        for raison in raisons_ineligibilite(
            appel, date_naissance=membre.date_naissance, lien_lot=membre.lien_lot
        ):
            blocages.append(("equipe", f"{_nom(membre)} : {raison}"))
        if (
            consentement_conjoint_requis(membre.date_naissance, appel)
            and membre.consentement_notice_le is None
        ):
            blocages.append(
                (
                    "consentement_notice" if membre.est_porteur else "equipe",
                    f"{_nom(membre)} a moins de {AGE_CONSENTEMENT_SEUL} ans à la date de "
                    "clôture : elle ou il doit lire la notice « Tes données, expliquées "
                    "simplement » et cocher « J'ai lu la notice et j'accepte… » dans ses "
                    "informations (un parent donne aussi son accord).",
                )
            )

    # The budget
    lignes = list(candidature.lignes_budget.all())
    depenses = sum((lg.montant for lg in lignes if lg.nature == NatureBudget.DEPENSE), Decimal(0))
    ressources = sum(
        (lg.montant for lg in lignes if lg.nature == NatureBudget.RESSOURCE), Decimal(0)
    )
    if not any(lg.nature == NatureBudget.DEPENSE for lg in lignes):
        blocages.append(("budget", "Ajoutez au moins une dépense à votre budget."))
    demande = candidature.montant_demande
    if demande is None or demande <= 0:
        blocages.append(("montant_demande", "Indiquez l'aide demandée (plus de 0 €)."))
    elif demande > appel.montant_max:
        blocages.append(
            (
                "montant_demande",
                f"L'aide demandée ({montant_fr(demande)}) dépasse le maximum de l'appel "
                f"({montant_fr(appel.montant_max)}).",
            )
        )
    ecart = depenses - ressources - (demande or Decimal(0))
    if depenses > 0 and ecart > 0:
        blocages.append(
            (
                "budget",
                f"Votre budget n'est pas équilibré : il manque {montant_fr(ecart)} de ressources.",
            )
        )
    elif depenses > 0 and ecart < 0:
        blocages.append(
            (
                "budget",
                f"Votre budget n'est pas équilibré : les ressources dépassent les dépenses de "
                f"{montant_fr(-ecart)}.",
            )
        )

    # Parental authorisation
    if autorisation_requise(candidature, membres):
        pieces_autorisation = candidature.pieces.filter(nature=NaturePiece.AUTORISATION)
        if appel.autorisation_parentale == ModeAutorisation.FICHIER:
            if not pieces_autorisation.exists():
                blocages.append(
                    (
                        "autorisation",
                        "Un membre de l'équipe est mineur à la date de clôture : joignez "
                        "l'autorisation parentale signée.",
                    )
                )
        elif not (
            candidature.autorisation_declaree_le
            and candidature.autorisation_nom_parent
            and candidature.autorisation_email_parent
        ):
            blocages.append(
                (
                    "autorisation",
                    "Un membre de l'équipe est mineur à la date de clôture : un parent doit "
                    "donner son consentement (nom, adresse et case cochée).",
                )
            )

    # The call's questions and documents
    reponses = {r.question_id: r for r in candidature.reponses.all()}
    for question in appel.questions.all():
        if not question.obligatoire:
            continue
        reponse = reponses.get(question.pk)
        if question.type_question == TypeQuestion.FICHIER:
            repondu = reponse is not None and reponse.piece_id is not None
        else:
            repondu = reponse is not None and bool(reponse.valeur.strip())
        if not repondu:
            blocages.append(
                (f"question:{question.pk}", f"Répondez à la question « {question.libelle} ».")
            )
    documents_joints = set(
        candidature.pieces.filter(nature=NaturePiece.DOCUMENT).values_list("document_id", flat=True)
    )
    for document in appel.documents.all():
        if document.obligatoire and document.pk not in documents_joints:
            blocages.append(
                (f"document:{document.pk}", f"Joignez le document « {document.libelle} ».")
            )
    return blocages


def completude(candidature, blocages=None) -> list[dict]:
    """Per section: its title, whether something still blocks the submission there, and the
    messages."""
    blocages = blocages if blocages is not None else blocages_depot(candidature)
    par_section: dict[str, list[str]] = {}
    for champ, message in blocages:
        par_section.setdefault(section_du_champ(champ), []).append(message)
    return [
        {"cle": cle, "titre": titre, "messages": par_section.get(cle, [])}
        for cle, titre in sections_de(candidature)
    ]


def candidature_deposer(candidature, utilisateur) -> None:
    """Submit (or submit again after a complement). Raises ``DepotRefuse`` with the first
    reasons, or ``TransitionRefusee`` (closed call, wrong state)."""
    if candidature.porteur_id != utilisateur.pk:
        raise DepotRefuse("Seul·e le porteur ou la porteuse du projet peut déposer le dossier.")
    with transaction.atomic():
        courante = (
            Candidature.objects.select_for_update().select_related("appel").get(pk=candidature.pk)
        )
        if not courante.est_modifiable:
            raise TransitionRefusee("Ce dossier est déjà déposé.")
        blocages = blocages_depot(courante)
        if blocages:
            raise DepotRefuse(
                "Votre dossier ne peut pas encore être déposé : "
                + blocages[0][1]
                + (f" (et {len(blocages) - 1} autre(s) point(s))" if len(blocages) > 1 else "")
            )
        renvoi = courante.statut == Statut.COMPLEMENT_DEMANDE
        transition_appliquer(courante, Statut.DEPOSE, auteur=utilisateur, role=CANDIDAT)
        if renvoi:
            DemandeComplement.objects.filter(candidature=courante, repondue_le__isnull=True).update(
                repondue_le=timezone.now()
            )
    for champ in ("statut", "depose_le", "modifie_le"):
        setattr(candidature, champ, getattr(courante, champ))
