"""The multi-step registration: drafts saved at each step, then the newcomer's file."""


def parcours_creer(*, brouillon, utilisateur):
    """Turn a complete draft into the newcomer's ``ParcoursAccueil`` (idempotent per account).

    Calls, in the same transaction: ``reseau.parcours_router``, ``reseau.score_calculer``,
    ``parcours.etapes_generer``, ``relances.courriel_bienvenue`` and
    ``relances.relances_planifier``.
    """
    raise NotImplementedError
