"""Helpers of the audit-log tests: the factories of other folders' conftests.

Conftests are not importable by name (every folder's is ``conftest``): loaded here under
private module names.
"""

import importlib.util
import pathlib

RACINE_TESTS = pathlib.Path(__file__).resolve().parent.parent


def conftest_charger(dossier: str):
    chemin = RACINE_TESTS / dossier / "conftest.py"
    spec = importlib.util.spec_from_file_location(f"_journal_conftest_{dossier}", chemin)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def valeurs_de(ligne) -> str:
    """Every stored value of a log row, as one string (to search for content)."""
    from django.forms.models import model_to_dict

    return " ".join(str(v) for v in model_to_dict(ligne).values())
