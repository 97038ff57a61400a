"""Applicant side of an application: create the draft, fill its sections, submit, receipt.

Access always goes through ``jeunesse.acces`` (404 for anyone outside the team; mentors read
only). Saving a section only checks the format of what was typed; completeness is checked by
``services.candidatures.blocages_depot`` at submission. A section form posted by
``static/js/jeunesse-brouillon.js`` (header ``X-Autosave: 1``) answers JSON.
"""

from django.contrib import messages
from django.db import transaction
from django.db.models import Prefetch
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from lot_portal.comptes.acces import compte_verifie_requis
from lot_portal.territoire.models import Commune

from . import acces
from .fichiers import piece_reponse, taille_lisible
from .forms_candidatures import (
    AutorisationDeclarationForm,
    AutorisationFichierForm,
    MoiForm,
    MontantDemandeForm,
    PiecesForm,
    ProjetForm,
    QuestionsForm,
    lignes_formset,
    nom_champ_document,
    nom_champ_question,
)
from .models import (
    AppelAProjets,
    Candidature,
    MembreEquipe,
    PieceJointe,
    ReponseQuestion,
)
from .models.choix import ModeAutorisation, NaturePiece, Statut, TypeQuestion
from .services import candidatures as service
from .services.eligibilite import notice_mineurs_a_montrer
from .services.etats import PROCHAINE_ETAPE, TransitionRefusee

MESSAGE_LECTURE_SEULE = (
    "Ce dossier est déposé : il ne peut plus être modifié, sauf si l'équipe du Département "
    "vous demande un complément."
)


def _url_appel(appel) -> str:
    try:
        return reverse("jeunesse:appel", kwargs={"slug": appel.slug})
    except NoReverseMatch:  # the calls area is not mounted
        return reverse("jeunesse:mes_candidatures")


def _url_section(candidature, section) -> str:
    return reverse(
        "jeunesse:candidature_section",
        kwargs={"reference": candidature.reference, "section": section},
    )


def _est_autosave(request) -> bool:
    return request.headers.get("X-Autosave") == "1"


@require_POST
@compte_verifie_requis
def candidater(request, slug):
    appel = get_object_or_404(AppelAProjets.objects.publies(), slug=slug)
    existante = service.candidature_existante(appel, request.user)
    if existante is not None:
        return redirect(existante.get_absolute_url())
    if not appel.est_ouvert():
        messages.error(
            request,
            "Cet appel n'est pas ouvert aux candidatures : vous ne pouvez pas créer de dossier.",
        )
        return redirect(_url_appel(appel))
    candidature, cree = service.brouillon_creer(appel, request.user)
    if not cree:
        return redirect(candidature.get_absolute_url())
    messages.success(
        request,
        "Votre brouillon est créé. Vous pouvez l'enregistrer à tout moment et y revenir "
        "avant la clôture.",
    )
    return redirect(_url_section(candidature, "projet"))


@compte_verifie_requis
def mes_candidatures(request):
    candidatures = list(
        Candidature.objects.du_participant(request.user)
        .select_related("appel")
        .order_by("-modifie_le")
    )
    for candidature in candidatures:
        candidature.prochaine_etape = PROCHAINE_ETAPE.get(candidature.statut, "")
    return render(
        request, "jeunesse/candidatures/mes_candidatures.html", {"candidatures": candidatures}
    )


def _candidature_complete(queryset=None):
    return (queryset or Candidature.objects.all()).prefetch_related(
        "membres",
        "lignes_budget",
        Prefetch("pieces", queryset=PieceJointe.objects.select_related("document", "question")),
    )


