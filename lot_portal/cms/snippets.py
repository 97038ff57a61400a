"""The base of every snippet viewset of the portal.

Wagtail registers a chooser « create » URL for each snippet even when its chooser has no
creation form, and answers a POST there with a 500 (``None.is_valid()``) to anyone allowed
to add that snippet. Our snippets' choosers have no creation form: the POST is a 405.
"""

from django.http import HttpResponseNotAllowed
from wagtail.snippets.views.chooser import SnippetChooserViewSet, SnippetCreateView
from wagtail.snippets.views.snippets import SnippetViewSet


class _CreationSansFormulaire(SnippetCreateView):
    def post(self, request):
        if self.get_creation_form_class() is None:
            return HttpResponseNotAllowed(["GET"])
        return super().post(request)


class _ChoixSansCreation(SnippetChooserViewSet):
    create_view_class = _CreationSansFormulaire


class SnippetViewSetPortail(SnippetViewSet):
    chooser_viewset_class = _ChoixSansCreation
