"""Demo of the network's life, on top of the 15 demo ambassadors (``demo.py``).

Stories written by ambassadors in every state (published, in review, sent back with a
comment, draft) through ``services.histoires``; questions from the demo newcomers
(``arrivant.<n>@exemple.fr``, created by the accueil demo, which runs first) with answers;
three sent announcements; two network events with RSVPs; referrals; two hospitality offers
and one match with a demo discovery stay. Idempotent (each part is looked up first) and
nobody is emailed: rows are written directly, review emails are suspended.
"""

import io
import uuid
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageDraw

from .models import (
    Ambassadeur,
    Annonce,
    ControleParrainage,
    EnvoiAnnonce,
    EtatAnnonce,
    EvenementReseau,
    MessageQuestion,
    MiseEnRelationHospitalite,
    OffreHospitalite,
    Parrainage,
    Question,
    ReponseChoix,
    ReponseEvenement,
    SegmentAnnonce,
    StatutAmbassadeur,
    StatutQuestion,
    TypeHospitalite,
)

DOMAINE = "exemple.fr"
COULEURS = [(107, 29, 58), (46, 94, 78), (201, 122, 44), (52, 84, 138), (128, 80, 40)]

# (ambassador number, state, title, lede, text)
HISTOIRES = [
    (1, "publiee", "De Lyon à l'atelier de poterie",
     "Claire a quitté la ville pour ouvrir son atelier sur le causse.",
     "J'ai posé mes valises dans le Lot il y a cinq ans.\n\nAujourd'hui, mon atelier accueille "
     "des stagiaires de toute la région et je ne regrette rien."),
    (5, "publiee", "Une classe unique au cœur du Quercy",
     "Sophie raconte sa première rentrée dans une école de village.",
     "Douze élèves, trois niveaux, et une énergie incroyable.\n\nLes familles nouvellement "
     "installées trouvent ici une école à taille humaine."),
    (2, "en_relecture", "Les vendanges en famille",
     "Mathieu ouvre les portes de son domaine à Cahors.",
     "Chaque automne, nous vendangeons à la main avec des voisins et des amis.\n\nVenez "
     "découvrir le malbec là où il est né."),
    (3, "a_revoir", "Soigner à la campagne",
     "Inès, médecin généraliste, explique pourquoi elle a choisi le Lot.",
     "Exercer en maison de santé, c'est travailler en équipe.\n\nLe Lot manque de médecins : "
     "nous vous attendons."),
    (4, "brouillon", "Coder depuis la vallée du Célé",
     "Julien travaille à distance pour une entreprise parisienne.",
     "La fibre est arrivée au village il y a deux ans.\n\nDepuis, je code face aux falaises."),
]  # fmt: skip

COMMENTAIRE_A_REVOIR = (
    "Merci Inès ! Pouvez-vous ajouter un paragraphe sur la maison de santé (combien de "
    "professionnels, quels horaires) et préciser la commune ?"
)

# (newcomer number, ambassador number, subject, question, answer or "", closed)
QUESTIONS = [
    (1, 1, "Trouver un atelier à louer", "Bonjour Claire, où chercher un local d'artisan ?",
     "Bonjour ! Regardez du côté de la pépinière d'entreprises et des mairies.", False),
    (2, 5, "Les écoles autour de Figeac", "Quelles écoles pour deux enfants de 6 et 9 ans ?",
     "Il y a plusieurs écoles à taille humaine, je vous en parle volontiers.", False),
    (3, 3, "Médecin traitant", "Est-il facile de trouver un médecin traitant ?",
     "Les maisons de santé accueillent les nouveaux patients : appelez-les tôt.", True),
    (4, 2, "Travailler dans la vigne", "Recrutez-vous pour les vendanges ?", "", False),
]  # fmt: skip

ANNONCES = [
    ("Bienvenue aux nouveaux ambassadeurs",
     "Le réseau s'agrandit : cinq nouveaux ambassadeurs nous ont rejoints ce mois-ci."),
    ("Salon de l'installation à Toulouse",
     "Le Département tiendra un stand au salon : qui veut témoigner ?"),
    ("Un kit de partage tout neuf",
     "Nouveaux visuels et messages prêts à partager dans votre espace."),
]  # fmt: skip

EVENEMENTS = [
    ("Apéro des ambassadeurs à Cahors", "Rencontre conviviale entre ambassadeurs.",
     "Salle des fêtes", 30, 20),
    ("Formation : accueillir une famille", "Deux heures pour préparer une visite découverte.",
     "Maison du Département", 45, 12),
]  # fmt: skip


