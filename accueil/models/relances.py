"""Follow-up emails (templates staff edit, one row per scheduled email) and check-ins."""

import uuid

from django.db import models

from lot_portal.courriels.models import Courriel


class ModeleRelance(models.Model):
    """A follow-up email staff write: when it goes (trigger + delay) and what it says.

    The subject and text may use ``{prenom}``, ``{referent}`` and ``{secteur}``.
    """

    class Declencheur(models.TextChoices):
        INSCRIPTION = "inscription", "Après l'inscription"
        DATE_INSTALLATION = "date_installation", "Par rapport à la date d'installation prévue"
        INSTALLATION = "installation", "Après l'installation (statut « installé »)"

    code = models.SlugField("code", max_length=60, unique=True)
    nom = models.CharField("nom", max_length=150)
    declencheur = models.CharField("déclencheur", max_length=20, choices=Declencheur.choices)
    delai_jours = models.SmallIntegerField(
        "délai (jours)",
        help_text="Jours après le déclencheur ; négatif : avant (par exemple -30 pour un mois "
        "avant la date d'installation).",
    )
    sujet = models.CharField("sujet", max_length=200)
    corps = models.TextField("texte")
    avec_questionnaire = models.BooleanField(
        "avec le questionnaire de suivi",
        default=False,
        help_text="Le courriel invite à répondre au questionnaire « Comment se passe votre vie "
        "dans le Lot ? ».",
    )
    actif = models.BooleanField("actif", default=True)

    class Meta:
        verbose_name = "modèle de relance"
        verbose_name_plural = "modèles de relance"
        ordering = ["declencheur", "delai_jours"]

    def __str__(self):
        return self.nom


class Relance(models.Model):
    """One follow-up email of one newcomer, due at ``due_le``; sent at most once."""

    class Statut(models.TextChoices):
        PREVUE = "prevue", "Prévue"
        EN_COURS = "en_cours", "En cours"
        ENVOYEE = "envoyee", "Envoyée"
        ANNULEE = "annulee", "Annulée"

    parcours = models.ForeignKey(
        "accueil.ParcoursAccueil",
        on_delete=models.CASCADE,
        related_name="relances",
        verbose_name="parcours",
    )
    modele = models.ForeignKey(
        ModeleRelance, on_delete=models.CASCADE, related_name="relances", verbose_name="modèle"
    )
    due_le = models.DateTimeField("prévue le")
    statut = models.CharField(
        "statut", max_length=10, choices=Statut.choices, default=Statut.PREVUE
    )
    courriel = models.ForeignKey(
        Courriel, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    traitee_le = models.DateTimeField("traitée le", null=True, blank=True)
    motif_annulation = models.CharField("motif d'annulation", max_length=200, blank=True)

    class Meta:
        verbose_name = "relance"
        verbose_name_plural = "relances"
        ordering = ["due_le"]
        constraints = [
            models.UniqueConstraint(fields=["parcours", "modele"], name="relance_unique_par_modele")
        ]
        indexes = [models.Index(fields=["statut", "due_le"])]

    def __str__(self):
        return f"{self.modele} ({self.get_statut_display()})"


class Bilan(models.Model):
    """A check-in questionnaire after settling (about 6 and 12 months)."""

    class Reponse3(models.TextChoices):
        NON = "non", "Non"
        UN_PEU = "un_peu", "Un peu"
        OUI = "oui", "Oui"

    class EmploiConjoint(models.TextChoices):
        NON_CONCERNE = "non_concerne", "Pas concerné"
        TROUVE = "trouve", "A trouvé un emploi"
        CHERCHE = "cherche", "Cherche encore"

    class Logement(models.TextChoices):
        SATISFAISANT = "satisfaisant", "Nous sommes bien logés"
        PROVISOIRE = "provisoire", "Encore provisoire"
        DIFFICILE = "difficile", "Difficile"

    parcours = models.ForeignKey(
        "accueil.ParcoursAccueil",
        on_delete=models.CASCADE,
        related_name="bilans",
        verbose_name="parcours",
    )
    relance = models.OneToOneField(
        Relance, null=True, blank=True, on_delete=models.SET_NULL, related_name="bilan"
    )
    jeton = models.UUIDField("jeton", default=uuid.uuid4, unique=True, editable=False)
    cree_le = models.DateTimeField("proposé le", auto_now_add=True)
    repondu_le = models.DateTimeField("répondu le", null=True, blank=True)
    satisfaction = models.PositiveSmallIntegerField("satisfaction (1 à 5)", null=True, blank=True)
    isolement = models.CharField(
        "se sent isolé", max_length=10, choices=Reponse3.choices, blank=True
    )
    emploi_conjoint = models.CharField(
        "emploi du conjoint", max_length=15, choices=EmploiConjoint.choices, blank=True
    )
    logement = models.CharField("logement", max_length=15, choices=Logement.choices, blank=True)
    envisage_partir = models.CharField(
        "envisage de quitter le Lot", max_length=10, choices=Reponse3.choices, blank=True
    )
    commentaire = models.TextField("commentaire", max_length=3000, blank=True)
    alerte = models.BooleanField("risque de départ signalé", default=False)
    motifs_alerte = models.JSONField("motifs de l'alerte", default=list, blank=True)

    class Meta:
        verbose_name = "bilan de suivi"
        verbose_name_plural = "bilans de suivi"
        ordering = ["-cree_le"]

    def __str__(self):
        return f"Bilan du {self.cree_le:%d/%m/%Y}"
