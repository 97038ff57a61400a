"""Personal data (RGPD): export, deletion, anonymisation of inactive files.

- ``donnees_exporter``: everything the portal holds about an account (right of access),
  staff notes included (their text and date, never the staff member who wrote them);
- ``compte_supprimer``: a person deletes their account (right to erasure), through the
  personal-data registry (``lot_portal.rgpd``): CV files erased, pending follow-ups and
  outbox emails cancelled, the file anonymised (kept for anonymous statistics), every other
  app's rows erased as registered, the account deleted;
- ``parcours_anonymiser``: scrubs one file of everything that identifies a person;
- ``parcours_inactifs_anonymiser``: the daily retention sweep
  (``settings.ACCUEIL_RETENTION_JOURS`` after the last activity).
"""

import logging
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone

from ..models import (
    BrouillonInscription,
    ChangementStatut,
    CurriculumVitae,
    Message,
    NoteSuivi,
    ParcoursAccueil,
    Relance,
    SejourDecouverte,
)
from ..models.parcours import stockage_prive

logger = logging.getLogger(__name__)

# What replaces a scrubbed free text that cannot be empty (messages, notes).
TEXTE_EFFACE = "[effacé]"
# Campaign-level keys of ``ParcoursAccueil.source`` kept for statistics (no person in them).
CLES_SOURCE_CONSERVEES = ("utm_source", "utm_medium", "utm_campaign", "campagne")


class SuppressionRefusee(Exception):
    """This account cannot be deleted from the newcomer's space (staff accounts)."""


# --- Export ------------------------------------------------------------------------------


def _libelle(instance, champ: str):
    valeur = getattr(instance, champ)
    if valeur in ("", None):
        return valeur
    return getattr(instance, f"get_{champ}_display")()


def _parcours_a_exporter(utilisateur) -> ParcoursAccueil | None:
    """The account's file with every related row, in a fixed number of queries."""
    return (
        ParcoursAccueil.objects.filter(utilisateur=utilisateur)
        .select_related("communaute", "referent__utilisateur", "referent__communaute")
        .prefetch_related(
            "communautes",
            "communes",
            "etapes__modele",
            "messages",
            Prefetch("cvs", queryset=CurriculumVitae.objects.prefetch_related("transmissions")),
            "changements_statut",
            "notes",
            Prefetch("sejours", queryset=SejourDecouverte.objects.select_related("commune")),
            Prefetch("relances", queryset=Relance.objects.select_related("modele")),
            "bilans",
        )
        .first()
    )


def _dossier(parcours: ParcoursAccueil) -> dict:
    referent = parcours.referent
    return {
        "reference": str(parcours.reference),
        "prenom": parcours.prenom,
        "nom": parcours.nom,
        "telephone": parcours.telephone,
        "profil": _libelle(parcours, "profil"),
        "lieu_actuel": parcours.lieu_actuel,
        "connu_par": _libelle(parcours, "connu_par"),
        "adultes": parcours.adultes,
        "enfants": list(parcours.enfants or []),
        "metier_recherche": parcours.metier_recherche,
        "secteur_recherche": parcours.secteur_recherche,
        "projet_entreprise": _libelle(parcours, "projet_entreprise"),
        "teletravail": _libelle(parcours, "teletravail"),
        "conjoint_metier": parcours.conjoint_metier,
        "conjoint_cherche_emploi": parcours.conjoint_cherche_emploi,
        "communautes": [c.nom for c in parcours.communautes.all()],
        "communes": [c.nom for c in parcours.communes.all()],
        "zone_inconnue": parcours.zone_inconnue,
        "date_installation": parcours.date_installation,
        "horizon": _libelle(parcours, "horizon"),
        "logement_temporaire": parcours.logement_temporaire,
        "besoin_logement": _libelle(parcours, "besoin_logement"),
        "consentement_le": parcours.consentement_le,
        "newsletter": parcours.newsletter,
        "consentement_transmission_cv": parcours.consentement_transmission_cv,
        "relances_refusees": parcours.relances_refusees,
        "source": dict(parcours.source or {}),
        "code_campagne": parcours.code_campagne,
        "code_parrainage": parcours.code_parrainage,
        "communaute": parcours.communaute.nom if parcours.communaute_id else "",
        "referent": (
            {
                "nom": referent.utilisateur.get_full_name(),
                "fonction": referent.fonction,
                "secteur": referent.communaute.nom
                if referent.communaute_id
                else "Équipe départementale",
            }
            if referent is not None
            else None
        ),
        "statut": _libelle(parcours, "statut"),
        "statut_modifie_le": parcours.statut_modifie_le,
        "installe_le": parcours.installe_le,
        "prochaine_action": parcours.prochaine_action,
        "prochaine_action_le": parcours.prochaine_action_le,
        "score_maturite": parcours.score_maturite,
        "score_detail": parcours.score_detail,
        "cree_le": parcours.cree_le,
        "derniere_activite_le": parcours.derniere_activite_le,
    }


