"""Hospitality offers of an ambassador household (meal, day, weekend)."""

from django.db import models, transaction
from django.utils import timezone

from ..models import (
    MessageQuestion,
    MiseEnRelationHospitalite,
    OffreHospitalite,
    Question,
    StatutAmbassadeur,
    StatutMiseEnRelation,
)
from ..notifications import courriel_ambassadeurs, url_absolue


def offre_enregistrer(*, ambassadeur, donnees: dict, offre: OffreHospitalite | None = None):
    """Create an offer, or update one of the ambassador's own offers; returns it."""
    if offre is None:
        offre = OffreHospitalite(ambassadeur=ambassadeur)
    elif offre.ambassadeur_id != ambassadeur.pk:
        raise PermissionError("offre d'un autre ambassadeur")
    for champ, valeur in donnees.items():
        setattr(offre, champ, valeur)
    offre.save()
    return offre


def offre_activer(*, ambassadeur, offre: OffreHospitalite, active: bool) -> None:
    """Deactivate (or reactivate) one of the ambassador's own offers."""
    if offre.ambassadeur_id != ambassadeur.pk:
        raise PermissionError("offre d'un autre ambassadeur")
    offre.active = active
    offre.save(update_fields=["active", "modifie_le"])


# --- Matching offers with discovery-stay requests (staff) --------------------------------------
#
# The stay is ``accueil.SejourDecouverte``, reached through ``MiseEnRelationHospitalite.sejour``
# (``ambassadeurs`` never imports ``accueil``). Emails name people by first name only: the
# ambassador learns the newcomer's first name, party size, period and wishes; the newcomer
# the ambassador's first name, the offer and its commune. Neither gets the other's address:
# once the ambassador accepts, a conversation of the portal's question messaging opens
# between them.

STATUTS_SEJOUR_OUVERTS = ("demande", "accepte", "planifie")


class MiseEnRelationImpossible(Exception):
    """The offer or the stay can't be matched (inactive offer, paused ambassador, closed
    stay, already proposed) or the match was already answered."""


def modele_sejour():
    return MiseEnRelationHospitalite._meta.get_field("sejour").related_model


def offres_proposables():
    """Active offers of accepted, available (not paused) ambassadors."""
    return OffreHospitalite.objects.filter(
        active=True,
        ambassadeur__statut=StatutAmbassadeur.ACCEPTE,
        ambassadeur__disponible=True,
    )


def offres_suggerees(*, sejour, nombre: int = 10) -> list[OffreHospitalite]:
    """Offers to suggest for a stay, best first: same communauté de communes as the stay's
    commune (or the newcomer's area), then enough room for the party, then the most recently
    updated. Offers already proposed for this stay are left out. Two queries."""
    communaute_id = None
    if sejour.commune_id:
        communaute_id = sejour.commune.communaute_id
    if communaute_id is None:
        communaute_id = sejour.parcours.communaute_id
    deja = MiseEnRelationHospitalite.objects.filter(sejour=sejour).values("offre_id")
    offres = list(
        offres_proposables()
        .exclude(pk__in=deja)
        .select_related("ambassadeur", "commune__communaute")
        .order_by("-modifie_le", "-pk")[:200]
    )

    def rang(offre):
        return (
            0 if communaute_id and offre.commune.communaute_id == communaute_id else 1,
            0 if offre.capacite >= sejour.nombre_personnes else 1,
        )

    offres.sort(key=rang)  # stable: keeps the recency order within each rank
    for offre in offres:
        offre.meme_secteur = bool(communaute_id) and offre.commune.communaute_id == communaute_id
        offre.assez_de_place = offre.capacite >= sejour.nombre_personnes
    return offres[:nombre]


def _contexte(mise) -> dict:
    sejour, offre = mise.sejour, mise.offre
    return {
        "mise": mise,
        "offre": offre,
        "sejour": sejour,
        "prenom_arrivant": sejour.parcours.prenom,
        "prenom_ambassadeur": offre.ambassadeur.prenom,
        "url_espace_hospitalite": url_absolue("ambassadeurs:hospitalite"),
    }


def _courriel_arrivant(mise, *, modele: str, sujet: str, contexte: dict):
    utilisateur = mise.sejour.parcours.utilisateur
    if utilisateur is None or not utilisateur.email or not utilisateur.is_active:
        return None
    return courriel_ambassadeurs(
        destinataire=utilisateur.email, modele=modele, sujet=sujet, contexte=contexte
    )


def _courriel_equipe(mise, *, modele: str, sujet: str, contexte: dict):
    if mise.cree_par is None or not mise.cree_par.email or not mise.cree_par.is_active:
        return None
    return courriel_ambassadeurs(
        destinataire=mise.cree_par.email, modele=modele, sujet=sujet, contexte=contexte
    )