@compte_verifie_requis
def candidature(request, reference):
    candidature, role = acces.candidature_lisible(
        request.user, reference, queryset=_candidature_complete()
    )
    demande = service.demande_ouverte(candidature)
    blocages = service.blocages_depot(candidature) if candidature.est_modifiable else []
    contexte = {
        "candidature": candidature,
        "appel": candidature.appel,
        "role": role,
        "lecture_seule": role != "equipe",
        "transitions": list(candidature.transitions.select_related("auteur").all()),
        "prochaine_etape": PROCHAINE_ETAPE.get(candidature.statut, ""),
        "sections": service.completude(candidature, blocages),
        "nombre_blocages": len(blocages),
        "demande": demande,
        "points": list(demande.points.all()) if demande else [],
        "totaux": candidature.totaux_budget(),
        "peut_deposer": (
            role == "equipe"
            and candidature.est_modifiable
            and candidature.porteur_id == request.user.pk
        ),
    }
    for point in contexte["points"]:
        point.section = service.section_du_champ(point.champ)
    return render(request, "jeunesse/candidatures/candidature.html", contexte)


# --- Sections -------------------------------------------------------------------------------


class Section:
    """What a section view needs: forms bound or not, how to save them, what to show."""

    en_attente = False  # autosave left something for the « Enregistrer » button

    def __init__(self, request, candidature, cle):
        self.request = request
        self.candidature = candidature
        self.appel = candidature.appel
        self.cle = cle
        self.donnees = request.POST if request.method == "POST" else None
        self.fichiers = request.FILES if request.method == "POST" else None

    # Each section returns a list of forms (or formsets) and saves the valid ones.
    def formulaires(self):
        raise NotImplementedError

    def enregistrer(self, formulaires, partiel=False) -> bool:
        raise NotImplementedError

    def contexte(self):
        return {}


class SectionProjet(Section):
    def formulaires(self):
        return [ProjetForm(self.donnees, instance=self.candidature, appel=self.appel, prefix=None)]

    def enregistrer(self, formulaires, partiel=False):
        (form,) = formulaires
        if form.is_valid():
            form.save()
            return True
        champs = [nom for nom in form.cleaned_data if nom not in form.errors]
        if champs:  # keep what is well typed, the rest shows its error
            for nom in champs:
                setattr(self.candidature, nom, form.cleaned_data[nom])
            self.candidature.save(update_fields=[*champs, "modifie_le"])
        return False

    def contexte(self):
        return {"communes": Commune.objects.only("nom", "insee").order_by("nom")}


class SectionMoi(Section):
    def membre(self):
        filtre = (
            {"est_porteur": True}
            if self.candidature.porteur_id == self.request.user.pk
            else {"utilisateur": self.request.user, "accepte_le__isnull": False}
        )
        membre = MembreEquipe.objects.filter(candidature=self.candidature, **filtre).first()
        if membre is None:
            if self.candidature.porteur_id != self.request.user.pk:
                raise Http404
            membre = MembreEquipe(
                candidature=self.candidature,
                utilisateur=self.request.user,
                est_porteur=True,
                email=self.request.user.email,
                accepte_le=timezone.now(),
            )
        return membre

    def formulaires(self):
        return [MoiForm(self.donnees, instance=self.membre())]

    def contexte(self):
        membre = self.membre()
        return {"mineur": notice_mineurs_a_montrer(membre.date_naissance, self.appel)}

    def enregistrer(self, formulaires, partiel=False):
        (form,) = formulaires
        if form.is_valid():
            form.save()
            Candidature.objects.filter(pk=self.candidature.pk).update(modifie_le=timezone.now())
            return True
        if form.instance.pk:
            champs = [
                nom
                for nom in form.cleaned_data
                if nom not in form.errors and nom in form._meta.fields
            ]
            for nom in champs:
                setattr(form.instance, nom, form.cleaned_data[nom])
            if form.consentement_appliquer():
                champs.append("consentement_notice_le")
            if champs:
                form.instance.save(update_fields=champs)
        return False


