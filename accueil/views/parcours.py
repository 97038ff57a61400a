"""The newcomer's space (/accueil/mon-parcours/): steps, referent, messages, project, kit, CVs.

Every page needs a logged-in account with a verified address and a ``ParcoursAccueil``;
objects are always looked up through the visitor's own file (another file's ids: 404).
"""

from functools import wraps

from allauth.account.models import EmailAddress
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db.models import Prefetch
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_http_methods, require_POST

from ..forms.parcours import (
    ConsentementCVForm,
    CVForm,
    EtapeStatutForm,
    MessageForm,
    ProjetForm,
    SejourForm,
)
from ..models import (
    CurriculumVitae,
    InfosPratiques,
    KitBienvenue,
    LogementTemporaire,
    ModeleEtape,
    ParcoursAccueil,
    TransmissionCV,
)
from ..models.choix import ProfilArrivant, StatutEtape
from ..selectors import bilans_en_attente
from ..services import parcours as services


def _url_inscription() -> str:
    try:
        return reverse("accueil:inscription")
    except NoReverseMatch:
        return "/accueil/inscription/"


def parcours_requis(vue):
    """Anonymous: to the login page (``next``); unverified address: to the email page;
    no file: to the registration. Passes the visitor's file as ``parcours``; the view's
    responses are private (never stored by a shared cache)."""
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
        parcours = (
            ParcoursAccueil.objects.select_related("referent__utilisateur", "referent__communaute")
            .filter(utilisateur=request.user, anonymise_le__isnull=True)
            .first()
        )
        if parcours is None:
            return redirect(_url_inscription())
        return vue_privee(request, *args, parcours=parcours, **kwargs)

    return enveloppe


def _communautes_ids(parcours) -> set[int] | None:
    """The communautés of the chosen area (chosen directly or through communes);
    None when the area is unknown."""
    if parcours.zone_inconnue:
        return None
    ids = set(parcours.communautes.values_list("pk", flat=True))
    ids |= set(parcours.communes.values_list("communaute_id", flat=True))
    return ids or None


def _referent_carte(parcours) -> dict:
    referent = parcours.referent
    if referent is None or not referent.actif:
        return {"equipe": True}
    utilisateur = referent.utilisateur
    return {
        "equipe": False,
        "nom": utilisateur.get_full_name() or "Votre référent accueil",
        "fonction": referent.fonction,
        "telephone": referent.telephone,
        "presentation": referent.presentation,
        "secteur": referent.communaute.nom if referent.communaute_id else "",
    }


def _contexte_tableau(request, parcours, *, sejour_form=None, etape_erreur=None):
    etapes = list(parcours.etapes.select_related("modele").order_by("ordre", "pk"))
    contenus = {etape.modele.contenu for etape in etapes}
    logements = None
    zone_connue = True
    if ModeleEtape.Contenu.LOGEMENTS_TEMPORAIRES in contenus:
        ids = _communautes_ids(parcours)
        zone_connue = ids is not None
        requete = LogementTemporaire.objects.select_related("commune")
        if ids is not None:
            requete = requete.filter(commune__communaute__in=ids)
        logements = list(requete.order_by("-disponible", "commune__nom", "nom"))
    sejour = None
    if ModeleEtape.Contenu.SEJOUR_DECOUVERTE in contenus:
        sejour = parcours.sejours.select_related("commune").order_by("-cree_le").first()
        if sejour_form is None and (
            sejour is None or sejour.statut not in services.SEJOURS_OUVERTS
        ):
            sejour_form = SejourForm()
    for etape in etapes:
        etape.form = EtapeStatutForm(prefix=f"etape-{etape.pk}", initial={"statut": etape.statut})
        etape.erreur = etape_erreur if etape_erreur and etape_erreur[0] == etape.pk else None
    faites = sum(1 for etape in etapes if etape.statut == StatutEtape.FAIT)
    return {
        "parcours": parcours,
        "etapes": etapes,
        "faites": faites,
        "total": len(etapes),
        "logements": logements,
        "zone_connue": zone_connue,
        "sejour": sejour,
        "sejour_ouvert": sejour is not None and sejour.statut in services.SEJOURS_OUVERTS,
        "sejour_form": sejour_form,
        "referent": _referent_carte(parcours),
        "non_lus": parcours.messages.filter(de_l_arrivant=False, lu_le__isnull=True).count(),
        "bilans_en_attente": list(bilans_en_attente(parcours)[:2]),
        "Contenu": ModeleEtape.Contenu,
    }


