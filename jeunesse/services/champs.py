"""The fields of an application an instructor can point at in a request for a complement.

Keys are stable (stored in ``PointComplement.champ``); the call's own questions and documents
are added as ``question:<id>`` and ``document:<id>``. The applicant's form shows, next to each
field, the points that name it.
"""

CHAMPS_CANDIDATURE: dict[str, str] = {
    "titre": "Titre du projet",
    "type_projet": "Type de projet",
    "commune": "Commune du projet",
    "resume": "Résumé du projet",
    "objectifs": "Objectifs",
    "calendrier": "Calendrier",
    "equipe": "Équipe (membres, dates de naissance, liens avec le Lot)",
    "budget": "Budget (dépenses et ressources)",
    "montant_demande": "Aide demandée",
    "autorisation": "Autorisation parentale",
}


def champs_de_l_appel(appel) -> list[tuple[str, str]]:
    """Every field of an application to this call, as (key, label)."""
    champs = list(CHAMPS_CANDIDATURE.items())
    champs += [(f"question:{q.pk}", q.libelle) for q in appel.questions.all()]
    champs += [(f"document:{d.pk}", d.libelle) for d in appel.documents.all()]
    return champs
