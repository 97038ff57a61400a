"""The outbox: every email is a row first, then a Celery task delivers it.

What survives what (tests in ``tests/confiance/test_pannes_*.py``):

- broker down: the row is written with the caller's change; the dispatch after commit
  fails once, then the process leaves new rows to the sweep for ``COURRIELS_BROKER_PAUSE``
  seconds (``disjoncteur``), so no request waits on the broker; the sweep
  (``courriels_relancer``, every minute) hands them over once it is back;
- worker killed mid-send: the claim is freed by the sweep after ``DELAI_BLOCAGE`` and
  the email sent again (at least once: that one may arrive twice);
- SMTP 4xx: retried with backoff (``_delai``) up to ``TENTATIVES_MAX``; 5xx: « Échec »
  at once, shown to staff with its error, who may « Renvoyer » it (``courriel_renvoyer``);
- a transaction rolled back after the email was requested: no row, no email.
"""

import logging
import random
import smtplib
import threading
import time
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone

from .models import Courriel

logger = logging.getLogger(__name__)

TENTATIVES_MAX = 8
DELAI_BLOCAGE = timedelta(minutes=10)


def courriel_enregistrer(*, message: EmailMultiAlternatives) -> Courriel:
    """Write ``message`` to the outbox; dispatch it to Celery after commit.

    Side effects: one ``Courriel`` row; on commit, one task sent to the broker
    (a broker that does not answer is logged, the periodic sweep sends later).
    """
    html = ""
    for contenu, type_mime in getattr(message, "alternatives", []):
        if type_mime == "text/html":
            html = contenu
    if message.attachments:
        raise ValueError("Les pièces jointes ne passent pas par la file d'envoi.")
    courriel = Courriel.objects.create(
        expediteur=message.from_email or settings.DEFAULT_FROM_EMAIL,
        destinataires=list(message.to),
        copies=list(message.cc),
        copies_cachees=list(message.bcc),
        repondre_a=list(message.reply_to),
        en_tetes=dict(message.extra_headers),
        sujet=message.subject,
        corps_texte=message.body,
        corps_html=html,
    )
    transaction.on_commit(partial(courriel_dispatcher, courriel_id=courriel.pk), robust=True)
    return courriel


def courriel_gabarit_enregistrer(
    *,
    destinataire: str,
    gabarit: str,
    sujet: str,
    contexte: dict | None = None,
    en_tetes: dict | None = None,
) -> Courriel:
    """Render ``<gabarit>.txt`` and ``<gabarit>.html`` (the portal's email look, extending
    ``templates/courriels/_base.*``) and write them to the outbox (``courriel_enregistrer``).

    The context gets ``titre`` (the subject) and ``url_site`` unless given.
    """
    contexte = {"titre": sujet, "url_site": settings.SITE_URL, **(contexte or {})}
    message = EmailMultiAlternatives(
        subject=sujet,
        body=render_to_string(f"{gabarit}.txt", contexte),
        to=[destinataire],
        headers=en_tetes or {},
    )
    message.attach_alternative(render_to_string(f"{gabarit}.html", contexte), "text/html")
    return courriel_enregistrer(message=message)


class _Disjoncteur:
    """A circuit breaker kept in process memory: after a broker error, this process
    stops trying to reach the broker for ``COURRIELS_BROKER_PAUSE`` seconds.

    A request that writes an email never waits on a broker that is down (only the first
    attempt fails, fast); the rows stay « en attente » and the sweep sends them.
    """

    def __init__(self):
        self._lock = threading.Lock()
        self._ferme_jusqu_a = 0.0

    def ouvert(self) -> bool:
        return time.monotonic() >= self._ferme_jusqu_a

    def couper(self) -> None:
        pause = getattr(settings, "COURRIELS_BROKER_PAUSE", 30)
        with self._lock:
            self._ferme_jusqu_a = time.monotonic() + pause

    def retablir(self) -> None:
        with self._lock:
            self._ferme_jusqu_a = 0.0


disjoncteur = _Disjoncteur()


def courriel_dispatcher(*, courriel_id: int, countdown: int = 0) -> bool:
    """Hand an outbox row to the broker without ever failing nor blocking the caller.

    Returns False when the row was left to the sweep: the broker failed now, or failed
    less than ``COURRIELS_BROKER_PAUSE`` seconds ago in this process (``disjoncteur``).
    """
    from .tasks import envoyer_courriel_task

    if not disjoncteur.ouvert():
        logger.info("Courriel %s : broker en pause, envoi différé.", courriel_id)
        return False
    try:
        envoyer_courriel_task.apply_async((courriel_id,), countdown=countdown, retry=False)
    except Exception:  # the broker is down: the sweep will send it
        disjoncteur.couper()
        logger.warning("Courriel %s : broker indisponible, envoi différé.", courriel_id)
        return False
    return True


