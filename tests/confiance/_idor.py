"""Scenes of the IDOR tests: two owners of each kind of personal object, built per domain.

Each builder gets a ``client`` (to upload files through the real views, so they are stored
as in production) and returns a ``Scene``: the attacker(s), the victim's objects, and
``etat()``, a snapshot of the victim's rows (compared before and after every attempt).
"""

import datetime
import importlib.util
import os
import pathlib
from types import SimpleNamespace

from django.core.files.uploadedfile import SimpleUploadedFile
from django.forms.models import model_to_dict
from django.urls import reverse
from django.utils import timezone
from fabriques import UtilisateurFactory

# A PDF whose bytes carry a marker: a response that contains it leaked the victim's file.
MARQUEUR = b"SECRET-DE-B-7f3a"
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% " + MARQUEUR + b"\ntrailer <<>>\n%%EOF\n"


def _fabrique_jeunesse_classe():
    """``FabriqueJeunesse`` of tests/jeunesse/conftest.py (conftests are not importable by
    name: every folder's is called ``conftest``), loaded under a private module name."""
    chemin = pathlib.Path(__file__).resolve().parent.parent / "jeunesse" / "conftest.py"
    spec = importlib.util.spec_from_file_location("_idor_conftest_jeunesse", chemin)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.FabriqueJeunesse


def instantane(*objets, requetes=()) -> list:
    """Every field of each object as stored now (None once deleted), plus query counts."""
    etat = []
    for objet in objets:
        frais = type(objet)._default_manager.filter(pk=objet.pk).first()
        etat.append(None if frais is None else repr(sorted(model_to_dict(frais).items())))
    etat.extend(qs.count() for qs in requetes)
    return etat


def compte(email, **champs):
    return UtilisateurFactory(email=email, **champs)


# --- accueil: journeys, steps, CVs --------------------------------------------------------------


def scene_accueil(client):
    from accueil.models import CurriculumVitae, EtapeParcours, ModeleEtape, ParcoursAccueil
    from accueil.models.choix import ProfilArrivant

    def parcours(email, prenom):
        utilisateur = compte(email, first_name=prenom)
        return ParcoursAccueil.objects.create(
            utilisateur=utilisateur,
            prenom=prenom,
            nom="Martin",
            profil=ProfilArrivant.SECONDES_VIES,
            lieu_actuel="Lyon",
            consentement_le=timezone.now(),
        )

    a = parcours("arrivant.a@exemple.fr", "Alice")
    b = parcours("arrivant.b@exemple.fr", "Bruno")
    modele = ModeleEtape.objects.create(code="idor-etape", titre="Trouver un logement")
    etape_a = EtapeParcours.objects.create(parcours=a, modele=modele)
    etape_b = EtapeParcours.objects.create(parcours=b, modele=modele)
    client.force_login(b.utilisateur)
    reponse = client.post(
        reverse("accueil:parcours_cv"),
        {"titulaire": "arrivant", "fichier": SimpleUploadedFile("cv-bruno.pdf", PDF)},
    )
    assert reponse.status_code == 302, reponse.content[:500]
    cv_b = CurriculumVitae.objects.get(parcours=b)
    client.logout()
    return SimpleNamespace(
        attaquant=a.utilisateur,
        proprietaire=b.utilisateur,
        a=a,
        b=b,
        etape_a=etape_a,
        etape_b=etape_b,
        cv_b=cv_b,
        etat=lambda: instantane(b, etape_b, cv_b, requetes=[b.cvs.all(), b.etapes.all()]),
    )


# --- ambassadeurs: stories, hospitality offers, conversations -----------------------------------


def _relecture(site):
    from lot_portal.cms import demo

    demo._collection_racine()
    with open(os.devnull, "w") as nulle:
        index = demo._index(site, nulle)
    demo._groupes_et_relecture(site, index)


