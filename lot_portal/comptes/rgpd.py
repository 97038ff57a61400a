"""Personal data of comptes (see lot_portal/rgpd/registre.py)."""

from lot_portal.rgpd.registre import Champ, Effacement, enregistrer

enregistrer(
    "comptes.Utilisateur",
    finalite="compte",
    personne="pk",
    courriel="email",
    personnels={
        "email": Champ("Coordonnées"),
        "first_name": Champ("Identité"),
        "last_name": Champ("Identité"),
        "password": Champ("Secret de connexion", exporte=False),
        "last_login": Champ("Connexion"),
        "date_joined": Champ("Connexion"),
    },
    non_personnels=("is_superuser", "is_staff", "is_active", "groups", "user_permissions"),
    # The account itself is deleted last by ``personne_effacer``.
    effacement=Effacement.APPLICATION,
)
