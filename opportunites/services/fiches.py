"""The opportunities' pages (« fiches »): what an offer, a takeover, the creation pages and the
hub show, the offer's schema.org ``JobPosting`` and the takeover contact form's side effects.

Reads for the pages (``offre_…``, ``reprise_…``, ``hub_…``) run a fixed number of queries
whatever the number of offers, photos or children. ``contact_reprise_envoyer`` writes a
``ContactReprise`` row and two emails to the outbox in one transaction.
"""

import datetime
import json
import re
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from wagtail.images import get_image_model

from lot_portal.courriels.services import courriel_gabarit_enregistrer

from ..models import (
    ContactReprise,
    CreationPage,
    Employeur,
    OffreEmploiPage,
    ReprisePage,
    ReprisePhoto,
    Teletravail,
    TempsTravail,
    TypeAccompagnement,
)
from ..models.choix import CONTRAT_SCHEMA, PERIODE_SCHEMA

PARIS = ZoneInfo("Europe/Paris")
REGION = "Occitanie"
# Like django.utils.html.json_script: the JSON can't close its <script> element.
ECHAPPEMENTS_JSON = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}
ESPACE_INSECABLE = "\u00a0"

# Local parts of role addresses (a service, not a person): shown without consent.
ADRESSES_GENERIQUES = re.compile(
    r"^(recrutements?|rh|drh|emplois?|jobs?|candidatures?|carrieres?|careers?|talents?|"
    r"contact|infos?|information|accueil|secretariat|direction|administration|mairie|"
    r"ressources[._-]?humaines|personnel|bonjour|hello|equipe|team|stages?|alternance|"
    r"service[._-][a-z0-9._-]+|[a-z0-9]+[._-](recrutement|rh|emploi|jobs|contact))$"
)
# Free webmail domains: an address there is a person's unless they agreed to publish it.
WEBMAILS = frozenset(
    {
        "gmail.com",
        "googlemail.com",
        "hotmail.com",
        "hotmail.fr",
        "outlook.com",
        "outlook.fr",
        "live.com",
        "live.fr",
        "msn.com",
        "yahoo.com",
        "yahoo.fr",
        "orange.fr",
        "wanadoo.fr",
        "free.fr",
        "sfr.fr",
        "neuf.fr",
        "laposte.net",
        "icloud.com",
        "me.com",
        "gmx.fr",
        "gmx.com",
        "protonmail.com",
        "proton.me",
        "aol.com",
        "bbox.fr",
        "numericable.fr",
    }
)


# --- Job offers ----------------------------------------------------------------------------


def nombre_fr(valeur: int) -> str:
    """``32000`` → « 32 000 » (no-break spaces between groups of thousands)."""
    return f"{valeur:,}".replace(",", ESPACE_INSECABLE)


def salaire_libelle(offre: OffreEmploiPage) -> str:
    """« 32 000 à 38 000 € par an », « à partir de 1 900 € par mois »…, or "" without salary."""
    mini, maxi = offre.salaire_min, offre.salaire_max
    periode = offre.get_salaire_periode_display()
    euro = f"{ESPACE_INSECABLE}€ {periode}"
    if mini and maxi and mini != maxi:
        return f"{nombre_fr(mini)} à {nombre_fr(maxi)}{euro}"
    if mini and maxi:
        return f"{nombre_fr(mini)}{euro}"
    if mini:
        return f"À partir de {nombre_fr(mini)}{euro}"
    if maxi:
        return f"Jusqu'à {nombre_fr(maxi)}{euro}"
    return ""


def email_generique(adresse: str) -> bool:
    """Whether ``adresse`` is a service's address (recrutement@…, rh@…) on a company domain."""
    local, _, domaine = adresse.strip().lower().rpartition("@")
    if not local or not domaine or domaine in WEBMAILS:
        return False
    return bool(ADRESSES_GENERIQUES.match(local))


def email_candidature_affichable(offre: OffreEmploiPage) -> bool:
    """The rule of the page: a role address is shown; a person's address only with their
    consent (``candidature_email_personnelle``). Anything else is never printed."""
    if not offre.candidature_email:
        return False
    return offre.candidature_email_personnelle or email_generique(offre.candidature_email)


