"""The partner space: job offers and takeovers written by partner accounts, moderated by staff.

A partner (an account of the « Partenaires emploi » group) has no Wagtail permission at all:
this module does every write on their behalf. An offer is a child of the offers listing, a
takeover a child of the takeovers listing; ``owner`` = the partner's account. Each save stores
a revision (a published item stays online unchanged until a moderator approves the new one);
« envoyer » starts the « Modération des offres » workflow the listing carries, or resumes it
when the moderator asked for changes. Publishing is the moderators' job.

Sharing: an offer belongs to its employer, so every partner account of that employer sees
and edits it (never a partner of another employer). A takeover has no employer: it is shared
between its owner and the accounts that share an employer with the owner (the accounts of
the same chamber of commerce, for instance).
"""

import json
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from wagtail.images import get_image_model
from wagtail.models import Collection, WorkflowState

from lot_portal.cms.texte import html_en_paragraphes, paragraphes_en_html
from lot_portal.cms.workflow import etats_workflow_attacher

from ..models import Employeur, OffreEmploiPage, OffresIndexPage, ReprisePage, ReprisesIndexPage
from ..models.pages import ReprisePhoto
from ..structure import GROUPE_PARTENAIRES

COLLECTION_REPRISES = "Photos des entreprises à reprendre"
PHOTOS_MAX = 3
SLUG_MAX = 70


class ElementNonModifiable(Exception):
    """The item is in moderation (or not the partner's): it can't change now."""


class ModerationIndisponible(Exception):
    """No listing or no workflow on it: the site is not set up for submissions."""


@dataclass(frozen=True)
class Etat:
    code: str
    libelle: str
    explication: str
    modifiable: bool
    commentaire: str = ""


# --- who may do what -------------------------------------------------------------------------


def est_partenaire(utilisateur) -> bool:
    if not getattr(utilisateur, "is_authenticated", False) or not utilisateur.is_active:
        return False
    return utilisateur.groups.filter(name=GROUPE_PARTENAIRES).exists()


def employeurs_de(utilisateur):
    """The employers the partner may post for."""
    return Employeur.objects.filter(partenaires=utilisateur).order_by("nom", "pk")


def _collegues(utilisateur):
    """The accounts that share an employer with ``utilisateur`` (themselves included)."""
    return get_user_model().objects.filter(
        Q(pk=utilisateur.pk)
        | Q(employeurs__in=Employeur.objects.filter(partenaires=utilisateur).values("pk"))
    )


def offres_visibles(utilisateur):
    return OffreEmploiPage.objects.filter(
        employeur_id__in=Employeur.objects.filter(partenaires=utilisateur).values("pk")
    )


def reprises_visibles(utilisateur):
    return ReprisePage.objects.filter(owner_id__in=_collegues(utilisateur).values("pk"))


def offres_de(utilisateur) -> list[OffreEmploiPage]:
    """The partner's offers (their employers'), newest change first, states attached."""
    return etats_workflow_attacher(
        offres_visibles(utilisateur)
        .select_related("employeur", "commune")
        .order_by("-latest_revision_created_at", "-pk")
    )


def reprises_de(utilisateur) -> list[ReprisePage]:
    return etats_workflow_attacher(
        reprises_visibles(utilisateur)
        .select_related("commune")
        .order_by("-latest_revision_created_at", "-pk")
    )


def offre_de(utilisateur, pk) -> OffreEmploiPage | None:
    if pk > 2**31 - 1:  # beyond any page id: None, not a database overflow (500)
        return None
    pages = etats_workflow_attacher(offres_visibles(utilisateur).filter(pk=pk))
    return pages[0] if pages else None


def reprise_de(utilisateur, pk) -> ReprisePage | None:
    if pk > 2**31 - 1:  # beyond any page id: None, not a database overflow (500)
        return None
    pages = etats_workflow_attacher(reprises_visibles(utilisateur).filter(pk=pk))
    return pages[0] if pages else None


# --- states --------------------------------------------------------------------------------


