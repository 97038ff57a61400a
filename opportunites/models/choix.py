"""The choices of the opportunities (French labels, stable codes used in URLs and imports)."""

from django.db import models


class Contrat(models.TextChoices):
    CDI = "cdi", "CDI"
    CDD = "cdd", "CDD"
    INTERIM = "interim", "Intérim"
    ALTERNANCE = "alternance", "Alternance"
    STAGE = "stage", "Stage"
    LIBERAL = "liberal", "Libéral / installation"


# schema.org JobPosting employmentType for each contract.
CONTRAT_SCHEMA = {
    Contrat.CDI: "FULL_TIME",
    Contrat.CDD: "TEMPORARY",
    Contrat.INTERIM: "TEMPORARY",
    Contrat.ALTERNANCE: "INTERN",
    Contrat.STAGE: "INTERN",
    Contrat.LIBERAL: "CONTRACTOR",
}


class TempsTravail(models.TextChoices):
    PLEIN = "plein", "Temps plein"
    PARTIEL = "partiel", "Temps partiel"


class Teletravail(models.TextChoices):
    NON = "non", "Pas de télétravail"
    PARTIEL = "partiel", "Télétravail partiel"
    TOTAL = "total", "Télétravail complet"


class Secteur(models.TextChoices):
    SANTE = "sante", "Santé et social"
    INGENIERIE = "ingenierie", "Ingénierie et industrie"
    NUMERIQUE = "numerique", "Numérique"
    AGRICULTURE = "agriculture", "Agriculture et agroalimentaire"
    BTP = "btp", "Bâtiment et travaux publics"
    COMMERCE = "commerce", "Commerce et distribution"
    TOURISME = "tourisme", "Tourisme, hôtellerie et restauration"
    ARTISANAT = "artisanat", "Artisanat"
    TRANSPORT = "transport", "Transport et logistique"
    EDUCATION = "education", "Éducation et formation"
    PUBLIC = "public", "Fonction publique"
    SERVICES = "services", "Services aux entreprises"
    CULTURE = "culture", "Culture et loisirs"


class PeriodeSalaire(models.TextChoices):
    ANNEE = "annee", "par an"
    MOIS = "mois", "par mois"
    HEURE = "heure", "de l'heure"


# schema.org unitText for each salary period.
PERIODE_SCHEMA = {
    PeriodeSalaire.ANNEE: "YEAR",
    PeriodeSalaire.MOIS: "MONTH",
    PeriodeSalaire.HEURE: "HOUR",
}


class Organisme(models.TextChoices):
    CCI = "cci", "CCI du Lot"
    CMA = "cma", "Chambre de métiers et de l'artisanat"
    AGRICULTURE = "agriculture", "Chambre d'agriculture"
    AUTRE = "autre", "Autre organisme"


class TrancheCA(models.TextChoices):
    MOINS_100K = "0-100", "Moins de 100 000 €"
    DE_100K_300K = "100-300", "100 000 à 300 000 €"
    DE_300K_1M = "300-1000", "300 000 € à 1 M€"
    PLUS_1M = "1000+", "Plus de 1 M€"


class TrancheEffectif(models.TextChoices):
    ZERO = "0", "Sans salarié"
    UN_CINQ = "1-5", "1 à 5 salariés"
    SIX_VINGT = "6-20", "6 à 20 salariés"
    PLUS_VINGT = "20+", "Plus de 20 salariés"


class TranchePrix(models.TextChoices):
    MOINS_50K = "0-50", "Moins de 50 000 €"
    DE_50K_150K = "50-150", "50 000 à 150 000 €"
    DE_150K_500K = "150-500", "150 000 à 500 000 €"
    PLUS_500K = "500+", "Plus de 500 000 €"
    A_NEGOCIER = "negocier", "À négocier"


class TypeAccompagnement(models.TextChoices):
    INCUBATEUR = "incubateur", "Incubateur et pépinière"
    COWORKING = "coworking", "Espace de coworking"
    AIDE = "aide", "Aide et financement"
    CONCOURS = "concours", "Concours de création"
    CONSEIL = "conseil", "Conseil et accompagnement"


class FrequenceAlerte(models.TextChoices):
    QUOTIDIENNE = "quotidienne", "Chaque jour"
    HEBDOMADAIRE = "hebdomadaire", "Chaque semaine"
