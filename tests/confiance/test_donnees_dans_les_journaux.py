"""No personal data in the logs: the masking filter, and the suite-wide scanner's own tests."""

import logging

import pytest
from confiance._journal_plugin import (
    Collecte,
    JournalSuite,
    jetons_decoder,
    lignes_scanner,
    telephone_normaliser,
)
from django.core import signing

from lot_portal.journaux import FiltreDonneesPersonnelles, masquer

# --- The filter of LOGGING -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("texte", "attendu"),
    [
        ("envoi à jean.dupont@exemple.fr échoué", "envoi à [courriel masqué] échoué"),
        ("GET /alertes/?email=jean%40exemple.fr", "GET /alertes/?email=[courriel masqué]"),
        ("rappeler le 06 12 34 56 78", "rappeler le [téléphone masqué]"),
        ("tel:+33 6 12 34 56 78.", "tel:[téléphone masqué]."),
        ("fixe 05.65.53.43.40", "fixe [téléphone masqué]"),
        ("depuis 192.168.10.4, refusé", "depuis [IP masquée], refusé"),
        ("client 2001:db8::8a2e:370:7334", "client [IP masquée]"),
        ("client ::1", "client [IP masquée]"),
    ],
)
def test_personal_values_are_masked(texte, attendu):
    assert masquer(texte) == attendu


@pytest.mark.parametrize(
    "texte",
    [
        "Candidature 1234 passée à l'état déposé à 12:30:45",
        "commune 46042, parcours 98765, 2026-11-26 23:59:01,123",
        "version 5.2.1 de Django, 3 courriels envoyés",
    ],
)
def test_ids_times_and_versions_are_left_alone(texte):
    assert masquer(texte) == texte


def _journal_isole(filtre=True):
    """A logger of its own (not propagated: the suite's scanner must not see these values)."""
    enregistrements = []

    class Memoire(logging.Handler):
        def emit(self, record):
            enregistrements.append(self.format(record))

    journal = logging.getLogger("tests.journal.isole")
    journal.propagate = False
    journal.handlers[:] = []
    handler = Memoire()
    handler.setFormatter(logging.Formatter("%(message)s"))
    if filtre:
        handler.addFilter(FiltreDonneesPersonnelles())
    journal.addHandler(handler)
    journal.setLevel(logging.DEBUG)
    return journal, enregistrements


def test_the_filter_masks_arguments_and_tracebacks():
    journal, lignes = _journal_isole()
    journal.info("Alerte créée pour %s (%s)", "lea@exemple.fr", "06 11 22 33 44")
    try:
        raise ValueError("Key (email)=(lea@exemple.fr) already exists.")
    except ValueError:
        journal.exception("Échec pour %s", "lea@exemple.fr")
    texte = "\n".join(lignes)
    assert "lea@exemple.fr" not in texte and "06 11 22 33 44" not in texte
    assert "Alerte créée pour [courriel masqué] ([téléphone masqué])" in texte
    assert "Key (email)=([courriel masqué]) already exists." in texte


def test_the_filter_is_on_every_handler_of_logging(settings):
    for nom, handler in settings.LOGGING["handlers"].items():
        assert "donnees_personnelles" in handler.get("filters", []), nom
    # Django's own set-up (an in-process Celery worker of an earlier test may have replaced
    # the root handlers of this process).
    from django.utils.log import configure_logging

    configure_logging(settings.LOGGING_CONFIG, settings.LOGGING)
    racine = logging.getLogger()
    assert any(isinstance(f, FiltreDonneesPersonnelles) for h in racine.handlers for f in h.filters)


# --- The scanner of the suite (it must be able to fail) ----------------------------------------


def collecte_exemple():
    collecte = Collecte()
    collecte.emails.add("ines.roux@exemple.fr")
    collecte.telephones.add(telephone_normaliser("+33 6 11 22 33 44"))
    collecte.noms.add(("Inès", "Roux"))
    return collecte


def test_the_scanner_reports_each_kind_of_value_masked():
    lignes = [
        "LOG INFO accueil Parcours 12 créé",
        "LOG WARNING lot_portal.courriels Échec d'envoi à Ines.Roux@exemple.fr",
        "LOG INFO accueil rappel au 06.11.22.33.44",
        "LOG INFO jeunesse Dossier de Inès Roux ouvert",
        "URL /desinscription/?adresse=ines.roux%40exemple.fr",
        "URL /admin/accueil/nouveaux-arrivants/12/",
    ]
    fuites = lignes_scanner(lignes, collecte_exemple())
    assert len(fuites) == 4
    assert fuites[0].startswith("courriel : ") and "[courriel masqué]" in fuites[0]
    assert fuites[1].startswith("téléphone : ") and "[téléphone masqué]" in fuites[1]
    assert fuites[2].startswith("nom : ") and "Inès Roux" not in fuites[2]
    assert "[courriel masqué]" in fuites[3]
    assert not any("ines.roux@exemple.fr" in f.lower() for f in fuites)