def donnees_exporter(*, utilisateur) -> dict:
    """Everything the portal holds about ``utilisateur`` (RGPD right of access).

    Values are JSON-friendly once dates are encoded (``DjangoJSONEncoder``); choices are
    given by their French label. Staff notes and internal stay notes are included with
    their date, never with the name of the staff member who wrote them. No side effects.
    """
    from allauth.account.models import EmailAddress

    adresses = EmailAddress.objects.filter(user=utilisateur).order_by("-primary", "email")
    brouillon = BrouillonInscription.objects.filter(utilisateur=utilisateur).first()
    parcours = _parcours_a_exporter(utilisateur)
    export = {
        "genere_le": timezone.now(),
        "compte": {
            "email": utilisateur.email,
            "prenom": utilisateur.first_name,
            "nom": utilisateur.last_name,
            "cree_le": utilisateur.date_joined,
            "derniere_connexion": utilisateur.last_login,
            "adresses_electroniques": [
                {"adresse": a.email, "verifiee": a.verified, "principale": a.primary}
                for a in adresses
            ],
        },
        "inscription_en_cours": (
            {
                "donnees": brouillon.donnees,
                "etape_atteinte": brouillon.etape_atteinte,
                "source": brouillon.source,
                "cree_le": brouillon.cree_le,
                "modifie_le": brouillon.modifie_le,
            }
            if brouillon is not None
            else None
        ),
        "dossier": None,
        "etapes": [],
        "messages": [],
        "cv": [],
        "sejours_decouverte": [],
        "historique_statut": [],
        "notes_de_suivi": [],
        "relances": [],
        "bilans": [],
    }
    if parcours is None:
        return export
    export["dossier"] = _dossier(parcours)
    export["etapes"] = [
        {"titre": e.modele.titre, "statut": e.get_statut_display(), "modifie_le": e.modifie_le}
        for e in parcours.etapes.all()
    ]
    export["messages"] = [
        {
            "envoye_le": m.envoye_le,
            "de": "Vous" if m.de_l_arrivant else "Votre référent accueil",
            "texte": m.texte,
            "lu_le": m.lu_le,
        }
        for m in parcours.messages.all()
    ]
    export["cv"] = [
        {
            "titulaire": cv.get_titulaire_display(),
            "nom_du_fichier": cv.nom_original,
            "taille_octets": cv.taille,
            "depose_le": cv.depose_le,
            "transmissions": [
                {
                    "employeur": t.destinataire,
                    "adresse_employeur": t.destinataire_email,
                    "message": t.message,
                    "transmis_le": t.transmis_le,
                }
                for t in cv.transmissions.all()
            ],
        }
        for cv in parcours.cvs.all()
    ]
    export["sejours_decouverte"] = [
        {
            "statut": s.get_statut_display(),
            "periode_souhaitee": s.periode_souhaitee,
            "nombre_personnes": s.nombre_personnes,
            "souhaits": s.souhaits,
            "commune": s.commune.nom if s.commune_id else "",
            "du": s.date_debut,
            "au": s.date_fin,
            "programme": s.programme,
            "hebergement": s.hebergement,
            "message_equipe": s.message_equipe,
            "notes_internes": s.notes_internes,
            "demande_le": s.cree_le,
        }
        for s in parcours.sejours.all()
    ]
    export["historique_statut"] = [
        {
            "le": c.le,
            "ancien": c.get_ancien_display() if c.ancien else "",
            "nouveau": c.get_nouveau_display(),
            "commentaire": c.commentaire,
        }
        for c in parcours.changements_statut.all()
    ]
    export["notes_de_suivi"] = [
        {"ecrite_le": n.cree_le, "texte": n.texte} for n in parcours.notes.all()
    ]
    export["relances"] = [
        {
            "nom": r.modele.nom,
            "prevue_le": r.due_le,
            "statut": r.get_statut_display(),
            "traitee_le": r.traitee_le,
        }
        for r in parcours.relances.all()
    ]
    export["bilans"] = [
        {
            "propose_le": b.cree_le,
            "repondu_le": b.repondu_le,
            "satisfaction": b.satisfaction,
            "isolement": _libelle(b, "isolement"),
            "emploi_conjoint": _libelle(b, "emploi_conjoint"),
            "logement": _libelle(b, "logement"),
            "envisage_partir": _libelle(b, "envisage_partir"),
            "commentaire": b.commentaire,
            "alerte": b.alerte,
        }
        for b in parcours.bilans.all()
    ]
    return export


