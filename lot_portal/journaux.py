"""No personal data in the logs: a filter that masks emails, French phone numbers and IPs.

Installed on every handler of ``LOGGING`` (settings/base.py). It formats the message with
its arguments, masks it, and also masks the traceback text (an ``IntegrityError`` quotes the
duplicated value). Code should log ids, never names or addresses: this is the safety net.
"""

import logging
import re

MASQUE_EMAIL = "[courriel masqué]"
MASQUE_TELEPHONE = "[téléphone masqué]"
MASQUE_IP = "[IP masquée]"

# The local part without « / ? = » so that a URL around an address keeps its path.
EMAIL = re.compile(r"[\w.!#$%&'*+^`{|}~-]+@[\w-]+(?:\.[\w-]+)+")
EMAIL_ENCODE = re.compile(r"[\w.+-]+%40[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)
# 06 12 34 56 78, 06.12.34.56.78, 0612345678, +33 6 12 34 56 78, 0033 6 12 34 56 78.
TELEPHONE = re.compile(r"(?<![\w+])(?:(?:\+|00)33[\s.-]?[1-9]|0[1-9])(?:[\s.-]?\d{2}){4}(?!\d)")
IPV4 = re.compile(
    r"(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)(?![\d.])"
)
# IPv6: hex groups joined by colons (a time such as 12:30:45 is spared by ``_ipv6``).
IPV6 = re.compile(r"(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![\w:])")


def _ipv6(correspondance: re.Match) -> str:
    texte = correspondance.group(0)
    # « 12:30:45 » (a time) is left alone: an IPv6 address has a letter, « :: » or 8 groups.
    if texte.count(":") < 3 and "::" not in texte and not re.search(r"[A-Fa-f]", texte):
        return texte
    if texte.strip(":") == "":
        return texte
    return MASQUE_IP


def masquer(texte: str) -> str:
    """``texte`` with emails, French phone numbers and IP addresses masked."""
    if not texte:
        return texte
    texte = EMAIL.sub(MASQUE_EMAIL, texte)
    texte = EMAIL_ENCODE.sub(MASQUE_EMAIL, texte)
    texte = IPV4.sub(MASQUE_IP, texte)
    texte = IPV6.sub(_ipv6, texte)
    return TELEPHONE.sub(MASQUE_TELEPHONE, texte)


class FiltreDonneesPersonnelles(logging.Filter):
    """Masks personal data in the record's message, arguments and traceback (never drops)."""

    _formateur = logging.Formatter()

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "_donnees_masquees", False):
            return True
        try:
            message = record.getMessage()
        except Exception:  # a broken format string: keep what we have, masked
            message = f"{record.msg} {record.args!r}"
        record.msg = masquer(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = self._formateur.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = masquer(record.exc_text)
        if record.stack_info:
            record.stack_info = masquer(record.stack_info)
        record._donnees_masquees = True
        return True
