"""The newcomer's journey: steps, messages with the referent, stays, CVs, project."""


def etapes_generer(*, parcours) -> list:
    """Create the journey steps the active ``ModeleEtape`` rules select (idempotent)."""
    raise NotImplementedError


def message_envoyer(*, parcours, auteur, texte: str, de_l_arrivant: bool):
    """Record a message and email a notification to the other side (no address exposed)."""
    raise NotImplementedError
