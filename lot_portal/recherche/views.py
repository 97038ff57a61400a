from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.shortcuts import render
from django.views.decorators.http import require_GET
from wagtail.models import Page

RESULTATS_PAR_PAGE = 10


@require_GET
def recherche(request):
    """Full-text search over every public page of the portal."""
    requete = request.GET.get("q", "").strip()[:200]
    resultats = None
    if requete:
        pages = Page.objects.live().public().specific().search(requete)
        paginator = Paginator(pages, RESULTATS_PAR_PAGE)
        try:
            resultats = paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            resultats = paginator.page(1)
        except EmptyPage:
            resultats = paginator.page(paginator.num_pages)
    return render(request, "recherche/recherche.html", {"requete": requete, "resultats": resultats})
