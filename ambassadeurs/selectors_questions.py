"""Read-side helpers of the questions to ambassadors."""

from django.db.models import Exists, OuterRef, Q

from .models import Ambassadeur, MessageQuestion, Offre, Question, StatutAmbassadeur


def _avec_non_lus(questions, lecteur):
    non_lus = MessageQuestion.objects.filter(question=OuterRef("pk"), lu_le__isnull=True).exclude(
        auteur=lecteur
    )
    return questions.annotate(a_non_lus=Exists(non_lus))


def questions_du_demandeur(utilisateur):
    return _avec_non_lus(
        Question.objects.filter(demandeur=utilisateur).select_related(
            "ambassadeur", "ambassadeur__commune"
        ),
        utilisateur,
    ).order_by("-a_non_lus", "-derniere_activite_le", "-pk")


def questions_de_l_ambassadeur(ambassadeur: Ambassadeur):
    """The inbox: unread first, then the most recent activity."""
    return _avec_non_lus(
        Question.objects.filter(ambassadeur=ambassadeur).select_related("demandeur"),
        ambassadeur.utilisateur_id,
    ).order_by("-a_non_lus", "-derniere_activite_le", "-pk")


def question_visible(*, pk: int, utilisateur) -> Question | None:
    """The conversation if ``utilisateur`` is its asker or its ambassador, else None."""
    return (
        Question.objects.filter(pk=pk)
        .filter(Q(demandeur=utilisateur) | Q(ambassadeur__utilisateur=utilisateur))
        .select_related("ambassadeur__utilisateur", "ambassadeur__commune", "demandeur")
        .first()
    )


def suggestions(ambassadeur: Ambassadeur, *, exclure_utilisateur=None, nombre: int = 3):
    """Up to ``nombre`` other available ambassadors answering questions, same communauté."""
    qs = (
        Ambassadeur.objects.filter(
            statut=StatutAmbassadeur.ACCEPTE,
            disponible=True,
            commune__communaute_id=ambassadeur.commune.communaute_id,
        )
        .exclude(pk=ambassadeur.pk)
        .select_related("commune")
        .order_by("prenom", "pk")
    )
    if exclure_utilisateur is not None:
        qs = qs.exclude(utilisateur=exclure_utilisateur)
    return [a for a in qs[:30] if Offre.QUESTIONS in (a.offres or [])][:nombre]
