from django.db import models


class StatutAmbassadeur(models.TextChoices):
    CANDIDATURE = "candidature", "Candidature en attente"
    ACCEPTE = "accepte", "Acceptée"
    REFUSE = "refuse", "Refusée"


class Secteur(models.TextChoices):
    AGRICULTURE = "agriculture", "Agriculture, viticulture, agroalimentaire"
    ARTISANAT = "artisanat", "Artisanat, commerce"
    INDUSTRIE = "industrie", "Industrie, BTP"
    SANTE = "sante", "Santé, social"
    EDUCATION = "education", "Éducation, recherche"
    NUMERIQUE = "numerique", "Numérique, services aux entreprises"
    TOURISME = "tourisme", "Tourisme, culture, sport"
    PUBLIC = "public", "Fonction publique, collectivités"
    ASSOCIATIF = "associatif", "Associatif"
    RETRAITE = "retraite", "Retraité·e"
    AUTRE = "autre", "Autre"


class Origine(models.TextChoices):
    NE_ICI = "ne_ici", "Né·e dans le Lot"
    REVENU = "revenu", "Revenu·e dans le Lot"
    ARRIVE = "arrive", "Arrivé·e d'ailleurs"


class Offre(models.TextChoices):
    QUESTIONS = "questions", "Répondre aux questions des nouveaux arrivants"
    ACCUEIL = "accueil", "Accueillir une famille pour une visite découverte"
    SALONS = "salons", "Intervenir sur des salons et événements"
    RESEAUX = "reseaux", "Partager sur les réseaux sociaux"
    HISTOIRES = "histoires", "Écrire des histoires"


class ChampPublic(models.TextChoices):
    PHOTO = "photo", "Photo"
    COMMUNE = "commune", "Commune"
    PROFESSION = "profession", "Profession"
    ORIGINE = "origine", "Origine"
    INTERETS = "interets", "Centres d'intérêt"
    HISTOIRE = "histoire", "Mon histoire avec le Lot"
