"""The multi-step registration: drafts saved at each step, then the newcomer's file.

The draft (``BrouillonInscription``) is found through its id kept in the session (which
survives a login: Django keeps the session data when it changes the key) and, for a
logged-in visitor, through their account. ``donnees`` holds one entry per step (the
cleaned values, JSON) and ``donnees["saisie"][<step>]``, the raw input of a step that
did not validate, so that it is shown again (with its errors) when the visitor returns.
"""

from datetime import date

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone

from ambassadeurs.services.parrainage import parrainage_enregistrer
from lot_portal.territoire.models import CommunauteDeCommunes, Commune

from ..models import BrouillonInscription, ParcoursAccueil
from ..models.choix import BesoinLogement, Horizon, ProjetEntreprise, Teletravail
from . import parcours as parcours_services
from . import relances, reseau

ETAPES = ("qui", "foyer", "projet", "ou-et-quand", "consentements")
SAISIE = "saisie"
SAISIE_CLES_MAX = 80
SAISIE_VALEUR_MAX = 1000
SOURCE_PARRAIN = "parrain"


class BrouillonIncomplet(Exception):
    """A step of the draft is missing: the file cannot be created."""

    def __init__(self, etape: str):
        super().__init__(etape)
        self.etape = etape


# --- Drafts ------------------------------------------------------------------------------


def etapes_faites(brouillon: BrouillonInscription | None) -> list[str]:
    if brouillon is None:
        return []
    return [etape for etape in ETAPES if isinstance(brouillon.donnees.get(etape), dict)]


def premiere_etape_a_faire(brouillon: BrouillonInscription | None) -> str:
    faites = etapes_faites(brouillon)
    for etape in ETAPES:
        if etape not in faites:
            return etape
    return ETAPES[-1]


def _fusionner(cible: BrouillonInscription, autre: BrouillonInscription) -> None:
    """Copy into ``cible`` what ``autre`` holds (``autre`` is the more recent typing)."""
    donnees = dict(cible.donnees)
    saisie = {**donnees.get(SAISIE, {})}
    for etape in ETAPES:
        if etape in autre.donnees:
            donnees[etape] = autre.donnees[etape]
            saisie.pop(etape, None)
    saisie.update(autre.donnees.get(SAISIE, {}))
    donnees[SAISIE] = saisie
    cible.donnees = donnees
    # The account's first touch wins; campaigns are never mixed.
    brouillon_source_completer(brouillon=cible, source=autre.source, enregistrer=False)
    cible.etape_atteinte = max(cible.etape_atteinte, autre.etape_atteinte)


def brouillon_trouver(
    *, brouillon_id: int | None, utilisateur=None, cle_session: str = ""
) -> BrouillonInscription | None:
    """The visitor's draft: the session's, the account's, or both merged into the account's.

    Side effects (logged-in visitor only): a session draft is attached to the account, or
    merged into the account's draft and deleted.
    """
    connecte = utilisateur is not None and utilisateur.is_authenticated
    session = None
    if brouillon_id:
        session = BrouillonInscription.objects.filter(
            pk=brouillon_id, utilisateur__isnull=True
        ).first()
        if session is None and connecte:
            session = BrouillonInscription.objects.filter(
                pk=brouillon_id, utilisateur=utilisateur
            ).first()
    if not connecte:
        return session
    if session is not None and session.utilisateur_id == utilisateur.pk:
        return session
    compte = BrouillonInscription.objects.filter(utilisateur=utilisateur).first()
    if session is None:
        return compte
    with transaction.atomic():
        # One merge at a time per account (two tabs logging in at once).
        get_user_model().objects.select_for_update().filter(pk=utilisateur.pk).first()
        compte = BrouillonInscription.objects.filter(utilisateur=utilisateur).first()
        session = BrouillonInscription.objects.filter(
            pk=session.pk, utilisateur__isnull=True
        ).first()
        if session is None:
            return compte
        if compte is None:
            session.utilisateur = utilisateur
            session.cle_session = cle_session or session.cle_session
            session.save(update_fields=["utilisateur", "cle_session", "modifie_le"])
            return session
        _fusionner(compte, session)
        compte.cle_session = cle_session or compte.cle_session
        compte.save()
        session.delete()
        return compte


def brouillon_creer(*, cle_session: str, utilisateur=None, source: dict) -> BrouillonInscription:
    """Start a draft (at the first step posted), with the source captured on arrival."""
    connecte = utilisateur is not None and utilisateur.is_authenticated
    if connecte:
        try:
            with transaction.atomic():
                return BrouillonInscription.objects.create(
                    cle_session=cle_session, utilisateur=utilisateur, source=source
                )
        except IntegrityError:  # another tab created it meanwhile
            return BrouillonInscription.objects.get(utilisateur=utilisateur)
    return BrouillonInscription.objects.create(cle_session=cle_session, source=source)