# --- Anonymisation -----------------------------------------------------------------------


def _fichiers_effacer(noms: list[str]) -> None:
    stockage = stockage_prive()
    for nom in noms:
        try:
            stockage.delete(nom)
        except OSError:  # already gone, or the disk refuses: log, never fail the caller
            logger.warning("CV %s : suppression du fichier impossible.", nom)


def _cv_supprimer(parcours: ParcoursAccueil) -> int:
    """Delete the file's CVs (their forwardings go with them); files go after commit."""
    cvs = list(CurriculumVitae.objects.filter(parcours=parcours))
    noms = [cv.fichier.name for cv in cvs if cv.fichier]
    CurriculumVitae.objects.filter(pk__in=[cv.pk for cv in cvs]).delete()
    if noms:
        transaction.on_commit(partial(_fichiers_effacer, noms), robust=True)
    return len(cvs)


def _relances_annuler(parcours: ParcoursAccueil, motif: str) -> None:
    from .relances import relances_annuler

    relances_annuler(parcours=parcours, motif=motif)


def parcours_anonymiser(*, parcours: ParcoursAccueil, motif: str = "Dossier anonymisé") -> None:
    """Scrub a file of everything that identifies a person; keep anonymous statistics.

    Kept: profile, areas and communes wished, household size, project choices, status
    and its dated history, steps, dates, maturity score, check-in answers (for the
    steering figures). Erased: names, phone, where they live, free texts (jobs, messages,
    notes, status comments, stay requests, check-in comments, the score's explanations),
    children's details, referral code and click identifiers; CVs (files deleted after
    commit) and their forwardings. Side effects: pending follow-ups cancelled; the file
    is unlinked from the account and its registration draft deleted; ``anonymise_le``
    set. Idempotent.
    """
    with transaction.atomic():
        parcours = ParcoursAccueil.objects.select_for_update().get(pk=parcours.pk)
        if parcours.anonymise_le is not None:
            return
        _relances_annuler(parcours, motif)
        _cv_supprimer(parcours)
        if parcours.utilisateur_id:
            BrouillonInscription.objects.filter(utilisateur_id=parcours.utilisateur_id).delete()
        Message.objects.filter(parcours=parcours).update(texte=TEXTE_EFFACE, auteur=None)
        NoteSuivi.objects.filter(parcours=parcours).update(texte=TEXTE_EFFACE)
        ChangementStatut.objects.filter(parcours=parcours).update(commentaire="")
        SejourDecouverte.objects.filter(parcours=parcours).update(
            periode_souhaitee="",
            souhaits="",
            programme="",
            hebergement="",
            message_equipe="",
            notes_internes="",
        )
        parcours.bilans.update(commentaire="")
        source = parcours.source or {}
        parcours.utilisateur = None
        parcours.prenom = "Anonyme"
        parcours.nom = ""
        parcours.telephone = ""
        parcours.lieu_actuel = ""
        parcours.enfants = [{} for _ in parcours.enfants or []]
        parcours.metier_recherche = ""
        parcours.secteur_recherche = ""
        parcours.conjoint_metier = ""
        parcours.source = {cle: source[cle] for cle in CLES_SOURCE_CONSERVEES if cle in source}
        parcours.code_parrainage = ""
        # The score's explanations quote the file (« Métier recherché : … »): keep the rules
        # met and their points, not the words.
        parcours.score_detail = [
            {cle: valeur for cle, valeur in regle.items() if cle != "explication"}
            for regle in parcours.score_detail or []
            if isinstance(regle, dict)
        ]
        parcours.prochaine_action = ""
        parcours.prochaine_action_le = None
        parcours.rappel_envoye_le = None
        parcours.newsletter = False
        parcours.consentement_transmission_cv = False
        parcours.relances_refusees = True
        parcours.anonymise_le = timezone.now()
        parcours.save()


