"""The team around an application: invited members, mentors, mentors' comments, messages.

Every function here is one write with its side effects: it checks the rule, changes the rows
in a transaction and writes the emails (``notifications.courriel_jeunesse``) in that same
transaction, so each event is emailed exactly once, after commit. Refusals raise
``EquipeRefusee`` whose ``message`` is French text for the user and ``champ`` the form field
it belongs to (``None``: the whole form).
"""

from datetime import timedelta

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from ..acces import est_membre
from ..models import (
    Candidature,
    CommentaireMentor,
    MembreEquipe,
    Mentor,
    Message,
)
from ..notifications import courriel_jeunesse, destinataires_equipe, url_absolue
from .eligibilite import raisons_ineligibilite
from .messages import message_envoyer

MEMBRES_MAX = 8
"""Invited members at most, besides the leader."""

MENTORS_MAX = 3
RENVOI_DELAI = timedelta(minutes=10)
MESSAGES_PAR_HEURE = 20
MESSAGE_MAX = 4000
COMMENTAIRE_MAX = 4000


class EquipeRefusee(Exception):
    """A refused team action: ``message`` is shown to the user, next to ``champ`` if given."""

    def __init__(self, message: str, champ: str | None = None):
        super().__init__(message)
        self.message = message
        self.champ = champ


class TropDeMessages(EquipeRefusee):
    """More than ``MESSAGES_PAR_HEURE`` messages from one account in an hour."""


def adresse_masquee(adresse: str) -> str:
    """« lea.delmas@exemple.fr » → « l…@exemple.fr »: enough to recognise one's own address."""
    local, _, domaine = adresse.partition("@")
    return f"{local[:1]}…@{domaine}" if domaine else "…"


def nom_complet(utilisateur) -> str:
    return (
        f"{utilisateur.first_name} {utilisateur.last_name}".strip()
        or utilisateur.email.split("@")[0]
    )


def _verrouiller(candidature: Candidature) -> Candidature:
    """Re-read the application under a row lock (counts and states are checked on it)."""
    return (
        Candidature.objects.select_for_update(of=("self",))
        .select_related("appel", "porteur")
        .get(pk=candidature.pk)
    )


def _modifiable_exiger(candidature: Candidature) -> None:
    if not candidature.est_modifiable:
        raise EquipeRefusee(
            "Ce dossier n'est plus modifiable : l'équipe ne peut être changée que sur un "
            "brouillon ou quand des compléments sont demandés."
        )


def _en_equipe_mettre_a_jour(candidature: Candidature) -> None:
    en_equipe = candidature.membres.filter(est_porteur=False).exists()
    if candidature.en_equipe != en_equipe:
        Candidature.objects.filter(pk=candidature.pk).update(en_equipe=en_equipe)
        candidature.en_equipe = en_equipe


def _adresses_equipe(candidature: Candidature) -> set[str]:
    """Every address of the team, pending invitations included (lower case)."""
    adresses = {candidature.porteur.email.lower()}
    adresses.update(e.lower() for e in candidature.membres.values_list("email", flat=True))
    return adresses


# --- Team members ------------------------------------------------------------------------------


def _invitation_membre_ecrire(membre: MembreEquipe, candidature: Candidature, auteur) -> None:
    courriel_jeunesse(
        destinataire=membre.email,
        modele="invitation_membre",
        sujet=f"{nom_complet(auteur)} vous invite dans le projet « {candidature.titre} »",
        contexte={
            "membre": membre,
            "candidature": candidature,
            "appel": candidature.appel,
            "invite_par": nom_complet(auteur),
            "url": url_absolue("jeunesse:invitation", jeton=membre.jeton_invitation),
        },
    )


