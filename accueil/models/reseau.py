"""The staff side: welcome referents, pipeline history, notes, maturity rules, stays."""

from django.conf import settings
from django.db import models

from lot_portal.territoire.models import CommunauteDeCommunes, Commune

from .choix import StatutParcours


class Referent(models.Model):
    """A welcome referent: a staff account following the newcomers of one area.

    ``communaute`` empty: the departmental team, which sees every file and takes the
    registrations whose area is unknown.
    """

    utilisateur = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name="compte",
        on_delete=models.CASCADE,
        related_name="referent_accueil",
    )
    communaute = models.ForeignKey(
        CommunauteDeCommunes,
        verbose_name="communauté de communes",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="referents",
        help_text="Vide : équipe départementale (voit tous les dossiers).",
    )
    fonction = models.CharField(
        "fonction affichée", max_length=150, default="Référente accueil", blank=True
    )
    telephone = models.CharField("téléphone professionnel", max_length=30, blank=True)
    presentation = models.TextField("présentation", blank=True)
    actif = models.BooleanField("actif", default=True)

    class Meta:
        verbose_name = "référent accueil"
        verbose_name_plural = "référents accueil"
        ordering = ["communaute__nom", "utilisateur__last_name"]

    def __str__(self):
        secteur = self.communaute.nom if self.communaute_id else "équipe départementale"
        return f"{self.utilisateur} ({secteur})"

    @property
    def est_departemental(self) -> bool:
        return self.communaute_id is None


class ChangementStatut(models.Model):
    """The dated history of a file's pipeline status."""

    parcours = models.ForeignKey(
        "accueil.ParcoursAccueil",
        on_delete=models.CASCADE,
        related_name="changements_statut",
        verbose_name="parcours",
    )
    ancien = models.CharField(
        "ancien statut", max_length=20, choices=StatutParcours.choices, blank=True
    )
    nouveau = models.CharField("nouveau statut", max_length=20, choices=StatutParcours.choices)
    par = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="par",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    commentaire = models.CharField("commentaire", max_length=300, blank=True)
    le = models.DateTimeField("le", auto_now_add=True)

    class Meta:
        verbose_name = "changement de statut"
        verbose_name_plural = "changements de statut"
        ordering = ["-le", "-pk"]

    def __str__(self):
        return f"{self.get_ancien_display() or '—'} → {self.get_nouveau_display()}"


class NoteSuivi(models.Model):
    """A referent's note on a file (never shown to the newcomer, exported with their data)."""

    parcours = models.ForeignKey(
        "accueil.ParcoursAccueil",
        on_delete=models.CASCADE,
        related_name="notes",
        verbose_name="parcours",
    )
    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="auteur",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    texte = models.TextField("note", max_length=5000)
    cree_le = models.DateTimeField("écrite le", auto_now_add=True)

    class Meta:
        verbose_name = "note de suivi"
        verbose_name_plural = "notes de suivi"
        ordering = ["-cree_le", "-pk"]

    def __str__(self):
        return f"Note du {self.cree_le:%d/%m/%Y}"


class RegleMaturite(models.Model):
    """One rule of the maturity score: a criterion and the points it is worth.

    Staff tune the points (and switch rules off); the score of a file is the sum of the
    points of the active rules it meets, explained rule by rule in the admin.
    """

    class Critere(models.TextChoices):
        DATE_INSTALLATION = "date_installation", "Date d'installation fixée dans les N mois"
        HORIZON_COURT = "horizon_court", "Installation prévue dans moins de 6 mois"
        PROJET_EMPLOI = "projet_emploi", "Métier recherché précisé"
        PROJET_ENTREPRISE = "projet_entreprise", "Projet de création ou de reprise"
        TELETRAVAIL = "teletravail", "Emploi conservé en télétravail"
        ZONE_CHOISIE = "zone_choisie", "Secteur ou commune choisis"
        LOGEMENT_DEFINI = "logement_defini", "Projet de logement défini (louer, acheter, trouvé)"
        CONJOINT_PRET = (
            "conjoint_pret",
            "Le conjoint ne cherche pas d'emploi ou a un métier précisé",
        )
        CV_DEPOSE = "cv_depose", "CV déposé"

    critere = models.CharField("critère", max_length=30, choices=Critere.choices, unique=True)
    points = models.SmallIntegerField("points", default=10)
    parametre = models.PositiveSmallIntegerField(
        "paramètre (N)", null=True, blank=True, help_text="Pour les critères qui ont un N (mois)."
    )
    actif = models.BooleanField("active", default=True)

    class Meta:
        verbose_name = "règle de maturité"
        verbose_name_plural = "règles de maturité"
        ordering = ["-points", "critere"]

    def __str__(self):
        return f"{self.get_critere_display()} : {self.points} points"


class SejourDecouverte(models.Model):
    """A discovery stay (immersion weekend…) asked by a newcomer, run by staff."""

    class Statut(models.TextChoices):
        DEMANDE = "demande", "Demandé"
        ACCEPTE = "accepte", "Accepté"
        PLANIFIE = "planifie", "Planifié"
        REALISE = "realise", "Réalisé"
        REFUSE = "refuse", "Refusé"
        ANNULE = "annule", "Annulé"

    parcours = models.ForeignKey(
        "accueil.ParcoursAccueil",
        on_delete=models.CASCADE,
        related_name="sejours",
        verbose_name="parcours",
    )
    statut = models.CharField(
        "statut", max_length=10, choices=Statut.choices, default=Statut.DEMANDE
    )
    periode_souhaitee = models.CharField("période souhaitée", max_length=200)
    nombre_personnes = models.PositiveSmallIntegerField("nombre de personnes", default=1)
    souhaits = models.TextField("ce que le nouvel arrivant veut découvrir", blank=True)
    commune = models.ForeignKey(
        Commune,
        verbose_name="commune",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    date_debut = models.DateField("du", null=True, blank=True)
    date_fin = models.DateField("au", null=True, blank=True)
    programme = models.TextField("programme communiqué au nouvel arrivant", blank=True)
    hebergement = models.CharField("hébergement", max_length=200, blank=True)
    message_equipe = models.TextField("message de l'équipe au nouvel arrivant", blank=True)
    notes_internes = models.TextField("notes internes", blank=True)
    cree_le = models.DateTimeField("demandé le", auto_now_add=True)
    modifie_le = models.DateTimeField("modifié le", auto_now=True)

    class Meta:
        verbose_name = "séjour découverte"
        verbose_name_plural = "séjours découverte"
        ordering = ["-cree_le"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(date_debut__isnull=True)
                | models.Q(date_fin__isnull=True)
                | models.Q(date_debut__lte=models.F("date_fin")),
                name="sejour_dates_ordonnees",
            )
        ]

    def __str__(self):
        return f"Séjour découverte ({self.get_statut_display()})"
