"""The « Opportunités » figures of the steering dashboard (issue #8).

Definitions (each one an aggregate query; the section runs in a fixed number of queries):

- « en ligne » is judged at the reference day ``jour`` = the end of the period, or today when
  the period ends later: a live page without view restriction, published on or before
  ``jour``, not expired before ``jour`` and not filled (or sold) on or before ``jour`` — the
  same rule as the public listing (``filtres.offres_courantes``) on that day. The live flag and
  the restrictions are today's: an offer unpublished since is not counted back.
- Area: the offer's (takeover's) commune → its communauté de communes; a takeover contact
  follows its takeover.
- Alerts record no place of their own (their saved filters may name communautés, or none for
  the whole département): they are always counted for the whole département, and the table
  says so when an area is selected.
"""

from django.db.models import Count, Exists, F, OuterRef, Q
from django.db.models.functions import Substr
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from lot_portal.pilotage.registre import ChiffreCle, Filtres, Section, Tableau
from lot_portal.territoire.models import CommunauteDeCommunes

from .models import Alerte, ContactReprise, OffreEmploiPage, ReprisePage, Secteur

SANS_COMMUNE = "Commune non précisée"
NOTE_ALERTES_DEPARTEMENT = (
    "Les alertes ne sont pas rattachées à un territoire : elles sont comptées pour tout le "
    "département, quel que soit le territoire choisi."
)


def jour_reference(filtres: Filtres):
    """The day « en ligne » is judged at: the end of the period, at most today."""
    return min(filtres.fin, timezone.localdate())


def _date(jour) -> str:
    return jour.strftime("%d/%m/%Y")


def _zone(filtres: Filtres, commune: str = "commune") -> Q:
    """The area criterion on a path to a commune (no criterion for the whole département)."""
    if filtres.departement_entier:
        return Q()
    return Q(**{f"{commune}__communaute_id__in": filtres.communautes})


def _restreinte():
    """Whether the page (or an ancestor) has a view restriction (copied from the listing)."""
    return Exists(
        PageViewRestriction.objects.filter(
            page__path=Substr(OuterRef("path"), 1, F("page__depth") * Page.steplen)
        )
    )


def en_ligne(jour, *, fin_champ: str) -> Q:
    """Online on ``jour``: live, unrestricted (``restreinte`` annotated), published, not
    expired and not ended (``fin_champ``: ``pourvue_le`` or ``cedee_le``)."""
    return (
        Q(live=True, restreinte=False, date_publication__lte=jour)
        & (Q(date_expiration__isnull=True) | Q(date_expiration__gte=jour))
        & (Q(**{f"{fin_champ}__isnull": True}) | Q(**{f"{fin_champ}__gt": jour}))
    )


def _communautes(filtres: Filtres) -> list[CommunauteDeCommunes]:
    communautes = CommunauteDeCommunes.objects.only("pk", "nom").order_by("nom", "pk")
    if not filtres.departement_entier:
        communautes = communautes.filter(pk__in=filtres.communautes)
    return list(communautes)


def mesures(filtres: Filtres) -> dict:
    """Every figure of the section, in seven queries whatever the volume."""
    jour = jour_reference(filtres)
    debut, fin = filtres.debut, filtres.fin
    depuis, jusqu_a = filtres.intervalle

    offres = OffreEmploiPage.objects.filter(_zone(filtres)).annotate(restreinte=_restreinte())
    courantes = en_ligne(jour, fin_champ="pourvue_le")
    resume = offres.order_by().aggregate(
        en_ligne=Count("pk", filter=courantes),
        profils=Count("pk", filter=courantes & Q(profil_recherche=True)),
        publiees=Count(
            "pk",
            filter=Q(first_published_at__isnull=False, date_publication__range=(debut, fin)),
        ),
        pourvues=Count("pk", filter=Q(pourvue_le__range=(debut, fin))),
    )
    lignes_courantes = offres.filter(courantes).order_by()
    par_secteur = {
        ligne["secteur"]: (ligne["n"], ligne["profils"])
        for ligne in lignes_courantes.values("secteur").annotate(
            n=Count("pk"), profils=Count("pk", filter=Q(profil_recherche=True))
        )
    }
    par_communaute = {
        ligne["commune__communaute_id"]: (ligne["n"], ligne["profils"])
        for ligne in lignes_courantes.values("commune__communaute_id").annotate(
            n=Count("pk"), profils=Count("pk", filter=Q(profil_recherche=True))
        )
    }

    confirmee = Q(confirmee_le__isnull=False, confirmee_le__lt=jusqu_a)
    inscrite = confirmee & (Q(desinscrite_le__isnull=True) | Q(desinscrite_le__gte=jusqu_a))
    alertes = Alerte.objects.order_by().aggregate(
        abonnes=Count("email", filter=inscrite, distinct=True),
        actives=Count("pk", filter=inscrite),
        confirmees=Count("pk", filter=Q(confirmee_le__gte=depuis, confirmee_le__lt=jusqu_a)),
        nouveaux=Count(
            "email",
            filter=Q(confirmee_le__gte=depuis, confirmee_le__lt=jusqu_a),
            distinct=True,
        ),
        desinscriptions=Count(
            "pk", filter=Q(desinscrite_le__gte=depuis, desinscrite_le__lt=jusqu_a)
        ),
    )

    reprises = (
        ReprisePage.objects.filter(_zone(filtres))
        .annotate(restreinte=_restreinte())
        .order_by()
        .aggregate(
            en_ligne=Count("pk", filter=en_ligne(jour, fin_champ="cedee_le")),
            publiees=Count(
                "pk",
                filter=Q(first_published_at__isnull=False, date_publication__range=(debut, fin)),
            ),
            cedees=Count("pk", filter=Q(cedee_le__range=(debut, fin))),
        )
    )
    contacts = ContactReprise.objects.filter(
        _zone(filtres, "reprise__commune"), cree_le__gte=depuis, cree_le__lt=jusqu_a
    ).count()
    return {
        "jour": jour,
        "offres": resume,
        "par_secteur": par_secteur,
        "par_communaute": par_communaute,
        "communautes": _communautes(filtres),
        "alertes": alertes,
        "reprises": {**reprises, "contacts": contacts},
    }


