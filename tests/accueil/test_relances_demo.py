"""The default follow-up templates of the demo."""

import io

import pytest

from accueil import demo_relances
from accueil.models import ModeleRelance
from accueil.services import relances as services

pytestmark = pytest.mark.django_db


def test_seed_creates_the_default_templates_once_and_keeps_staff_edits():
    demo_relances.seed(io.StringIO())
    codes = set(ModeleRelance.objects.values_list("code", flat=True))
    assert codes == {
        services.CODE_BIENVENUE,
        "j-plus-7",
        "j-plus-30",
        "j-plus-90",
        "installation-moins-30",
        "installe-6-mois",
        "installe-12-mois",
    }
    assert set(
        ModeleRelance.objects.filter(avec_questionnaire=True).values_list("delai_jours", flat=True)
    ) == {180, 365}
    for modele in ModeleRelance.objects.all():
        assert services.variables_inconnues(modele.sujet + modele.corps) == []
    ModeleRelance.objects.filter(code="j-plus-7").update(sujet="Texte de l'équipe")
    demo_relances.seed(io.StringIO())
    assert ModeleRelance.objects.count() == 7
    assert ModeleRelance.objects.get(code="j-plus-7").sujet == "Texte de l'équipe"
