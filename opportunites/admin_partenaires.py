"""Admin of the partner accounts (Opportunités › Comptes partenaires): list and invite.

Staff (superusers and the « Modération emploi » group) add a partner by email and employers:
the service creates the account when missing, puts it in « Partenaires emploi » and emails
a link to choose a password (allauth's reset link).
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import path, reverse
from django.views.generic import FormView, TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet

from .models import Employeur
from .services import partenaires as services
from .structure import GROUPE_MODERATION


def peut_gerer_partenaires(utilisateur) -> bool:
    if not getattr(utilisateur, "is_authenticated", False) or not utilisateur.is_active:
        return False
    return utilisateur.is_superuser or utilisateur.groups.filter(name=GROUPE_MODERATION).exists()


class _Reserve:
    def dispatch(self, request, *args, **kwargs):
        if not peut_gerer_partenaires(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class PartenaireInviterForm(forms.Form):
    email = forms.EmailField(
        label="Adresse électronique",
        error_messages={
            "required": "Indiquez l'adresse du partenaire.",
            "invalid": "Saisissez une adresse électronique valide.",
        },
    )
    employeurs = forms.ModelMultipleChoiceField(
        label="Employeurs",
        queryset=Employeur.objects.order_by("nom"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Les employeurs pour lesquels ce compte publie des offres. Sans employeur, "
        "il ne publie que des entreprises à reprendre.",
        error_messages={
            "invalid_choice": "Choisissez des employeurs de la liste.",
            "invalid_pk_value": "Choisissez des employeurs de la liste.",
        },
    )


class PartenairesIndexView(_Reserve, WagtailAdminTemplateMixin, TemplateView):
    template_name = "opportunites/partenaires/admin/index.html"
    page_title = "Comptes partenaires"
    header_icon = "group"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            partenaires=services.partenaires_liste(),
            url_inviter=reverse("opportunites_partenaires:inviter"),
            **kwargs,
        )


class PartenaireInviterView(_Reserve, WagtailAdminTemplateMixin, FormView):
    template_name = "opportunites/partenaires/admin/inviter.html"
    page_title = "Ajouter un compte partenaire"
    header_icon = "group"
    form_class = PartenaireInviterForm

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            url_liste=reverse("opportunites_partenaires:index"), **kwargs
        )

    def form_valid(self, form):
        compte, cree = services.partenaire_inviter(
            email=form.cleaned_data["email"],
            employeurs=list(form.cleaned_data["employeurs"]),
            invite_par=self.request.user,
        )
        if cree:
            messages.success(
                self.request,
                f"Le compte {compte.email} est créé : un courriel l'invite à choisir son mot "
                "de passe.",
            )
        else:
            messages.success(
                self.request,
                f"Le compte existant {compte.email} est maintenant partenaire ; il en est "
                "informé par courriel.",
            )
        return redirect("opportunites_partenaires:index")


class _MenuPartenaires(MenuItem):
    def is_shown(self, request):
        return peut_gerer_partenaires(request.user)


class PartenairesViewSet(ViewSet):
    name = "opportunites_partenaires"
    url_prefix = "opportunites/partenaires"
    icon = "group"
    menu_label = "Comptes partenaires"
    menu_order = 210

    def get_menu_item(self, order=None):
        return _MenuPartenaires(
            label=self.menu_label,
            url=self.menu_url,
            name=self.menu_name,
            icon_name=self.menu_icon,
            order=self.get_menu_item_order(order),
        )

    def get_urlpatterns(self):
        return [
            path("", PartenairesIndexView.as_view(), name="index"),
            path("inviter/", PartenaireInviterView.as_view(), name="inviter"),
        ]


VIEWSETS: list = [PartenairesViewSet()]
ADMIN_URLS: list = []