def scene_ambassadeurs(client, site):
    from ambassadeurs.models import (
        Ambassadeur,
        MessageQuestion,
        OffreHospitalite,
        Question,
        Secteur,
        StatutAmbassadeur,
    )
    from ambassadeurs.models.choix import Origine
    from ambassadeurs.models.parrainage import TypeHospitalite
    from ambassadeurs.services.histoires import histoire_soumettre
    from lot_portal.cms.images import image_nettoyer
    from lot_portal.territoire.models import Commune

    _relecture(site)
    figeac = Commune.objects.get(nom="Figeac")

    def ambassadeur(email, prenom):
        return Ambassadeur.objects.create(
            utilisateur=compte(email, first_name=prenom),
            statut=StatutAmbassadeur.ACCEPTE,
            prenom=prenom,
            nom="Delpech",
            commune=figeac,
            profession="Céramiste",
            secteur=Secteur.ARTISANAT,
            origine=Origine.ARRIVE,
            histoire="Arrivée de Lyon en 2019.",
            offres=["histoires", "questions"],
            charte_acceptee_le=timezone.now(),
        )

    amb_a = ambassadeur("ambassadrice.a@exemple.fr", "Anne")
    amb_b = ambassadeur("ambassadeur.b@exemple.fr", "Basile")
    import io

    from PIL import Image

    tampon = io.BytesIO()
    Image.new("RGB", (40, 40), (200, 80, 40)).save(tampon, format="JPEG")
    donnees = {
        "titre": "L'histoire de Basile",
        "chapo": "Un résumé.",
        "texte": "Un paragraphe.",
        "commune": figeac,
        "profils": ["jeunes"],
        "thematiques": [],
        "images": [
            {
                "fichier": image_nettoyer(SimpleUploadedFile("p.jpg", tampon.getvalue())),
                "alt": "Une photo.",
                "retirer": False,
            },
            {"fichier": None, "alt": "", "retirer": False},
            {"fichier": None, "alt": "", "retirer": False},
        ],
    }
    histoire_b = histoire_soumettre(ambassadeur=amb_b, donnees=donnees, soumettre=False)
    offre_b = OffreHospitalite.objects.create(
        ambassadeur=amb_b,
        type=TypeHospitalite.choices[0][0],
        commune=figeac,
        capacite=2,
        periode="Les week-ends de mai",
        active=False,
    )
    demandeur = compte("demandeur@exemple.fr", first_name="Chloé")
    autre_arrivant = compte("curieux@exemple.fr", first_name="Denis")
    question_b = Question.objects.create(
        demandeur=demandeur, ambassadeur=amb_b, sujet="Les écoles de Figeac"
    )
    message_b = MessageQuestion.objects.create(
        question=question_b, auteur=demandeur, texte="Mon fils entre en CM2, quelle école ?"
    )
    from lot_portal.cms.models import HistoirePage

    return SimpleNamespace(
        attaquant=amb_a.utilisateur,
        arrivant=autre_arrivant,
        proprietaire=amb_b.utilisateur,
        demandeur=demandeur,
        histoire_b=histoire_b,
        offre_b=offre_b,
        question_b=question_b,
        etat=lambda: instantane(
            HistoirePage.objects.get(pk=histoire_b.pk).page_ptr,
            offre_b,
            question_b,
            message_b,
            requetes=[
                question_b.messages.all(),
                HistoirePage.objects.get(pk=histoire_b.pk).revisions.all(),
            ],
        ),
    )


# --- opportunites: job alerts, partner offers and takeover drafts -------------------------------


