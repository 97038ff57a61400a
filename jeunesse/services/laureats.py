"""After the decision: acceptance of the grant, the project space, moderation, showcase, stories.

Every change a laureate or an instructor makes to the follow-up goes through these functions:
each runs in one transaction and writes its emails (``courriel_jeunesse``) in it, so an event
is reported exactly once, however often the button is pressed.
"""

import json

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Count, Prefetch, Q
from django.utils import timezone
from django.utils.html import escape, linebreaks
from django.utils.text import Truncator, slugify

from ..models import (
    Candidature,
    EntreeJournal,
    MembreEquipe,
    PieceJointe,
    RapportProjet,
    Versement,
)
from ..models.choix import NaturePiece, Statut, StatutJournal
from ..notifications import courriel_jeunesse, destinataires_equipe, url_absolue
from ..structure import GROUPE_INSTRUCTION


class SuiviRefuse(Exception):
    """A follow-up action that is not possible; ``str(e)`` is a French message."""


# --- Acceptance -------------------------------------------------------------------------------


def adresses_instruction(candidature) -> list[str]:
    """Who hears about a laureate's action: the call's contact address, else the instructors."""
    if candidature.appel.contact_email:
        return [candidature.appel.contact_email]
    comptes = (
        get_user_model()
        .objects.filter(is_active=True, groups__name=GROUPE_INSTRUCTION)
        .exclude(email="")
    )
    return sorted({compte.email.lower() for compte in comptes})


def acceptation_confirmer(
    candidature: Candidature, *, auteur, consentement_vitrine: bool, vitrine_resume: str
) -> bool:
    """Record the laureates' acceptance of the grant (once). ``False`` if already accepted."""
    with transaction.atomic():
        verrouillee = Candidature.objects.select_for_update().get(pk=candidature.pk)
        if verrouillee.statut != Statut.RETENU:
            raise SuiviRefuse("Seul un projet retenu peut accepter l'aide.")
        if verrouillee.acceptation_confirmee_le:
            return False
        verrouillee.acceptation_confirmee_le = timezone.now()
        verrouillee.consentement_vitrine = consentement_vitrine
        verrouillee.vitrine_resume = vitrine_resume.strip()
        if not consentement_vitrine:
            verrouillee.vitrine_publiee = False
        verrouillee.save(
            update_fields=[
                "acceptation_confirmee_le",
                "consentement_vitrine",
                "vitrine_resume",
                "vitrine_publiee",
                "modifie_le",
            ]
        )
        contexte = {
            "candidature": verrouillee,
            "appel": verrouillee.appel,
            "auteur": auteur,
            "url": url_absolue("jeunesse_suivi", pk=verrouillee.pk),
        }
        for adresse in adresses_instruction(verrouillee):
            courriel_jeunesse(
                destinataire=adresse,
                modele="laureat_acceptation",
                sujet=f"Aide acceptée : {verrouillee.reference} — {verrouillee.titre}",
                contexte=contexte,
            )
    candidature.refresh_from_db()
    return True


def vitrine_modifier(candidature: Candidature, *, consentement_vitrine: bool, vitrine_resume: str):
    """The team changes its showcase consent or text; withdrawing consent unpublishes."""
    candidature.consentement_vitrine = consentement_vitrine
    candidature.vitrine_resume = vitrine_resume.strip()
    if not consentement_vitrine:
        candidature.vitrine_publiee = False
    candidature.save(
        update_fields=["consentement_vitrine", "vitrine_resume", "vitrine_publiee", "modifie_le"]
    )


def espace_ouvert(candidature: Candidature) -> bool:
    return candidature.statut == Statut.RETENU and candidature.acceptation_confirmee_le is not None


# --- Reports ----------------------------------------------------------------------------------


@transaction.atomic
def rapport_deposer(rapport: RapportProjet, *, contenu, type_mime: str, nom_original: str, auteur):
    """Store a cleaned upload (``fichiers.piece_nettoyer``) as the report's file."""
    rapport = RapportProjet.objects.select_for_update().get(pk=rapport.pk)
    if rapport.valide_le:
        raise SuiviRefuse("Ce rapport est déjà validé : il ne peut plus être remplacé.")
    piece = PieceJointe(
        candidature_id=rapport.candidature_id,
        nature=NaturePiece.RAPPORT,
        nom_original=nom_original,
        type_mime=type_mime,
        taille=contenu.size,
        depose_par=auteur,
    )
    piece.fichier.save(contenu.name, contenu, save=False)
    piece.save()
    rapport.piece = piece
    rapport.depose_le = timezone.now()
    rapport.save(update_fields=["piece", "depose_le"])
    return rapport


