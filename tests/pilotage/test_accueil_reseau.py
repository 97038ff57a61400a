"""« Réseau d'accueil » figures and the accueil access hooks (area of a referent, access)."""

from datetime import date

import pytest
import time_machine
from accueil_fabrique import CommunauteFactory, UtilisateurFactory, jeu_de_donnees, referent
from django.contrib.auth.models import AnonymousUser

from accueil import pilotage
from lot_portal.pilotage import registre
from lot_portal.pilotage.registre import Filtres

pytestmark = pytest.mark.django_db

TRIMESTRE = Filtres(debut=date(2026, 1, 1), fin=date(2026, 3, 31))


@pytest.fixture
def donnees():
    with time_machine.travel("2026-04-15 09:00 +0200", tick=False):
        yield jeu_de_donnees()


def test_section_enregistree_non_publique():
    section = next(s for s in registre.sections() if s.slug == "reseau")
    assert section.titre == "Réseau d'accueil"
    assert section.par_territoire is True


def test_dossiers_par_referent(donnees):
    # Open files (neither installé nor sans suite): P2 (Anne, overdue 10 April),
    # P7 (Anne, no action), P9 (Bruno, overdue 1 April), P6 (Denise, 20 April: not overdue),
    # P5 (nobody, no action). Claire (active, no file) shows 0; Xavier (inactive) is left out.
    with time_machine.travel("2026-04-15 09:00 +0200", tick=False):
        (tableau,) = pilotage.calculer_reseau(TRIMESTRE)
    assert tableau.slug == "dossiers_par_referent"
    assert tableau.public is False
    assert tableau.graphique == "barres"
    assert tableau.colonnes == [
        "Référent",
        "Dossiers ouverts",
        "Sans prochaine action",
        "Actions en retard",
    ]
    assert tableau.lignes == [
        ["Anne Alpha (CC Alpha)", 2, 1, 1],
        ["Bruno Beta (CC Beta)", 1, 0, 1],
        ["Denise Delta (équipe départementale)", 1, 0, 0],
        ["Claire Gamma (CC Gamma)", 0, 0, 0],
        ["Non attribué", 1, 1, 0],
    ]


def test_retard_selon_la_date_du_jour(donnees):
    # On 21 April, P6's action (20 April) is overdue too.
    with time_machine.travel("2026-04-21 09:00 +0200", tick=False):
        (tableau,) = pilotage.calculer_reseau(TRIMESTRE)
        chiffres = pilotage.chiffres_reseau(TRIMESTRE)
    assert tableau.lignes[2] == ["Denise Delta (équipe départementale)", 1, 0, 1]
    assert [c.valeur for c in chiffres] == [5, 2, 3]


def test_chiffres_cles_reseau(donnees):
    with time_machine.travel("2026-04-15 09:00 +0200", tick=False):
        chiffres = pilotage.chiffres_reseau(TRIMESTRE)
    assert [(c.libelle, c.valeur) for c in chiffres] == [
        ("Dossiers ouverts", 5),
        ("Sans prochaine action", 2),  # P5, P7
        ("Actions en retard", 2),  # P2, P9
    ]


def test_reseau_filtre_territoire(donnees):
    with time_machine.travel("2026-04-15 09:00 +0200", tick=False):
        (alpha,) = pilotage.calculer_reseau(
            Filtres(date(2026, 1, 1), date(2026, 3, 31), communautes=(donnees.a.pk,))
        )
        (gamma,) = pilotage.calculer_reseau(
            Filtres(date(2026, 1, 1), date(2026, 3, 31), communautes=(donnees.c.pk,))
        )
        chiffres = pilotage.chiffres_reseau(
            Filtres(date(2026, 1, 1), date(2026, 3, 31), communautes=(donnees.b.pk,))
        )
    assert alpha.lignes == [["Anne Alpha (CC Alpha)", 2, 1, 1]]
    assert gamma.lignes == [["Claire Gamma (CC Gamma)", 0, 0, 0], ["Non attribué", 1, 1, 0]]
    assert [c.valeur for c in chiffres] == [1, 0, 1]  # P9


def test_departemental_dans_une_zone(donnees):
    # A file of Beta followed by the departmental team shows Denise in Beta's table.
    from accueil.models import ParcoursAccueil

    ParcoursAccueil.objects.filter(pk=donnees.p6.pk).update(communaute=donnees.b)
    with time_machine.travel("2026-04-15 09:00 +0200", tick=False):
        (beta,) = pilotage.calculer_reseau(
            Filtres(date(2026, 1, 1), date(2026, 3, 31), communautes=(donnees.b.pk,))
        )
    assert beta.lignes == [
        ["Bruno Beta (CC Beta)", 1, 0, 1],
        ["Denise Delta (équipe départementale)", 1, 0, 0],
    ]


# --- Hooks ------------------------------------------------------------------------------


def test_perimetre_et_acces_d_un_referent_de_secteur():
    communaute = CommunauteFactory(nom="CC Alpha")
    agent = referent(prenom="Anne", nom="Alpha", communaute=communaute)
    utilisateur = agent.utilisateur
    assert pilotage.perimetre_referent(utilisateur) == (communaute.pk,)
    assert pilotage.acces_referent(utilisateur) is True
    assert registre.perimetre(utilisateur) == (communaute.pk,)


def test_perimetre_et_acces_du_departement():
    utilisateur = referent(prenom="Denise", nom="Delta").utilisateur
    assert pilotage.perimetre_referent(utilisateur) is None
    assert pilotage.acces_referent(utilisateur) is True
    assert registre.perimetre(utilisateur) is None


def test_referent_inactif_sans_acces_mais_limite():
    communaute = CommunauteFactory(nom="CC Beta")
    utilisateur = referent(prenom="X", nom="Y", communaute=communaute, actif=False).utilisateur
    assert pilotage.acces_referent(utilisateur) is False
    assert pilotage.perimetre_referent(utilisateur) == (communaute.pk,)


def test_autres_utilisateurs():
    utilisateur = UtilisateurFactory(is_staff=True)
    assert pilotage.perimetre_referent(utilisateur) is None
    assert pilotage.acces_referent(utilisateur) is False
    assert pilotage.perimetre_referent(AnonymousUser()) is None
    assert pilotage.acces_referent(AnonymousUser()) is False


def test_superutilisateur_referent_voit_tout():
    communaute = CommunauteFactory(nom="CC Alpha")
    agent = referent(prenom="Anne", nom="Alpha", communaute=communaute)
    agent.utilisateur.is_superuser = True
    assert registre.perimetre(agent.utilisateur) is None


def test_hooks_enregistres():
    from wagtail import hooks

    communaute = CommunauteFactory(nom="CC Alpha")
    utilisateur = referent(prenom="Anne", nom="Alpha", communaute=communaute).utilisateur
    assert any(f(utilisateur) is True for f in hooks.get_hooks("pilotage_acces"))
    assert (communaute.pk,) in [f(utilisateur) for f in hooks.get_hooks("pilotage_perimetre")]


def test_hooks_une_requete_par_utilisateur(django_assert_num_queries):
    communaute = CommunauteFactory(nom="CC Alpha")
    utilisateur = referent(prenom="Anne", nom="Alpha", communaute=communaute).utilisateur
    with django_assert_num_queries(1):
        for _ in range(3):
            pilotage.acces_referent(utilisateur)
            pilotage.perimetre_referent(utilisateur)