def etat(page) -> Etat:
    """Where the offer or takeover stands, in the partner's words."""
    workflow = page.current_workflow_state
    if workflow is not None and workflow.status == WorkflowState.STATUS_IN_PROGRESS:
        explication = "L'équipe du Département vérifie l'annonce avant de la publier."
        if page.live:
            explication += " La version déjà publiée reste en ligne en attendant."
        return Etat("en_moderation", "En modération", explication, modifiable=False)
    if workflow is not None and workflow.status == WorkflowState.STATUS_NEEDS_CHANGES:
        tache = workflow.current_task_state
        return Etat(
            "a_revoir",
            "À revoir",
            "L'équipe du Département vous demande des modifications avant publication.",
            modifiable=True,
            commentaire=((tache.comment if tache else "") or "").strip(),
        )
    if page.live and page.expiree:
        return Etat(
            "expiree",
            "Expirée",
            "La date d'expiration est passée : l'annonce n'apparaît plus dans les listes. "
            "Repoussez la date et renvoyez-la en modération pour la republier.",
            modifiable=True,
        )
    if page.live and getattr(page, "pourvue_le", None):
        return Etat(
            "pourvue",
            "Pourvue",
            f"Vous avez indiqué que le poste est pourvu le {page.pourvue_le:%d/%m/%Y}.",
            modifiable=True,
        )
    if page.live and getattr(page, "cedee_le", None):
        return Etat("cedee", "Cédée", "L'entreprise a trouvé son repreneur.", modifiable=True)
    if page.live:
        explication = "L'annonce est en ligne."
        if page.has_unpublished_changes:
            explication += (
                " Vous avez des modifications enregistrées qui n'ont pas été envoyées en "
                "modération."
            )
        else:
            explication += " Une modification repasse par la modération ; la version publiée "
            explication += "reste en ligne en attendant."
        return Etat("publiee", "Publiée", explication, modifiable=True)
    return Etat(
        "brouillon",
        "Brouillon",
        "L'annonce n'a pas encore été envoyée en modération.",
        modifiable=True,
    )


def compter(elements) -> dict:
    """How many items in each state: ``{code: n}`` plus ``total``."""
    comptes = {"total": 0}
    for _page, e in elements:
        comptes[e.code] = comptes.get(e.code, 0) + 1
        comptes["total"] += 1
    return comptes


# --- form data ------------------------------------------------------------------------------

CHAMPS_OFFRE = (
    "employeur",
    "contrat",
    "secteur",
    "temps_travail",
    "teletravail",
    "salaire_min",
    "salaire_max",
    "salaire_periode",
    "date_debut",
    "commune",
    "candidature_url",
    "candidature_email",
    "candidature_email_personnelle",
    "date_expiration",
)
CHAMPS_REPRISE = (
    "activite",
    "secteur",
    "commune",
    "motif_cession",
    "tranche_ca",
    "tranche_effectif",
    "tranche_prix",
    "locaux_inclus",
    "logement_inclus",
    "organisme",
    "organisme_nom",
    "organisme_email",
    "date_expiration",
)


def offre_donnees(page: OffreEmploiPage) -> dict:
    """The latest version of an offer as the form's initial data."""
    brouillon = page.get_latest_revision_as_object()
    donnees = {champ: getattr(brouillon, champ) for champ in CHAMPS_OFFRE}
    donnees["employeur"] = brouillon.employeur_id
    donnees["commune"] = brouillon.commune_id
    donnees["title"] = brouillon.title
    donnees["description"] = html_en_paragraphes(brouillon.description)
    donnees["profil"] = html_en_paragraphes(brouillon.profil)
    return donnees


def reprise_donnees(page: ReprisePage) -> dict:
    """The latest version of a takeover as the form's initial data, with its photos."""
    brouillon = page.get_latest_revision_as_object()
    donnees = {champ: getattr(brouillon, champ) for champ in CHAMPS_REPRISE}
    donnees["commune"] = brouillon.commune_id
    donnees["title"] = brouillon.title
    donnees["description"] = html_en_paragraphes(brouillon.description)
    donnees["photos"] = [(ligne.image, ligne.alt) for ligne in brouillon.photos.all()][:PHOTOS_MAX]
    return donnees