def mise_en_relation_proposer(*, offre, sejour, par, message: str = ""):
    """Propose ``offre`` for ``sejour`` and email the ambassador (accept or decline in their
    space) and the newcomer (a host is being asked).

    Raises ``MiseEnRelationImpossible`` for an inactive offer, a paused or not accepted
    ambassador, a stay that is done, refused or cancelled, or an offer already proposed for
    this stay. Side effects: one ``MiseEnRelationHospitalite``, two outbox emails.
    """
    Sejour = modele_sejour()
    with transaction.atomic():
        offre = (
            OffreHospitalite.objects.select_for_update(of=("self",))
            .select_related("ambassadeur__utilisateur", "commune")
            .get(pk=offre.pk)
        )
        sejour = Sejour.objects.select_related("parcours__utilisateur", "commune").get(pk=sejour.pk)
        if not offres_proposables().filter(pk=offre.pk).exists():
            raise MiseEnRelationImpossible(
                "Cette offre n'est plus proposée (offre désactivée ou ambassadeur en pause)."
            )
        if sejour.statut not in STATUTS_SEJOUR_OUVERTS:
            raise MiseEnRelationImpossible(
                f"Ce séjour est « {sejour.get_statut_display().lower()} » : il ne peut plus "
                "être mis en relation."
            )
        if MiseEnRelationHospitalite.objects.filter(offre=offre, sejour=sejour).exists():
            raise MiseEnRelationImpossible("Cette offre est déjà proposée pour ce séjour.")
        mise = MiseEnRelationHospitalite.objects.create(
            offre=offre, sejour=sejour, cree_par=par, message_equipe=message.strip()
        )
        contexte = _contexte(mise)
        courriel_ambassadeurs(
            destinataire=offre.ambassadeur.utilisateur.email,
            modele="hospitalite_proposee_ambassadeur",
            sujet="Une famille aimerait découvrir le Lot avec vous",
            contexte=contexte,
        )
        _courriel_arrivant(
            mise,
            modele="hospitalite_proposee_arrivant",
            sujet="Votre séjour découverte : un ambassadeur du Lot sollicité",
            contexte=contexte,
        )
    return mise


def _conversation_ouvrir(mise):
    """The conversation between the newcomer and the ambassador, opened by a first message
    of the ambassador (no address is exchanged)."""
    arrivant = mise.sejour.parcours.utilisateur
    if arrivant is None:
        return None
    ambassadeur = mise.offre.ambassadeur
    question = Question.objects.create(
        demandeur=arrivant,
        ambassadeur=ambassadeur,
        sujet=f"Visite découverte : {mise.offre.get_type_display().lower()} à "
        f"{mise.offre.commune.nom}"[:150],
    )
    texte = (
        f"Bonjour {mise.sejour.parcours.prenom}, je serai ravi·e de vous accueillir "
        f"({mise.offre.get_type_display().lower()} à {mise.offre.commune.nom}). "
        "Écrivez-moi ici pour convenir de la date et des détails."
    )
    if mise.reponse_ambassadeur:
        texte += f"\n\n{mise.reponse_ambassadeur}"
    MessageQuestion.objects.create(question=question, auteur=ambassadeur.utilisateur, texte=texte)
    return question


def mise_en_relation_repondre(*, mise, ambassadeur, accepter: bool, message: str = ""):
    """The ambassador accepts or declines a proposed match. Accepting opens a conversation
    with the newcomer. Emails the newcomer and the staff member who proposed it.

    Raises ``PermissionError`` for someone else's match, ``MiseEnRelationImpossible`` when it
    was already answered."""
    with transaction.atomic():
        mise = (
            MiseEnRelationHospitalite.objects.select_for_update(of=("self",))
            .select_related(
                "offre__ambassadeur__utilisateur",
                "offre__commune",
                "sejour__parcours__utilisateur",
                "cree_par",
            )
            .get(pk=mise.pk)
        )
        if mise.offre.ambassadeur_id != ambassadeur.pk:
            raise PermissionError("mise en relation d'un autre ambassadeur")
        if mise.statut != StatutMiseEnRelation.PROPOSEE:
            raise MiseEnRelationImpossible("Vous avez déjà répondu à cette proposition.")
        mise.statut = StatutMiseEnRelation.ACCEPTEE if accepter else StatutMiseEnRelation.DECLINEE
        mise.reponse_ambassadeur = message.strip()
        mise.repondu_le = timezone.now()
        if accepter:
            mise.conversation = _conversation_ouvrir(mise)
        mise.save()
        contexte = _contexte(mise)
        if mise.conversation_id:
            contexte["url_conversation"] = url_absolue(
                "ambassadeurs:question", mise.conversation_id
            )
        contexte["url_admin"] = url_absolue("ambassadeurs_mises_en_relation:inspect", mise.pk)
        suffixe = "acceptee" if accepter else "declinee"
        _courriel_arrivant(
            mise,
            modele=f"hospitalite_{suffixe}_arrivant",
            sujet=(
                f"{mise.offre.ambassadeur.prenom} vous accueillera pendant votre séjour découverte"
                if accepter
                else "Votre séjour découverte : nous cherchons un autre hôte"
            ),
            contexte=contexte,
        )
        _courriel_equipe(
            mise,
            modele=f"hospitalite_{suffixe}_equipe",
            sujet=(
                f"Hospitalité : {mise.offre.ambassadeur} accepte"
                if accepter
                else f"Hospitalité : {mise.offre.ambassadeur} décline"
            ),
            contexte=contexte,
        )
    return mise


def mise_en_relation_realisee(*, mise, par=None):
    """Staff record that an accepted visit took place."""
    with transaction.atomic():
        mise = MiseEnRelationHospitalite.objects.select_for_update().get(pk=mise.pk)
        if mise.statut != StatutMiseEnRelation.ACCEPTEE:
            raise MiseEnRelationImpossible("Seule une visite acceptée peut être marquée réalisée.")
        mise.statut = StatutMiseEnRelation.REALISEE
        mise.save(update_fields=["statut", "modifie_le"])
    return mise


def mises_en_relation_de(*, ambassadeur):
    """The ambassador's matches, pending first (one query)."""
    return (
        MiseEnRelationHospitalite.objects.filter(offre__ambassadeur=ambassadeur)
        .select_related("offre__commune", "sejour__parcours", "conversation")
        .order_by(
            models.Case(models.When(statut=StatutMiseEnRelation.PROPOSEE, then=0), default=1),
            "-cree_le",
            "-pk",
        )
    )
