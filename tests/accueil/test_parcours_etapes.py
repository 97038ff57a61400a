"""Step generation from the staff-edited rules (profile, condition), idempotent."""

import pytest

from accueil.models import EtapeParcours, ModeleEtape
from accueil.models.choix import BesoinLogement, ProfilArrivant, StatutEtape
from accueil.services import parcours as services

pytestmark = pytest.mark.django_db
C = ModeleEtape.Condition


def _codes(parcours):
    return [e.modele.code for e in parcours.etapes.select_related("modele")]


@pytest.fixture
def modeles(fabrique):
    return {
        "tous": fabrique.modele_etape(code="tous", ordre=50),
        "wanted": fabrique.modele_etape(code="wanted", ordre=10, profils=["wanted"]),
        "enfants": fabrique.modele_etape(code="enfants", ordre=20, condition=C.ENFANTS),
        "conjoint": fabrique.modele_etape(
            code="conjoint", ordre=30, condition=C.CONJOINT_CHERCHE_EMPLOI
        ),
        "temporaire": fabrique.modele_etape(
            code="temporaire", ordre=40, condition=C.LOGEMENT_TEMPORAIRE
        ),
        "logement": fabrique.modele_etape(
            code="logement", ordre=41, condition=C.RECHERCHE_LOGEMENT
        ),
        "entreprise": fabrique.modele_etape(
            code="entreprise", ordre=60, condition=C.PROJET_ENTREPRISE
        ),
        "emploi": fabrique.modele_etape(code="emploi", ordre=70, condition=C.RECHERCHE_EMPLOI),
        "zone": fabrique.modele_etape(code="zone", ordre=5, condition=C.ZONE_INCONNUE),
        "inactif": fabrique.modele_etape(code="inactif", actif=False),
    }


def test_profil_et_conditions(fabrique, modeles):
    simple = fabrique.parcours(profil=ProfilArrivant.SECONDES_VIES)
    simple.communautes.set([fabrique.communaute()])
    services.etapes_generer(parcours=simple)
    assert _codes(simple) == ["tous"]

    complet = fabrique.parcours(
        profil=ProfilArrivant.WANTED,
        enfants=[{"age": 7, "niveau": "CE1"}],
        conjoint_cherche_emploi=True,
        adultes=2,
        logement_temporaire=True,
        besoin_logement=BesoinLogement.ACHAT,
        projet_entreprise="reprise",
        metier_recherche="Infirmière",
        zone_inconnue=True,
    )
    etapes = services.etapes_generer(parcours=complet)
    assert [e.modele.code for e in etapes] == [
        "zone",
        "wanted",
        "enfants",
        "conjoint",
        "temporaire",
        "logement",
        "tous",
        "entreprise",
        "emploi",
    ]
    assert all(e.statut == StatutEtape.A_FAIRE for e in etapes)


def test_sans_secteur_choisi_vaut_zone_inconnue(fabrique, modeles):
    parcours = fabrique.parcours(zone_inconnue=False)
    services.etapes_generer(parcours=parcours)
    assert "zone" in _codes(parcours)


def test_idempotent(fabrique, modeles):
    parcours = fabrique.parcours()
    services.etapes_generer(parcours=parcours)
    avant = list(parcours.etapes.values_list("pk", "modele_id"))
    services.etapes_generer(parcours=parcours)
    assert list(parcours.etapes.values_list("pk", "modele_id")) == avant


def test_apres_mise_a_jour_du_projet(fabrique, modeles):
    parcours = fabrique.parcours(enfants=[{"age": 3}], logement_temporaire=True)
    parcours.communautes.set([fabrique.communaute()])
    services.etapes_generer(parcours=parcours)
    assert set(_codes(parcours)) == {"tous", "enfants", "temporaire"}
    EtapeParcours.objects.filter(modele__code="enfants").update(statut=StatutEtape.EN_COURS)
    EtapeParcours.objects.filter(modele__code="tous").update(statut=StatutEtape.FAIT)

    parcours.enfants = []
    parcours.logement_temporaire = False
    parcours.metier_recherche = "Menuisier"
    parcours.save()
    services.etapes_generer(parcours=parcours)
    statuts = dict(parcours.etapes.values_list("modele__code", "statut"))
    # New step added, begun step kept, untouched step that no longer applies removed.
    assert statuts == {"tous": "fait", "enfants": "en_cours", "emploi": "a_faire"}


def test_modele_desactive_ou_reordonne(fabrique, modeles):
    parcours = fabrique.parcours()
    parcours.communautes.set([fabrique.communaute()])
    services.etapes_generer(parcours=parcours)
    modeles["tous"].ordre = 1
    modeles["tous"].save()
    (etape,) = services.etapes_generer(parcours=parcours)
    assert etape.ordre == 1
    ModeleEtape.objects.filter(code="tous").update(actif=False)
    assert services.etapes_generer(parcours=parcours) == []


def test_statut_inconnu_refuse(fabrique, modeles):
    parcours = fabrique.parcours()
    etape = services.etapes_generer(parcours=parcours)[0]
    with pytest.raises(ValueError):
        services.etape_statut_changer(etape=etape, statut="termine")
