"""Read side of the share kit and impact pages: figures and badges of an ambassador."""

from dataclasses import dataclass

from django.apps import apps
from django.db.models import Count, Q

from .models import ControleParrainage


@dataclass(frozen=True)
class Badge:
    code: str
    libelle: str
    description: str
    obtenu: bool


def _histoires_publiees(utilisateur) -> int:
    HistoirePage = apps.get_model("cms", "HistoirePage")
    return HistoirePage.objects.live().filter(auteur=utilisateur).count()


def _nouveaux_aides(ambassadeur) -> int | None:
    """Newcomers the ambassador answered (distinct askers of conversations where they
    wrote a message), when the questions module exists; None otherwise."""
    try:
        Question = apps.get_model("ambassadeurs", "Question")
    except LookupError:
        return None
    return (
        Question.objects.filter(
            ambassadeur=ambassadeur, messages__auteur_id=ambassadeur.utilisateur_id
        )
        .values("demandeur")
        .distinct()
        .count()
    )


def impact(ambassadeur) -> dict:
    """The ambassador's figures (stories, newcomers helped, referrals) and badges."""
    compte = ambassadeur.parrainages.aggregate(
        inscrits=Count("pk", filter=~Q(controle=ControleParrainage.REJETE)),
        convertis=Count(
            "pk",
            filter=Q(converti_le__isnull=False) & ~Q(controle=ControleParrainage.REJETE),
        ),
        a_verifier=Count("pk", filter=Q(controle=ControleParrainage.A_VERIFIER)),
    )
    histoires = _histoires_publiees(ambassadeur.utilisateur)
    aides = _nouveaux_aides(ambassadeur)
    badges = [
        Badge(
            "premiere_histoire",
            "Première histoire publiée",
            "Une de vos histoires est en ligne.",
            histoires >= 1,
        ),
        Badge(
            "conteur",
            "Conteur du Lot",
            "Cinq histoires publiées.",
            histoires >= 5,
        ),
        Badge(
            "premier_parrainage",
            "Premier filleul inscrit",
            "Une personne s'est inscrite grâce à votre lien.",
            compte["inscrits"] >= 1,
        ),
        Badge(
            "premiere_installation",
            "Première installation",
            "Une personne parrainée s'est installée dans le Lot.",
            compte["convertis"] >= 1,
        ),
    ]
    if aides is not None:
        badges.append(
            Badge(
                "cinq_aides",
                "Cinq nouveaux arrivants aidés",
                "Vous avez répondu à cinq nouveaux arrivants.",
                aides >= 5,
            )
        )
    return {
        "histoires": histoires,
        "aides": aides,
        "parrainages_inscrits": compte["inscrits"],
        "parrainages_convertis": compte["convertis"],
        "parrainages_a_verifier": compte["a_verifier"],
        "badges": badges,
    }