# --- writes ---------------------------------------------------------------------------------


def _slug_libre(index, titre: str, defaut: str) -> str:
    base = slugify(titre)[:SLUG_MAX].strip("-") or defaut
    pris = set(index.get_children().values_list("slug", flat=True))
    slug, numero = base, 2
    while slug in pris:
        slug, numero = f"{base}-{numero}", numero + 1
    return slug


def _collection() -> Collection:
    racine = Collection.get_first_root_node()
    if racine is None:
        racine = Collection.add_root(name="Root")
    collection = racine.get_children().filter(name=COLLECTION_REPRISES).first()
    return collection or racine.add_child(name=COLLECTION_REPRISES)


def _photo_enregistrer(*, fichier, alt, titre, utilisateur):
    image = get_image_model()(
        title=titre[:255],
        file=fichier,
        description=alt[:255],
        collection=_collection(),
        uploaded_by_user=utilisateur,
    )
    image._set_image_file_metadata()
    image.save()
    return image


def _appliquer_offre(page, donnees):
    page.title = donnees["title"]
    for champ in CHAMPS_OFFRE:
        setattr(page, champ, donnees[champ])
    page.description = paragraphes_en_html(donnees["description"])
    page.profil = paragraphes_en_html(donnees.get("profil") or "")


def _appliquer_reprise(page, donnees):
    page.title = donnees["title"]
    for champ in CHAMPS_REPRISE:
        setattr(page, champ, donnees[champ])
    if page.organisme != "autre":
        page.organisme_nom = ""
    page.description = paragraphes_en_html(donnees["description"])


def _photos_appliquer(page, *, donnees, actuelles, utilisateur):
    """Slots 1..3: a new upload replaces the slot's photo, « retirer » empties it, otherwise
    the current photo stays with the alternative text typed in the form."""
    lignes = []
    for numero, creneau in enumerate(donnees.get("photos", [])):
        actuelle = actuelles[numero][0] if numero < len(actuelles) else None
        alt = (creneau.get("alt") or "").strip()
        if creneau.get("fichier") is not None:
            image = _photo_enregistrer(
                fichier=creneau["fichier"],
                alt=alt,
                titre=f"{page.title} ({numero + 1})",
                utilisateur=utilisateur,
            )
            lignes.append(ReprisePhoto(image=image, alt=alt))
        elif actuelle is not None and not creneau.get("retirer"):
            lignes.append(ReprisePhoto(image=actuelle, alt=alt))
    page.photos = lignes


def _wagtail_notifications_couper(utilisateur):
    """Partners never use the admin: Wagtail's own « approved / rejected » emails (with admin
    links) are replaced by ours (``signals.py``)."""
    from wagtail.users.models import UserProfile

    profil = UserProfile.get_for_user(utilisateur)
    if profil.approved_notifications or profil.rejected_notifications:
        profil.approved_notifications = False
        profil.rejected_notifications = False
        profil.submitted_notifications = False
        profil.save(
            update_fields=[
                "approved_notifications",
                "rejected_notifications",
                "submitted_notifications",
            ]
        )


def _enregistrer(
    *,
    modele,
    index_modele,
    utilisateur,
    donnees,
    element,
    soumettre,
    visibles,
    appliquer,
    defaut_slug,
    photos=False,
):
    with transaction.atomic():
        if element is not None:
            # Lock the row: two submissions at once would start two workflows.
            modele.objects.select_for_update().filter(pk=element.pk).first()
            element = etats_workflow_attacher(visibles(utilisateur).filter(pk=element.pk))
            if not element or not etat(element[0]).modifiable:
                raise ElementNonModifiable
            element = element[0]
            actuelles = reprise_donnees(element)["photos"] if photos else []
            page = element.get_latest_revision_as_object()
            appliquer(page, donnees)
            if not page.live:
                page.date_publication = timezone.localdate()
            # Validate before any photo is stored (model ``clean`` errors go to the form).
            page.full_clean()
        else:
            index = index_modele.objects.first()
            if index is None:
                raise ModerationIndisponible
            actuelles = []
            page = modele(
                slug=_slug_libre(index, donnees["title"], defaut_slug),
                live=False,
                owner=utilisateur,
                date_publication=timezone.localdate(),
            )
            appliquer(page, donnees)
            index.add_child(instance=page)
            page.full_clean()
        if photos:
            _photos_appliquer(page, donnees=donnees, actuelles=actuelles, utilisateur=utilisateur)
        page.save_revision(user=utilisateur, log_action=True)
        if soumettre:
            _wagtail_notifications_couper(utilisateur)
            _moderation_lancer(modele, page, utilisateur)
    return modele.objects.get(pk=page.pk)


