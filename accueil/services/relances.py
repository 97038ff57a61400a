"""Follow-up emails: the welcome email, scheduled follow-ups, check-ins, unsubscribe."""


def courriel_bienvenue(*, parcours) -> None:
    """Email the welcome message to a new file (outbox row, delivered after commit)."""
    raise NotImplementedError


def relances_planifier(*, parcours) -> None:
    """Create (or move) the ``Relance`` rows of the active ``ModeleRelance`` for this file."""
    raise NotImplementedError


def relances_annuler(*, parcours, motif: str) -> int:
    """Cancel the pending follow-ups of a file; returns how many."""
    raise NotImplementedError
