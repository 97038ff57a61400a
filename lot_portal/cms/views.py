import logging

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)


def _verifier(nom, fonction):
    try:
        fonction()
        return "ok"
    except Exception as erreur:
        logger.warning("Santé : %s indisponible (%s)", nom, erreur)
        return "indisponible"


def _base_de_donnees():
    with connection.cursor() as curseur:
        curseur.execute("SELECT 1")


def _cache():
    cache.set("sante:ping", "pong", 10)
    if cache.get("sante:ping") != "pong":
        raise RuntimeError("la valeur écrite n'a pas été relue")


def _broker():
    from lot_portal.celery import app

    with app.connection_for_write() as connexion:
        connexion.ensure_connection(max_retries=1, timeout=2)


@never_cache
@require_GET
def sante(request):
    """The state of the database, the cache and the broker, for probes."""
    etat = {
        "base_de_donnees": _verifier("base de données", _base_de_donnees),
        "cache": _verifier("cache", _cache),
        "broker": _verifier("broker", _broker),
    }
    code = 200 if all(valeur == "ok" for valeur in etat.values()) else 503
    return JsonResponse({"statut": "ok" if code == 200 else "degrade", **etat}, status=code)


@require_GET
def robots_txt(request):
    lignes = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /compte/",
        "Disallow: /recherche/",
        f"Sitemap: {settings.SITE_URL}/sitemap.xml",
    ]
    return HttpResponse("\n".join(lignes) + "\n", content_type="text/plain; charset=utf-8")


def erreur_serveur(request):
    """The 500 page: rendered without any context, so that nothing can fail."""
    return HttpResponseServerError(loader.get_template("500.html").render())
