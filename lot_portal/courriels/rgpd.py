"""Personal data of courriels: the outbox holds addresses and bodies (see
lot_portal/rgpd/registre.py). Rows are found by their recipients' addresses."""

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db import models

from lot_portal.rgpd.registre import Categorie, Champ, Effacement, Regle, enregistrer

from .models import Courriel

E = Effacement


def _lignes(utilisateur, adresses):
    """The outbox rows addressed to one of ``adresses`` (JSON lists: filtered in Python,
    one pass over the ids and recipients only)."""
    if not adresses:
        return Courriel.objects.none()
    ids = [
        pk
        for pk, destinataires, copies, cachees in Courriel.objects.values_list(
            "pk", "destinataires", "copies", "copies_cachees"
        ).iterator()
        if {a.strip().lower() for a in [*destinataires, *copies, *cachees] if isinstance(a, str)}
        & adresses
    ]
    return Courriel.objects.filter(pk__in=ids)


def _envoyes_anciens_supprimer(maintenant) -> int:
    """Sent or failed emails older than ``RGPD_COURRIELS_MOIS`` months go (addresses, bodies)."""
    limite = maintenant - relativedelta(months=settings.RGPD_COURRIELS_MOIS)
    anciens = Courriel.objects.filter(
        models.Q(statut=Courriel.Statut.ENVOYE, envoye_le__lt=limite)
        | models.Q(statut=Courriel.Statut.ECHEC, cree_le__lt=limite)
    )
    return anciens.delete()[1].get(Courriel._meta.label, 0)


enregistrer(
    "courriels.Courriel",
    finalite="courriels",
    lignes=_lignes,
    libelle="Courriels envoyés par le portail",
    personnels={
        "destinataires": Champ(Categorie.COORDONNEES),
        "copies": Champ(Categorie.COORDONNEES),
        "copies_cachees": Champ(Categorie.COORDONNEES, exporte=False),
        "repondre_a": Champ(Categorie.COORDONNEES, exporte=False),
        "sujet": Champ("Contenu des messages"),
        "corps_texte": Champ("Contenu des messages", exporte=False),
        "corps_html": Champ("Contenu des messages", exporte=False),
        "en_tetes": Champ("Contenu des messages", exporte=False),
        "derniere_erreur": Champ("Contenu des messages", exporte=False),
    },
    non_personnels=(
        "expediteur",
        "statut",
        "tentatives",
        "prochain_essai",
        "verrouille_le",
        "cree_le",
        "envoye_le",
    ),
    # Pending ones are cancelled, the others deleted: see ``services.courriels_effacer``.
    effacement=E.APPLICATION,
    conservation=Regle(
        "Courriels envoyés ou en échec depuis plus de "
        f"{settings.RGPD_COURRIELS_MOIS} mois : supprimés.",
        _envoyes_anciens_supprimer,
    ),
)