def test_the_scanner_reads_inside_signed_tokens():
    jeton = signing.dumps({"email": "ines.roux@exemple.fr"}, salt="essai")
    assert any("ines.roux@exemple.fr" in texte for texte in jetons_decoder(jeton))
    fuites = lignes_scanner([f"URL /alertes/desinscription/{jeton}/"], collecte_exemple())
    assert len(fuites) == 1 and fuites[0].startswith("courriel (décodée)")
    # A signed id is fine.
    jeton_id = signing.dumps(1234, salt="essai")
    assert lignes_scanner([f"URL /alertes/desinscription/{jeton_id}/"], collecte_exemple()) == []


def test_the_recorder_sees_log_records_and_urls_and_finds_the_value(settings, tmp_path, client, db):
    """The session's recorder, on a private file: a log line and a URL with an address that
    was never saved (so the real session scan does not flag this test)."""
    settings.VAR_DIR = tmp_path
    journal = JournalSuite(config=None)
    journal.demarrer()
    try:
        journal.collecte.emails.add("fuite.volontaire@exemple.fr")
        logging.getLogger("lot_portal.essai").debug("debug %s", "fuite.volontaire@exemple.fr")
        client.get("/recherche/", {"q": "fuite.volontaire@exemple.fr"})
        journal.collecte.noms.add(("Zoé", "Fuitée"))
        client.get("/recherche/?q=Zoé Fuitée")  # raw UTF-8 in the query string
    finally:
        fuites = journal.terminer()
    assert len(fuites) == 3, fuites
    assert fuites[2] == "nom : URL /recherche/?q=[nom masqué]"
    assert fuites[0].startswith("courriel : LOG DEBUG lot_portal.essai debug [courriel masqué]")
    assert "URL /recherche/?q=[courriel masqué]" in fuites[1]


def test_the_recorder_collects_saved_personal_values(tmp_path, settings, db):
    from fabriques import UtilisateurFactory

    settings.VAR_DIR = tmp_path
    journal = JournalSuite(config=None)
    journal.demarrer()
    try:
        UtilisateurFactory(email="Collecte.Essai@exemple.fr", first_name="Aude", last_name="Vidal")
    finally:
        journal.terminer()
    assert "collecte.essai@exemple.fr" in journal.collecte.emails
    assert ("Aude", "Vidal") in journal.collecte.noms


def test_under_xdist_a_workers_hits_fail_the_controllers_run():
    """A worker hands its hits to the controller (``workeroutput``) without failing itself;
    the controller gathers them when the worker goes down and fails the whole run."""
    from types import SimpleNamespace

    from confiance import _journal_plugin as plugin

    fuite = "GET /accueil/?email=l***@exemple.fr"

    class JournalFactice:
        def terminer(self):
            return [fuite]

    travailleur = SimpleNamespace(
        _journal_suite=JournalFactice(), _journal_fuites=[], workeroutput={}
    )
    session_travailleur = SimpleNamespace(config=travailleur, exitstatus=0)
    plugin.pytest_sessionfinish(session_travailleur, 0)
    assert travailleur.workeroutput["journal_fuites"] == [fuite]
    assert session_travailleur.exitstatus == 0  # the controller decides

    controleur = SimpleNamespace()
    plugin.pytest_testnodedown(
        SimpleNamespace(workeroutput=travailleur.workeroutput, config=controleur), None
    )
    plugin.pytest_testnodedown(SimpleNamespace(workeroutput={}, config=controleur), None)
    session = SimpleNamespace(config=controleur, exitstatus=0)
    plugin.pytest_sessionfinish(session, 0)
    assert controleur._journal_fuites == [fuite]
    assert session.exitstatus == 1

    # A clean run stays green.
    propre = SimpleNamespace()
    plugin.pytest_testnodedown(SimpleNamespace(workeroutput={}, config=propre), None)
    session_propre = SimpleNamespace(config=propre, exitstatus=0)
    plugin.pytest_sessionfinish(session_propre, 0)
    assert session_propre.exitstatus == 0