def offre_pourvue(offre: OffreEmploiPage) -> bool:
    return bool(offre.pourvue_le and offre.pourvue_le <= timezone.localdate())


def fin_de_journee(jour: datetime.date) -> datetime.datetime:
    """The last second of ``jour`` in Europe/Paris (``validThrough`` of an offer)."""
    return datetime.datetime.combine(jour, datetime.time(23, 59, 59), tzinfo=PARIS)


def url_absolue(url: str) -> str:
    return url if url.startswith(("http://", "https://")) else f"{settings.SITE_URL}{url}"


def employeur_charger(employeur_id: int | None) -> Employeur | None:
    """The employer with its commune and its logo's renditions (3 queries at most)."""
    if not employeur_id:
        return None
    return (
        Employeur.objects.select_related("commune")
        .prefetch_related(
            Prefetch("logo", queryset=get_image_model().objects.prefetch_renditions())
        )
        .filter(pk=employeur_id)
        .first()
    )


def offre_json_ld(
    offre: OffreEmploiPage, *, url: str, employeur: Employeur | None, logo_url: str = ""
) -> SafeString:
    """The schema.org ``JobPosting`` of an offer, escaped for a ``<script>`` data block."""
    description = offre.description or ""
    if offre.profil:
        description += f"<h3>Profil recherché</h3>{offre.profil}"
    types = [CONTRAT_SCHEMA.get(offre.contrat, "OTHER")]
    if offre.temps_travail == TempsTravail.PARTIEL:
        types = ["PART_TIME"] if types == ["FULL_TIME"] else [*types, "PART_TIME"]
    donnees = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": offre.title,
        "description": description,
        "datePosted": offre.date_publication.isoformat(),
        "employmentType": types[0] if len(types) == 1 else types,
        "directApply": False,
        "url": url,
        "identifier": {
            "@type": "PropertyValue",
            "name": employeur.nom if employeur else "Département du Lot",
            "value": offre.reference_externe or str(offre.pk),
        },
    }
    if offre.date_expiration:
        donnees["validThrough"] = fin_de_journee(offre.date_expiration).isoformat()
    if employeur is not None:
        organisation = {"@type": "Organization", "name": employeur.nom}
        if employeur.site_web:
            organisation["sameAs"] = employeur.site_web
        if logo_url:
            organisation["logo"] = logo_url
        donnees["hiringOrganization"] = organisation
    commune = offre.commune
    if commune is not None:
        donnees["jobLocation"] = {
            "@type": "Place",
            "address": {
                "@type": "PostalAddress",
                "addressLocality": commune.nom,
                "postalCode": commune.codes_postaux.split(",")[0].strip(),
                "addressRegion": REGION,
                "addressCountry": "FR",
            },
        }
    if offre.teletravail == Teletravail.TOTAL:
        donnees["jobLocationType"] = "TELECOMMUTE"
        donnees["applicantLocationRequirements"] = {"@type": "Country", "name": "FR"}
    if offre.salaire_min or offre.salaire_max:
        valeur = {"@type": "QuantitativeValue", "unitText": PERIODE_SCHEMA[offre.salaire_periode]}
        if offre.salaire_min and offre.salaire_max and offre.salaire_min != offre.salaire_max:
            valeur["minValue"] = offre.salaire_min
            valeur["maxValue"] = offre.salaire_max
        else:
            valeur["value"] = offre.salaire_min or offre.salaire_max
        donnees["baseSalary"] = {"@type": "MonetaryAmount", "currency": "EUR", "value": valeur}
    texte = json.dumps(donnees, ensure_ascii=False).translate(ECHAPPEMENTS_JSON)
    return mark_safe(texte)  # noqa: S308 (escaped above, like json_script)


def offres_courantes_qs():
    """Live, public, current offers (the listing's base set; opp-listes' contract)."""
    from ..filtres import offres_courantes

    return offres_courantes()


def offres_similaires(offre: OffreEmploiPage, *, limite: int = 3) -> list[OffreEmploiPage]:
    """Current offers of the same sector, newest first (one query)."""
    return list(
        offres_courantes_qs()
        .filter(secteur=offre.secteur)
        .exclude(pk=offre.pk)
        .select_related("employeur", "commune")
        .order_by("-date_publication", "-pk")[:limite]
    )


