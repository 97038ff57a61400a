"""French dates, Paris time, and the editor's validation messages."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError

from lot_portal.agenda.dates import plage_fr
from lot_portal.agenda.models import EvenementPage

PARIS = ZoneInfo("Europe/Paris")
UTC = ZoneInfo("UTC")


def test_same_day_range():
    debut = datetime(2026, 3, 14, 9, tzinfo=UTC)  # 10 h in Paris (winter time)
    assert plage_fr(debut, debut + timedelta(hours=7)) == "samedi 14 mars 2026, 10 h – 17 h"


def test_minutes_first_of_month_and_summer_time():
    debut = datetime(2026, 8, 1, 16, 30, tzinfo=UTC)  # 18 h 30 in Paris (summer time)
    fin = datetime(2026, 8, 1, 19, tzinfo=UTC)
    assert plage_fr(debut, fin) == "samedi 1er août 2026, 18 h 30 – 21 h"


def test_several_days():
    debut = datetime(2026, 4, 3, 18, tzinfo=PARIS)
    fin = datetime(2026, 4, 5, 16, tzinfo=PARIS)
    assert plage_fr(debut, fin) == (
        "du vendredi 3 avril 2026, 18 h, au dimanche 5 avril 2026, 16 h"
    )


@pytest.mark.django_db
def test_end_must_follow_start_and_other_checks(agenda):
    debut = datetime(2026, 5, 2, 10, tzinfo=PARIS)
    evenement = EvenementPage(
        title="À l'envers",
        slug="annulation",
        type="festival",
        debut=debut,
        fin=debut - timedelta(hours=1),
        date_limite_inscription=debut + timedelta(days=1),
    )
    with pytest.raises(ValidationError) as erreur:
        evenement.clean()
    messages = erreur.value.message_dict
    assert messages["fin"] == ["La fin de l'événement doit être postérieure à son début."]
    assert messages["adresse"] == ["Choisissez une commune du Lot ou indiquez une adresse."]
    assert "précéder le début" in messages["date_limite_inscription"][0]
    assert "est réservée" in messages["slug"][0]
