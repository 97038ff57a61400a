"""Shared scenario of the jury tests (imported by the other test_jury_* modules).

One open call with 3 criteria (weights 3, 2, 1; scored out of 10), one application under
review with a project document and a parental authorisation, and one account per role."""

from django.core.files.base import ContentFile
from django.utils import timezone

from jeunesse.models import Affectation, MembreEquipe, Mentor, Note, PieceJointe
from jeunesse.models.choix import NaturePiece, Statut

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def piece(candidature, nature=NaturePiece.DOCUMENT, nom="devis.pdf"):
    return PieceJointe.objects.create(
        candidature=candidature,
        nature=nature,
        fichier=ContentFile(PDF, name=nom),
        nom_original=nom,
        type_mime="application/pdf",
        taille=len(PDF),
    )


def noter(affectation, valeurs, *, terminer=True, commentaire=""):
    """Score ``affectation`` directly: ``valeurs`` in the criteria's order."""
    criteres = list(affectation.candidature.appel.criteres.order_by("sort_order", "pk"))
    for critere, valeur in zip(criteres, valeurs, strict=False):
        Note.objects.update_or_create(
            affectation=affectation, critere=critere, defaults={"valeur": valeur}
        )
    if terminer:
        affectation.terminee_le = timezone.now()
    affectation.commentaire = commentaire
    affectation.save()
    return affectation


class Jeu:
    """Accounts: ``porteur``, ``equipier`` (team member), ``mentor``, ``autre`` (another
    applicant), ``jure`` (assigned), ``jure2`` (assigned), ``jure_libre`` (on the jury, not
    assigned), ``jure_conflit`` (assigned, conflict declared), ``jure_ailleurs`` (juror of
    another call, assigned there), ``instructeur``, ``staff_sans_droit``."""

    def __init__(self, fabrique):
        self.fabrique = fabrique
        self.instructeur = fabrique.instructeur()
        self.appel = fabrique.appel()
        self.porteur = fabrique.compte("porteur@exemple.fr", first_name="Léa", last_name="Delmas")
        self.candidature = fabrique.candidature(
            self.appel,
            self.porteur,
            statut=Statut.EN_INSTRUCTION,
            instructeur=self.instructeur,
        )
        self.equipier = fabrique.compte("equipier@exemple.fr", first_name="Noé")
        MembreEquipe.objects.create(
            candidature=self.candidature,
            utilisateur=self.equipier,
            prenom="Noé",
            nom="Lacroix",
            email=self.equipier.email,
            role="Communication",
            accepte_le=timezone.now(),
        )
        self.mentor = fabrique.compte("mentor@exemple.fr")
        Mentor.objects.create(
            candidature=self.candidature,
            utilisateur=self.mentor,
            email=self.mentor.email,
            nom="Anne PIJ",
            type_mentor="pij",
            accepte_le=timezone.now(),
        )
        self.autre = fabrique.compte("autre@exemple.fr")
        self.candidature_autre = fabrique.candidature(
            self.appel, self.autre, statut=Statut.EN_INSTRUCTION, instructeur=self.instructeur
        )
        self.document = piece(self.candidature)
        self.autorisation = piece(
            self.candidature, NaturePiece.AUTORISATION, "autorisation-parentale.pdf"
        )
        self.jure = fabrique.jure(
            self.appel, fabrique.compte("jure@exemple.fr", first_name="Paul", last_name="Jury")
        )
        self.jure2 = fabrique.jure(
            self.appel, fabrique.compte("jure2@exemple.fr", first_name="Zoé", last_name="Note")
        )
        self.jure_libre = fabrique.jure(self.appel, fabrique.compte("libre@exemple.fr"))
        self.jure_conflit = fabrique.jure(self.appel, fabrique.compte("conflit@exemple.fr"))
        self.affectation = Affectation.objects.create(candidature=self.candidature, jure=self.jure)
        self.affectation2 = Affectation.objects.create(
            candidature=self.candidature, jure=self.jure2
        )
        self.affectation_conflit = Affectation.objects.create(
            candidature=self.candidature,
            jure=self.jure_conflit,
            conflit=True,
            conflit_motif="Je connais la porteuse",
            conflit_declare_le=timezone.now(),
        )
        self.appel_ailleurs = fabrique.appel()
        self.jure_ailleurs = fabrique.jure(
            self.appel_ailleurs, fabrique.compte("ailleurs@exemple.fr")
        )
        self.candidature_ailleurs = fabrique.candidature(
            self.appel_ailleurs, statut=Statut.EN_INSTRUCTION, instructeur=self.instructeur
        )
        self.affectation_ailleurs = Affectation.objects.create(
            candidature=self.candidature_ailleurs, jure=self.jure_ailleurs
        )
        self.staff_sans_droit = fabrique.compte("agent@lot.fr", is_staff=True)

    @property
    def criteres(self):
        return list(self.appel.criteres.order_by("sort_order", "pk"))


def connecter(client, compte):
    """Log in with the account as stored (``fabrique_jeu.instructeur`` re-saves the
    instructor's password, which would log a stale instance out)."""
    compte.refresh_from_db()
    client.force_login(compte)
