"""Demo content of the welcome network: a referent per communauté de communes, the
departmental team, the « Référents accueil » group and the default maturity rules.

Called by ``accueil.demo.seed``; idempotent (get_or_create, nothing random).
"""

import os

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.utils.text import slugify

from accueil.models import Referent
from accueil.services.reseau import referent_droits_accorder, regles_par_defaut_creer
from lot_portal.territoire.models import CommunauteDeCommunes

MOT_DE_PASSE_DEFAUT = "Referent-Lot-2026!"

# Deterministic first names for the demo referents (one per area, in name order).
PRENOMS = ["Claire", "Julien", "Sophie", "Mathieu", "Camille", "Nicolas", "Élodie", "Thomas"]
PRENOMS += ["Aurélie", "Pierre", "Lucie", "Antoine"]


def _compte(email: str, prenom: str, nom: str, mot_de_passe: str):
    utilisateurs = get_user_model().objects
    utilisateur = utilisateurs.filter(email=email).first()
    if utilisateur is None:
        utilisateur = utilisateurs.create_user(
            email=email, password=mot_de_passe, first_name=prenom, last_name=nom, is_staff=True
        )
    EmailAddress.objects.get_or_create(
        user=utilisateur, email=email, defaults={"verified": True, "primary": True}
    )
    return utilisateur


def _referent(utilisateur, communaute, fonction):
    referent, _ = Referent.objects.get_or_create(
        utilisateur=utilisateur,
        defaults={
            "communaute": communaute,
            "fonction": fonction,
            "telephone": "05 65 53 43 40",
            "presentation": "Je vous accompagne dans votre projet d'installation : logement, "
            "emploi, écoles, vie locale. N'hésitez pas à m'écrire.",
        },
    )
    referent_droits_accorder(referent=referent)
    return referent


def seed(stdout):
    """Referent accounts (one per communauté de communes + the departmental team) and the
    maturity rules. Prints the accounts' password."""
    mot_de_passe = os.environ.get("DJANGO_DEMO_PASSWORD") or MOT_DE_PASSE_DEFAUT
    crees = 0
    for index, communaute in enumerate(CommunauteDeCommunes.objects.order_by("nom")):
        slug = slugify(communaute.nom)[:40] or communaute.siren
        email = f"referent.{slug}@lot.fr"
        existait = Referent.objects.filter(utilisateur__email=email).exists()
        utilisateur = _compte(email, PRENOMS[index % len(PRENOMS)], "Référente", mot_de_passe)
        _referent(utilisateur, communaute, "Référente accueil")
        crees += int(not existait)
    email = "referent.departement@lot.fr"
    existait = Referent.objects.filter(utilisateur__email=email).exists()
    utilisateur = _compte(email, "Hélène", "Départementale", mot_de_passe)
    _referent(utilisateur, None, "Chargée de l'accueil des nouveaux arrivants (Département)")
    crees += int(not existait)
    regles = regles_par_defaut_creer()
    stdout.write(
        f"Réseau d'accueil : {crees} référent(s) créé(s), {regles} règle(s) de maturité. "
        f"Comptes referent.<secteur>@lot.fr et referent.departement@lot.fr, mot de passe : "
        f"{mot_de_passe}"
    )
