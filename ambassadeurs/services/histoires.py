"""Stories written by ambassadors: draft ``HistoirePage`` revisions submitted to « Relecture ».

The ambassador has no Wagtail permission at all: this module does every write on their behalf.
A story is a child of the stories index, ``auteur`` = the ambassador's account. Each submission
saves a revision (a published story stays online unchanged) and starts the workflow the index
carries, or resumes it when the reviewer sent the story back. Publishing is the reviewers' job.
"""

import json
from dataclasses import dataclass

from django.db import transaction
from django.utils.text import slugify
from wagtail.images import get_image_model
from wagtail.models import Collection, WorkflowState
from wagtail.users.models import UserProfile

from lot_portal.cms.models import HistoireIndexPage, HistoirePage, HistoireProfil
from lot_portal.cms.texte import html_en_paragraphes, paragraphes_en_html
from lot_portal.cms.workflow import etats_workflow_attacher

COLLECTION_HISTOIRES = "Histoires des ambassadeurs"
IMAGES_MAX = 3
TITRE_SLUG_MAX = 70


class HistoireNonModifiable(Exception):
    """The story is being reviewed: it can't change until the reviewer decides."""


class RelectureIndisponible(Exception):
    """No stories index or no workflow on it: the site is not set up for submissions."""


@dataclass(frozen=True)
class EtatHistoire:
    code: str
    libelle: str
    explication: str
    modifiable: bool
    commentaire: str = ""


def histoires_de(ambassadeur) -> list[HistoirePage]:
    """The ambassador's stories (newest first), their workflow states attached."""
    return etats_workflow_attacher(
        HistoirePage.objects.filter(auteur=ambassadeur.utilisateur).order_by(
            "-latest_revision_created_at", "-pk"
        )
    )


def histoire_de(ambassadeur, pk) -> HistoirePage | None:
    """One of the ambassador's own stories, or None (someone else's, or no such page)."""
    if pk > 2**31 - 1:  # beyond any page id: None, not a database overflow (500)
        return None
    pages = etats_workflow_attacher(
        HistoirePage.objects.filter(auteur=ambassadeur.utilisateur, pk=pk)
    )
    return pages[0] if pages else None


def histoire_etat(page: HistoirePage) -> EtatHistoire:
    """Where the story stands, in the ambassador's words."""
    etat = page.current_workflow_state
    if etat is not None and etat.status == WorkflowState.STATUS_IN_PROGRESS:
        explication = "L'équipe éditoriale relit votre histoire."
        if page.live:
            explication += " La version déjà publiée reste en ligne en attendant."
        return EtatHistoire("en_relecture", "En relecture", explication, modifiable=False)
    if etat is not None and etat.status == WorkflowState.STATUS_NEEDS_CHANGES:
        tache = etat.current_task_state
        return EtatHistoire(
            "a_revoir",
            "À revoir",
            "L'équipe éditoriale vous demande des modifications avant publication.",
            modifiable=True,
            commentaire=(tache.comment if tache else "").strip(),
        )
    if page.live:
        return EtatHistoire(
            "publiee",
            "Publiée",
            "Votre histoire est en ligne. Une modification repasse par la relecture ; "
            "la version publiée reste en ligne en attendant.",
            modifiable=True,
        )
    return EtatHistoire(
        "brouillon",
        "Brouillon",
        "Votre histoire n'a pas encore été envoyée à la relecture.",
        modifiable=True,
    )


def histoire_donnees(page: HistoirePage) -> dict:
    """The latest version of a story as the form's initial data and current images."""
    brouillon = page.get_latest_revision_as_object()
    textes, images = [], []
    if brouillon.image_id:
        images.append((brouillon.image, brouillon.image_alt))
    for bloc in brouillon.corps:
        if bloc.block_type == "texte":
            textes.append(html_en_paragraphes(bloc.value.source))
        elif bloc.block_type == "image" and bloc.value.get("image"):
            image = bloc.value["image"]
            images.append((image, getattr(image, "contextual_alt_text", "") or ""))
    return {
        "titre": brouillon.title,
        "chapo": brouillon.chapo,
        "texte": "\n\n".join(t for t in textes if t),
        "commune": brouillon.commune_id,
        "profils": [ligne.profil for ligne in brouillon.profils_cibles.all()],
        "thematiques": [t.pk for t in brouillon.thematiques.all()],
        "images": images[:IMAGES_MAX],
    }


def _collection() -> Collection:
    racine = Collection.get_first_root_node()
    if racine is None:
        racine = Collection.add_root(name="Root")
    collection = racine.get_children().filter(name=COLLECTION_HISTOIRES).first()
    return collection or racine.add_child(name=COLLECTION_HISTOIRES)


def _image_enregistrer(*, fichier, alt, titre, utilisateur, collection):
    image = get_image_model()(
        title=titre[:255],
        file=fichier,
        description=alt[:255],
        collection=collection,
        uploaded_by_user=utilisateur,
    )
    image._set_image_file_metadata()
    image.save()
    return image


def _slug_libre(index, titre: str) -> str:
    base = slugify(titre)[:TITRE_SLUG_MAX].strip("-") or "histoire"
    pris = set(index.get_children().values_list("slug", flat=True))
    slug, numero = base, 2
    while slug in pris:
        slug, numero = f"{base}-{numero}", numero + 1
    return slug


