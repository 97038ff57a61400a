from urllib.parse import urlencode

from django.shortcuts import render
from django.views.decorators.http import require_GET

from .extraits import extrait, surligner
from .selectors import pages_rechercher, requete_analyser


@require_GET
def recherche(request):
    """Full-text search over every public page of the portal, by type."""
    requete = requete_analyser(request.GET.get("q", ""))
    resultat = pages_rechercher(
        requete=requete,
        type_cle=request.GET.get("type", ""),
        numero_page=request.GET.get("page", 1),
    )
    termes = requete.termes
    elements = []
    if resultat.page is not None:
        for page in resultat.page.object_list:
            elements.append(
                {
                    "url": page.get_url(request),
                    "titre": surligner(page.title, termes),
                    "type": page._meta.verbose_name,
                    "extrait": extrait(page, termes),
                }
            )
    parametres = {"q": requete.texte}
    if resultat.type_actif:
        parametres["type"] = resultat.type_actif.cle
    return render(
        request,
        "recherche/recherche.html",
        {
            "requete": requete.texte,  # also fills the header's search box
            "recherche": resultat,
            "elements": elements,
            "url_tous": "?" + urlencode({"q": requete.texte}),
            "parametres_pagination": urlencode(parametres),
        },
    )
