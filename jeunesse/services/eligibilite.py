"""Who may answer a call: age at the closing date (Europe/Paris) and link with the Lot.

Pure functions shared by the public eligibility check (before any account) and by the
submission, which checks every team member.
"""

from datetime import date

from ..models.choix import LienLot


def age_a(date_naissance: date, jour: date) -> int:
    """Age in whole years on ``jour`` (a person born on 29 February ages on 1 March)."""
    age = jour.year - date_naissance.year
    if (jour.month, jour.day) < (date_naissance.month, date_naissance.day):
        age -= 1
    return age


# Under this age on the closing date, the young person's own consent is not enough: a parent
# consents with them (RGPD art. 8 and loi Informatique et libertés art. 45: 15 in France).
AGE_CONSENTEMENT_SEUL = 15


def est_mineur(date_naissance: date | None, appel) -> bool:
    return date_naissance is not None and age_a(date_naissance, appel.date_cloture_locale) < 18


def consentement_conjoint_requis(date_naissance: date | None, appel) -> bool:
    """Under 15 on the call's closing date: the young person's and a parent's consent.

    Always computed here from the birth date (never from an age sent by the browser)."""
    return (
        date_naissance is not None
        and age_a(date_naissance, appel.date_cloture_locale) < AGE_CONSENTEMENT_SEUL
    )


def notice_mineurs_a_montrer(date_naissance: date | None, appel) -> bool:
    """Show the notice for young people in full: a minor on the closing date or, before the
    birth date is known, a call open to under-18s."""
    if date_naissance is not None:
        return est_mineur(date_naissance, appel)
    return appel.age_min is None or appel.age_min < 18


def raisons_ineligibilite(
    appel, *, date_naissance: date | None, lien_lot: str | None, type_projet: str | None = None
) -> list[str]:
    """Why a person (or project) may not apply, in French; empty when eligible."""
    raisons = []
    jour = appel.date_cloture_locale
    if appel.age_min is not None or appel.age_max is not None:
        if date_naissance is None:
            raisons.append("La date de naissance est nécessaire pour vérifier l'âge.")
        else:
            age = age_a(date_naissance, jour)
            quand = f"le {jour:%d/%m/%Y}, date de clôture"
            if appel.age_min is not None and age < appel.age_min:
                raisons.append(
                    f"L'appel est réservé aux {appel.age_min} ans et plus : {age} ans {quand}."
                )
            if appel.age_max is not None and age > appel.age_max:
                raisons.append(
                    f"L'appel est réservé aux {appel.age_max} ans au plus : {age} ans {quand}."
                )
    if appel.liens_acceptes and lien_lot not in appel.liens_acceptes:
        acceptes = ", ".join(LienLot(valeur).label.lower() for valeur in appel.liens_acceptes)
        raisons.append(f"Il faut un lien avec le Lot parmi : {acceptes}.")
    types = appel.types_projet_liste
    if type_projet is not None and types and type_projet not in types:
        raisons.append(
            "Ce type de projet n'est pas ouvert dans cet appel (types acceptés : "
            + ", ".join(types)
            + ")."
        )
    return raisons