def membre_inviter(
    *, candidature: Candidature, auteur, prenom: str, nom: str, email: str, role: str
) -> MembreEquipe:
    """Invite a team member (leader only, editable application, at most ``MEMBRES_MAX``).

    Creates the ``MembreEquipe`` (``invite_le`` now), sets ``en_equipe`` and writes the
    ``invitation_membre`` email with the link ``/jeunesse/invitation/<jeton>/``."""
    email = email.strip().lower()
    with transaction.atomic():
        candidature = _verrouiller(candidature)
        if candidature.porteur_id != auteur.pk:
            raise EquipeRefusee(
                "Seul·e le porteur ou la porteuse du projet peut inviter des membres."
            )
        _modifiable_exiger(candidature)
        if email in {candidature.porteur.email.lower(), auteur.email.lower()} or (
            candidature.membres.filter(est_porteur=True, email__iexact=email).exists()
        ):
            raise EquipeRefusee(
                "C'est votre propre adresse : vous faites déjà partie de l'équipe.", "email"
            )
        if candidature.membres.filter(email__iexact=email).exists():
            raise EquipeRefusee("Cette personne est déjà invitée dans l'équipe.", "email")
        if candidature.membres.filter(est_porteur=False).count() >= MEMBRES_MAX:
            raise EquipeRefusee(
                f"L'équipe compte déjà {MEMBRES_MAX} membres en plus de vous : c'est le "
                "maximum. Retirez un membre pour en inviter un autre."
            )
        membre = MembreEquipe.objects.create(
            candidature=candidature,
            prenom=prenom.strip(),
            nom=nom.strip(),
            email=email,
            role=role.strip(),
            invite_le=timezone.now(),
        )
        _en_equipe_mettre_a_jour(candidature)
        _invitation_membre_ecrire(membre, candidature, auteur)
    return membre


def invitation_membre_renvoyer(*, membre: MembreEquipe, auteur) -> MembreEquipe:
    """Send the invitation again (leader, pending invitation, not twice in 10 minutes)."""
    with transaction.atomic():
        candidature = _verrouiller(membre.candidature)
        membre = MembreEquipe.objects.select_for_update().get(pk=membre.pk)
        if candidature.porteur_id != auteur.pk:
            raise EquipeRefusee("Seul·e le porteur ou la porteuse du projet peut relancer.")
        _modifiable_exiger(candidature)
        if membre.accepte_le is not None or membre.est_porteur:
            raise EquipeRefusee(f"{membre} a déjà rejoint l'équipe.")
        maintenant = timezone.now()
        if membre.invite_le and maintenant - membre.invite_le < RENVOI_DELAI:
            prochain = timezone.localtime(membre.invite_le + RENVOI_DELAI)
            raise EquipeRefusee(
                f"L'invitation de {membre} vient d'être envoyée : vous pourrez la renvoyer "
                f"à partir de {prochain:%H:%M}."
            )
        membre.invite_le = maintenant
        membre.save(update_fields=["invite_le"])
        _invitation_membre_ecrire(membre, candidature, auteur)
    return membre


def membre_retirer(*, membre: MembreEquipe, auteur) -> None:
    """Remove a member or a pending invitation (leader, editable application)."""
    with transaction.atomic():
        candidature = _verrouiller(membre.candidature)
        if candidature.porteur_id != auteur.pk:
            raise EquipeRefusee("Seul·e le porteur ou la porteuse du projet peut retirer.")
        if membre.est_porteur:
            raise EquipeRefusee("Le porteur ou la porteuse du projet ne peut pas être retiré.")
        _modifiable_exiger(candidature)
        MembreEquipe.objects.filter(pk=membre.pk).delete()
        _en_equipe_mettre_a_jour(candidature)


def invitation_membre_accepter(
    *,
    membre: MembreEquipe,
    utilisateur,
    date_naissance,
    lien_lot: str,
    role: str,
    consentement_notice: bool = False,
) -> list[str]:
    """The invited person joins: ``utilisateur``, ``accepte_le``, birth date, link, role.

    The account must own the invited address (verified). Returns the eligibility warnings
    of the call for this member (the submission checks them again)."""
    from allauth.account.models import EmailAddress

    with transaction.atomic():
        candidature = _verrouiller(membre.candidature)
        membre = MembreEquipe.objects.select_for_update().get(pk=membre.pk)
        if membre.accepte_le is not None:
            raise EquipeRefusee("Cette invitation a déjà été acceptée.")
        if not EmailAddress.objects.filter(
            user=utilisateur, email__iexact=membre.email, verified=True
        ).exists():
            raise EquipeRefusee(
                f"Cette invitation a été envoyée à {adresse_masquee(membre.email)} : "
                "connectez-vous avec cette adresse."
            )
        _modifiable_exiger(candidature)
        if (
            candidature.porteur_id == utilisateur.pk
            or candidature.membres.filter(utilisateur=utilisateur, accepte_le__isnull=False)
            .exclude(pk=membre.pk)
            .exists()
        ):
            raise EquipeRefusee("Vous faites déjà partie de cette équipe.")
        membre.utilisateur = utilisateur
        membre.accepte_le = timezone.now()
        if consentement_notice and membre.consentement_notice_le is None:
            membre.consentement_notice_le = membre.accepte_le
        membre.date_naissance = date_naissance
        membre.lien_lot = lien_lot
        membre.role = role.strip()
        membre.save(
            update_fields=[
                "utilisateur",
                "accepte_le",
                "date_naissance",
                "lien_lot",
                "role",
                "consentement_notice_le",
            ]
        )
    return raisons_ineligibilite(
        candidature.appel, date_naissance=date_naissance, lien_lot=lien_lot
    )