def scene_opportunites(client, site):
    from allauth.account.models import EmailAddress

    from lot_portal.territoire.models import Commune
    from opportunites.models import (
        Alerte,
        Contrat,
        Employeur,
        OffreEmploiPage,
        Organisme,
        ReprisePage,
        Secteur,
    )
    from opportunites.structure import structure_creer

    structure = structure_creer(site)
    commune = Commune.objects.filter(nom="Figeac").first() or Commune.objects.first()
    alerte_a = Alerte.objects.create(
        email="veilleuse.a@exemple.fr",
        compte=compte("veilleuse.a@exemple.fr"),
        libelle="CDI à Figeac",
        confirmee_le=timezone.now(),
    )
    alerte_b = Alerte.objects.create(
        email="veilleur.b@exemple.fr",
        compte=compte("veilleur.b@exemple.fr"),
        libelle="Ingénierie",
        confirmee_le=timezone.now(),
    )

    def partenaire(email, employeur):
        utilisateur = compte(email)
        EmailAddress.objects.get_or_create(
            user=utilisateur, email=email, defaults={"verified": True, "primary": True}
        )
        utilisateur.groups.add(structure.partenaires)
        employeur.partenaires.add(utilisateur)
        return utilisateur

    employeur_a = Employeur.objects.create(
        nom="Scierie du Ségala", secteur=Secteur.INGENIERIE, commune=commune
    )
    employeur_b = Employeur.objects.create(
        nom="Clinique de Cahors", secteur=Secteur.INGENIERIE, commune=commune
    )
    partenaire_a = partenaire("rh@scierie.exemple.fr", employeur_a)
    partenaire_b = partenaire("rh@clinique.exemple.fr", employeur_b)
    offre = OffreEmploiPage(
        title="Infirmier de nuit",
        employeur=employeur_b,
        contrat=Contrat.CDI,
        secteur=Secteur.INGENIERIE,
        commune=commune,
        description="<p>Service de nuit.</p>",
        candidature_url="https://exemple.fr/candidater",
        date_publication=timezone.localdate(),
        date_expiration=timezone.localdate() + datetime.timedelta(days=60),
        live=False,
        owner=partenaire_b,
    )
    structure.offres.add_child(instance=offre)
    offre.save_revision(user=partenaire_b)
    reprise = ReprisePage(
        title="Pharmacie à reprendre",
        activite="Pharmacie",
        secteur=Secteur.ARTISANAT,
        commune=commune,
        description="<p>Belle affaire.</p>",
        organisme=Organisme.CMA,
        organisme_email="transmission@cma-lot.exemple.fr",
        live=False,
        owner=partenaire_b,
    )
    structure.reprises.add_child(instance=reprise)
    reprise.save_revision(user=partenaire_b)
    offre = OffreEmploiPage.objects.get(pk=offre.pk)
    reprise = ReprisePage.objects.get(pk=reprise.pk)
    return SimpleNamespace(
        attaquant=alerte_a.compte,
        partenaire_a=partenaire_a,
        partenaire_b=partenaire_b,
        proprietaire=alerte_b.compte,
        alerte_b=alerte_b,
        offre_b=offre,
        reprise_b=reprise,
        etat=lambda: instantane(
            alerte_b,
            offre.page_ptr,
            reprise.page_ptr,
            requetes=[offre.revisions.all(), reprise.revisions.all()],
        ),
    )


# --- jeunesse: applications, attachments, team, mentors, messages, jury -------------------------


