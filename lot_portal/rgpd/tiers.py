"""The shared purposes and the third-party tables holding a person's data (allauth, mfa,
sessions, Wagtail revisions and logs). Imported first by ``RgpdConfig.ready``."""

from django.conf import settings

from .registre import Champ, Effacement, enregistrer, finalite

E = Effacement
MISSION = "Mission d'intérêt public (article 6-1-e du RGPD)"

finalite(
    "compte",
    "Gestion de votre compte sur le portail",
    base_legale=MISSION,
    conservation="Jusqu'à la suppression du compte.",
)
finalite(
    "securite",
    "Sécurité des comptes et traçabilité des modifications",
    base_legale="Obligation de sécurité (article 32 du RGPD) et mission d'intérêt public",
    conservation="Tant que le compte existe ; l'historique des modifications est détaché "
    "du compte à sa suppression.",
)
finalite(
    "courriels",
    "Envoi des courriels du portail",
    base_legale=MISSION,
    conservation=f"{settings.RGPD_COURRIELS_MOIS} mois après l'envoi (adresses et contenus), "
    "puis suppression.",
    destinataires="Les agents habilités et le prestataire d'envoi des courriels.",
)
finalite(
    "contenus",
    "Publication des contenus du portail (témoignages, offres, contacts)",
    base_legale=MISSION,
    conservation="Pendant la durée de publication ; les versions de travail sont nettoyées "
    "à l'effacement d'une personne.",
    destinataires="Le public (contenus publiés) et les agents habilités.",
)

COMPTE = "Lien au compte"
AGENT = "Agent (traçabilité)"

enregistrer(
    "account.EmailAddress",
    finalite="compte",
    personne="user",
    courriel="email",
    personnels={"user": Champ(COMPTE, exporte=False), "email": Champ("Coordonnées")},
    non_personnels=("verified", "primary"),
)
enregistrer(
    "account.EmailConfirmation",
    finalite="compte",
    personne="email_address__user",
    personnels={
        "email_address": Champ(COMPTE, exporte=False),
        "key": Champ("Secret de connexion", exporte=False),
    },
    non_personnels=("created", "sent"),
)
enregistrer(
    "mfa.Authenticator",
    finalite="securite",
    personne="user",
    personnels={
        "user": Champ(COMPTE, exporte=False),
        "data": Champ("Secret de connexion", exporte=False),
    },
    non_personnels=("type", "created_at", "last_used_at"),
)
# Pages: the editor who owns or locked a page (Wagtail sets them to NULL when the account goes).
enregistrer(
    "wagtailcore.Page",
    finalite="contenus",
    personnels={
        "owner": Champ(AGENT, exporte=False),
        "locked_by": Champ(AGENT, exporte=False),
    },
    non_personnels=(
        "path",
        "depth",
        "numchild",
        "translation_key",
        "locale",
        "latest_revision",
        "live",
        "has_unpublished_changes",
        "first_published_at",
        "last_published_at",
        "live_revision",
        "go_live_at",
        "expire_at",
        "expired",
        "locked",
        "locked_at",
        "title",
        "draft_title",
        "slug",
        "content_type",
        "url_path",
        "latest_revision_created_at",
        "alias_of",
        "show_in_menus",
        "seo_title",
        "search_description",
    ),
    effacement=E.APPLICATION,
)
for _label, _objet in (
    ("wagtailcore.Revision", ("content", "object_str")),
    ("wagtailcore.ModelLogEntry", ("label", "data")),
    ("wagtailcore.PageLogEntry", ("label", "data")),
):
    enregistrer(
        _label,
        finalite="securite",
        personne="user",
        personnels={
            "user": Champ(AGENT, exporte=False),
            **{nom: Champ("Contenu d'un objet de la personne", exporte=False) for nom in _objet},
        },
        non_personnels=(),
        # The erasure detaches the account and scrubs the person's objects (services).
        effacement=E.APPLICATION,
    )