class SectionBudget(Section):
    def formulaires(self):
        extra = 0
        if self.donnees is None:
            existantes = self.candidature.lignes_budget.count()
            extra = 1 if self.request.GET.get("ajout") or not existantes else 0
        Lignes = lignes_formset(extra=extra)
        return [
            Lignes(self.donnees, candidature=self.candidature, prefix="lignes"),
            MontantDemandeForm(
                self.donnees,
                appel=self.appel,
                initial={"montant_demande": self.candidature.montant_demande},
            ),
        ]

    def enregistrer(self, formulaires, partiel=False):
        lignes, montant = formulaires
        ok = True
        if montant.is_valid():
            self.candidature.montant_demande = montant.cleaned_data["montant_demande"]
            self.candidature.save(update_fields=["montant_demande", "modifie_le"])
        else:
            ok = False
        if not lignes.is_valid():
            return False
        if not partiel:
            lignes.enregistrer()
            return ok
        # Autosave: the page keeps its rows as they are, so only the rows already saved are
        # updated; new or removed rows wait for « Enregistrer » (no duplicate on each save).
        for form in lignes.initial_forms:
            if form in lignes.deleted_forms:
                self.en_attente = True
            elif form.has_changed():
                form.save()
        if any(form.has_changed() for form in lignes.extra_forms):
            self.en_attente = True
        return ok

    def contexte(self):
        candidature = Candidature.objects.prefetch_related("lignes_budget").get(
            pk=self.candidature.pk
        )
        return {"totaux": candidature.totaux_budget()}


class SectionQuestions(Section):
    def _questions(self):
        if not hasattr(self, "_q"):
            self._q = list(self.appel.questions.all())
        return self._q

    def formulaires(self):
        reponses = {
            r.question_id: r
            for r in ReponseQuestion.objects.filter(candidature=self.candidature).select_related(
                "piece"
            )
        }
        self.reponses = reponses
        return [
            QuestionsForm(
                self.donnees,
                self.fichiers,
                appel=self.appel,
                questions=self._questions(),
                reponses=reponses,
            )
        ]

    def enregistrer(self, formulaires, partiel=False):
        (form,) = formulaires
        valide = form.is_valid()
        for question in self._questions():
            nom = nom_champ_question(question)
            if nom in form.errors or nom not in form.cleaned_data:
                continue
            valeur = form.cleaned_data[nom]
            if question.type_question == TypeQuestion.FICHIER:
                if not valeur or partiel:
                    continue
                ancienne = self.reponses.get(question.pk)
                piece = _piece_creer(
                    self.request, self.candidature, valeur, NaturePiece.QUESTION, question=question
                )
                if ancienne is not None and ancienne.piece_id:
                    _piece_effacer(ancienne.piece)
                ReponseQuestion.objects.update_or_create(
                    candidature=self.candidature, question=question, defaults={"piece": piece}
                )
                continue
            texte = "" if valeur is None else str(valeur).strip()
            ReponseQuestion.objects.update_or_create(
                candidature=self.candidature, question=question, defaults={"valeur": texte}
            )
        Candidature.objects.filter(pk=self.candidature.pk).update(modifie_le=timezone.now())
        return valide

    def contexte(self):
        pieces = list(
            PieceJointe.objects.filter(
                candidature=self.candidature, nature=NaturePiece.QUESTION
            ).select_related("question")
        )
        for piece in pieces:
            piece.taille_texte = taille_lisible(piece.taille)
        return {"pieces_questions": pieces}


class SectionPieces(Section):
    def _documents(self):
        if not hasattr(self, "_d"):
            self._d = list(self.appel.documents.all())
        return self._d

    def formulaires(self):
        return [
            PiecesForm(self.donnees, self.fichiers, appel=self.appel, documents=self._documents())
        ]

    def enregistrer(self, formulaires, partiel=False):
        (form,) = formulaires
        valide = form.is_valid()
        if partiel:  # files are never autosaved
            return valide
        for document in self._documents():
            nom = nom_champ_document(document)
            valeur = form.cleaned_data.get(nom)
            if nom in form.errors or not valeur:
                continue
            anciennes = list(
                PieceJointe.objects.filter(
                    candidature=self.candidature, nature=NaturePiece.DOCUMENT, document=document
                )
            )
            _piece_creer(
                self.request, self.candidature, valeur, NaturePiece.DOCUMENT, document=document
            )
            for ancienne in anciennes:
                _piece_effacer(ancienne)
        valeur = form.cleaned_data.get("autre")
        if valeur and "autre" not in form.errors:
            _piece_creer(self.request, self.candidature, valeur, NaturePiece.AUTRE)
        return valide

    def contexte(self):
        pieces = list(
            PieceJointe.objects.filter(
                candidature=self.candidature,
                nature__in=[NaturePiece.DOCUMENT, NaturePiece.AUTRE],
            ).select_related("document")
        )
        for piece in pieces:
            piece.taille_texte = taille_lisible(piece.taille)
        return {"pieces": pieces, "taille_max": taille_lisible(self.appel.taille_max_octets)}