@require_http_methods(["GET", "HEAD"])
@parcours_requis
def tableau(request, *, parcours):
    """The journey: greeting, progress, steps with their content, referent card."""
    return render(request, "accueil/parcours/tableau.html", _contexte_tableau(request, parcours))


@require_POST
@parcours_requis
def etape_statut(request, pk, *, parcours):
    etape = get_object_or_404(parcours.etapes.select_related("modele"), pk=pk)
    form = EtapeStatutForm(request.POST, prefix=f"etape-{etape.pk}")
    if not form.is_valid():
        messages.error(
            request,
            f"« {etape.modele.titre} » : choisissez « À faire », « En cours » ou « Fait ».",
        )
        return redirect(reverse("accueil:parcours") + f"#etape-{etape.pk}")
    services.etape_statut_changer(etape=etape, statut=form.cleaned_data["statut"])
    messages.success(request, f"« {etape.modele.titre} » : {etape.get_statut_display().lower()}.")
    return redirect(reverse("accueil:parcours") + f"#etape-{etape.pk}")


@require_POST
@parcours_requis
def sejour_demander(request, *, parcours):
    """The discovery-stay request of the journey's step (errors shown in the step)."""
    if not parcours.etapes.filter(modele__contenu=ModeleEtape.Contenu.SEJOUR_DECOUVERTE).exists():
        raise Http404("Aucune étape de séjour découverte dans ce parcours")
    form = SejourForm(request.POST)
    if form.is_valid():
        try:
            services.sejour_demander(parcours=parcours, **form.cleaned_data)
        except services.SejourDejaDemande as erreur:
            messages.warning(request, erreur.message)
        else:
            messages.success(
                request,
                "Votre demande de séjour découverte est envoyée. L'équipe d'accueil vous "
                "répond ici et par courriel.",
            )
        return redirect(reverse("accueil:parcours") + "#sejour")
    contexte = _contexte_tableau(request, parcours, sejour_form=form)
    return render(request, "accueil/parcours/tableau.html", contexte, status=400)


@require_http_methods(["GET", "HEAD", "POST"])
@parcours_requis
def messages_fil(request, *, parcours):
    """The thread with the referent; opening it marks the referent's messages read."""
    form = MessageForm(request.POST if request.method == "POST" else None)
    statut = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.message_envoyer(
                    parcours=parcours,
                    auteur=request.user,
                    texte=form.cleaned_data["texte"],
                    de_l_arrivant=True,
                )
            except services.MessagesTropFrequents as erreur:
                form.add_error("texte", erreur.message)
                statut = 429
            else:
                messages.success(request, "Votre message est envoyé.")
                return redirect(reverse("accueil:parcours_messages") + "#dernier-message")
        else:
            statut = 400
    fil = list(parcours.messages.select_related("auteur").order_by("envoye_le", "pk"))
    if request.method != "POST":
        services.messages_marquer_lus(parcours=parcours, par_l_arrivant=True)
    contexte = {
        "parcours": parcours,
        "fil": fil,
        "form": form,
        "referent": _referent_carte(parcours),
    }
    return render(request, "accueil/parcours/messages.html", contexte, status=statut)


