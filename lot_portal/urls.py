from django.conf import settings
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from lot_portal.cms import views as cms_views

urlpatterns = [
    # Wagtail's own login form would skip allauth (and its MFA): send it there.
    path(
        "admin/login/",
        RedirectView.as_view(pattern_name="account_login", query_string=True),
        name="admin_login_redirect",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("compte/", include("lot_portal.rgpd.urls")),
    path("compte/", include("lot_portal.comptes.urls")),
    path("recherche/", include("lot_portal.recherche.urls")),
    path("agenda/", include("lot_portal.agenda.urls")),
    path("sante/", cms_views.sante, name="sante"),
    path("robots.txt", cms_views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("accueil/", include("accueil.urls")),
    path("ambassadeurs/", include("ambassadeurs.urls")),
    path("opportunites/", include("opportunites.urls")),
    path("jeunesse/", include("jeunesse.urls")),
    path("donnees-ouvertes/", include("lot_portal.pilotage.urls")),
]

if settings.SERVE_MEDIA:
    urlpatterns += [
        # Wagtail documents only through /documents/ (attachment, nosniff, CSP).
        re_path(
            r"^media/(?!documents/)(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}
        ),
    ]

urlpatterns += [path("", include(wagtail_urls))]

handler500 = "lot_portal.cms.views.erreur_serveur"