def _auteur_nom(ambassadeur) -> str:
    return f"{ambassadeur.prenom}, ambassadeur à {ambassadeur.commune.nom}"[:120]


def _images_finales(*, donnees, actuelles, page_titre, utilisateur):
    """Slots 1..3: a new upload replaces the slot's image, "retirer" empties it, otherwise the
    current image stays (with the alternative text typed in the form)."""
    collection = None
    finales = []
    for numero, creneau in enumerate(donnees["images"]):
        actuelle = actuelles[numero][0] if numero < len(actuelles) else None
        alt = (creneau.get("alt") or "").strip()
        if creneau.get("fichier") is not None:
            collection = collection or _collection()
            image = _image_enregistrer(
                fichier=creneau["fichier"],
                alt=alt,
                titre=f"{page_titre} ({numero + 1})",
                utilisateur=utilisateur,
                collection=collection,
            )
            finales.append((image, alt))
        elif actuelle is not None and not creneau.get("retirer"):
            finales.append((actuelle, alt))
    return finales


def _appliquer(page, *, donnees, images):
    page.title = donnees["titre"]
    page.chapo = donnees["chapo"]
    page.commune = donnees["commune"]
    image, alt = images[0] if images else (None, "")
    page.image = image
    page.image_alt = alt
    # Blocks an editor added in the admin (quote, key figures, gallery…) are kept, after
    # the text and images the ambassador controls.
    autres = [
        {"type": bloc["type"], "value": bloc["value"]}
        for bloc in (page.corps.raw_data if page.pk else [])
        if bloc["type"] not in ("texte", "image")
    ]
    blocs = [{"type": "texte", "value": paragraphes_en_html(donnees["texte"])}]
    for image_bloc, alt_bloc in images[1:]:
        blocs.append(
            {
                "type": "image",
                "value": {
                    "image": {"image": image_bloc.pk, "decorative": False, "alt_text": alt_bloc},
                    "legende": "",
                    "credit": "",
                },
            }
        )
    page.corps = json.dumps(blocs + autres)
    existants = {ligne.profil: ligne for ligne in page.profils_cibles.all()}
    page.profils_cibles = [
        existants.get(code) or HistoireProfil(profil=code) for code in donnees["profils"]
    ]
    page.thematiques = list(donnees["thematiques"])


def histoire_soumettre(*, ambassadeur, donnees, histoire=None, soumettre=True) -> HistoirePage:
    """Create or revise the ambassador's story and submit it to the « Relecture » workflow.

    ``donnees``: titre, chapo, texte (plain paragraphs), commune, profils (codes), thematiques,
    images (three slots of ``{"fichier": cleaned ContentFile | None, "alt": str, "retirer":
    bool}``). ``soumettre=False`` only saves the draft. Raises ``HistoireNonModifiable`` while
    the story is in review and ``RelectureIndisponible`` when the site has no workflow for it.
    """
    utilisateur = ambassadeur.utilisateur
    with transaction.atomic():
        if histoire is not None:
            # Lock the row: two submissions at once would start two workflows.
            HistoirePage.objects.select_for_update().filter(pk=histoire.pk).first()
            histoire = histoire_de(ambassadeur, histoire.pk)
            if histoire is None:
                raise HistoireNonModifiable
            if not histoire_etat(histoire).modifiable:
                raise HistoireNonModifiable
            actuelles = histoire_donnees(histoire)["images"]
            page = histoire.get_latest_revision_as_object()
        else:
            index = HistoireIndexPage.objects.first()
            if index is None:
                raise RelectureIndisponible
            actuelles = []
            page = None
        images = _images_finales(
            donnees=donnees,
            actuelles=actuelles,
            page_titre=donnees["titre"],
            utilisateur=utilisateur,
        )
        if page is None:
            page = HistoirePage(
                slug=_slug_libre(index, donnees["titre"]),
                live=False,
                owner=utilisateur,
                auteur=utilisateur,
                auteur_nom=_auteur_nom(ambassadeur),
            )
            _appliquer(page, donnees=donnees, images=images)
            index.add_child(instance=page)
        else:
            _appliquer(page, donnees=donnees, images=images)
        page.save_revision(user=utilisateur, log_action=True)
        if soumettre:
            _relecture_lancer(page, utilisateur)
    return page


def _notifications_wagtail_couper(utilisateur):
    """The ambassador is told of the review's decision by our own French emails (signals.py),
    which link to their space: Wagtail's own approval/rejection emails, which link to an admin
    they cannot open, are switched off for them."""
    profil = UserProfile.get_for_user(utilisateur)
    if profil.approved_notifications or profil.rejected_notifications:
        profil.approved_notifications = False
        profil.rejected_notifications = False
        profil.save(update_fields=["approved_notifications", "rejected_notifications"])


def _relecture_lancer(page, utilisateur):
    _notifications_wagtail_couper(utilisateur)
    page = HistoirePage.objects.get(pk=page.pk)
    etat = page.current_workflow_state
    if etat is not None and etat.status == WorkflowState.STATUS_NEEDS_CHANGES:
        etat.resume(user=utilisateur)
        return
    if etat is not None:
        raise HistoireNonModifiable
    workflow = page.get_workflow()
    if workflow is None:
        raise RelectureIndisponible
    workflow.start(page, utilisateur)
