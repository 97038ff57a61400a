"""The young person's own consent, asked with the notice written for their age.

Under 15 on the call's closing date (``services.eligibilite.consentement_conjoint_requis``,
computed from the birth date on the server), the young person ticks this box *and* a parent
gives their consent (the « autorisation parentale » section). Shared by the leader's « Vous »
section and the team member's join and « my details » pages.
"""

from django import forms

from .services.eligibilite import AGE_CONSENTEMENT_SEUL, consentement_conjoint_requis

LIBELLE_CONSENTEMENT = (
    "J'ai lu la notice « Tes données, expliquées simplement » et j'accepte que mes "
    "informations servent à cette candidature."
)
MESSAGE_CONSENTEMENT = (
    f"Vous avez moins de {AGE_CONSENTEMENT_SEUL} ans à la date de clôture de l'appel : "
    "lisez la notice puis cochez cette case. Un parent doit aussi donner son accord "
    "(section « L'autorisation parentale » du dossier)."
)


def consentement_notice_champ() -> forms.BooleanField:
    return forms.BooleanField(
        label=LIBELLE_CONSENTEMENT,
        required=False,
        help_text=f"Obligatoire si vous avez moins de {AGE_CONSENTEMENT_SEUL} ans à la date de "
        "clôture de l'appel ; un parent donne aussi son accord.",
    )


def consentement_verifier(form, date_naissance, appel, *, deja_donne: bool) -> None:
    """The French error next to the box when an under-15 did not tick it (and never did)."""
    if appel is None or deja_donne or "consentement_notice" in form.errors:
        return
    if consentement_conjoint_requis(date_naissance, appel) and not form.cleaned_data.get(
        "consentement_notice"
    ):
        form.add_error("consentement_notice", MESSAGE_CONSENTEMENT)
