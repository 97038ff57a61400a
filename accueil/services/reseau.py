"""The staff side: routing, maturity score, pipeline status, notes, reminders, stays."""


def parcours_router(*, parcours) -> None:
    """Set the follow-up area and referent of a new file, record its first status, email
    the referent (or the departmental team when the area is unknown)."""
    raise NotImplementedError


def score_calculer(*, parcours) -> int:
    """Compute and store the maturity score and its rule-by-rule explanation."""
    raise NotImplementedError


def statut_changer(*, parcours, statut: str, par=None, commentaire: str = "") -> None:
    """Change the pipeline status, record it in the history; settling or « sans suite »
    cancels the pending follow-ups and (settling) plans the check-ins."""
    raise NotImplementedError