# --- Takeovers -----------------------------------------------------------------------------


def reprises_courantes():
    """Live, public takeovers neither expired nor sold."""
    aujourd_hui = timezone.localdate()
    return (
        ReprisePage.objects.live()
        .public()
        .filter(Q(date_expiration__isnull=True) | Q(date_expiration__gte=aujourd_hui))
        .filter(Q(cedee_le__isnull=True) | Q(cedee_le__gt=aujourd_hui))
    )


def reprise_cedee(reprise: ReprisePage) -> bool:
    return bool(reprise.cedee_le and reprise.cedee_le <= timezone.localdate())


def reprise_contactable(reprise: ReprisePage) -> bool:
    return not reprise.expiree and not reprise_cedee(reprise)


def reprise_photos(reprise: ReprisePage) -> list[ReprisePhoto]:
    """The photos in their order, images and renditions loaded (3 queries whatever the count)."""
    return list(
        ReprisePhoto.objects.filter(page_id=reprise.pk)
        .prefetch_related(
            Prefetch("image", queryset=get_image_model().objects.prefetch_renditions())
        )
        .order_by("sort_order", "pk")
    )


def url_contact_reprise(reprise: ReprisePage) -> str:
    return reverse("opportunites:contact_reprise", args=[reprise.pk])


@transaction.atomic
def contact_reprise_envoyer(
    *,
    reprise: ReprisePage,
    nom: str,
    email: str,
    telephone: str,
    message: str,
    compte=None,
    url_page: str = "",
) -> ContactReprise:
    """Record a would-be buyer's message and email it to the accompanying body.

    Side effects (one transaction): a ``ContactReprise`` row; an email to
    ``reprise.organisme_email`` with ``Reply-To`` the visitor; an acknowledgement to the
    visitor (which never names the seller nor the body's address).
    """
    contact = ContactReprise.objects.create(
        reprise=reprise,
        nom=nom,
        email=email,
        telephone=telephone,
        message=message,
        compte=compte if compte is not None and compte.is_authenticated else None,
    )
    url_admin = settings.SITE_URL + reverse(
        "opportunites_contacts_reprises:inspect", args=[contact.pk]
    )
    contexte = {
        "contact": contact,
        "reprise": reprise,
        "organisme": reprise.organisme_libelle,
        "url_page": url_absolue(url_page) if url_page else "",
        "url_admin": url_admin,
    }
    courriel_gabarit_enregistrer(
        destinataire=reprise.organisme_email,
        gabarit="opportunites/courriels/fiches_contact_organisme",
        sujet=f"Un repreneur potentiel pour « {reprise.title} »",
        contexte=contexte,
        en_tetes={"Reply-To": email},
    )
    courriel_gabarit_enregistrer(
        destinataire=email,
        gabarit="opportunites/courriels/fiches_contact_accuse",
        sujet=f"Votre message sur « {reprise.title} » est transmis",
        contexte=contexte,
    )
    return contact


# --- Creation and hub ----------------------------------------------------------------------


def creation_enfants(index) -> list[CreationPage]:
    """The live children of the creation index, with their commune (one query)."""
    return list(
        CreationPage.objects.child_of(index)
        .live()
        .public()
        .select_related("commune")
        .order_by("title", "pk")
    )


def creation_groupes(pages: list[CreationPage]) -> list[tuple[str, str, list[CreationPage]]]:
    """``(code, label, pages)`` per type of support, in the order of the choices."""
    groupes = []
    for code, libelle in TypeAccompagnement.choices:
        membres = [page for page in pages if page.type_accompagnement == code]
        if membres:
            groupes.append((code, libelle, membres))
    return groupes


def concours_en_cours(pages: list[CreationPage]) -> list[CreationPage]:
    """Contests still open (deadline ahead), soonest deadline first."""
    maintenant = timezone.now()
    ouverts = [
        page
        for page in pages
        if page.type_accompagnement == TypeAccompagnement.CONCOURS
        and page.date_limite
        and page.date_limite >= maintenant
    ]
    return sorted(ouverts, key=lambda page: page.date_limite)


