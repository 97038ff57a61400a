"""Hand-built welcome files for the accueil steering figures (tests/pilotage/test_accueil_*).

``dossier(...)`` writes one file as the services would have left it, with dates given in
Europe/Paris: registration time (``cree_le`` is ``auto_now_add``: set by an update), the
status history (« → nouveau » at registration, then each step at its date) and the
current status (the last step).
"""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from fabriques import CommunauteFactory, UtilisateurFactory  # noqa: F401 (re-exported)

from accueil.models import ChangementStatut, ParcoursAccueil, Referent
from accueil.models.choix import ProfilArrivant, StatutParcours

PARIS = ZoneInfo("Europe/Paris")


def paris(annee, mois, jour, heure=10, minute=0) -> datetime:
    """An aware datetime, wall-clock time in Europe/Paris."""
    return datetime(annee, mois, jour, heure, minute, tzinfo=PARIS)


def referent(*, prenom, nom, communaute=None, actif=True) -> Referent:
    utilisateur = UtilisateurFactory(first_name=prenom, last_name=nom, is_staff=True)
    return Referent.objects.create(utilisateur=utilisateur, communaute=communaute, actif=actif)


def dossier(
    *,
    cree_le: datetime,
    communaute=None,
    profil=ProfilArrivant.SECONDES_VIES,
    referent=None,
    chemin: tuple[tuple[str, datetime], ...] = (),
    installe_le: date | None = None,
    adultes: int = 1,
    enfants: int = 0,
    source: dict | None = None,
    code_campagne: str = "",
    code_parrainage: str = "",
    connu_par: str = "",
    prochaine_action: str = "",
    prochaine_action_le: date | None = None,
    anonymise_le: datetime | None = None,
) -> ParcoursAccueil:
    statut = chemin[-1][0] if chemin else StatutParcours.NOUVEAU
    parcours = ParcoursAccueil.objects.create(
        prenom="Anonyme" if anonymise_le else "Léa",
        nom="" if anonymise_le else "Martin",
        profil=profil,
        lieu_actuel="" if anonymise_le else "Lyon",
        connu_par=connu_par,
        adultes=adultes,
        enfants=[{} if anonymise_le else {"age": 5 + i} for i in range(enfants)],
        consentement_le=cree_le,
        source=source or {},
        code_campagne=code_campagne,
        code_parrainage=code_parrainage,
        communaute=communaute,
        referent=referent,
        statut=statut,
        statut_modifie_le=chemin[-1][1] if chemin else cree_le,
        installe_le=installe_le,
        prochaine_action=prochaine_action,
        prochaine_action_le=prochaine_action_le,
        anonymise_le=anonymise_le,
    )
    ParcoursAccueil.objects.filter(pk=parcours.pk).update(cree_le=cree_le)
    precedent = ""
    for nouveau, le in ((StatutParcours.NOUVEAU, cree_le), *chemin):
        changement = ChangementStatut.objects.create(
            parcours=parcours, ancien=precedent, nouveau=nouveau
        )
        ChangementStatut.objects.filter(pk=changement.pk).update(le=le)
        precedent = nouveau
    parcours.refresh_from_db()
    return parcours


