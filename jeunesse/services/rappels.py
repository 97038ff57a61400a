"""The reminder sent to unsubmitted drafts 48 hours before their call closes."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from ..models import Candidature
from ..models.choix import Statut
from ..notifications import courriel_jeunesse, destinataires_equipe, url_absolue

RAPPEL_AVANT_CLOTURE = timedelta(hours=48)


def brouillons_a_rappeler(maintenant=None):
    """Drafts of published, open calls closing within 48 hours, not reminded yet."""
    maintenant = maintenant or timezone.now()
    return Candidature.objects.filter(
        statut=Statut.BROUILLON,
        rappel_cloture_envoye_le__isnull=True,
        appel__publie=True,
        appel__ouverture__lte=maintenant,
        appel__cloture__gt=maintenant,
        appel__cloture__lte=maintenant + RAPPEL_AVANT_CLOTURE,
    )


def rappel_cloture_envoyer(*, candidature_id: int, maintenant=None) -> bool:
    """Remind one draft's team, once: in one transaction, lock the row, check it is still an
    unreminded draft of a call closing within 48 hours, set ``rappel_cloture_envoye_le`` and
    write the ``rappel_cloture`` email to each team address. Returns whether it was sent."""
    maintenant = maintenant or timezone.now()
    with transaction.atomic():
        candidature = (
            brouillons_a_rappeler(maintenant)
            .select_for_update(of=("self",))
            .select_related("appel", "porteur")
            .filter(pk=candidature_id)
            .first()
        )
        if candidature is None:
            return False
        candidature.rappel_cloture_envoye_le = maintenant
        candidature.save(update_fields=["rappel_cloture_envoye_le"])
        appel = candidature.appel
        reste = appel.cloture - maintenant
        contexte = {
            "candidature": candidature,
            "appel": appel,
            "cloture": timezone.localtime(appel.cloture),
            "heures_restantes": max(int(reste.total_seconds() // 3600), 0),
            "url": url_absolue("jeunesse:candidature", reference=candidature.reference),
        }
        for adresse in destinataires_equipe(candidature):
            courriel_jeunesse(
                destinataire=adresse,
                modele="rappel_cloture",
                sujet=f"Votre dossier « {candidature.titre} » n'est pas encore déposé",
                contexte=contexte,
            )
    return True


def rappels_cloture_envoyer(*, maintenant=None) -> int:
    """Remind every draft due (hourly beat). Idempotent: a second run sends nothing; a draft
    created less than 48 hours before closing is reminded at the next run, once. Returns
    the number of drafts reminded."""
    maintenant = maintenant or timezone.now()
    envoyes = 0
    for candidature_id in brouillons_a_rappeler(maintenant).values_list("pk", flat=True):
        if rappel_cloture_envoyer(candidature_id=candidature_id, maintenant=maintenant):
            envoyes += 1
    return envoyes