def seed_flux(*, stdout):
    """Every part is idempotent; parts needing the accueil demo are skipped without it."""
    numeros = {
        a.utilisateur.email: a
        for a in Ambassadeur.objects.filter(
            utilisateur__email__startswith="ambassadeur.",
            utilisateur__email__endswith=f"@{DOMAINE}",
            statut=StatutAmbassadeur.ACCEPTE,
        ).select_related("utilisateur", "commune")
    }
    ambassadeurs = {int(email.split(".")[1].split("@")[0]): a for email, a in numeros.items()}
    if not ambassadeurs:
        return
    arrivants = {
        u.email: u
        for u in get_user_model().objects.filter(
            email__startswith="arrivant.", email__endswith=f"@{DOMAINE}"
        )
    }
    _histoires(ambassadeurs, stdout)
    with transaction.atomic():
        _questions(ambassadeurs, arrivants)
        _annonces(ambassadeurs)
        _evenements(ambassadeurs)
        _parrainages(ambassadeurs, arrivants)
        _hospitalite(ambassadeurs)


def _histoires(ambassadeurs, stdout):
    from lot_portal.cms.models import HistoirePage

    from .services import histoires as services
    from .services.relecture import notifications_suspendues

    relecteur = get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
    for numero, etat, titre, chapo, texte in HISTOIRES:
        ambassadeur = ambassadeurs.get(numero)
        if ambassadeur is None:
            continue
        if HistoirePage.objects.filter(auteur=ambassadeur.utilisateur, title=titre).exists():
            continue
        donnees = {
            "titre": titre,
            "chapo": chapo,
            "texte": texte,
            "commune": ambassadeur.commune,
            "profils": list(ambassadeur.profils or [])[:2],
            "thematiques": [],
            "images": [
                {
                    "fichier": _visuel(numero),
                    "alt": f"Paysage du Lot près de {ambassadeur.commune.nom}.",
                    "retirer": False,
                },
                {"fichier": None, "alt": "", "retirer": False},
                {"fichier": None, "alt": "", "retirer": False},
            ],
        }
        try:
            with notifications_suspendues(), transaction.atomic():
                page = services.histoire_soumettre(
                    ambassadeur=ambassadeur, donnees=donnees, soumettre=etat != "brouillon"
                )
                if etat in ("publiee", "a_revoir"):
                    tache = HistoirePage.objects.get(pk=page.pk).current_workflow_task_state
                    if etat == "publiee":
                        tache.approve(user=relecteur)
                    else:
                        tache.reject(user=relecteur, comment=COMMENTAIRE_A_REVOIR)
        except services.RelectureIndisponible:
            stdout.write("Ambassadeurs : pas d'index des histoires ou de relecture, "
                         "histoires des ambassadeurs non créées.")  # fmt: skip
            return


def _visuel(numero: int) -> ContentFile:
    """A landscape drawn locally (sky, sun, hills), as a JPEG."""
    largeur, hauteur = 960, 640
    image = Image.new("RGB", (largeur, hauteur), (142, 190, 222))
    dessin = ImageDraw.Draw(image)
    dessin.ellipse((700, 80, 820, 200), fill=(246, 196, 83))
    couleur = COULEURS[numero % len(COULEURS)]
    dessin.polygon(
        [(0, 460), (300, 330), (620, 440), (960, 350), (960, 640), (0, 640)], fill=couleur
    )
    tampon = io.BytesIO()
    image.save(tampon, format="JPEG", quality=80)
    return ContentFile(tampon.getvalue(), name=f"histoire-ambassadeur-{numero}.jpg")


def _questions(ambassadeurs, arrivants):
    maintenant = timezone.now()
    for rang, (n_arr, n_amb, sujet, texte, reponse, close) in enumerate(QUESTIONS):
        demandeur = arrivants.get(f"arrivant.{n_arr}@{DOMAINE}")
        ambassadeur = ambassadeurs.get(n_amb)
        if demandeur is None or ambassadeur is None:
            continue
        if Question.objects.filter(demandeur=demandeur, ambassadeur=ambassadeur).exists():
            continue
        quand = maintenant - timedelta(days=10 - rang)
        question = Question.objects.create(
            demandeur=demandeur, ambassadeur=ambassadeur, sujet=sujet
        )
        messages = [MessageQuestion(question=question, auteur=demandeur, texte=texte, lu_le=quand)]
        if reponse:
            messages.append(
                MessageQuestion(question=question, auteur=ambassadeur.utilisateur, texte=reponse)
            )
        MessageQuestion.objects.bulk_create(messages)
        champs = {"cree_le": quand, "derniere_activite_le": quand + timedelta(hours=5)}
        if close:
            champs.update(
                statut=StatutQuestion.FERMEE,
                fermee_le=quand + timedelta(days=1),
                fermee_par=demandeur,
            )
        Question.objects.filter(pk=question.pk).update(**champs)