def jeu_de_donnees():
    """The hand-built dataset of the tests: 9 files across 3 communautés (+ one without
    area), 2 profiles (+ « autre » outside the period), 4 referents.

    Period of reference: 1 January – 31 March 2026; « today » is 15 April 2026.
    Expected figures are written by hand in the tests (see each test's comments).
    """
    from types import SimpleNamespace

    S = StatutParcours
    SV, JE = ProfilArrivant.SECONDES_VIES, ProfilArrivant.JEUNES
    a = CommunauteFactory(nom="CC Alpha")
    b = CommunauteFactory(nom="CC Beta")
    c = CommunauteFactory(nom="CC Gamma")
    r_a = referent(prenom="Anne", nom="Alpha", communaute=a)
    r_b = referent(prenom="Bruno", nom="Beta", communaute=b)
    r_c = referent(prenom="Claire", nom="Gamma", communaute=c)  # no file
    r_d = referent(prenom="Denise", nom="Delta")  # departmental team
    referent(prenom="Xavier", nom="Parti", communaute=a, actif=False)  # no file, inactive
    d = SimpleNamespace(a=a, b=b, c=c, r_a=r_a, r_b=r_b, r_c=r_c, r_d=r_d)
    # P1: Monday 5 Jan 10:00; every stage: +2, +10, +20, +30 days; settled 8 March.
    d.p1 = dossier(
        cree_le=paris(2026, 1, 5),
        communaute=a,
        profil=SV,
        referent=r_a,
        chemin=(
            (S.PREMIER_CONTACT, paris(2026, 1, 7)),
            (S.EN_ECHANGE, paris(2026, 1, 17)),
            (S.VISITE_DECOUVERTE, paris(2026, 2, 6)),
            (S.INSTALLE, paris(2026, 3, 8)),
        ),
        installe_le=date(2026, 3, 8),
        adultes=2,
        enfants=2,
        source={"utm_source": "google", "utm_medium": "cpc", "utm_campaign": "hiver"},
    )
    # P2: Monday 5 Jan 00:30 in Paris (Sunday 23:30 UTC): week of 5 Jan. +4, +2 days.
    d.p2 = dossier(
        cree_le=paris(2026, 1, 5, 0, 30),
        communaute=a,
        profil=JE,
        referent=r_a,
        chemin=(
            (S.PREMIER_CONTACT, paris(2026, 1, 9, 0, 30)),
            (S.EN_ECHANGE, paris(2026, 1, 11, 0, 30)),
        ),
        source={"campagne": "vivre-lot"},
        code_campagne="vivre-lot",
        prochaine_action="Rappeler",
        prochaine_action_le=date(2026, 4, 10),  # overdue on 15 April
    )
    # P3: Tuesday 20 Jan; first contact +1 day, then « sans suite »; referred by an ambassador.
    d.p3 = dossier(
        cree_le=paris(2026, 1, 20),
        communaute=b,
        profil=SV,
        referent=r_b,
        chemin=(
            (S.PREMIER_CONTACT, paris(2026, 1, 21)),
            (S.SANS_SUITE, paris(2026, 1, 25)),
        ),
        code_parrainage="AMB-1",
        source={"utm_source": "facebook"},
    )
    # P4: Sunday 1 Feb 00:30 in Paris (31 Jan 23:30 UTC): February, week of 26 Jan;
    # settled straight away 40 days later (stages skipped).
    d.p4 = dossier(
        cree_le=paris(2026, 2, 1, 0, 30),
        communaute=b,
        profil=JE,
        referent=r_b,
        chemin=((S.INSTALLE, paris(2026, 3, 13, 0, 30)),),
        installe_le=date(2026, 3, 13),
        adultes=1,
        source={"utm_source": "Qwant.com"},
    )
    # P5: Tuesday 10 Feb, no referent, still « nouveau », a partner's link, no next action.
    d.p5 = dossier(
        cree_le=paris(2026, 2, 10),
        communaute=c,
        profil=SV,
        source={"utm_source": "cci-lot", "utm_medium": "Partenaire"},
    )
    # P6: Wednesday 25 Feb, area unknown (departmental team), first contact +6 days;
    # organic search declared; next action in the future.
    d.p6 = dossier(
        cree_le=paris(2026, 2, 25),
        profil=JE,
        referent=r_d,
        chemin=((S.PREMIER_CONTACT, paris(2026, 3, 3)),),
        connu_par="recherche",
        prochaine_action="Envoyer la documentation",
        prochaine_action_le=date(2026, 4, 20),
    )
    # P7: Tuesday 31 March 23:30 in Paris (21:30 UTC): last minute of the period;
    # anonymised; a social link (not a search engine although « recherche » declared).
    d.p7 = dossier(
        cree_le=paris(2026, 3, 31, 23, 30),
        communaute=a,
        profil=JE,
        referent=r_a,
        chemin=((S.PREMIER_CONTACT, paris(2026, 4, 8, 23, 30)),),
        source={"utm_source": "facebook", "utm_medium": "social"},
        connu_par="recherche",
        anonymise_le=paris(2026, 4, 12),
    )
    # P8: registered before the period, settled inside it (15 January).
    d.p8 = dossier(
        cree_le=paris(2025, 12, 20),
        communaute=a,
        profil=SV,
        referent=r_a,
        chemin=(
            (S.PREMIER_CONTACT, paris(2025, 12, 23)),
            (S.INSTALLE, paris(2026, 1, 15)),
        ),
        installe_le=date(2026, 1, 15),
        adultes=2,
        enfants=1,
    )
    # P9: 1 April 00:10 in Paris (31 March 22:10 UTC): after the period; overdue action.
    d.p9 = dossier(
        cree_le=paris(2026, 4, 1, 0, 10),
        communaute=b,
        profil=ProfilArrivant.AUTRE,
        referent=r_b,
        prochaine_action="Appeler",
        prochaine_action_le=date(2026, 4, 1),
    )
    return d
