"""Demo content of this section, created by ``manage.py seed_demo``."""


def seed(*, accueil, stdout) -> None:
    """Create the section's demo content once (idempotent)."""
