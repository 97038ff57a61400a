"""The nine roles of issue #9 and a sample of every personal object, shared by the trust tests.

``monde_matrice`` builds, on the core demo site, one account per role and objects that
belong to SOMEONE ELSE (another newcomer, another ambassador, another applicant, another
employer), so that a role reaching them through a URL is a leak. The role fixtures
(``role_arrivant``, ``role_ambassadeur``…) return the account of that role.

The factories of the other test folders are loaded from their ``conftest.py`` under private
module names (test folders are not packages).
"""

import importlib.util
import pathlib
from types import SimpleNamespace

import pytest
from django.utils import timezone

TESTS = pathlib.Path(__file__).resolve().parent.parent

from _matrice import ROLES, ROLES_EQUIPE  # noqa: E402,F401  (re-exported for other tests)


def _charger(dossier):
    """The ``conftest.py`` of ``tests/<dossier>/`` as a plain module."""
    nom = f"_matrice_conftest_{dossier}"
    spec = importlib.util.spec_from_file_location(nom, TESTS / dossier / "conftest.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _groupe_redaction(accueil):
    """The « Rédaction » group as the demo seed makes it (pages under the home page, media)."""
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

    groupe, _ = Group.objects.get_or_create(name="Rédaction")
    groupe.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    for codename in ("add_page", "change_page"):
        GroupPagePermission.objects.get_or_create(
            group=groupe,
            page=accueil,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    racine = Collection.get_first_root_node()
    for app, codenames in (
        ("wagtailimages", ("add_image", "change_image", "choose_image")),
        ("wagtaildocs", ("add_document", "change_document", "choose_document")),
    ):
        for codename in codenames:
            GroupCollectionPermission.objects.get_or_create(
                group=groupe,
                collection=racine,
                permission=Permission.objects.get(content_type__app_label=app, codename=codename),
            )
    return groupe


def _piece_pdf(candidature, nom):
    """A small PDF attachment of ``candidature``."""
    from django.core.files.base import ContentFile

    from jeunesse.models import PieceJointe
    from jeunesse.models.choix import NaturePiece

    contenu = b"%PDF-1.4 " + nom.encode()
    return PieceJointe.objects.create(
        candidature=candidature,
        nature=NaturePiece.DOCUMENT,
        nom_original=nom,
        type_mime="application/pdf",
        taille=len(contenu),
        fichier=ContentFile(contenu, name=nom),
    )


@pytest.fixture
def monde_matrice(site_demo, settings, tmp_path):
    """Every role's account and the objects of others, as a namespace, on the core demo.

    ``comptes[role]`` is the account (``None`` for ``anonyme``); the other attributes are
    the sample objects the matrix's URLs point at."""
    return _monde(site_demo, settings, tmp_path)


@pytest.fixture
def monde_matrice_complet(site_demo_complet, settings, tmp_path):
    """``monde_matrice`` on the whole demo: every model our admin views show has rows (the
    demo's journeys, follow-ups, applications, laureates…), so the matrix reaches them with
    real ids. The demo's welcome files are all outside the area of ``referent_autre``."""
    return _monde(site_demo_complet, settings, tmp_path)


def _monde(site_demo, settings, tmp_path):
    from django.core.files.base import ContentFile

    from accueil.models import CurriculumVitae, Referent, SejourDecouverte
    from accueil.services.reseau import referent_droits_accorder
    from ambassadeurs.models import OffreHospitalite, Signalement
    from ambassadeurs.services import questions as services_questions
    from jeunesse.models import Idee, RapportProjet
    from jeunesse.models.choix import Statut
    from jeunesse.structure import structure_creer as structure_jeunesse
    from lot_portal.courriels.models import Courriel
    from lot_portal.journal.models import JournalAcces
    from opportunites.models import Alerte, ContactReprise
    from opportunites.structure import structure_creer as structure_opportunites

    settings.STORAGES = {
        **settings.STORAGES,
        "prive": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "prive"), "base_url": None},
        },
    }
    acc, amb, jeu, opp = (
        _charger(d) for d in ("accueil", "ambassadeurs", "jeunesse", "opportunites")
    )

    # Welcome journeys: the newcomer in area A, another newcomer (with a CV) in area A too.
    zone_a = acc.CommunauteFactory(nom="Zone A matrice")
    zone_b = acc.CommunauteFactory(nom="Zone B matrice")
    arrivant = acc.ParcoursFactory(communaute=zone_a, utilisateur__email="arrivant@exemple.fr")
    autre_parcours = acc.ParcoursFactory(communaute=zone_a, prenom="Autre", nom="Arrivant")
    cv = CurriculumVitae(parcours=autre_parcours, titulaire="arrivant", nom_original="cv.pdf")
    cv.fichier.save("cv-autre.pdf", ContentFile(b"%PDF-1.4 autre"))
    sejour = SejourDecouverte.objects.create(parcours=autre_parcours, periode_souhaitee="En mai")
    referent_autre = acc.ReferentFactory(communaute=zone_b)
    departement = acc.ReferentFactory(communaute=None)
    for referent in (referent_autre, departement):
        referent_droits_accorder(referent=referent)
    assert Referent.objects.filter(communaute=None).exists()

    # Ambassadors: ours and another one owning a hospitality offer and a conversation.
    ambassadeur = amb.AmbassadeurFactory(prenom="Ambre")
    autre_ambassadeur = amb.AmbassadeurFactory(prenom="Bruno")
    offre_hospitalite = OffreHospitalite.objects.create(
        ambassadeur=autre_ambassadeur,
        type="repas",
        commune=autre_ambassadeur.commune,
        capacite=4,
        periode="Les samedis",
    )
    question = services_questions.question_poser(
        demandeur=autre_parcours.utilisateur,
        ambassadeur=autre_ambassadeur,
        sujet="Les écoles",
        texte="Quelles écoles à Figeac ?",
    )
    signalement = Signalement.objects.create(
        auteur=autre_ambassadeur.utilisateur, question=question, motif="Propos déplacés."
    )

    # Youth calls: an open call, our applicant's draft, another applicant's draft, a juror.
    instruction_jeunesse = structure_jeunesse()
    fabrique_jeu = jeu.FabriqueJeunesse()
    appel = fabrique_jeu.appel()
    candidat = fabrique_jeu.compte("candidat@exemple.fr")
    candidature = fabrique_jeu.candidature(appel, candidat)
    autre_candidature = fabrique_jeu.candidature(appel, fabrique_jeu.compte("autre@exemple.fr"))
    jure = fabrique_jeu.jure(appel, fabrique_jeu.compte("jure@exemple.fr"))
    depose = fabrique_jeu.candidature(
        appel, fabrique_jeu.compte("depose@exemple.fr"), statut=Statut.DEPOSE
    )
    piece_deposee = _piece_pdf(depose, "devis.pdf")
    # A laureate's report with its file (on the whole demo, whose reports are still due).
    rapport = RapportProjet.objects.filter(candidature__statut=Statut.RETENU).first()
    if rapport is not None:
        rapport.piece = _piece_pdf(rapport.candidature, "rapport.pdf")
        rapport.depose_le = timezone.now()
        rapport.save(update_fields=["piece", "depose_le"])
    idee = Idee.objects.create(
        auteur=autre_candidature.porteur,
        titre="Un skatepark",
        description="À Figeac.",
        categorie=Idee._meta.get_field("categorie").choices[0][0],
    )

    # Opportunities: our partner employer (employer 1), another employer's offer and takeover.
    structure = structure_opportunites(site_demo)
    fabrique_opp = opp.FabriqueOpportunites(structure)
    employeur_1 = fabrique_opp.employeur(nom="Scierie du Ségala")
    employeur_2 = fabrique_opp.employeur(nom="Clinique de Cahors")
    partenaire = acc.UtilisateurFactory(email="rh@scierie.exemple.fr")
    partenaire.groups.add(structure.partenaires)
    employeur_1.partenaires.add(partenaire)
    offre_autre = fabrique_opp.offre(employeur=employeur_2)
    reprise_autre = fabrique_opp.reprise()
    alerte_autre = Alerte.objects.create(
        email="autre@exemple.fr", compte=autre_candidature.porteur, confirmee_le=timezone.now()
    )
    contact_reprise = ContactReprise.objects.create(
        reprise=reprise_autre,
        nom="Paul Cayrac",
        email="paul.cayrac@exemple.fr",
        telephone="06 44 55 66 77",
        message="La boulangerie m'intéresse.",
    )

    # Departmental staff: the whole département's welcome team, the youth calls'
    # instruction and the job offers' moderation (not superuser).
    departement.utilisateur.groups.add(instruction_jeunesse, structure.moderation)

    # A failed email (staff may resend it) and a line of the access log.
    courriel = Courriel.objects.create(
        expediteur="portail@lot.fr",
        destinataires=["autre@exemple.fr"],
        sujet="Votre projet",
        corps_texte="Bonjour",
        statut=Courriel.Statut.ECHEC,
        derniere_erreur="550 boîte inconnue",
    )
    journal = JournalAcces.objects.create(
        utilisateur=departement.utilisateur,
        action=JournalAcces._meta.get_field("action").choices[0][0],
        objet_type="accueil.parcoursaccueil",
        objet_id=str(autre_parcours.pk),
        objet_libelle="Dossier d'accueil",
    )

    # The editor (« Rédaction », staff but not superuser).
    redacteur = acc.UtilisateurFactory(email="redaction@lot.fr", is_staff=True)
    redacteur.groups.add(_groupe_redaction(site_demo))

    return SimpleNamespace(
        comptes={
            "anonyme": None,
            "arrivant": arrivant.utilisateur,
            "ambassadeur": ambassadeur.utilisateur,
            "candidat": candidat,
            "jure": jure,
            "partenaire": partenaire,
            "referent_autre": referent_autre.utilisateur,
            "redacteur": redacteur,
            "departement": departement.utilisateur,
        },
        accueil=site_demo,
        parcours=arrivant,
        autre_parcours=autre_parcours,
        cv=cv,
        sejour=sejour,
        ambassadeur=ambassadeur,
        autre_ambassadeur=autre_ambassadeur,
        offre_hospitalite=offre_hospitalite,
        question=question,
        appel=appel,
        candidature=candidature,
        autre_candidature=autre_candidature,
        idee=idee,
        depose=depose,
        piece_deposee=piece_deposee,
        signalement=signalement,
        contact_reprise=contact_reprise,
        courriel=courriel,
        journal=journal,
        employeur_1=employeur_1,
        employeur_2=employeur_2,
        offre_autre=offre_autre,
        reprise_autre=reprise_autre,
        alerte_autre=alerte_autre,
    )


def _role(nom):
    @pytest.fixture
    def fixture(monde_matrice):
        return monde_matrice.comptes[nom]

    fixture.__doc__ = f"The account of the role « {nom} » in ``monde_matrice``."
    return fixture


role_arrivant = _role("arrivant")
role_ambassadeur = _role("ambassadeur")
role_candidat = _role("candidat")
role_jure = _role("jure")
role_partenaire = _role("partenaire")
role_referent_autre = _role("referent_autre")
role_redacteur = _role("redacteur")
role_departement = _role("departement")