def _moderation_lancer(modele, page, utilisateur):
    page = modele.objects.get(pk=page.pk)
    workflow_etat = page.current_workflow_state
    if workflow_etat is not None and workflow_etat.status == WorkflowState.STATUS_NEEDS_CHANGES:
        workflow_etat.resume(user=utilisateur)
        return
    if workflow_etat is not None:
        raise ElementNonModifiable
    workflow = page.get_workflow()
    if workflow is None:
        raise ModerationIndisponible
    workflow.start(page, utilisateur)


def offre_enregistrer(*, utilisateur, donnees, offre=None, soumettre=True) -> OffreEmploiPage:
    """Create or revise a partner's offer; ``soumettre`` sends it to moderation.

    ``donnees``: the ``OffreForm`` cleaned data (``description`` and ``profil`` in plain
    paragraphs, turned into escaped rich text). Raises ``ElementNonModifiable`` while the
    offer is in moderation (or is not the partner's), ``ModerationIndisponible`` without a
    workflow, ``ValidationError`` from the model's ``clean`` (nothing is written then).
    Side effects: the page (new: a draft child of the listing), a revision, the workflow
    started or resumed (whose signals send the emails, ``signals.py``).
    """
    if donnees["employeur"] is None or not employeurs_de(utilisateur).filter(
        pk=donnees["employeur"].pk
    ):
        raise ElementNonModifiable
    return _enregistrer(
        modele=OffreEmploiPage,
        index_modele=OffresIndexPage,
        utilisateur=utilisateur,
        donnees=donnees,
        element=offre,
        soumettre=soumettre,
        visibles=offres_visibles,
        appliquer=_appliquer_offre,
        defaut_slug="offre",
    )


def reprise_enregistrer(*, utilisateur, donnees, reprise=None, soumettre=True) -> ReprisePage:
    """Create or revise a partner's takeover; same contract as ``offre_enregistrer``, plus
    ``donnees["photos"]``: three slots of ``{"fichier": cleaned ContentFile | None, "alt": str,
    "retirer": bool}``. Side effects: the photos stored in their collection too."""
    return _enregistrer(
        modele=ReprisePage,
        index_modele=ReprisesIndexPage,
        utilisateur=utilisateur,
        donnees=donnees,
        element=reprise,
        soumettre=soumettre,
        visibles=reprises_visibles,
        appliquer=_appliquer_reprise,
        defaut_slug="reprise",
        photos=True,
    )


def offre_pourvoir(*, utilisateur, offre) -> OffreEmploiPage:
    """Mark a published offer as filled, at once (no moderation: it only withdraws it).

    The live row is updated (the cache of public pages is forgotten through its ``post_save``)
    and so is a pending revision, so that a later approval does not bring the offer back.
    """
    with transaction.atomic():
        OffreEmploiPage.objects.select_for_update().filter(pk=offre.pk).first()
        page = offres_visibles(utilisateur).filter(pk=offre.pk, live=True).first()
        if page is None:
            raise ElementNonModifiable
        if page.pourvue_le:
            return page
        aujourd_hui = timezone.localdate()
        page.pourvue_le = aujourd_hui
        page.save(update_fields=["pourvue_le"], clean=False)
        revision = page.latest_revision
        if revision is not None and page.live_revision_id != revision.pk:
            contenu = revision.content
            if isinstance(contenu, str):  # pragma: no cover - old JSON text revisions
                contenu = json.loads(contenu)
            contenu["pourvue_le"] = aujourd_hui.isoformat()
            revision.content = contenu
            revision.save(update_fields=["content"])
    return page


