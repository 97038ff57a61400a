"""Applications: submitting one, and the staff decision (accept or decline)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from wagtail.images import get_image_model

from ..models import Ambassadeur, StatutAmbassadeur
from ..notifications import courriel_ambassadeurs, url_absolue

PERMISSION_DECIDER = "ambassadeurs.change_ambassadeur"


class CandidatureExistante(Exception):
    """The account has already applied."""


def adresses_equipe() -> list[str]:
    """Active staff accounts allowed to decide on applications."""
    permission = Permission.objects.filter(
        content_type__app_label="ambassadeurs", codename="change_ambassadeur"
    ).first()
    filtre = Q(is_superuser=True)
    if permission is not None:
        filtre |= Q(user_permissions=permission) | Q(groups__permissions=permission)
    comptes = get_user_model().objects.filter(filtre, is_active=True, is_staff=True)
    return sorted({c.email for c in comptes if c.email})


def photo_enregistrer(*, fichier, titre: str, utilisateur):
    """A Wagtail image from an already cleaned upload (``ContentFile``)."""
    Image = get_image_model()
    image = Image(title=titre[:255], file=fichier, uploaded_by_user=utilisateur)
    image.save()
    return image


def url_admin_candidature(ambassadeur: Ambassadeur) -> str:
    from django.conf import settings

    return settings.SITE_URL + reverse("ambassadeurs_admin:inspect", args=[ambassadeur.pk])


@transaction.atomic
def candidature_deposer(*, utilisateur, donnees: dict, photo=None) -> Ambassadeur:
    """Create the account's application (once) and tell the staff.

    ``donnees``: the model fields of the form; ``photo``: a cleaned ``ContentFile`` or None.
    Raises ``CandidatureExistante`` when the account already has one.
    Side effects: one ``Ambassadeur``, maybe one image, one email per staff decider.
    """
    if Ambassadeur.objects.select_for_update().filter(utilisateur=utilisateur).exists():
        raise CandidatureExistante
    ambassadeur = Ambassadeur(
        utilisateur=utilisateur,
        statut=StatutAmbassadeur.CANDIDATURE,
        charte_acceptee_le=timezone.now(),
        **donnees,
    )
    if photo is not None:
        ambassadeur.photo = photo_enregistrer(
            fichier=photo, titre=f"Ambassadeur : {ambassadeur}", utilisateur=utilisateur
        )
    ambassadeur.save()
    for adresse in adresses_equipe():
        courriel_ambassadeurs(
            destinataire=adresse,
            modele="equipe_nouvelle_candidature",
            sujet=f"Nouvelle candidature d'ambassadeur : {ambassadeur}",
            contexte={
                "ambassadeur": ambassadeur,
                "url_admin": url_admin_candidature(ambassadeur),
            },
        )
    return ambassadeur


@transaction.atomic
def candidature_decider(
    *, ambassadeur: Ambassadeur, accepter: bool, message: str, par
) -> Ambassadeur:
    """Accept or decline an application and email the applicant.

    Side effects: the status, decision message, author and date; one email.
    """
    ambassadeur = Ambassadeur.objects.select_for_update().get(pk=ambassadeur.pk)
    ambassadeur.statut = StatutAmbassadeur.ACCEPTE if accepter else StatutAmbassadeur.REFUSE
    ambassadeur.message_decision = message
    ambassadeur.decide_par = par
    ambassadeur.decide_le = timezone.now()
    ambassadeur.save(
        update_fields=["statut", "message_decision", "decide_par", "decide_le", "modifie_le"]
    )
    if accepter:
        courriel_ambassadeurs(
            destinataire=ambassadeur.utilisateur.email,
            modele="candidature_acceptee",
            sujet="Bienvenue dans le réseau des ambassadeurs du Lot",
            contexte={
                "ambassadeur": ambassadeur,
                "message": message,
                "url_profil": url_absolue("ambassadeurs:profil", ambassadeur.pk),
                "url_espace": url_absolue("ambassadeurs:espace"),
            },
        )
    else:
        courriel_ambassadeurs(
            destinataire=ambassadeur.utilisateur.email,
            modele="candidature_refusee",
            sujet="Votre candidature d'ambassadeur du Lot",
            contexte={"ambassadeur": ambassadeur, "message": message},
        )
    return ambassadeur
