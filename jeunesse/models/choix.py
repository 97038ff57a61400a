"""Choices shared by the jeunesse models, forms and views."""

from django.db import models


class TypeAppel(models.TextChoices):
    JEUNESSE = "jeunesse", "Appel à projets jeunesse"
    CREATION = "creation", "Concours de création d'entreprise"


class LienLot(models.TextChoices):
    HABITE = "habite", "J'habite dans le Lot"
    ETUDIE = "etudie", "J'étudie ou je suis en formation dans le Lot"
    NE = "ne", "Je suis né·e dans le Lot"
    GRANDI = "grandi", "J'ai grandi dans le Lot"
    AUCUN = "aucun", "Aucun de ces liens"


class ModeAutorisation(models.TextChoices):
    FICHIER = "fichier", "Autorisation signée à téléverser"
    DECLARATION = "declaration", "Consentement déclaré en ligne par un parent"


class TypeQuestion(models.TextChoices):
    TEXTE_COURT = "texte_court", "Texte court"
    TEXTE_LONG = "texte_long", "Texte long"
    NOMBRE = "nombre", "Nombre"
    CHOIX = "choix", "Choix dans une liste"
    FICHIER = "fichier", "Fichier"


class Statut(models.TextChoices):
    """The states of an application. Transitions live in ``jeunesse.services.etats``."""

    BROUILLON = "brouillon", "Brouillon"
    DEPOSE = "depose", "Déposé"
    EN_INSTRUCTION = "en_instruction", "En instruction"
    COMPLEMENT_DEMANDE = "complement_demande", "Complément demandé"
    RETENU = "retenu", "Retenu"
    NON_RETENU = "non_retenu", "Non retenu"
    SANS_SUITE = "sans_suite", "Classé sans suite"


class NatureBudget(models.TextChoices):
    DEPENSE = "depense", "Dépense"
    RESSOURCE = "ressource", "Ressource"


class NaturePiece(models.TextChoices):
    DOCUMENT = "document", "Document demandé par l'appel"
    QUESTION = "question", "Réponse à une question"
    AUTORISATION = "autorisation", "Autorisation parentale"
    RAPPORT = "rapport", "Rapport de projet"
    AUTRE = "autre", "Autre pièce"


class MotifComplement(models.TextChoices):
    INCORRECT = "incorrect", "Incorrect"
    INCOMPLET = "incomplet", "Incomplet"
    PERIME = "perime", "Périmé"


class TypeMentor(models.TextChoices):
    ANIMATEUR = "animateur", "Animateur ou animatrice jeunesse"
    PIJ = "pij", "Point Information Jeunesse"
    MISSION_LOCALE = "mission_locale", "Conseiller ou conseillère de Mission locale"
    AUTRE = "autre", "Autre accompagnant·e"


class QualiteJure(models.TextChoices):
    AGENT = "agent", "Agent du Département"
    PARTENAIRE = "partenaire", "Partenaire"
    JEUNE = "jeune", "Jeune"


class StatutJournal(models.TextChoices):
    BROUILLON = "brouillon", "Brouillon"
    SOUMIS = "soumis", "En attente de modération"
    PUBLIE = "publie", "Publié"
    REFUSE = "refuse", "Refusé"


class CategorieIdee(models.TextChoices):
    SLOGAN = "slogan", "Un slogan, un message"
    VIDEO = "video", "Une idée de vidéo"
    EVENEMENT = "evenement", "Un événement"
    PORTAIL = "portail", "Une page ou un outil du portail"
    AUTRE = "autre", "Autre idée"


class StatutIdee(models.TextChoices):
    EN_ATTENTE = "en_attente", "En attente de modération"
    PUBLIEE = "publiee", "Publiée"
    RETENUE = "retenue", "Retenue"
    EN_COURS = "en_cours", "En cours"
    REALISEE = "realisee", "Réalisée"
    REFUSEE = "refusee", "Non publiée"


STATUTS_IDEE_VISIBLES = (
    StatutIdee.PUBLIEE,
    StatutIdee.RETENUE,
    StatutIdee.EN_COURS,
    StatutIdee.REALISEE,
)