@transaction.atomic
def rapport_valider(rapport: RapportProjet) -> RapportProjet:
    rapport = RapportProjet.objects.select_for_update().get(pk=rapport.pk)
    if not rapport.piece_id:
        raise SuiviRefuse("Ce rapport n'a pas encore été déposé.")
    if not rapport.valide_le:
        rapport.valide_le = timezone.now()
        rapport.save(update_fields=["valide_le"])
    return rapport


# --- Payments and support -----------------------------------------------------------------------


def versement_marquer_verse(versement: Versement) -> None:
    if not versement.verse_le:
        versement.verse_le = timezone.localdate()
        versement.save(update_fields=["verse_le"])


def prochain_versement(versements) -> Versement | None:
    """The first unpaid payment of an (ordered) list."""
    return next((v for v in versements if not v.verse_le), None)


# --- Journal ----------------------------------------------------------------------------------


def entree_enregistrer(
    *,
    candidature,
    auteur,
    titre,
    texte,
    image=None,
    image_alt="",
    retirer_image=False,
    entree=None,
    soumettre=False,
) -> EntreeJournal:
    """Create or update a draft entry (or a refused one, written again) and maybe submit it."""
    if entree is not None and entree.statut in (StatutJournal.SOUMIS, StatutJournal.PUBLIE):
        raise SuiviRefuse(
            "Cette entrée est en cours de modération ou déjà publiée : elle ne peut plus être "
            "modifiée."
        )
    entree = entree or EntreeJournal(candidature=candidature, auteur=auteur)
    entree.titre = titre.strip()
    entree.texte = texte.strip()
    if image is not None:
        entree.image.save(image.name, image, save=False)
    elif retirer_image:
        entree.image = None
    entree.image_alt = image_alt.strip() if entree.image else ""
    entree.statut = StatutJournal.SOUMIS if soumettre else StatutJournal.BROUILLON
    if soumettre:
        entree.motif_refus = ""
    entree.save()
    return entree


def _entree_moderer(entree: EntreeJournal, *, publier: bool, motif: str = "") -> bool:
    with transaction.atomic():
        entree = EntreeJournal.objects.select_for_update().get(pk=entree.pk)
        if entree.statut != StatutJournal.SOUMIS:
            return False
        if publier:
            entree.statut = StatutJournal.PUBLIE
            entree.publie_le = timezone.now()
            entree.motif_refus = ""
        else:
            entree.statut = StatutJournal.REFUSE
            entree.motif_refus = motif.strip()
        entree.save(update_fields=["statut", "publie_le", "motif_refus"])
        candidature = Candidature.objects.select_related("appel", "porteur").get(
            pk=entree.candidature_id
        )
        contexte = {
            "candidature": candidature,
            "entree": entree,
            "url": url_absolue("jeunesse:projet", reference=candidature.reference),
            "url_vitrine": (
                url_absolue("jeunesse:vitrine_projet", reference=candidature.reference)
                if candidature.vitrine_publiee and candidature.consentement_vitrine
                else ""
            ),
        }
        sujet = (
            f"Votre article « {entree.titre} » est publié"
            if publier
            else f"Votre article « {entree.titre} » n'a pas été publié"
        )
        for adresse in destinataires_equipe(candidature):
            courriel_jeunesse(
                destinataire=adresse,
                modele="journal_publie" if publier else "journal_refuse",
                sujet=sujet,
                contexte=contexte,
            )
    return True


def entree_publier(entree: EntreeJournal) -> bool:
    """Publish a submitted entry and tell the team (once). ``False`` if not awaiting."""
    return _entree_moderer(entree, publier=True)


def entree_refuser(entree: EntreeJournal, *, motif: str) -> bool:
    if not motif.strip():
        raise SuiviRefuse("Indiquez le motif du refus : l'équipe le verra.")
    return _entree_moderer(entree, publier=False, motif=motif)


# --- Showcase ---------------------------------------------------------------------------------


def vitrine_publier(candidature: Candidature, *, publiee: bool) -> None:
    if publiee and not (candidature.consentement_vitrine and espace_ouvert(candidature)):
        raise SuiviRefuse(
            "L'équipe n'a pas donné son accord pour figurer dans la vitrine : le projet ne "
            "peut pas y être publié."
        )
    candidature.vitrine_publiee = publiee
    candidature.save(update_fields=["vitrine_publiee", "modifie_le"])


