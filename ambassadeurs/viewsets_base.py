"""What the ambassadors' admin viewsets share."""


class VuesRestreintesMixin:
    """A ``ModelViewSet`` whose ``get_urlpatterns`` drops some of Wagtail's views.

    Wagtail still builds links to the add, edit, delete, history and usage views for any user
    holding the matching permission (a superuser holds them all): ``vues_absentes`` names the
    views this viewset doesn't route, so no link to them is reversed (else a NoReverseMatch 500).
    """

    vues_absentes: tuple[str, ...] = ()
    copy_view_enabled = False

    def get_common_view_kwargs(self, **kwargs):
        absentes = {f"{nom}_url_name": None for nom in self.vues_absentes}
        return super().get_common_view_kwargs(**{**absentes, **kwargs})