def scene_jeunesse(client):
    from jeunesse.models import Affectation, Mentor, Message, PieceJointe
    from jeunesse.models.choix import Statut, TypeMentor
    from jeunesse.models.suivi import EntreeJournal, RapportProjet
    from jeunesse.services.laureats import acceptation_confirmer

    fabrique = _fabrique_jeunesse_classe()()
    appel = fabrique.appel()
    document = fabrique.document(appel, libelle="Devis", obligatoire=False)
    porteur_a = fabrique.compte("porteuse.a@exemple.fr", first_name="Léa")
    porteur_b = fabrique.compte("porteur.b@exemple.fr", first_name="Hugo")
    brouillon_a = fabrique.candidature(appel, porteur_a)
    brouillon_b = fabrique.candidature(appel, porteur_b)
    client.force_login(porteur_b)
    url_pieces = reverse(
        "jeunesse:candidature_section",
        kwargs={"reference": brouillon_b.reference, "section": "pieces"},
    )
    reponse = client.post(
        url_pieces, {f"document_{document.pk}": SimpleUploadedFile("devis-hugo.pdf", PDF)}
    )
    assert reponse.status_code == 302, reponse.content[:500]
    client.logout()
    piece_b = PieceJointe.objects.get(candidature=brouillon_b)
    membre_b = brouillon_b.membres.create(
        prenom="Inès", nom="Vidal", email="ines@exemple.fr", invite_le=timezone.now()
    )
    mentor_b = Mentor.objects.create(
        candidature=brouillon_b,
        email="animatrice@mjc.exemple.fr",
        nom="Sophie Animatrice",
        type_mentor=TypeMentor.ANIMATEUR,
    )
    Message.objects.create(candidature=brouillon_b, auteur=porteur_b, texte="On se voit jeudi ?")

    # The jury: each juror sits on their own call; B's call has a submitted application.
    appel_2 = fabrique.appel()
    depose_b = fabrique.candidature(appel_2, porteur_b, statut=Statut.DEPOSE)
    jure_a = fabrique.jure(appel, fabrique.compte("jure.a@exemple.fr"))
    jure_b = fabrique.jure(appel_2, fabrique.compte("jure.b@exemple.fr"))
    depose_a = fabrique.candidature(appel, fabrique.compte("x@exemple.fr"), statut=Statut.DEPOSE)
    affectation_a = Affectation.objects.create(candidature=depose_a, jure=jure_a)
    affectation_b = Affectation.objects.create(candidature=depose_b, jure=jure_b)
    piece_depose_b = PieceJointe.objects.create(
        candidature=depose_b,
        nature=piece_b.nature,
        document=None,
        fichier=piece_b.fichier.name,
        nom_original="devis-hugo.pdf",
        type_mime="application/pdf",
        taille=piece_b.taille,
    )
    retenu_b = fabrique.candidature(fabrique.appel(), porteur_b, statut=Statut.RETENU)
    espace_b = fabrique.candidature(fabrique.appel(), porteur_b, statut=Statut.RETENU)
    acceptation_confirmer(espace_b, auteur=porteur_b, consentement_vitrine=False, vitrine_resume="")
    entree_b = EntreeJournal.objects.create(
        candidature=espace_b, auteur=porteur_b, titre="Premier jour", texte="Tout va bien."
    )
    rapport_b = espace_b.rapports.first() or RapportProjet.objects.create(
        candidature=espace_b, type_rapport=RapportProjet.Type.choices[0][0]
    )
    # A member who joined B's team (the « my details » and « leave » pages are theirs).
    membre_joint_b = fabrique.compte("joint.b@exemple.fr", first_name="Jules")
    brouillon_b.membres.create(
        utilisateur=membre_joint_b,
        prenom="Jules",
        nom="Roux",
        email="joint.b@exemple.fr",
        date_naissance=datetime.date(2003, 3, 3),
        lien_lot="habite",
        invite_le=timezone.now(),
        accepte_le=timezone.now(),
    )

    def etat():
        return instantane(
            brouillon_b,
            piece_b,
            membre_b,
            mentor_b,
            depose_b,
            retenu_b,
            espace_b,
            entree_b,
            rapport_b,
            affectation_b,
            requetes=[
                brouillon_b.membres.all(),
                brouillon_b.pieces.all(),
                brouillon_b.mentors.all(),
                Message.objects.filter(candidature=brouillon_b),
                affectation_b.notes.all(),
            ],
        )

    return SimpleNamespace(
        attaquant=porteur_a,
        brouillon_a=brouillon_a,
        brouillon_b=brouillon_b,
        piece_b=piece_b,
        membre_b=membre_b,
        mentor_b=mentor_b,
        retenu_b=retenu_b,
        espace_b=espace_b,
        depose_b=depose_b,
        entree_b=entree_b,
        rapport_b=rapport_b,
        proprietaire=porteur_b,
        membre_joint_b=membre_joint_b,
        jure_b=jure_b,
        jure_a=jure_a,
        affectation_a=affectation_a,
        affectation_b=affectation_b,
        piece_depose_b=piece_depose_b,
        etat=etat,
    )