def membre_informations_modifier(
    *,
    membre: MembreEquipe,
    date_naissance,
    lien_lot: str,
    role: str,
    consentement_notice: bool = False,
) -> list[str]:
    """A joined member corrects their own birth date, link with the Lot and role (and gives
    their own consent, once, if they are under 15)."""
    with transaction.atomic():
        candidature = _verrouiller(membre.candidature)
        _modifiable_exiger(candidature)
        MembreEquipe.objects.filter(pk=membre.pk).update(
            date_naissance=date_naissance, lien_lot=lien_lot, role=role.strip()
        )
        if consentement_notice:
            MembreEquipe.objects.filter(pk=membre.pk, consentement_notice_le=None).update(
                consentement_notice_le=timezone.now()
            )
    return raisons_ineligibilite(
        candidature.appel, date_naissance=date_naissance, lien_lot=lien_lot
    )


def equipe_quitter(*, membre: MembreEquipe) -> None:
    """A joined member leaves the team (editable application); the leader is told."""
    with transaction.atomic():
        candidature = _verrouiller(membre.candidature)
        if membre.est_porteur:
            raise EquipeRefusee(
                "Le porteur ou la porteuse du projet ne peut pas quitter son propre dossier."
            )
        _modifiable_exiger(candidature)
        MembreEquipe.objects.filter(pk=membre.pk).delete()
        _en_equipe_mettre_a_jour(candidature)
        courriel_jeunesse(
            destinataire=candidature.porteur.email,
            modele="membre_depart",
            sujet=f"{membre} a quitté l'équipe du projet « {candidature.titre} »",
            contexte={
                "membre": membre,
                "candidature": candidature,
                "appel": candidature.appel,
                "url": url_absolue("jeunesse:equipe", reference=candidature.reference),
            },
        )


def membres_avec_alertes(candidature: Candidature, membres) -> list[dict]:
    """Each member with the call's eligibility warnings (joined members only): no query."""
    lignes = []
    for membre in membres:
        raisons = []
        if membre.accepte_le is not None and (membre.date_naissance or membre.lien_lot):
            raisons = raisons_ineligibilite(
                candidature.appel,
                date_naissance=membre.date_naissance,
                lien_lot=membre.lien_lot or None,
            )
        lignes.append({"membre": membre, "raisons": raisons})
    return lignes


# --- Mentors -----------------------------------------------------------------------------------


def _invitation_mentor_ecrire(mentor: Mentor, candidature: Candidature, auteur) -> None:
    courriel_jeunesse(
        destinataire=mentor.email,
        modele="invitation_mentor",
        sujet=f"{nom_complet(auteur)} vous demande d'accompagner le projet « {candidature.titre} »",
        contexte={
            "mentor": mentor,
            "candidature": candidature,
            "appel": candidature.appel,
            "invite_par": nom_complet(auteur),
            "url": url_absolue("jeunesse:invitation_mentor", jeton=mentor.jeton_invitation),
        },
    )