@require_http_methods(["GET", "HEAD", "POST"])
@parcours_requis
def projet(request, *, parcours):
    """Update the household, project, where and when; steps and follow-ups follow."""
    if request.method == "POST":
        form = ProjetForm(request.POST, instance=parcours)
        if form.is_valid():
            # The form wrote the fields on the instance: the service saves them.
            services.projet_mettre_a_jour(parcours=parcours, donnees=form.donnees_service())
            messages.success(request, "Votre projet est mis à jour. Vos étapes ont été adaptées.")
            return redirect("accueil:parcours")
        statut = 400
    else:
        form = ProjetForm(instance=parcours)
        statut = 200
    return render(
        request,
        "accueil/parcours/projet.html",
        {"parcours": parcours, "form": form},
        status=statut,
    )


@require_http_methods(["GET", "HEAD"])
@parcours_requis
def kit(request, *, parcours):
    """The welcome kit: the profile's content, the area's practical information, the
    referent's contact; printable."""
    kits = {k.profil: k for k in KitBienvenue.objects.filter(profil__in=[parcours.profil, "autre"])}
    kit_profil = kits.get(parcours.profil) or kits.get(ProfilArrivant.AUTRE)
    ids = _communautes_ids(parcours)
    infos = InfosPratiques.objects.select_related("communaute").order_by("communaute__nom")
    if ids is not None:
        infos = infos.filter(communaute__in=ids)
    contexte = {
        "parcours": parcours,
        "kit": kit_profil,
        "infos": list(infos),
        "resume": ids is None,
        "referent": _referent_carte(parcours),
    }
    return render(request, "accueil/parcours/kit.html", contexte)


def _contexte_cv(parcours, form=None):
    cvs = list(
        parcours.cvs.prefetch_related(
            Prefetch("transmissions", queryset=TransmissionCV.objects.order_by("-transmis_le"))
        ).order_by("-depose_le")
    )
    return {"parcours": parcours, "cvs": cvs, "form": form or CVForm()}


@require_http_methods(["GET", "HEAD", "POST"])
@parcours_requis
def cv(request, *, parcours):
    """Upload a PDF CV (self or spouse), see the forwardings, change the consent."""
    if request.method == "POST":
        form = CVForm(request.POST, request.FILES)
        if form.is_valid():
            services.cv_deposer(
                parcours=parcours,
                titulaire=form.cleaned_data["titulaire"],
                fichier=form.cleaned_data["fichier"],
            )
            messages.success(request, "Votre CV est enregistré.")
            return redirect("accueil:parcours_cv")
        return render(request, "accueil/parcours/cv.html", _contexte_cv(parcours, form), status=400)
    return render(request, "accueil/parcours/cv.html", _contexte_cv(parcours))


def _cv_du_parcours(parcours, pk) -> CurriculumVitae:
    return get_object_or_404(parcours.cvs, pk=pk)


@require_http_methods(["GET", "HEAD"])
@parcours_requis
def cv_telecharger(request, pk, *, parcours):
    cv = _cv_du_parcours(parcours, pk)
    try:
        fichier = cv.fichier.open("rb")
    except (FileNotFoundError, OSError) as erreur:
        raise Http404("Fichier introuvable") from erreur
    response = FileResponse(
        fichier, as_attachment=True, filename=cv.nom_original, content_type="application/pdf"
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@require_http_methods(["GET", "HEAD", "POST"])
@parcours_requis
def cv_supprimer(request, pk, *, parcours):
    cv = _cv_du_parcours(parcours, pk)
    if request.method == "POST":
        services.cv_supprimer(cv=cv)
        messages.success(request, f"Le CV « {cv.nom_original} » est supprimé.")
        return redirect("accueil:parcours_cv")
    return render(request, "accueil/parcours/cv_supprimer.html", {"parcours": parcours, "cv": cv})


@require_POST
@parcours_requis
def cv_consentement(request, *, parcours):
    form = ConsentementCVForm(request.POST)
    form.is_valid()  # a boolean: anything else than « on » means no
    consentement = bool(form.cleaned_data.get("consentement"))
    services.consentement_cv_changer(parcours=parcours, consentement=consentement)
    messages.success(
        request,
        "Votre référent peut désormais transmettre vos CV à des employeurs partenaires."
        if consentement
        else "Votre référent ne transmettra plus vos CV.",
    )
    return redirect("accueil:parcours_cv")
