"""Choice lists shared by the models, forms and rules of the welcome journey."""

from django.db import models


class ProfilArrivant(models.TextChoices):
    """The plan's four target profiles (same values as ``cms.blocks.Profil``), plus « autre »."""

    SECONDES_VIES = "secondes_vies", "Seconde vie : je cherche un meilleur équilibre de vie"
    JEUNES = "jeunes", "Jeune : j'ai grandi ou étudié dans le Lot"
    WANTED = "wanted", "Ingénieur, technicien, cadre, médecin…"
    TOURISTES = "touristes", "Touriste amoureux du Lot"
    AUTRE = "autre", "Autre"


class ConnuPar(models.TextChoices):
    FAMILLE = "famille", "Famille ou amis"
    VACANCES = "vacances", "Vacances dans le Lot"
    ETUDES = "etudes", "J'y ai grandi ou étudié"
    RESEAUX = "reseaux", "Réseaux sociaux"
    PRESSE = "presse", "Presse, radio, télévision"
    SALON = "salon", "Salon ou événement"
    EMPLOYEUR = "employeur", "Un employeur"
    AMBASSADEUR = "ambassadeur", "Un ambassadeur du Lot"
    RECHERCHE = "recherche", "Recherche sur internet"
    AUTRE = "autre", "Autre"


class ProjetEntreprise(models.TextChoices):
    AUCUN = "aucun", "Pas de projet d'entreprise"
    CREATION = "creation", "Créer une entreprise"
    REPRISE = "reprise", "Reprendre une entreprise"


class Teletravail(models.TextChoices):
    NON = "non", "Non"
    PARTIEL = "partiel", "En partie"
    TOTAL = "total", "Entièrement"


class Horizon(models.TextChoices):
    MOINS_6_MOIS = "moins_6_mois", "Dans moins de 6 mois"
    SIX_12_MOIS = "6_12_mois", "Dans 6 à 12 mois"
    PLUS_UN_AN = "plus_un_an", "Dans plus d'un an"
    NE_SAIT_PAS = "ne_sait_pas", "Je ne sais pas encore"


class BesoinLogement(models.TextChoices):
    AUCUN = "aucun", "J'ai déjà un logement"
    LOCATION = "location", "Louer"
    ACHAT = "achat", "Acheter"
    NE_SAIT_PAS = "ne_sait_pas", "Je ne sais pas encore"


class StatutParcours(models.TextChoices):
    """The pipeline of a newcomer's file, as referents run it."""

    NOUVEAU = "nouveau", "Nouveau"
    PREMIER_CONTACT = "premier_contact", "Premier contact"
    EN_ECHANGE = "en_echange", "En échange"
    VISITE_DECOUVERTE = "visite_decouverte", "Visite découverte"
    INSTALLE = "installe", "Installé"
    SANS_SUITE = "sans_suite", "Sans suite"


STATUTS_CLOS = (StatutParcours.INSTALLE, StatutParcours.SANS_SUITE)


class StatutEtape(models.TextChoices):
    A_FAIRE = "a_faire", "À faire"
    EN_COURS = "en_cours", "En cours"
    FAIT = "fait", "Fait"