def mentor_inviter(
    *, candidature: Candidature, auteur, nom: str, email: str, type_mentor: str, structure: str
) -> Mentor:
    """The team invites a mentor (editable application, at most ``MENTORS_MAX``): a
    ``Mentor`` row and the ``invitation_mentor`` email (``/jeunesse/accompagnement/<jeton>/``)."""
    email = email.strip().lower()
    with transaction.atomic():
        candidature = _verrouiller(candidature)
        if not est_membre(auteur, candidature):
            raise EquipeRefusee("Seule l'équipe du projet peut inviter un accompagnant.")
        _modifiable_exiger(candidature)
        if email in _adresses_equipe(candidature):
            raise EquipeRefusee(
                "Cette adresse est celle d'un membre de l'équipe : un accompagnant ou une "
                "accompagnante est une personne extérieure au projet.",
                "email",
            )
        if candidature.mentors.filter(email__iexact=email).exists():
            raise EquipeRefusee("Cette personne est déjà invitée à accompagner le projet.", "email")
        if candidature.mentors.count() >= MENTORS_MAX:
            raise EquipeRefusee(
                f"Le projet compte déjà {MENTORS_MAX} accompagnant·es : c'est le maximum. "
                "Retirez-en un pour en inviter un autre."
            )
        mentor = Mentor.objects.create(
            candidature=candidature,
            nom=nom.strip(),
            email=email,
            type_mentor=type_mentor,
            structure=structure.strip(),
        )
        _invitation_mentor_ecrire(mentor, candidature, auteur)
    return mentor


def invitation_mentor_renvoyer(*, mentor: Mentor, auteur) -> Mentor:
    """Send a pending mentor invitation again (not twice in 10 minutes)."""
    with transaction.atomic():
        candidature = _verrouiller(mentor.candidature)
        mentor = Mentor.objects.select_for_update().get(pk=mentor.pk)
        _modifiable_exiger(candidature)
        if mentor.accepte_le is not None:
            raise EquipeRefusee(f"{mentor.nom} a déjà accepté l'invitation.")
        maintenant = timezone.now()
        if maintenant - mentor.invite_le < RENVOI_DELAI:
            prochain = timezone.localtime(mentor.invite_le + RENVOI_DELAI)
            raise EquipeRefusee(
                f"L'invitation de {mentor.nom} vient d'être envoyée : vous pourrez la renvoyer "
                f"à partir de {prochain:%H:%M}."
            )
        # ``invite_le`` is auto_now_add: only an update() moves it.
        Mentor.objects.filter(pk=mentor.pk).update(invite_le=maintenant)
        mentor.invite_le = maintenant
        _invitation_mentor_ecrire(mentor, candidature, auteur)
    return mentor


def mentor_revoquer(*, mentor: Mentor) -> None:
    """The team withdraws a mentor's access: the row goes (their comments stay)."""
    Mentor.objects.filter(pk=mentor.pk).delete()


def invitation_mentor_accepter(*, mentor: Mentor, utilisateur) -> Mentor:
    """The invited mentor accepts with an account owning the invited address (verified)."""
    from allauth.account.models import EmailAddress

    with transaction.atomic():
        candidature = _verrouiller(mentor.candidature)
        mentor = Mentor.objects.select_for_update().get(pk=mentor.pk)
        if mentor.accepte_le is not None:
            raise EquipeRefusee("Cette invitation a déjà été acceptée.")
        if not EmailAddress.objects.filter(
            user=utilisateur, email__iexact=mentor.email, verified=True
        ).exists():
            raise EquipeRefusee(
                f"Cette invitation a été envoyée à {adresse_masquee(mentor.email)} : "
                "connectez-vous avec cette adresse."
            )
        if (
            candidature.porteur_id == utilisateur.pk
            or candidature.membres.filter(utilisateur=utilisateur).exists()
        ):
            raise EquipeRefusee(
                "Vous faites partie de l'équipe de ce projet : vous ne pouvez pas en être "
                "l'accompagnant·e."
            )
        mentor.utilisateur = utilisateur
        mentor.accepte_le = timezone.now()
        mentor.save(update_fields=["utilisateur", "accepte_le"])
    return mentor