def hub_offres_a_la_une(*, limite: int = 3) -> list[OffreEmploiPage]:
    """The latest current offers, « profil recherché » first (one query)."""
    return list(
        offres_courantes_qs()
        .select_related("employeur", "commune")
        .order_by("-profil_recherche", "-date_publication", "-pk")[:limite]
    )


# --- Page contexts (called by the pages' get_context) --------------------------------------


def fil_ariane(page) -> list:
    """The ancestors below the root, home page first (one query)."""
    return list(page.get_ancestors().filter(depth__gt=1))


def commune_charger(commune_id):
    from lot_portal.territoire.models import Commune

    if not commune_id:
        return None
    return Commune.objects.select_related("communaute").filter(pk=commune_id).first()


def _parametres_site(request):
    from lot_portal.cms.models import ParametresSite

    return ParametresSite.for_request(request) if request is not None else None


def offre_contexte(offre: OffreEmploiPage, request) -> dict:
    """What the offer's template shows; a fixed number of queries."""
    offre.commune = commune_charger(offre.commune_id)
    employeur = employeur_charger(offre.employeur_id)
    logo = logo_url = None
    if employeur is not None and employeur.logo is not None:
        logo = employeur.logo.get_rendition("max-320x160|format-png")
        logo_url = url_absolue(logo.url)
    url = url_absolue(offre.get_url(request) or "/")
    expiree, pourvue = offre.expiree, offre_pourvue(offre)
    ancetres = fil_ariane(offre)
    parametres = _parametres_site(request)
    return {
        "fil_ariane": ancetres,
        "index_offres": ancetres[-1] if len(ancetres) > 1 else None,
        "employeur": employeur,
        "logo": logo,
        "url_canonique": url,
        "salaire": salaire_libelle(offre),
        "expiree": expiree,
        "pourvue": pourvue,
        "ouverte": not expiree and not pourvue,
        "email_affichable": email_candidature_affichable(offre),
        "courriel_service": parametres.courriel_contact if parametres else "",
        # Search engines must drop a closed offer: no JobPosting then.
        "json_ld": ""
        if expiree or pourvue
        else offre_json_ld(offre, url=url, employeur=employeur, logo_url=logo_url or ""),
        "offres_similaires": offres_similaires(offre),
    }


def reprise_contexte(reprise: ReprisePage, request) -> dict:
    reprise.commune = commune_charger(reprise.commune_id)
    ancetres = fil_ariane(reprise)
    cedee = reprise_cedee(reprise)
    return {
        "fil_ariane": ancetres,
        "index_reprises": ancetres[-1] if len(ancetres) > 1 else None,
        "url_canonique": url_absolue(reprise.get_url(request) or "/"),
        "photos": reprise_photos(reprise),
        "cedee": cedee,
        "contactable": not reprise.expiree and not cedee,
        "url_contact": url_contact_reprise(reprise),
    }


def creation_index_contexte(index, request) -> dict:
    pages = creation_enfants(index)
    return {
        "fil_ariane": fil_ariane(index),
        "groupes": creation_groupes(pages),
        "concours": concours_en_cours(pages),
    }


def creation_contexte(page: CreationPage, request) -> dict:
    page.commune = commune_charger(page.commune_id)
    ancetres = fil_ariane(page)
    close = bool(page.date_limite and page.date_limite < timezone.now())
    return {
        "fil_ariane": ancetres,
        "index_creation": ancetres[-1] if len(ancetres) > 1 else None,
        "candidatures_closes": close,
    }


def hub_contexte(hub, request) -> dict:
    """Counts of the three entries and the latest offers (five queries)."""
    from ..models import CreationIndexPage, OffresIndexPage, ReprisesIndexPage

    enfants = {
        type(page): page for page in hub.get_children().live().public().specific().order_by("path")
    }
    offres_index = enfants.get(OffresIndexPage)
    reprises_index = enfants.get(ReprisesIndexPage)
    creation_index = enfants.get(CreationIndexPage)
    return {
        "offres_index": offres_index,
        "reprises_index": reprises_index,
        "creation_index": creation_index,
        "nb_offres": offres_courantes_qs().count(),
        "nb_reprises": reprises_courantes().count(),
        "nb_creation": (
            CreationPage.objects.child_of(creation_index).live().public().count()
            if creation_index
            else 0
        ),
        "offres_une": hub_offres_a_la_une(),
    }