def _annonces(ambassadeurs):
    destinataires = [a for a in ambassadeurs.values() if a.disponible]
    maintenant = timezone.now()
    for rang, (titre, texte) in enumerate(ANNONCES):
        if Annonce.objects.filter(titre=titre).exists():
            continue
        envoyee = maintenant - timedelta(days=40 - 15 * rang)
        annonce = Annonce.objects.create(
            titre=titre,
            texte=texte,
            segment=SegmentAnnonce.TOUS,
            etat=EtatAnnonce.ENVOYEE,
            envoi_demande_le=envoyee,
            envoyee_le=envoyee,
            nb_destinataires=len(destinataires),
            nb_envois=len(destinataires),
        )
        EnvoiAnnonce.objects.bulk_create(
            EnvoiAnnonce(annonce=annonce, ambassadeur=a, cree_le=envoyee) for a in destinataires
        )


def _evenements(ambassadeurs):
    reponses = [ReponseChoix.OUI, ReponseChoix.OUI, ReponseChoix.PEUT_ETRE, ReponseChoix.NON]
    for titre, description, lieu, jours, capacite in EVENEMENTS:
        if EvenementReseau.objects.filter(titre=titre).exists():
            continue
        premier = ambassadeurs[min(ambassadeurs)]
        evenement = EvenementReseau.objects.create(
            titre=titre,
            description=description,
            debut=(timezone.now() + timedelta(days=jours)).replace(
                hour=18, minute=30, second=0, microsecond=0
            ),
            lieu=lieu,
            commune=premier.commune,
            capacite=capacite,
        )
        ReponseEvenement.objects.bulk_create(
            ReponseEvenement(evenement=evenement, ambassadeur=a, reponse=reponses[i % 4])
            for i, a in enumerate(list(ambassadeurs.values())[:8])
        )


def _parrainages(ambassadeurs, arrivants):
    """Referrals of demo newcomers' files (their reference, read through the accueil
    relation of the stays, without importing accueil); none without the accueil demo."""
    from .services.hospitalite import modele_sejour

    Parcours = modele_sejour()._meta.get_field("parcours").related_model
    parcours = list(
        Parcours.objects.filter(utilisateur__email__in=list(arrivants))
        .only("reference", "statut")
        .order_by("pk")[:4]
    )
    parrains = [ambassadeurs.get(n) for n in (1, 4, 1, 8)]
    for dossier, parrain in zip(parcours, parrains, strict=False):
        if parrain is None:
            continue
        Parrainage.objects.get_or_create(
            filleul_reference=uuid.UUID(str(dossier.reference)),
            defaults={
                "ambassadeur": parrain,
                "etape": str(dossier.statut),
                "converti_le": timezone.now() if dossier.statut == "installe" else None,
                "controle": ControleParrainage.VALIDE,
            },
        )


def _hospitalite(ambassadeurs):
    from .services.hospitalite import STATUTS_SEJOUR_OUVERTS, modele_sejour

    offres = []
    for numero, type_, capacite, periode in (
        (6, TypeHospitalite.REPAS, 4, "Les samedis midi, d'avril à octobre"),
        (10, TypeHospitalite.WEEK_END, 3, "Un week-end par mois"),
    ):
        ambassadeur = ambassadeurs.get(numero)
        if ambassadeur is None:
            continue
        offre, _ = OffreHospitalite.objects.get_or_create(
            ambassadeur=ambassadeur,
            type=type_,
            defaults={
                "commune": ambassadeur.commune,
                "capacite": capacite,
                "periode": periode,
                "notes": "Nous parlons aussi anglais.",
            },
        )
        offres.append(offre)
    if not offres or MiseEnRelationHospitalite.objects.filter(offre__in=offres).exists():
        return
    sejour = (
        modele_sejour()
        .objects.filter(statut__in=STATUTS_SEJOUR_OUVERTS, parcours__utilisateur__isnull=False)
        .order_by("pk")
        .first()
    )
    if sejour is not None:
        MiseEnRelationHospitalite.objects.create(
            offre=offres[0],
            sejour=sejour,
            message_equipe="Une famille qui aime la bonne cuisine : un repas chez vous serait "
            "parfait pour leur premier séjour.",
        )