def calculer(filtres: Filtres) -> list[Tableau]:
    m = mesures(filtres)
    jour = _date(m["jour"])
    note_jour = f"Offres en ligne le {jour} (fin de la période, ou aujourd'hui)."

    secteurs = [
        [str(libelle), *m["par_secteur"].get(valeur, (0, 0))] for valeur, libelle in Secteur.choices
    ]
    secteurs.sort(key=lambda ligne: -ligne[1])  # stable: ties keep the choices' order

    communautes = [[c.nom, *m["par_communaute"].get(c.pk, (0, 0))] for c in m["communautes"]]
    if filtres.departement_entier and None in m["par_communaute"]:
        communautes.append([SANS_COMMUNE, *m["par_communaute"][None]])

    offres = m["offres"]
    alertes = m["alertes"]
    reprises = m["reprises"]
    colonnes_offres = ["Offres en ligne", "dont profils recherchés"]
    return [
        Tableau(
            slug="offres_secteur",
            titre="Offres d'emploi en ligne par secteur",
            colonnes=["Secteur", *colonnes_offres],
            lignes=secteurs,
            graphique="barres",
            note=note_jour,
            public=True,
        ),
        Tableau(
            slug="offres_communaute",
            titre="Offres d'emploi en ligne par communauté de communes",
            colonnes=["Communauté de communes", *colonnes_offres],
            lignes=communautes,
            graphique="barres",
            note=note_jour + " Le territoire est celui de la commune de l'offre.",
            public=True,
        ),
        Tableau(
            slug="offres_resume",
            titre="Offres d'emploi",
            colonnes=["Offres d'emploi", "Nombre"],
            lignes=[
                [f"Offres en ligne le {jour}", offres["en_ligne"]],
                ["dont profils recherchés", offres["profils"]],
                ["Offres publiées dans la période", offres["publiees"]],
                ["Offres pourvues dans la période", offres["pourvues"]],
            ],
            note="Publiées : date de publication dans la période ; pourvues : date à laquelle "
            "l'offre a été pourvue dans la période.",
            public=True,
        ),
        Tableau(
            slug="alertes",
            titre="Alertes emploi",
            colonnes=["Alertes emploi", "Nombre"],
            lignes=[
                [f"Abonnés aux alertes confirmés le {_date(filtres.fin)}", alertes["abonnes"]],
                [f"Alertes actives le {_date(filtres.fin)}", alertes["actives"]],
                ["Nouveaux abonnés dans la période", alertes["nouveaux"]],
                ["Alertes confirmées dans la période", alertes["confirmees"]],
                ["Désinscriptions dans la période", alertes["desinscriptions"]],
            ],
            note=(
                "Abonnés : adresses distinctes ayant au moins une alerte confirmée et non "
                "désinscrite à la fin de la période ; nouveaux abonnés : adresses dont une "
                "alerte a été confirmée dans la période."
                + ("" if filtres.departement_entier else " " + NOTE_ALERTES_DEPARTEMENT)
            ),
            public=True,
            colonnes_effectifs=(1,),
        ),
        Tableau(
            slug="reprises",
            titre="Entreprises à reprendre",
            colonnes=["Entreprises à reprendre", "Nombre"],
            lignes=[
                [f"Entreprises à reprendre en ligne le {jour}", reprises["en_ligne"]],
                ["Publiées dans la période", reprises["publiees"]],
                ["Cédées dans la période", reprises["cedees"]],
                ["Contacts de repreneurs reçus dans la période", reprises["contacts"]],
            ],
            note="Le territoire est celui de la commune de l'entreprise.",
            public=True,
            colonnes_effectifs=(1,),  # the contacts are people: small counts stay private
        ),
    ]


def chiffres_cles(filtres: Filtres) -> list[ChiffreCle]:
    m = mesures(filtres)
    jour = _date(m["jour"])
    detail_alertes = "" if filtres.departement_entier else "Tout le département."
    return [
        ChiffreCle("Offres d'emploi en ligne", m["offres"]["en_ligne"], f"le {jour}"),
        ChiffreCle("Profils recherchés en ligne", m["offres"]["profils"], f"le {jour}"),
        ChiffreCle("Offres pourvues", m["offres"]["pourvues"], "dans la période"),
        ChiffreCle("Abonnés aux alertes emploi", m["alertes"]["abonnes"], detail_alertes),
        ChiffreCle("Entreprises à reprendre en ligne", m["reprises"]["en_ligne"], f"le {jour}"),
        ChiffreCle("Contacts de repreneurs", m["reprises"]["contacts"], "dans la période"),
    ]


def section() -> Section:
    return Section(
        slug="opportunites",
        titre="Opportunités",
        ordre=30,
        calculer=calculer,
        chiffres_cles=chiffres_cles,
    )
