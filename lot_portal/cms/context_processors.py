from django.utils.functional import SimpleLazyObject
from wagtail.models import Page, Site


def _menu(request):
    site = Site.find_for_request(request)
    if site is None:
        return []
    return list(
        Page.objects.child_of(site.root_page)
        .live()
        .public()
        .in_menu()
        .only("id", "title", "url_path", "path", "depth")
    )


def navigation(request):
    """The main navigation: live children of the home page shown in menus."""
    return {"menu_principal": SimpleLazyObject(lambda: _menu(request))}