class SectionAutorisation(Section):
    def par_fichier(self) -> bool:
        return self.appel.autorisation_parentale == ModeAutorisation.FICHIER

    def formulaires(self):
        if self.par_fichier():
            return [AutorisationFichierForm(self.donnees, self.fichiers, appel=self.appel)]
        c = self.candidature
        return [
            AutorisationDeclarationForm(
                self.donnees,
                initial={
                    "nom_parent": c.autorisation_nom_parent,
                    "email_parent": c.autorisation_email_parent,
                    "consentement": c.autorisation_declaree_le is not None,
                },
            )
        ]

    def enregistrer(self, formulaires, partiel=False):
        (form,) = formulaires
        valide = form.is_valid()
        if self.par_fichier():
            valeur = form.cleaned_data.get("fichier") if valide else None
            if valeur and not partiel:
                anciennes = list(
                    PieceJointe.objects.filter(
                        candidature=self.candidature, nature=NaturePiece.AUTORISATION
                    )
                )
                _piece_creer(self.request, self.candidature, valeur, NaturePiece.AUTORISATION)
                for ancienne in anciennes:
                    _piece_effacer(ancienne)
            return valide
        if not valide:
            return False
        c = self.candidature
        c.autorisation_nom_parent = form.cleaned_data["nom_parent"]
        c.autorisation_email_parent = form.cleaned_data["email_parent"]
        if form.cleaned_data["consentement"]:
            c.autorisation_declaree_le = c.autorisation_declaree_le or timezone.now()
        else:
            c.autorisation_declaree_le = None
        c.save(
            update_fields=[
                "autorisation_nom_parent",
                "autorisation_email_parent",
                "autorisation_declaree_le",
                "modifie_le",
            ]
        )
        return True

    def contexte(self):
        pieces = list(
            PieceJointe.objects.filter(
                candidature=self.candidature, nature=NaturePiece.AUTORISATION
            )
        )
        for piece in pieces:
            piece.taille_texte = taille_lisible(piece.taille)
        return {
            "par_fichier": self.par_fichier(),
            "pieces": pieces,
            "taille_max": taille_lisible(self.appel.taille_max_octets),
        }


SECTIONS_VUES = {
    "projet": SectionProjet,
    "moi": SectionMoi,
    "budget": SectionBudget,
    "questions": SectionQuestions,
    "pieces": SectionPieces,
    "autorisation": SectionAutorisation,
}


def _piece_creer(request, candidature, valeur, nature, **liens) -> PieceJointe:
    piece = PieceJointe(
        candidature=candidature,
        nature=nature,
        nom_original=valeur["nom"],
        type_mime=valeur["type_mime"],
        taille=valeur["taille"],
        depose_par=request.user,
        **liens,
    )
    piece.fichier.save(valeur["contenu"].name, valeur["contenu"], save=False)
    piece.save()
    Candidature.objects.filter(pk=candidature.pk).update(modifie_le=timezone.now())
    return piece


def _piece_effacer(piece) -> None:
    fichier = piece.fichier
    piece.delete()
    transaction.on_commit(lambda: fichier.delete(save=False))


def _champs_et_points(formulaire, points) -> list[tuple]:
    """Each bound field with the complement points that name it."""
    resultat = []
    for champ in formulaire:
        cle = (
            champ.name.replace("_", ":", 1)
            if champ.name.startswith(("question_", "document_"))
            else champ.name
        )
        resultat.append((champ, points.get(cle, [])))
    return resultat


