from django.contrib.syndication.views import Feed
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import format_html
from django.views.decorators.http import require_GET, require_http_methods
from wagtail.models import Site

from lot_portal.cms.models import ParametresSite

from . import services
from .forms import InscriptionForm
from .ical import calendrier
from .models import EtatInscriptions, EvenementIndexPage, EvenementPage, Inscription
from .selectors import evenements_a_venir, evenements_publics

SESSION_INSCRIPTION = "agenda_derniere_inscription"


def _prive(response):
    patch_cache_control(response, private=True, no_store=True)
    return response


def inscription_view(request, evenement: EvenementPage):
    """GET: the form; POST: validate, then ``inscription_creer``; PRG to the confirmation."""
    if request.method not in ("GET", "POST"):
        return _prive(HttpResponse(status=405, headers={"Allow": "GET, POST"}))
    ouvertes = evenement.etat_inscriptions() == EtatInscriptions.OUVERTES
    form = InscriptionForm(request.POST if request.method == "POST" and ouvertes else None)
    donnees_personnelles = ParametresSite.for_request(request).page_donnees_personnelles
    if donnees_personnelles:
        form.fields["consentement"].help_text = format_html(
            '<a href="{}">Ce que nous faisons de vos données, et vos droits</a>',
            donnees_personnelles.get_url(request),
        )
    refus = None if ouvertes else evenement.message_inscriptions
    if ouvertes and request.method == "POST" and form.is_valid():
        donnees = form.cleaned_data
        try:
            inscription = services.inscription_creer(
                evenement=evenement,
                prenom=donnees["prenom"],
                nom=donnees["nom"],
                email=donnees["email"],
                nombre_personnes=donnees["nombre_personnes"],
                message=donnees["message"],
            )
        except services.InscriptionEnDouble:
            form.add_error(
                "email",
                "Cette adresse est déjà inscrite à cet événement. Le courriel de "
                "confirmation que vous avez reçu contient le lien pour annuler.",
            )
        except services.InscriptionRefusee as erreur:
            refus = erreur.message
        else:
            request.session[SESSION_INSCRIPTION] = inscription.pk
            return redirect(
                evenement.get_url(request) + evenement.reverse_subpage("inscription_confirmation")
            )
    statut = 403 if refus and request.method == "POST" else 200
    response = evenement.render(
        request,
        template="agenda/inscription.html",
        context_overrides={"form": form, "refus": refus},
    )
    response.status_code = statut
    return _prive(response)


def inscription_confirmation_view(request, evenement: EvenementPage):
    pk = request.session.get(SESSION_INSCRIPTION)
    inscription = Inscription.objects.filter(pk=pk, evenement=evenement).first() if pk else None
    if inscription is None:
        return redirect(evenement.get_url(request))
    response = evenement.render(
        request,
        template="agenda/inscription_confirmation.html",
        context_overrides={"inscription": inscription, "position": inscription.position_attente()},
    )
    return _prive(response)


@require_http_methods(["GET", "POST"])
def annulation_view(request, jeton):
    """The link in every email: GET asks for confirmation, POST cancels."""
    inscription = get_object_or_404(Inscription.objects.select_related("evenement"), jeton=jeton)
    evenement = inscription.evenement.specific
    annulee = False
    promues = []
    if request.method == "POST" and inscription.statut != Inscription.Statut.ANNULEE:
        promues = services.inscription_annuler(inscription=inscription)
        inscription.refresh_from_db()
        annulee = True
    response = render(
        request,
        "agenda/annulation.html",
        {
            "inscription": inscription,
            "evenement": evenement,
            "annulee": annulee,
            "promues": promues,
        },
    )
    return _prive(response)


@require_GET
def ical_evenement(request, slug):
    evenement = (
        evenements_publics().select_related("commune").filter(slug=slug).order_by("pk").first()
    )
    if evenement is None:
        raise Http404("Événement introuvable")
    return _ics(calendrier([evenement], request=request), f"{slug}.ics")


@require_GET
def ical_agenda(request):
    return _ics(calendrier(list(evenements_a_venir()), request=request), "agenda-du-lot.ics")


def _ics(contenu: bytes, nom: str) -> HttpResponse:
    response = HttpResponse(contenu, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{nom}"'
    return response


class AgendaFeed(Feed):
    """RSS 2.0 of upcoming events (/agenda/agenda.rss)."""

    title = "Agenda du Lot, terre d'opportunités"
    description = (
        "Les prochains événements pour vivre et travailler dans le Lot : job datings, "
        "salons, week-ends découverte, rencontres des ambassadeurs."
    )

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return EvenementIndexPage.objects.live().public().first()

    def link(self, index):
        if index is not None:
            return index.get_url(self.request) or "/agenda/"
        return "/agenda/"

    def items(self):
        return list(evenements_a_venir()[:50])

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        morceaux = [item.dates_affichees, item.lieu_affiche, item.chapo]
        return " — ".join(m for m in morceaux if m)

    def item_link(self, item):
        return item.get_url(self.request)

    def item_guid(self, item):
        site = Site.find_for_request(self.request)
        hote = site.hostname if site else "lot.fr"
        return f"evenement-{item.pk}@{hote}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.first_published_at or timezone.now()

    def item_categories(self, item):
        return [item.get_type_display()]


class AgendaAtomFeed(AgendaFeed):
    """The same upcoming events as Atom 1.0 (/agenda/agenda.atom)."""

    feed_type = Atom1Feed
    subtitle = AgendaFeed.description
