"""Personal data of comptes (see lot_portal/rgpd/registre.py)."""

from lot_portal.rgpd.registre import Categorie, Champ, Effacement, enregistrer

enregistrer(
    "comptes.Utilisateur",
    finalite="compte",
    personne="pk",
    courriel="email",
    personnels={
        "email": Champ(Categorie.COORDONNEES),
        "first_name": Champ(Categorie.IDENTITE),
        "last_name": Champ(Categorie.IDENTITE),
        "password": Champ(Categorie.SECRET, exporte=False),
        "last_login": Champ(Categorie.CONNEXION),
        "date_joined": Champ(Categorie.CONNEXION),
    },
    non_personnels=("is_superuser", "is_staff", "is_active", "groups", "user_permissions"),
    # The account itself is deleted last by ``personne_effacer``.
    effacement=Effacement.APPLICATION,
)