def _erreurs_json(formulaires) -> dict:
    erreurs = {}
    for formulaire in formulaires:
        if hasattr(formulaire, "forms"):  # formset
            for form in formulaire.forms:
                for nom, liste in form.errors.items():
                    erreurs[f"{form.prefix}-{nom}"] = list(liste)
            if formulaire.non_form_errors():
                erreurs["__all__"] = list(formulaire.non_form_errors())
        else:
            for nom, liste in formulaire.errors.items():
                erreurs[formulaire.add_prefix(nom) if nom != "__all__" else nom] = list(liste)
    return erreurs


@require_http_methods(["GET", "POST"])
@compte_verifie_requis
def candidature_section(request, reference, section):
    candidature = acces.candidature_de_l_equipe(request.user, reference)
    sections = service.sections_de(candidature)
    if section not in dict(sections):
        raise Http404("Section introuvable")
    vue = SECTIONS_VUES[section](request, candidature, section)
    modifiable = candidature.est_modifiable

    if request.method == "POST" and not modifiable:
        if _est_autosave(request):
            return JsonResponse(
                {"ok": False, "erreurs": {"__all__": [MESSAGE_LECTURE_SEULE]}}, status=409
            )
        messages.error(request, MESSAGE_LECTURE_SEULE)
        return redirect(_url_section(candidature, section))

    formulaires = vue.formulaires()
    if request.method == "POST":
        if _est_autosave(request):
            with transaction.atomic():
                ok = vue.enregistrer(formulaires, partiel=True)
            if ok:
                return JsonResponse(
                    {
                        "ok": True,
                        "enregistre_le": service.heure_fr(),
                        "en_attente": vue.en_attente,
                    }
                )
            return JsonResponse({"ok": False, "erreurs": _erreurs_json(formulaires)}, status=400)
        with transaction.atomic():
            ok = vue.enregistrer(formulaires)
        if ok:
            suivante = service.section_suivante(candidature, section)
            messages.success(request, f"Brouillon enregistré à {service.heure_fr()}.")
            if "continuer" in request.POST:
                if suivante:
                    return redirect(_url_section(candidature, suivante))
                return redirect(
                    reverse("jeunesse:deposer", kwargs={"reference": candidature.reference})
                )
            url = _url_section(candidature, section)
            if section == "budget" and "ajouter_ligne" in request.POST:
                url += "?ajout=1#lignes-budget"
            return redirect(url)
        messages.error(
            request,
            "Certaines informations ne sont pas au bon format : corrigez-les ci-dessous. "
            "Le reste a été enregistré.",
        )

    if not modifiable:
        for formulaire in formulaires:
            for form in getattr(formulaire, "forms", [formulaire]):
                for champ in form.fields.values():
                    champ.disabled = True

    demande = service.demande_ouverte(candidature)
    points = service.points_par_champ(demande)
    contexte = {
        "candidature": candidature,
        "appel": candidature.appel,
        "section": section,
        "titre_section": service.TITRES_SECTIONS[section],
        "sections": sections,
        "suivante": service.section_suivante(candidature, section),
        "modifiable": modifiable,
        "formulaires": formulaires,
        "resumes": [f for f in formulaires if not hasattr(f, "forms")],
        "form": formulaires[-1],  # « Erreur : » in the page title
        "points": points,
        "points_equipe": points.get("equipe", []),
        "points_budget": points.get("budget", []),
        "points_autorisation": points.get("autorisation", []),
    }
    if hasattr(formulaires[0], "forms"):
        contexte["lignes"] = formulaires[0]
        contexte["montant_form"] = formulaires[1]
        contexte["champs_montant"] = _champs_et_points(formulaires[1], points)
    else:
        contexte["champs"] = _champs_et_points(formulaires[0], points)
    contexte.update(vue.contexte())
    return render(request, f"jeunesse/candidatures/section_{section}.html", contexte)