def brouillon_source_completer(
    *, brouillon: BrouillonInscription, source: dict, enregistrer: bool = True
) -> None:
    """Add what is missing from the draft's source (first touch: nothing is replaced).

    The campaign (UTM, code, landing page) is taken whole or not at all, so that two
    campaigns are never mixed; the referral code is independent of it.
    """
    manquant = {}
    if not any(cle != SOURCE_PARRAIN for cle in brouillon.source):
        manquant = {cle: val for cle, val in source.items() if val and cle != SOURCE_PARRAIN}
    if source.get(SOURCE_PARRAIN) and SOURCE_PARRAIN not in brouillon.source:
        manquant[SOURCE_PARRAIN] = source[SOURCE_PARRAIN]
    if manquant:
        brouillon.source = {**brouillon.source, **manquant}
        if enregistrer:
            brouillon.save(update_fields=["source", "modifie_le"])


def _saisie_bornee(saisie: dict) -> dict:
    """Raw input kept for later display, bounded (a junk POST must not fill the table)."""
    propre = {}
    for cle, valeurs in list(saisie.items())[:SAISIE_CLES_MAX]:
        # NUL cannot be stored in PostgreSQL's jsonb (the form refuses it anyway).
        propre[str(cle)[:100].replace("\x00", "")] = [
            str(v).replace("\x00", "")[:SAISIE_VALEUR_MAX] for v in valeurs[:20]
        ]
    return propre


def etape_enregistrer(
    *, brouillon: BrouillonInscription, etape: str, donnees: dict | None, saisie: dict | None
) -> None:
    """Store a step: its cleaned values (valid) or its raw input (invalid, or left by
    « Précédent »). The raw input of a valid step is dropped."""
    tout = dict(brouillon.donnees)
    brutes = dict(tout.get(SAISIE, {}))
    if donnees is not None:
        tout[etape] = donnees
        brutes.pop(etape, None)
        rang = ETAPES.index(etape) + 2
        brouillon.etape_atteinte = min(max(brouillon.etape_atteinte, rang), len(ETAPES))
    if saisie is not None:
        brutes[etape] = _saisie_bornee(saisie)
    tout[SAISIE] = brutes
    brouillon.donnees = tout
    brouillon.save(update_fields=["donnees", "etape_atteinte", "modifie_le"])


def saisie_de(brouillon: BrouillonInscription | None, etape: str) -> dict | None:
    if brouillon is None:
        return None
    saisie = brouillon.donnees.get(SAISIE, {}).get(etape)
    return saisie if isinstance(saisie, dict) else None


def brouillon_verrouiller(*, brouillon: BrouillonInscription) -> BrouillonInscription | None:
    """The draft, locked until the end of the caller's transaction; None once it has been
    turned into a file (by a concurrent submit of the same session)."""
    return BrouillonInscription.objects.select_for_update().filter(pk=brouillon.pk).first()


# --- The account ------------------------------------------------------------------------


class CompteExistant(Exception):
    """An account already uses this email: the visitor must log in instead."""


def compte_existe(email: str) -> bool:
    from allauth.account.models import EmailAddress

    return (
        get_user_model().objects.filter(email__iexact=email).exists()
        or EmailAddress.objects.filter(email__iexact=email).exists()
    )


def compte_creer(
    *, request, email: str, mot_de_passe: str, prenom: str, nom: str, url_apres_confirmation: str
):
    """Create an account through allauth: unverified address, verification email.

    The address is confirmed by the link of allauth's email; clicked in the same browser,
    it logs the newcomer in and leads to ``url_apres_confirmation``. Raises
    ``CompteExistant`` when the email is taken (also by a concurrent registration: the
    unique index decides). Side effects: the user, its ``EmailAddress``, the
    ``user_signed_up`` signal, allauth's verification email (outbox row, after commit).
    """
    from allauth.account.internal.flows.signup import complete_signup
    from allauth.account.utils import setup_user_email

    if compte_existe(email):
        raise CompteExistant
    utilisateur = get_user_model()(email=email.lower(), first_name=prenom, last_name=nom)
    utilisateur.set_password(mot_de_passe)
    try:
        with transaction.atomic():
            utilisateur.save()
            setup_user_email(request, utilisateur, [])
    except IntegrityError as erreur:
        raise CompteExistant from erreur
    complete_signup(request, user=utilisateur, redirect_url=url_apres_confirmation)
    return utilisateur


# --- The file ---------------------------------------------------------------------------


