"""Who may see or act on an application. Every jeunesse view goes through these helpers.

- the team: the leader (``porteur``) and the members who accepted their invitation;
- mentors who accepted their invitation: read and comment, never edit or submit;
- instructors: staff with the ``jeunesse.instruire_candidature`` permission (group
  « Instruction jeunesse »), in the Wagtail admin;
- jurors: only through their ``Affectation`` rows, never when they declared a conflict.
Anything else is a 404 (we don't reveal that a reference exists).
"""

from django.http import Http404
from django.shortcuts import get_object_or_404

from .models import Affectation, Candidature, Mentor

PERMISSION_INSTRUCTION = "jeunesse.instruire_candidature"


def est_instructeur(utilisateur) -> bool:
    return utilisateur.is_authenticated and utilisateur.has_perm(PERMISSION_INSTRUCTION)


def est_membre(utilisateur, candidature: Candidature) -> bool:
    if not utilisateur.is_authenticated:
        return False
    if candidature.porteur_id == utilisateur.pk:
        return True
    return candidature.membres.filter(utilisateur=utilisateur, accepte_le__isnull=False).exists()


def est_mentor(utilisateur, candidature: Candidature) -> bool:
    return (
        utilisateur.is_authenticated
        and Mentor.objects.filter(
            candidature=candidature, utilisateur=utilisateur, accepte_le__isnull=False
        ).exists()
    )


def candidature_de_l_equipe(utilisateur, reference: str, queryset=None) -> Candidature:
    """The application ``reference`` if ``utilisateur`` is in its team, else 404."""
    queryset = queryset if queryset is not None else Candidature.objects.all()
    candidature = get_object_or_404(
        queryset.select_related("appel", "porteur"), reference=reference
    )
    if not est_membre(utilisateur, candidature):
        raise Http404("Candidature introuvable")
    return candidature


def candidature_lisible(utilisateur, reference: str, queryset=None) -> tuple[Candidature, str]:
    """The application and the reader's role: « equipe » or « mentor » (else 404)."""
    queryset = queryset if queryset is not None else Candidature.objects.all()
    candidature = get_object_or_404(
        queryset.select_related("appel", "porteur"), reference=reference
    )
    if est_membre(utilisateur, candidature):
        return candidature, "equipe"
    if est_mentor(utilisateur, candidature):
        return candidature, "mentor"
    raise Http404("Candidature introuvable")


def affectation_du_jure(utilisateur, pk: int) -> Affectation:
    """An assignment of this juror without a declared conflict, on a submitted application."""
    return get_object_or_404(
        Affectation.objects.select_related("candidature__appel").exclude(
            candidature__statut="brouillon"
        ),
        pk=pk,
        jure=utilisateur,
        conflit=False,
    )