def projets_vitrine():
    """The showcase's projects, with the count of published entries (constant queries)."""
    return (
        Candidature.objects.filter(
            statut=Statut.RETENU,
            consentement_vitrine=True,
            vitrine_publiee=True,
            acceptation_confirmee_le__isnull=False,
        )
        .select_related("appel", "commune")
        .annotate(nb_publiees=Count("journal", filter=Q(journal__statut=StatutJournal.PUBLIE)))
        .order_by("-decide_le", "-pk")
    )


def prenoms_equipe(candidature) -> list[str]:
    return [
        m.prenom for m in candidature.membres.all() if m.accepte_le is not None or m.est_porteur
    ]


def projet_vitrine(reference: str):
    """The public project (published entries prefetched) or ``None``."""
    return (
        projets_vitrine()
        .prefetch_related(
            Prefetch(
                "journal",
                queryset=EntreeJournal.objects.filter(statut=StatutJournal.PUBLIE).order_by(
                    "-publie_le"
                ),
                to_attr="entrees_publiees",
            ),
            Prefetch("membres", queryset=MembreEquipe.objects.order_by("-est_porteur", "id")),
        )
        .filter(reference=reference)
        .first()
    )


# --- Certificates -----------------------------------------------------------------------------


def membres_attestables(candidature) -> list[MembreEquipe]:
    """Team members who joined the project (the leader included)."""
    return [m for m in candidature.membres.all() if m.accepte_le is not None or m.est_porteur]


# --- Story ------------------------------------------------------------------------------------


def _image_histoire(candidature, utilisateur):
    """The story's main image: the latest published journal photo (copied to the media
    library with its description), else the call's image; a French error without any."""
    from django.core.files.base import ContentFile
    from wagtail.images import get_image_model

    entree = (
        candidature.journal.filter(statut=StatutJournal.PUBLIE)
        .exclude(image="")
        .exclude(image__isnull=True)
        .order_by("-publie_le")
        .first()
    )
    if entree is not None:
        with entree.image.open("rb") as flux:
            contenu = ContentFile(flux.read(), name=entree.image.name.rsplit("/", 1)[-1])
        image = get_image_model()(
            title=Truncator(f"{candidature.titre} — {entree.titre}").chars(255),
            description=entree.image_alt,
            uploaded_by_user=utilisateur,
        )
        image.file.save(contenu.name, contenu, save=False)
        image.save()
        return image, entree.image_alt
    if candidature.appel.image_id:
        return candidature.appel.image, ""
    raise SuiviRefuse(
        "Une histoire demande une image principale : publiez d'abord un article du journal "
        "avec une photo, ou ajoutez une image à l'appel."
    )


@transaction.atomic
def histoire_creer(candidature: Candidature, *, utilisateur):
    """A DRAFT story page (never published) from the project, under the stories index."""
    from lot_portal.cms.models import HistoireIndexPage, HistoirePage

    if not candidature.consentement_vitrine:
        raise SuiviRefuse(
            "L'équipe n'a pas donné son accord pour que son projet soit présenté : aucune "
            "histoire ne peut en être tirée."
        )
    if candidature.statut != Statut.RETENU:
        raise SuiviRefuse("Seul un projet retenu peut devenir une histoire.")
    index = HistoireIndexPage.objects.first()
    if index is None:
        raise SuiviRefuse("Le site n'a pas de page « Histoires » sous laquelle la créer.")
    if candidature.commune_id is None:
        raise SuiviRefuse("Le projet n'a pas de commune principale : une histoire en demande une.")
    image, image_alt = _image_histoire(candidature, utilisateur)
    chapo = (candidature.vitrine_resume or candidature.resume or candidature.titre).strip()
    blocs = []
    entrees = candidature.journal.filter(statut=StatutJournal.PUBLIE).order_by("publie_le")
    for entree in entrees:
        blocs.append({"type": "titre", "value": entree.titre[:120]})
        blocs.append({"type": "texte", "value": linebreaks(escape(entree.texte))})
    base = slugify(candidature.titre)[:60] or "projet-jeune"
    slug, n = base, 1
    while index.get_children().filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    with transaction.atomic():
        page = HistoirePage(
            title=candidature.titre[:255],
            slug=slug,
            chapo=Truncator(chapo).chars(400),
            commune_id=candidature.commune_id,
            image=image,
            image_alt=image_alt[:250],
            live=False,
            owner=utilisateur,
            auteur=utilisateur,
        )
        page.corps = json.dumps(blocs)
        index.add_child(instance=page)
        page.save_revision(user=utilisateur, log_action=True)
    return page