def commentaire_publier(*, candidature: Candidature, auteur, texte: str) -> CommentaireMentor:
    """An accepted mentor comments the application; the team is emailed (link only)."""
    with transaction.atomic():
        candidature = _verrouiller(candidature)
        mentor = Mentor.objects.filter(
            candidature=candidature, utilisateur=auteur, accepte_le__isnull=False
        ).first()
        if mentor is None:
            raise EquipeRefusee("Seuls les accompagnant·es du projet peuvent le commenter.")
        if not candidature.est_modifiable:
            raise EquipeRefusee(
                "Le dossier est déposé : les commentaires sont fermés jusqu'à une éventuelle "
                "demande de compléments."
            )
        commentaire = CommentaireMentor.objects.create(
            candidature=candidature, auteur=auteur, texte=texte.strip()
        )
        contexte = {
            "mentor": mentor,
            "candidature": candidature,
            "appel": candidature.appel,
            "url": url_absolue("jeunesse:accompagnement", reference=candidature.reference),
        }
        for adresse in destinataires_equipe(candidature):
            courriel_jeunesse(
                destinataire=adresse,
                modele="commentaire_mentor",
                sujet=f"{mentor.nom} a commenté votre projet « {candidature.titre} »",
                contexte=contexte,
            )
    return commentaire


def accompagnements_de(utilisateur):
    """The applications ``utilisateur`` mentors (accepted), with their comment counts."""
    return (
        Mentor.objects.filter(utilisateur=utilisateur, accepte_le__isnull=False)
        .select_related("candidature__appel", "candidature__porteur")
        .annotate(
            nb_commentaires=Count(
                "candidature__commentaires_mentor",
                filter=Q(candidature__commentaires_mentor__auteur=utilisateur),
            )
        )
        .order_by("candidature__appel__cloture", "candidature__titre")
    )


# --- Messages with the instructors -------------------------------------------------------------


def message_equipe_envoyer(*, candidature: Candidature, auteur, texte: str) -> Message:
    """A team member writes to the instructors (submitted applications only), at most
    ``MESSAGES_PAR_HEURE`` messages an hour per account. Emails through ``message_envoyer``."""
    if candidature.est_brouillon:
        raise EquipeRefusee(
            "La messagerie avec l'équipe du Département s'ouvre quand le dossier est déposé."
        )
    depuis = timezone.now() - timedelta(hours=1)
    if (
        Message.objects.filter(auteur=auteur, de_l_instruction=False, cree_le__gte=depuis).count()
        >= MESSAGES_PAR_HEURE
    ):
        raise TropDeMessages(
            f"Vous avez envoyé {MESSAGES_PAR_HEURE} messages en une heure : réessayez plus "
            "tard. Votre texte est conservé ci-dessous."
        )
    return message_envoyer(
        candidature=candidature, auteur=auteur, texte=texte, de_l_instruction=False
    )


def messages_non_lus(candidature: Candidature) -> int:
    """Instructors' messages the team has not opened yet (one query)."""
    return Message.objects.filter(
        candidature=candidature, de_l_instruction=True, lu_le__isnull=True
    ).count()


def encart_equipe(candidature: Candidature, utilisateur) -> dict:
    """What the application overview shows about the team: three queries at most, whatever
    the team size."""
    membres = list(candidature.membres.all())
    if not any(m.est_porteur for m in membres):
        # Older drafts without the leader's row: show the account.
        membres_affiches = [{"nom": nom_complet(candidature.porteur), "role": "Porteur du projet"}]
    else:
        membres_affiches = []
    for membre in membres:
        membres_affiches.append(
            {
                "nom": str(membre),
                "role": membre.role,
                "est_porteur": membre.est_porteur,
                "en_attente": membre.accepte_le is None,
            }
        )
    est_porteur = candidature.porteur_id == utilisateur.pk
    est_equipe = est_porteur or any(
        m.utilisateur_id == utilisateur.pk and m.accepte_le is not None for m in membres
    )
    mentors = candidature.mentors.aggregate(
        acceptes=Count("pk", filter=Q(accepte_le__isnull=False)),
        en_attente=Count("pk", filter=Q(accepte_le__isnull=True)),
    )
    return {
        "membres": membres_affiches,
        "en_attente": sum(1 for m in membres if m.accepte_le is None),
        "est_equipe": est_equipe,
        "est_porteur": est_porteur,
        "mentors": mentors["acceptes"],
        "mentors_en_attente": mentors["en_attente"],
        "non_lus": (
            messages_non_lus(candidature) if est_equipe and not candidature.est_brouillon else 0
        ),
        "messagerie_ouverte": not candidature.est_brouillon,
    }
