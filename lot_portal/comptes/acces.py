"""Access decorators for the public site's personal pages, shared by the feature apps."""

from functools import wraps

from allauth.account.models import EmailAddress
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.views.decorators.cache import cache_control


def compte_verifie_requis(vue):
    """Anonymous: to the login page; unverified address: to the email page; the view's
    responses are private."""
    vue_privee = cache_control(private=True, no_store=True)(vue)

    @wraps(vue)
    def enveloppe(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not EmailAddress.objects.filter(user=request.user, verified=True).exists():
            messages.warning(
                request,
                "Confirmez d'abord votre adresse électronique : ouvrez le lien du courriel "
                "que nous vous avons envoyé, ou demandez-en un nouveau ci-dessous.",
            )
            return redirect("account_email")
        return vue_privee(request, *args, **kwargs)

    return enveloppe