def parcours_inactifs_anonymiser(*, maintenant=None) -> int:
    """Anonymise every file without activity for ``ACCUEIL_RETENTION_JOURS`` days.

    Run daily by ``parcours_inactifs_anonymiser_task``. Each file is anonymised in its
    own transaction (one failure does not stop the sweep); registration drafts untouched
    for as long are deleted. Returns how many files were anonymised.
    """
    maintenant = maintenant or timezone.now()
    limite = maintenant - timedelta(days=settings.ACCUEIL_RETENTION_JOURS)
    # Registrations abandoned as long ago hold personal data too: they go.
    BrouillonInscription.objects.filter(modifie_le__lt=limite).delete()
    ids = list(
        ParcoursAccueil.objects.filter(
            anonymise_le__isnull=True, derniere_activite_le__lt=limite
        ).values_list("pk", flat=True)
    )
    nombre = 0
    for pk in ids:
        try:
            parcours_anonymiser(
                parcours=ParcoursAccueil(pk=pk),
                motif="Dossier anonymisé : sans activité depuis la durée de conservation",
            )
        except Exception:
            logger.exception("Parcours %s : anonymisation impossible.", pk)
            continue
        nombre += 1
    return nombre


# --- Account deletion --------------------------------------------------------------------


def compte_supprimer(*, utilisateur) -> None:
    """Delete an account and erase or anonymise everything linked to it, whoever it is
    (newcomer, ambassador, young applicant, partner, event registrant).

    Driven by the personal-data registry (``lot_portal.rgpd.services.personne_effacer``):
    the welcome file is anonymised (``parcours_anonymiser``: CV files deleted after
    commit, pending follow-ups cancelled), the youth applications anonymised or deleted,
    the outbox emails to the account's addresses cancelled or deleted, every registered
    row deleted or scrubbed, revisions, logs and search index cleaned, then the account
    deleted. Raises ``SuppressionRefusee`` for staff accounts (an administrator removes
    those). The caller logs the person out.
    """
    from lot_portal.rgpd.services import personne_effacer

    if utilisateur.is_staff or utilisateur.is_superuser:
        raise SuppressionRefusee(
            "Les comptes de l'équipe sont supprimés par un administrateur du portail."
        )
    personne_effacer(utilisateur=utilisateur)