# --- emails at each step of the moderation (called by ``signals.py``) ----------------------


def _nature(page) -> str:
    return (
        "offre d'emploi"
        if isinstance(page, OffreEmploiPage)
        else "annonce d'entreprise à reprendre"
    )


def _url(nom: str, *args) -> str:
    from django.conf import settings
    from django.urls import reverse

    return settings.SITE_URL + reverse(nom, args=args or None)


def _url_modifier(page) -> str:
    if isinstance(page, OffreEmploiPage):
        return _url("opportunites:partenaires_offre_modifier", page.pk)
    return _url("opportunites:partenaires_reprise_modifier", page.pk)


def _url_publique(page) -> str:
    from django.conf import settings

    url = page.get_url() or ""
    return settings.SITE_URL + url if url.startswith("/") else url


def _page_de(workflow_etat):
    page = workflow_etat.content_object
    page = getattr(page, "specific", page)
    return page if isinstance(page, OffreEmploiPage | ReprisePage) else None


def est_moderation_opportunites(workflow_etat) -> bool:
    from ..structure import WORKFLOW_MODERATION

    return workflow_etat.workflow.name == WORKFLOW_MODERATION


def _courriel(*, destinataire, modele, sujet, contexte):
    from lot_portal.courriels.services import courriel_gabarit_enregistrer

    return courriel_gabarit_enregistrer(
        destinataire=destinataire,
        gabarit=f"opportunites/courriels/{modele}",
        sujet=sujet[:200],
        contexte=contexte,
    )


def moderation_soumise_notifier(*, tache_etat, utilisateur) -> list:
    """An offer or takeover entered moderation (first submission or resubmission): the
    partner who sent it gets an acknowledgement, the « Modération emploi » moderators an
    alert with the admin link. Side effects: outbox emails, in Wagtail's transaction."""
    from django.urls import reverse

    workflow_etat = tache_etat.workflow_state
    page = _page_de(workflow_etat)
    if page is None or not est_moderation_opportunites(workflow_etat):
        return []
    courriels = []
    contexte = {
        "nature": _nature(page),
        "titre_annonce": page.get_latest_revision_as_object().title,
        "url_espace": _url("opportunites:partenaires"),
        "deja_publiee": page.live,
    }
    if utilisateur is not None and utilisateur.email and est_partenaire(utilisateur):
        courriels.append(
            _courriel(
                destinataire=utilisateur.email,
                modele="partenaires_envoyee",
                sujet=f"Votre annonce « {contexte['titre_annonce']} » est en modération",
                contexte=contexte,
            )
        )
    from django.conf import settings

    moderateurs = (
        get_user_model()
        .objects.filter(groups__in=tache_etat.task.specific.groups.all(), is_active=True)
        .exclude(email="")
        .distinct()
        .order_by("email")
    )
    if utilisateur is not None:
        moderateurs = moderateurs.exclude(pk=utilisateur.pk)
    employeur = getattr(page, "employeur", None)
    contexte_moderation = {
        **contexte,
        "auteur": (utilisateur.get_full_name() or utilisateur.email) if utilisateur else "",
        "employeur": employeur.nom if employeur else "",
        "url_admin": settings.SITE_URL + reverse("wagtailadmin_pages:edit", args=[page.pk]),
    }
    for moderateur in moderateurs:
        courriels.append(
            _courriel(
                destinataire=moderateur.email,
                modele="partenaires_moderation",
                sujet=f"À modérer : « {contexte['titre_annonce']} »",
                contexte=contexte_moderation,
            )
        )
    return courriels


def _auteur(workflow_etat):
    """Who sent the version being decided on: the author of the task's revision (another
    account of the same employer may have resubmitted), else who started the workflow."""
    tache = workflow_etat.current_task_state
    revision = tache.revision if tache is not None else None
    return (revision.user if revision is not None else None) or workflow_etat.requested_by