def _choix(valeur, choix, defaut):
    return valeur if valeur in choix.values else defaut


def _date(valeur) -> date | None:
    try:
        return date.fromisoformat(valeur) if valeur else None
    except (TypeError, ValueError):
        return None


def _enfants(valeur) -> list:
    enfants = []
    for enfant in valeur if isinstance(valeur, list) else []:
        if isinstance(enfant, dict):
            enfants.append({"age": enfant.get("age"), "niveau": enfant.get("niveau", "")})
    return enfants


def parcours_creer(*, brouillon, utilisateur):
    """Turn a complete draft into the newcomer's ``ParcoursAccueil`` (idempotent per account).

    Calls, in the same transaction: ``reseau.parcours_router``, ``reseau.score_calculer``,
    ``parcours.etapes_generer``, ``relances.courriel_bienvenue`` and
    ``relances.relances_planifier``.

    The account row is locked first, so two submits at once (double click, two tabs) run
    one after the other: the second finds the file and returns it, sending nothing.
    Side effects: one ``ParcoursAccueil`` (with its areas and communes), whatever the called
    services do (referent, score, steps, welcome email, follow-ups); the draft is deleted.
    Raises ``BrouillonIncomplet`` when a step is missing.
    """
    with transaction.atomic():
        get_user_model().objects.select_for_update().get(pk=utilisateur.pk)
        existant = ParcoursAccueil.objects.filter(utilisateur=utilisateur).first()
        if existant is not None:
            BrouillonInscription.objects.filter(pk=brouillon.pk).delete()
            return existant
        d = brouillon.donnees
        for etape in ETAPES:
            if not isinstance(d.get(etape), dict):
                raise BrouillonIncomplet(etape)
        qui, foyer, projet, ou, moi = (d[etape] for etape in ETAPES)
        source = {cle: val for cle, val in brouillon.source.items() if cle != SOURCE_PARRAIN}
        parcours = ParcoursAccueil.objects.create(
            utilisateur=utilisateur,
            prenom=(moi.get("prenom") or utilisateur.first_name or "")[:100],
            nom=(moi.get("nom") or utilisateur.last_name or "")[:100],
            telephone=(moi.get("telephone") or "")[:30],
            profil=qui["profil"],
            lieu_actuel=(qui.get("lieu_actuel") or "")[:150],
            connu_par=qui.get("connu_par") or "",
            adultes=foyer.get("adultes") or 1,
            enfants=_enfants(foyer.get("enfants")),
            metier_recherche=(projet.get("metier_recherche") or "")[:150],
            secteur_recherche=(projet.get("secteur_recherche") or "")[:100],
            projet_entreprise=_choix(
                projet.get("projet_entreprise"), ProjetEntreprise, ProjetEntreprise.AUCUN
            ),
            teletravail=_choix(projet.get("teletravail"), Teletravail, Teletravail.NON),
            conjoint_metier=(projet.get("conjoint_metier") or "")[:150],
            conjoint_cherche_emploi=bool(projet.get("conjoint_cherche_emploi")),
            zone_inconnue=bool(ou.get("zone_inconnue")),
            date_installation=_date(ou.get("date_installation")),
            horizon=_choix(ou.get("horizon"), Horizon, Horizon.NE_SAIT_PAS),
            logement_temporaire=bool(ou.get("logement_temporaire")),
            besoin_logement=_choix(
                ou.get("besoin_logement"), BesoinLogement, BesoinLogement.NE_SAIT_PAS
            ),
            consentement_le=timezone.now(),
            newsletter=bool(moi.get("newsletter")),
            consentement_transmission_cv=bool(moi.get("consentement_transmission_cv")),
            source=source,
            code_campagne=str(source.get("campagne", ""))[:50],
            code_parrainage=str(brouillon.source.get(SOURCE_PARRAIN, ""))[:50],
        )
        # Areas or communes removed since the step was saved are simply dropped.
        parcours.communautes.set(
            CommunauteDeCommunes.objects.filter(pk__in=ou.get("communautes") or [])
        )
        parcours.communes.set(Commune.objects.filter(pk__in=ou.get("communes") or []))
        reseau.parcours_router(parcours=parcours)
        reseau.score_calculer(parcours=parcours)
        parcours_services.etapes_generer(parcours=parcours)
        relances.courriel_bienvenue(parcours=parcours)
        relances.relances_planifier(parcours=parcours)
        if parcours.code_parrainage:
            parrainage_enregistrer(
                code=parcours.code_parrainage,
                filleul_reference=parcours.reference,
                filleul_utilisateur=utilisateur,
            )
        BrouillonInscription.objects.filter(pk=brouillon.pk).delete()
    return parcours
