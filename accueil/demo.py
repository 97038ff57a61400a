"""Demo content of the welcome journey, created by ``manage.py seed_demo``."""


def seed(*, accueil, stdout):
    """Step templates, kits, housing, referents and newcomers (idempotent)."""
