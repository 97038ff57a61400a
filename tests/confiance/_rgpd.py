"""Builders for the RGPD tests: one person with data in every app, built directly."""

import datetime
from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils import timezone
from fabriques import CommuneFactory, UtilisateurFactory

from accueil.models import CurriculumVitae, Message, NoteSuivi, ParcoursAccueil
from accueil.models.choix import ProfilArrivant
from jeunesse.models import AppelAProjets, Candidature, Idee, MembreEquipe, PieceJointe
from jeunesse.models.choix import Statut
from lot_portal.courriels.models import Courriel
from opportunites.models import Alerte


def courriel(destinataires, *, statut=Courriel.Statut.EN_ATTENTE, **champs):
    return Courriel.objects.create(
        expediteur="portail@lot.fr",
        destinataires=list(destinataires),
        sujet=champs.pop("sujet", "Votre projet"),
        corps_texte=champs.pop("corps_texte", "Bonjour"),
        statut=statut,
        envoye_le=timezone.now() if statut == Courriel.Statut.ENVOYE else None,
        **champs,
    )


def alerte(email, compte=None, **champs):
    valeurs = {"email": email, "filtres": {"secteur": "sante"}, "libelle": "Santé"}
    valeurs["compte"] = compte
    valeurs.update(champs)
    return Alerte.objects.create(**valeurs)


def appel(**champs):
    maintenant = timezone.now()
    valeurs = {
        "titre": "Initiatives jeunes",
        "slug": f"initiatives-{AppelAProjets.objects.count() + 1}",
        "chapo": "Un coup de pouce.",
        "presentation": "<p>Projets.</p>",
        "age_min": 15,
        "age_max": 30,
        "liens_acceptes": ["habite"],
        "ouverture": maintenant - datetime.timedelta(days=20),
        "cloture": maintenant + datetime.timedelta(days=10),
        "enveloppe": Decimal("20000"),
        "montant_max": Decimal("3000"),
        "publie": True,
    }
    valeurs.update(champs)
    return AppelAProjets.objects.create(**valeurs)


def candidature(porteur, *, appel_=None, statut=Statut.DEPOSE, **champs):
    valeurs = {
        "titre": "Festival des possibles",
        "resume": "Un festival de lycéens.",
        "objectifs": "Faire jouer les groupes du Lot.",
        "calendrier": "Juillet.",
        "montant_demande": Decimal("1500"),
        "statut": statut,
    }
    valeurs.update(champs)
    c = Candidature.objects.create(appel=appel_ or appel(), porteur=porteur, **valeurs)
    MembreEquipe.objects.create(
        candidature=c,
        utilisateur=porteur,
        est_porteur=True,
        prenom=porteur.first_name or "Camille",
        nom=porteur.last_name or "Martin",
        email=porteur.email,
        role="Porteur",
        date_naissance=datetime.date(2004, 5, 12),
    )
    return c


def personne_complete(email="lea.durand@exemple.fr"):
    """An account with a welcome file (CV, message, note), an alert, a submitted youth
    application with an attachment, an idea and emails in the outbox."""
    utilisateur = UtilisateurFactory(email=email, first_name="Léa", last_name="Durand")
    parcours = ParcoursAccueil.objects.create(
        utilisateur=utilisateur,
        prenom="Léa",
        nom="Durand",
        telephone="06 11 22 33 44",
        profil=ProfilArrivant.SECONDES_VIES,
        lieu_actuel="Lyon",
        consentement_le=timezone.now(),
    )
    cv = CurriculumVitae(parcours=parcours, nom_original="cv-lea.pdf", taille=10)
    cv.fichier.save("cv.pdf", ContentFile(b"%PDF-1.4 cv"), save=True)
    Message.objects.create(parcours=parcours, de_l_arrivant=True, texte="Bonjour, je suis Léa")
    NoteSuivi.objects.create(parcours=parcours, texte="Léa cherche à Figeac")
    alerte(email, compte=utilisateur)
    cand = candidature(utilisateur)
    piece = PieceJointe(candidature=cand, nom_original="devis.pdf", taille=10)
    piece.fichier.save("devis.pdf", ContentFile(b"%PDF-1.4 devis"), save=True)
    Idee.objects.create(auteur=utilisateur, titre="Un skatepark", description="À Cahors")
    return utilisateur, {"parcours": parcours, "cv": cv, "candidature": cand, "piece": piece}


def commune():
    return CommuneFactory()


def image():
    """A small Wagtail image (a story needs one)."""
    import io

    from PIL import Image as Pil
    from wagtail.images import get_image_model

    tampon = io.BytesIO()
    Pil.new("RGB", (20, 20), "green").save(tampon, "PNG")
    return get_image_model().objects.create(
        title="Portrait", file=ContentFile(tampon.getvalue(), name="portrait.png")
    )


def evenement(**champs):
    """A published event under the root page (10 days ahead unless told otherwise)."""
    from wagtail.models import Page

    from lot_portal.agenda.models import EvenementPage

    numero = EvenementPage.objects.count() + 1
    debut = champs.pop("debut", timezone.now() + datetime.timedelta(days=10))
    valeurs = {
        "title": f"Job dating {numero}",
        "slug": f"job-dating-rgpd-{numero}",
        "type": "job_dating",
        "chapo": "Rencontrez les employeurs du Lot.",
        "debut": debut,
        "fin": debut + datetime.timedelta(hours=7),
        "commune": CommuneFactory(),
        "lieu": "Espace Valentré",
        "adresse": "Allée des Soupirs",
        "publics": ["wanted"],
        "inscriptions_ouvertes": True,
        **champs,
    }
    page = EvenementPage(**valeurs)
    Page.objects.get(depth=1).add_child(instance=page)
    return page


def inscription(evenement_, email, **champs):
    from lot_portal.agenda.models import Inscription

    valeurs = {"prenom": "Claire", "nom": "Martin", "email": email, "statut": "inscrite"}
    valeurs.update(champs)
    return Inscription.objects.create(evenement=evenement_, **valeurs)


def ambassadeur(utilisateur, **champs):
    from ambassadeurs.models import Ambassadeur

    valeurs = {
        "prenom": "Paul",
        "nom": "Nomsecret",
        "commune": CommuneFactory(),
        "profession": "Céramiste",
        "arrive_de": "Lyon",
        "histoire": "Arrivé en 2019.",
        "charte_acceptee_le": timezone.now(),
        "photo": image(),
    }
    valeurs.update(champs)
    return Ambassadeur.objects.create(utilisateur=utilisateur, **valeurs)