def moderation_decidee_notifier(*, workflow_etat, approuvee: bool):
    """Email the partner when a moderator approves (published, with its public link) or sends
    back (with the comment) their offer or takeover. None when it is not a partner's item
    of the moderation workflow. Side effects: one outbox email."""
    from wagtail.models import TaskState

    page = _page_de(workflow_etat)
    if page is None or not est_moderation_opportunites(workflow_etat):
        return None
    auteur = _auteur(workflow_etat)
    if auteur is None or not auteur.email or not est_partenaire(auteur):
        return None
    contexte = {
        "nature": _nature(page),
        "titre_annonce": page.title,
        "url_espace": _url("opportunites:partenaires"),
    }
    if approuvee:
        contexte["url_page"] = _url_publique(page)
        return _courriel(
            destinataire=auteur.email,
            modele="partenaires_publiee",
            sujet=f"Votre annonce « {page.title} » est publiée",
            contexte=contexte,
        )
    # Read afresh: Wagtail saved the moderator's comment on this row just before the signal.
    tache = TaskState.objects.filter(pk=workflow_etat.current_task_state_id).first()
    contexte["titre_annonce"] = page.get_latest_revision_as_object().title
    contexte["commentaire"] = ((tache.comment if tache else "") or "").strip()
    contexte["url_modifier"] = _url_modifier(page)
    return _courriel(
        destinataire=auteur.email,
        modele="partenaires_a_revoir",
        sujet=f"Votre annonce « {contexte['titre_annonce']} » est à revoir",
        contexte=contexte,
    )


# --- staff invite partner accounts ---------------------------------------------------------


def _lien_mot_de_passe(utilisateur) -> str:
    """allauth's « set a new password » link for this account (valid until the password
    changes or the account logs in)."""
    from allauth.account.forms import default_token_generator
    from allauth.account.utils import user_pk_to_url_str
    from django.conf import settings
    from django.urls import reverse

    return settings.SITE_URL + reverse(
        "account_reset_password_from_key",
        kwargs={
            "uidb36": user_pk_to_url_str(utilisateur),
            "key": default_token_generator.make_token(utilisateur),
        },
    )


def partenaire_inviter(*, email: str, employeurs, invite_par=None):
    """Give ``email`` a partner account for ``employeurs``: the account is created when
    missing (no password yet; the address is marked verified since staff vouch for it), put in
    « Partenaires emploi » and linked to the employers. Returns ``(compte, cree)``.

    Side effects: the account, its allauth ``EmailAddress``, group and employers; one outbox
    email: a link to choose a password (new account or one without a password), or a note
    that the partner space is open.
    """
    from allauth.account.models import EmailAddress
    from django.contrib.auth.models import Group

    email = get_user_model().objects.normalize_email(email.strip()).lower()
    with transaction.atomic():
        compte = get_user_model().objects.filter(email__iexact=email).first()
        cree = compte is None
        if cree:
            compte = get_user_model().objects.create_user(email=email, password=None)
        if not EmailAddress.objects.filter(user=compte, email__iexact=email).exists():
            EmailAddress.objects.create(
                user=compte,
                email=email,
                verified=True,
                primary=not compte.emailaddress_set.exists(),
            )
        groupe, _ = Group.objects.get_or_create(name=GROUPE_PARTENAIRES)
        compte.groups.add(groupe)
        for employeur in employeurs:
            employeur.partenaires.add(compte)
        _wagtail_notifications_couper(compte)
        contexte = {
            "employeurs": [e.nom for e in employeurs],
            "url_espace": _url("opportunites:partenaires"),
            "invite_par": (invite_par.get_full_name() or "") if invite_par else "",
        }
        if not compte.has_usable_password():
            contexte["url_mot_de_passe"] = _lien_mot_de_passe(compte)
        _courriel(
            destinataire=compte.email,
            modele="partenaires_invitation",
            sujet="Votre espace partenaire emploi sur le portail du Lot",
            contexte=contexte,
        )
    return compte, cree


def partenaires_liste():
    """The partner accounts with their employers (two queries)."""
    from django.db.models import Prefetch

    return (
        get_user_model()
        .objects.filter(groups__name=GROUPE_PARTENAIRES)
        .prefetch_related(Prefetch("employeurs", queryset=Employeur.objects.order_by("nom")))
        .order_by("email")
        .distinct()
    )