# --- Submission and receipt -----------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@compte_verifie_requis
def deposer(request, reference):
    candidature = acces.candidature_de_l_equipe(
        request.user, reference, queryset=_candidature_complete()
    )
    est_porteur = candidature.porteur_id == request.user.pk
    erreur = ""
    if request.method == "POST":
        if not est_porteur:
            erreur = "Seul·e le porteur ou la porteuse du projet peut déposer le dossier."
        else:
            renvoi = candidature.statut == Statut.COMPLEMENT_DEMANDE
            try:
                service.candidature_deposer(candidature, request.user)
            except (service.DepotRefuse, TransitionRefusee) as refus:
                erreur = str(refus)
            else:
                messages.success(
                    request,
                    (
                        "Votre dossier complété est déposé de nouveau."
                        if renvoi
                        else "Votre dossier est déposé. Un courriel de confirmation vous est "
                        "envoyé avec votre récépissé."
                    ),
                )
                return redirect(candidature.get_absolute_url())
        candidature = acces.candidature_de_l_equipe(
            request.user, reference, queryset=_candidature_complete()
        )
    blocages = service.blocages_depot(candidature) if candidature.est_modifiable else []
    contexte = {
        "candidature": candidature,
        "appel": candidature.appel,
        "est_porteur": est_porteur,
        "erreur": erreur,
        "appel_clos": candidature.est_brouillon and not candidature.appel.est_ouvert(),
        "blocages": [
            {"message": message, "section": service.section_du_champ(champ)}
            for champ, message in blocages
        ],
        **_recapitulatif(candidature),
    }
    return render(
        request,
        "jeunesse/candidatures/deposer.html",
        contexte,
        status=400 if erreur else 200,
    )


def _recapitulatif(candidature) -> dict:
    pieces = list(candidature.pieces.all())
    for piece in pieces:
        piece.taille_texte = taille_lisible(piece.taille)
    reponses = {r.question_id: r for r in candidature.reponses.select_related("piece")}
    questions = []
    for question in candidature.appel.questions.all():
        reponse = reponses.get(question.pk)
        questions.append(
            {
                "libelle": question.libelle,
                "valeur": (
                    (reponse.piece.nom_original if reponse.piece else "")
                    if reponse and question.type_question == TypeQuestion.FICHIER
                    else (reponse.valeur if reponse else "")
                ),
            }
        )
    lignes = list(candidature.lignes_budget.all())
    return {
        "membres": list(candidature.membres.all()),
        "lignes": lignes,
        "totaux": candidature.totaux_budget(),
        "pieces": pieces,
        "questions": questions,
    }


@compte_verifie_requis
def recepisse(request, reference):
    candidature, _role = acces.candidature_lisible(
        request.user, reference, queryset=_candidature_complete().exclude(statut=Statut.BROUILLON)
    )
    contexte = {
        "candidature": candidature,
        "appel": candidature.appel,
        **_recapitulatif(candidature),
    }
    return render(request, "jeunesse/candidatures/recepisse.html", contexte)


# --- Attachments ----------------------------------------------------------------------------


@require_http_methods(["GET"])
@compte_verifie_requis
def piece(request, reference, pk):
    candidature, _role = acces.candidature_lisible(request.user, reference)
    piece = get_object_or_404(PieceJointe, pk=pk, candidature=candidature)
    return piece_reponse(piece)


@require_POST
@compte_verifie_requis
def piece_supprimer(request, reference, pk):
    candidature = acces.candidature_de_l_equipe(request.user, reference)
    piece = get_object_or_404(
        PieceJointe,
        pk=pk,
        candidature=candidature,
        nature__in=[
            NaturePiece.DOCUMENT,
            NaturePiece.AUTRE,
            NaturePiece.QUESTION,
            NaturePiece.AUTORISATION,
        ],
    )
    section = {
        NaturePiece.QUESTION: "questions",
        NaturePiece.AUTORISATION: "autorisation",
    }.get(piece.nature, "pieces")
    if not candidature.est_modifiable:
        messages.error(request, MESSAGE_LECTURE_SEULE)
        return redirect(_url_section(candidature, section))
    nom = piece.nom_original
    with transaction.atomic():
        if piece.nature == NaturePiece.QUESTION:
            ReponseQuestion.objects.filter(candidature=candidature, piece=piece).delete()
        _piece_effacer(piece)
        Candidature.objects.filter(pk=candidature.pk).update(modifie_le=timezone.now())
    messages.success(request, f"La pièce « {nom} » est supprimée.")
    return redirect(_url_section(candidature, section))