def courriel_renvoyer(*, courriel_id: int) -> bool:
    """Staff put a failed email back in the queue (« Renvoyer »): fresh attempts,
    dispatched after commit. Returns False when the email is not in « échec »."""
    with transaction.atomic():
        remis = Courriel.objects.filter(pk=courriel_id, statut=Courriel.Statut.ECHEC).update(
            statut=Courriel.Statut.EN_ATTENTE,
            tentatives=0,
            prochain_essai=timezone.now(),
            verrouille_le=None,
        )
        if remis:
            transaction.on_commit(
                partial(courriel_dispatcher, courriel_id=courriel_id), robust=True
            )
    return bool(remis)


def _delai(tentatives: int) -> timedelta:
    """Exponential backoff with jitter: ~1 min, 2, 4… capped at 2 hours."""
    base = min(60 * 2 ** max(tentatives - 1, 0), 7200)
    return timedelta(seconds=base * random.uniform(0.8, 1.2))  # noqa: S311


def _est_permanente(erreur: Exception) -> bool:
    if isinstance(erreur, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _ in erreur.recipients.values()]
        return bool(codes) and all(500 <= code < 600 for code in codes)
    if isinstance(erreur, smtplib.SMTPResponseException):
        return 500 <= erreur.smtp_code < 600
    return isinstance(erreur, ValueError)


def courriel_envoyer(*, courriel_id: int) -> str:
    """Claim, deliver and mark one outbox row. Idempotent.

    The claim is a conditional UPDATE, so two workers never send the same row.
    A temporary failure puts the row back with a later ``prochain_essai``; a
    permanent one (5xx, too many attempts) marks it failed for staff to see.
    Returns the final status.
    """
    maintenant = timezone.now()
    pris = Courriel.objects.filter(
        pk=courriel_id, statut=Courriel.Statut.EN_ATTENTE, prochain_essai__lte=maintenant
    ).update(
        statut=Courriel.Statut.EN_COURS,
        verrouille_le=maintenant,
        tentatives=F("tentatives") + 1,
    )
    if not pris:
        return "ignore"
    courriel = Courriel.objects.get(pk=courriel_id)
    message = EmailMultiAlternatives(
        subject=courriel.sujet,
        body=courriel.corps_texte,
        from_email=courriel.expediteur,
        to=courriel.destinataires,
        cc=courriel.copies,
        bcc=courriel.copies_cachees,
        reply_to=courriel.repondre_a,
        headers=courriel.en_tetes,
        connection=get_connection(settings.COURRIELS_DELIVERY_BACKEND, fail_silently=False),
    )
    if courriel.corps_html:
        message.attach_alternative(courriel.corps_html, "text/html")
    try:
        message.send()
    except Exception as erreur:
        courriel.derniere_erreur = f"{type(erreur).__name__}: {erreur}"[:2000]
        courriel.verrouille_le = None
        if _est_permanente(erreur) or courriel.tentatives >= TENTATIVES_MAX:
            courriel.statut = Courriel.Statut.ECHEC
            logger.error("Courriel %s en échec : %s", courriel.pk, courriel.derniere_erreur)
        else:
            delai = _delai(courriel.tentatives)
            courriel.statut = Courriel.Statut.EN_ATTENTE
            courriel.prochain_essai = timezone.now() + delai
            transaction.on_commit(
                partial(
                    courriel_dispatcher,
                    courriel_id=courriel.pk,
                    countdown=int(delai.total_seconds()) + 1,
                ),
                robust=True,
            )
        courriel.save(
            update_fields=["statut", "derniere_erreur", "verrouille_le", "prochain_essai"]
        )
        return courriel.statut
    Courriel.objects.filter(pk=courriel.pk).update(
        statut=Courriel.Statut.ENVOYE,
        envoye_le=timezone.now(),
        verrouille_le=None,
        derniere_erreur="",
    )
    return Courriel.Statut.ENVOYE


def courriels_relancer() -> int:
    """The periodic sweep: free stale claims and dispatch every due row.

    Covers a broker that was down at commit time and a worker killed while
    sending (a claim older than ``DELAI_BLOCAGE`` is freed: that email may then be
    sent twice if the dead worker had already handed it to the SMTP server, which is
    why delivery is « at least once »). The sweep runs because the broker delivered
    it (beat) or because someone called it: it tries the broker again at once
    (``disjoncteur.retablir``). Returns how many rows were due (handed to the broker
    unless it failed).
    """
    disjoncteur.retablir()
    maintenant = timezone.now()
    Courriel.objects.filter(
        statut=Courriel.Statut.EN_COURS, verrouille_le__lt=maintenant - DELAI_BLOCAGE
    ).update(statut=Courriel.Statut.EN_ATTENTE, verrouille_le=None)
    dus = list(
        Courriel.objects.filter(
            statut=Courriel.Statut.EN_ATTENTE, prochain_essai__lte=maintenant
        ).values_list("pk", flat=True)[:1000]
    )
    for courriel_id in dus:
        courriel_dispatcher(courriel_id=courriel_id)  # after a failure: skipped at once
    return len(dus)
