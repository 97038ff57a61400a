"""Personal data of the audit log (see lot_portal/rgpd/registre.py).

A row names the staff member (account and copied address) and refers to the person
concerned only by a model and a primary key: never their name, address or file content.
Rows are kept one year whatever happens to the accounts (traceability is a legal
obligation: the staff member's erasure does not erase what they did).
"""

from lot_portal.rgpd.registre import Champ, Effacement, Regle, enregistrer, finalite

from .services import journal_purger

finalite(
    "journal-acces",
    "Traçabilité des accès des agents aux dossiers (journal des accès)",
    base_legale="Obligation de sécurité (article 32 du RGPD)",
    conservation="Un an, puis suppression.",
    destinataires="Le délégué à la protection des données et les administrateurs du portail.",
)

enregistrer(
    "journal.JournalAcces",
    finalite="journal-acces",
    personne="utilisateur",
    libelle="Journal des accès des agents",
    personnels={
        "utilisateur": Champ("Identité des agents", effacement=Effacement.CONSERVER),
        "utilisateur_email": Champ("Identité des agents", effacement=Effacement.CONSERVER),
        # A reference (model + primary key), never a name: pseudonymous.
        "objet_id": Champ("Référence d'un dossier", effacement=Effacement.CONSERVER),
    },
    non_personnels=(
        "quand",
        "action",
        "objet_type",
        "objet_libelle",
        "nombre",
        "filtres",
        "vue",
        "motif",
    ),
    effacement=Effacement.CONSERVER,
    conservation=Regle(
        "Lignes du journal des accès de plus de JOURNAL_ACCES_CONSERVATION_JOURS jours "
        "(un an) : supprimées.",
        journal_purger,
    ),
)
