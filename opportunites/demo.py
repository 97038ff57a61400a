"""Demo content of the opportunities (``manage.py seed_demo``) and large generated volumes.

``seed`` creates the page tree (``structure_creer``), 25 fictitious employers across the Lot,
62 job offers (through ``offre_depuis_donnees``, references « demo-… »; five expired, one
filled), 12 businesses to take over with photos drawn with Pillow, six creation support pages,
a partner account ``partenaire@exemple.fr`` (« Partenaires emploi », two employers) and a
moderator ``moderation.emploi@lot.fr`` (« Modération emploi »). Idempotent: what exists is
left as it is.

``offres_generer(n)`` and ``histoires_generer(m)`` (``seed_demo --offres N --histoires M``) add
generated pages in bulk for benchmarks: Page rows with computed tree paths, their specific rows,
then one ``numchild`` update of the parent, so 10,000 offers take seconds, not hours. The tree
stays consistent (``Page.find_problems()`` reports nothing); no revision is written (pages are
live with their values). They are added to the search index in bulk unless ``indexer=False``.
"""

from __future__ import annotations

import datetime
import io
import os
import random
import secrets
import uuid
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.files.images import ImageFile
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image, ImageDraw, ImageFont
from wagtail.images import get_image_model
from wagtail.models import Page

from lot_portal.territoire.models import Commune

from .models import (
    Contrat,
    CreationPage,
    Employeur,
    OffreEmploiPage,
    Organisme,
    PeriodeSalaire,
    ReprisePage,
    ReprisePhoto,
    Secteur,
    Teletravail,
    TempsTravail,
    TrancheCA,
    TrancheEffectif,
    TranchePrix,
    TypeAccompagnement,
)
from .services.imports import texte_en_html
from .services.offres import offre_depuis_donnees
from .structure import structure_creer

FICHIER_IDENTIFIANTS = "identifiants-opportunites.txt"
EMAIL_PARTENAIRE = "partenaire@exemple.fr"
EMAIL_MODERATION = "moderation.emploi@lot.fr"
GRAINE = 4646

S, C, T, TT = Secteur, Contrat, TempsTravail, Teletravail
PLEIN, PARTIEL = T.PLEIN, T.PARTIEL
AN, MOIS, HEURE = PeriodeSalaire.ANNEE, PeriodeSalaire.MOIS, PeriodeSalaire.HEURE

# (name, SIRET, sector, commune INSEE, presentation)
EMPLOYEURS = [
    ("Clinique du Causse", "90100000100011", S.SANTE, "46128",
     "Clinique de 80 lits, chirurgie ambulatoire et soins de suite, au cœur du causse de Gramat."),
    ("Maison de santé de la Bouriane", "90100000200012", S.SANTE, "46127",
     "Douze professionnels de santé sous un même toit, à Gourdon."),
    ("EHPAD Les Tilleuls", "90100000300013", S.SANTE, "46309",
     "Établissement de 90 résidents au bord de la Dordogne, à Souillac."),
    ("Centre hospitalier de la vallée du Lot", "90100000400014", S.SANTE, "46042",
     "L'hôpital de référence du département : urgences, maternité, médecine et chirurgie."),
    ("Célé Précision Aéronautique", "90100000500015", S.INGENIERIE, "46102",
     "Usinage de pièces de structure pour l'aéronautique, 240 salariés."),
    ("Mécanique de Capdenac", "90100000600016", S.INGENIERIE, "46055",
     "Sous-traitance mécanique de précision et maintenance ferroviaire."),
    ("Lot Composites", "90100000700017", S.INGENIERIE, "46029",
     "Pièces en matériaux composites pour l'industrie et le nautisme."),
    ("Quercy Numérique", "90100000800018", S.NUMERIQUE, "46042",
     "Agence de développement web et mobile, une trentaine de personnes à Cahors."),
    ("Causse Data", "90100000900019", S.NUMERIQUE, "46102",
     "Éditeur de logiciels pour les collectivités, en télétravail à moitié."),
    ("Studio Lapopie", "90100001000010", S.NUMERIQUE, "46256",
     "Studio de design et de jeux éducatifs installé dans une ancienne grange."),
    ("Fibre du Lot Réseaux", "90100001100011", S.BTP, "46128",
     "Déploiement et maintenance des réseaux de fibre optique du département."),
    ("Conserverie des Causses", "90100001200012", S.AGRICULTURE, "46128",
     "Conserves de canard et de légumes du Quercy, vendues dans toute la France."),
    ("Cave des Coteaux d'Olt", "90100001300013", S.AGRICULTURE, "46214",
     "Coopérative de 80 vignerons de l'appellation Cahors."),
    ("Truffes et Saveurs de Lalbenque", "90100001400014", S.AGRICULTURE, "46148",
     "Négoce de truffes noires et de produits du terroir."),
    ("Fromagerie du Rocamadour", "90100001500015", S.AGRICULTURE, "46240",
     "Fromagerie fermière, lait de chèvre des causses, AOP Rocamadour."),
    ("Bâtir en Quercy", "90100001600016", S.BTP, "46224",
     "Entreprise générale de bâtiment, rénovation du bâti ancien en pierre."),
    ("Charpentes de la Bouriane", "90100001700017", S.BTP, "46297",
     "Charpente, couverture et ossature bois, quinze compagnons."),
    ("Hôtel-restaurant Le Belvédère", "90100001800018", S.TOURISME, "46240",
     "Hôtel 3 étoiles de 25 chambres face à la cité de Rocamadour."),
    ("Camping des Rives du Célé", "90100001900019", S.TOURISME, "46045",
     "Camping 4 étoiles, 120 emplacements au bord du Lot."),
    ("Transports Delmas", "90100002000010", S.TRANSPORT, "46309",
     "Transport routier de marchandises et logistique, 60 conducteurs."),
    ("Marché du Quercy Blanc", "90100002100011", S.COMMERCE, "46201",
     "Supermarché de proximité qui travaille avec les producteurs locaux."),
    ("Syndicat des eaux du Causse", "90100002200012", S.PUBLIC, "46162",
     "Service public de l'eau potable de quarante communes."),
    ("Lycée agricole du Haut-Quercy", "90100002300013", S.EDUCATION, "46143",
     "Lycée et centre de formation des apprentis aux métiers de l'agriculture."),
    ("Cabinet Vayssières et associés", "90100002400014", S.SERVICES, "46042",
     "Expertise comptable et conseil aux entreprises, quatre bureaux dans le Lot."),
    ("Atelier du cuir de Saint-Céré", "90100002500015", S.ARTISANAT, "46251",
     "Maroquinerie artisanale, sacs et ceintures cousus main."),
]  # fmt: skip

# Per employer (same order): (title, contract, time, remote, min, max, period, scarce,
# mission, profile).
POSTES = [
    [("Infirmier ou infirmière de bloc opératoire", C.CDI, PLEIN, TT.NON, 28000, 36000, AN, True,
      "Vous assurez la prise en charge des patients au bloc, avec une équipe de huit IBODE.",
      "Diplôme d'État d'infirmier, spécialisation IBODE appréciée."),
     ("Médecin anesthésiste", C.CDI, PLEIN, TT.NON, None, None, AN, True,
      "Vous rejoignez une équipe de trois anesthésistes ; gardes partagées.",
      "Docteur en médecine, qualification en anesthésie-réanimation."),
     ("Agent ou agente de service hospitalier", C.CDD, PARTIEL, TT.NON, 1450, 1600, MOIS, False,
      "Entretien des chambres et aide aux repas, en journée.",
      "Une première expérience en établissement de santé est un plus.")],
    [("Médecin généraliste", C.LIBERAL, PLEIN, TT.NON, None, None, AN, True,
      "Patientèle constituée, secrétariat partagé, installation accompagnée par la commune.",
      "Docteur en médecine générale, inscrit ou inscriptible à l'Ordre."),
     ("Masseur-kinésithérapeute", C.LIBERAL, PLEIN, TT.NON, None, None, AN, True,
      "Reprise de patientèle dans un cabinet équipé d'une salle de rééducation.",
      "Diplôme d'État de masseur-kinésithérapeute."),
     ("Secrétaire médical ou médicale", C.CDI, PARTIEL, TT.NON, 11, 13, HEURE, False,
      "Accueil des patients et gestion des rendez-vous de la maison de santé.",
      "Maîtrise des logiciels de rendez-vous, sens de l'accueil.")],
    [("Aide-soignant ou aide-soignante de nuit", C.CDI, PLEIN, TT.NON, 1900, 2150, MOIS, True,
      "Vous veillez sur les résidents la nuit, en binôme avec une infirmière.",
      "Diplôme d'État d'aide-soignant."),
     ("Animateur ou animatrice en gérontologie", C.CDD, PARTIEL, TT.NON, 1500, 1650, MOIS, False,
      "Ateliers de mémoire, sorties et lien avec les familles.",
      "BPJEPS animation sociale ou expérience équivalente.")],
    [("Médecin urgentiste", C.CDI, PLEIN, TT.NON, None, None, AN, True,
      "Service d'urgences de 30 000 passages par an et SMUR.",
      "DES de médecine d'urgence ou capacité équivalente."),
     ("Sage-femme", C.CDI, PLEIN, TT.NON, 2300, 3100, MOIS, True,
      "Maternité de niveau 1, consultations et préparation à la naissance.",
      "Diplôme d'État de sage-femme."),
     ("Technicien ou technicienne biomédical", C.CDD, PLEIN, TT.NON, 26000, 30000, AN, True,
      "Maintenance des équipements biomédicaux et suivi des contrats.",
      "BTS ou licence en génie biomédical.")],
    [("Ingénieur ou ingénieure méthodes usinage", C.CDI, PLEIN, TT.PARTIEL, 42000, 52000, AN,
      True, "Vous industrialisez les nouvelles pièces de structure et optimisez les gammes.",
      "Ingénieur en mécanique, cinq ans d'expérience en usinage."),
     ("Régleur ou régleuse sur commande numérique", C.CDI, PLEIN, TT.NON, 28000, 34000, AN,
      False, "Réglage de centres d'usinage cinq axes en équipe.",
      "Bac pro ou BTS en productique."),
     ("Contrôleur ou contrôleuse qualité", C.INTERIM, PLEIN, TT.NON, 13, 15, HEURE, False,
      "Contrôle tridimensionnel des pièces avant livraison.",
      "Lecture de plans, connaissance des normes aéronautiques."),
     ("Alternance : technicien ou technicienne en maintenance", C.ALTERNANCE, PLEIN, TT.NON,
      None, None, AN, False, "Deux ans en alternance avec le CFA de l'industrie.",
      "Bac pro en maintenance des systèmes.")],
    [("Chaudronnier ou chaudronnière", C.CDI, PLEIN, TT.NON, 26000, 31000, AN, False,
      "Fabrication et réparation d'éléments de matériel ferroviaire.",
      "CAP ou bac pro chaudronnerie."),
     ("Responsable de production", C.CDI, PLEIN, TT.PARTIEL, 45000, 55000, AN, True,
      "Vous pilotez deux ateliers et quarante personnes.",
      "Ingénieur ou expérience équivalente en production industrielle.")],
    [("Ingénieur ou ingénieure matériaux composites", C.CDI, PLEIN, TT.PARTIEL, 40000, 48000,
      AN, True, "Développement de nouvelles pièces et essais de résistance.",
      "Ingénieur matériaux, une première expérience dans les composites."),
     ("Opérateur ou opératrice de moulage", C.CDD, PLEIN, TT.NON, 1850, 2000, MOIS, False,
      "Drapage et moulage de pièces en fibre de verre et de carbone.",
      "Débutants acceptés, formation assurée.")],
    [("Développeur ou développeuse Python / Django", C.CDI, PLEIN, TT.PARTIEL, 38000, 48000,
      AN, True, "Vous développez les portails de nos clients publics.",
      "Trois ans d'expérience en Python, goût pour l'accessibilité."),
     ("Chef ou cheffe de projet web", C.CDI, PLEIN, TT.PARTIEL, 40000, 46000, AN, True,
      "Relation avec les clients et coordination de l'équipe technique.",
      "Expérience de la gestion de projet numérique."),
     ("Stage : intégrateur ou intégratrice web", C.STAGE, PLEIN, TT.NON, None, None, AN, False,
      "Six mois pour intégrer des maquettes accessibles.", "Formation en développement web.")],
    [("Ingénieur ou ingénieure DevOps", C.CDI, PLEIN, TT.TOTAL, 45000, 55000, AN, True,
      "Hébergement et supervision de nos logiciels, en télétravail complet.",
      "Linux, conteneurs, PostgreSQL."),
     ("Responsable du support client", C.CDI, PLEIN, TT.PARTIEL, 32000, 38000, AN, False,
      "Vous animez une équipe de quatre personnes au service des collectivités.",
      "Sens du service, connaissance des collectivités appréciée.")],
    [("Graphiste motion designer", C.CDD, PLEIN, TT.PARTIEL, 28000, 32000, AN, True,
      "Animation des personnages de nos jeux éducatifs.", "Maîtrise des outils d'animation 2D."),
     ("Développeur ou développeuse de jeux (Godot)", C.CDI, PLEIN, TT.PARTIEL, 36000, 44000,
      AN, True, "Programmation de jeux éducatifs pour tablettes.",
      "Deux ans d'expérience en développement de jeux.")],
    [("Technicien ou technicienne fibre optique", C.CDI, PLEIN, TT.NON, 24000, 29000, AN, False,
      "Raccordements et interventions chez les abonnés du nord du Lot.",
      "Habilitation travail en hauteur, permis B."),
     ("Conducteur ou conductrice de travaux réseaux", C.CDI, PLEIN, TT.NON, 38000, 45000, AN,
      True, "Suivi des chantiers de déploiement et des sous-traitants.",
      "BTS ou licence en travaux publics, cinq ans d'expérience.")],
    [("Responsable qualité agroalimentaire", C.CDI, PLEIN, TT.NON, 34000, 40000, AN, False,
      "Plan de maîtrise sanitaire, audits IFS, relation avec les services vétérinaires.",
      "Formation en qualité agroalimentaire."),
     ("Saisonnier ou saisonnière de production", C.CDD, PLEIN, TT.NON, 12, 12, HEURE, False,
      "Préparation des conserves pendant la saison d'automne.", "Aucun diplôme exigé.")],
    [("Caviste et conseiller ou conseillère de vente", C.CDI, PLEIN, TT.NON, 1900, 2200, MOIS,
      False, "Accueil des visiteurs au caveau et ventes aux professionnels.",
      "Connaissance des vins, anglais apprécié."),
     ("Chef ou cheffe de culture", C.CDI, PLEIN, TT.NON, 30000, 36000, AN, False,
      "Conduite de 60 hectares de vignes en conversion biologique.",
      "BTS viticulture-œnologie.")],
    [("Commercial ou commerciale export", C.CDI, PLEIN, TT.PARTIEL, 32000, 42000, AN, False,
      "Développement des ventes en Europe et au Japon.", "Anglais courant, goût du terroir."),
     ("Préparateur ou préparatrice de commandes", C.CDD, PLEIN, TT.NON, 1800, 1850, MOIS,
      False, "Préparation des colis pendant la saison de la truffe (décembre à mars).",
      "Rigueur et soin.")],
    [("Fromager ou fromagère", C.CDI, PLEIN, TT.NON, 1900, 2100, MOIS, False,
      "Fabrication et affinage des Rocamadour.", "CAP crémier-fromager ou expérience."),
     ("Alternance : vente en magasin de producteurs", C.ALTERNANCE, PLEIN, TT.NON, None, None,
      AN, False, "Un an en alternance au magasin de la ferme.", "Préparer un BTS NDRC.")],
    [("Conducteur ou conductrice de travaux", C.CDI, PLEIN, TT.NON, 40000, 48000, AN, False,
      "Rénovation de maisons en pierre, de l'étude à la réception.",
      "Expérience du bâti ancien."),
     ("Maçon ou maçonne en pierre", C.CDI, PLEIN, TT.NON, 24000, 28000, AN, False,
      "Restauration de murs en pierre sèche et de façades.", "CAP maçon."),
     ("Intérim : manœuvre du bâtiment", C.INTERIM, PLEIN, TT.NON, 12, 12, HEURE, False,
      "Mission de trois mois sur un chantier de Cahors.", "Débutants acceptés.")],
    [("Charpentier ou charpentière", C.CDI, PLEIN, TT.NON, 25000, 30000, AN, False,
      "Taille et levage de charpentes traditionnelles.", "CAP ou BP charpentier."),
     ("Apprenti ou apprentie couvreur", C.ALTERNANCE, PLEIN, TT.NON, None, None, AN, False,
      "Deux ans d'apprentissage avec le CFA du bâtiment.", "Motivation et goût du travail "
      "en hauteur.")],
    [("Chef ou cheffe de cuisine", C.CDI, PLEIN, TT.NON, 30000, 36000, AN, False,
      "Cuisine de saison avec les producteurs du causse, 60 couverts.",
      "Expérience de chef de partie ou de second."),
     ("Réceptionniste bilingue", C.CDD, PLEIN, TT.NON, 1850, 2000, MOIS, False,
      "Accueil des clients d'avril à octobre, logement possible.", "Anglais courant."),
     ("Serveur ou serveuse", C.CDD, PLEIN, TT.NON, 1800, 1900, MOIS, False,
      "Service en salle et en terrasse pendant la saison.", "Première expérience appréciée.")],
    [("Animateur ou animatrice de camping", C.CDD, PLEIN, TT.NON, 1750, 1850, MOIS, False,
      "Animations pour les enfants et soirées, de juin à septembre.", "BAFA souhaité."),
     ("Agent ou agente d'entretien des espaces verts", C.CDD, PARTIEL, TT.NON, 12, 12, HEURE,
      False, "Entretien des emplacements et des haies.", "Permis B.")],
    [("Conducteur ou conductrice poids lourd", C.CDI, PLEIN, TT.NON, 26000, 30000, AN, False,
      "Tournées régionales, retour à domicile chaque soir.", "Permis C et FIMO à jour."),
     ("Exploitant ou exploitante transport", C.CDI, PLEIN, TT.PARTIEL, 30000, 36000, AN, False,
      "Organisation des tournées et relation avec les clients.",
      "BTS transport et logistique.")],
    [("Boucher ou bouchère", C.CDI, PLEIN, TT.NON, 24000, 28000, AN, False,
      "Rayon boucherie traditionnelle avec des éleveurs du Quercy.", "CAP boucher."),
     ("Employé ou employée libre-service", C.CDD, PARTIEL, TT.NON, 12, 12, HEURE, False,
      "Mise en rayon et accueil en caisse.", "Aucune expérience exigée.")],
    [("Technicien ou technicienne eau potable", C.CDD, PLEIN, TT.NON, 1900, 2300, MOIS, False,
      "Surveillance des réseaux et des stations de pompage, astreintes.",
      "Bac pro ou BTS métiers de l'eau."),
     ("Ingénieur ou ingénieure hydraulique", C.CDI, PLEIN, TT.PARTIEL, 38000, 46000, AN, True,
      "Programmation des travaux et schéma directeur de l'eau potable.",
      "Ingénieur en hydraulique ou en génie de l'eau.")],
    [("Professeur ou professeure d'agronomie", C.CDD, PLEIN, TT.NON, 2100, 2500, MOIS, False,
      "Enseignement en BTS et bac pro, suivi des stages.", "Ingénieur agronome ou master."),
     ("Formateur ou formatrice en machinisme agricole", C.CDI, PLEIN, TT.NON, 28000, 32000,
      AN, False, "Formation des apprentis à la conduite et à l'entretien des machines.",
      "Expérience du machinisme agricole.")],
    [("Expert-comptable stagiaire", C.CDI, PLEIN, TT.PARTIEL, 34000, 40000, AN, True,
      "Un portefeuille de clients artisans et commerçants, avec un associé.",
      "DSCG, stage d'expertise en cours ou à commencer."),
     ("Assistant ou assistante comptable", C.CDI, PLEIN, TT.PARTIEL, 24000, 28000, AN, False,
      "Saisie et révision des comptes de petites entreprises.", "BTS comptabilité et "
      "gestion."),
     ("Gestionnaire de paie en alternance", C.ALTERNANCE, PLEIN, TT.NON, None, None, AN, False,
      "Un an en alternance pour gérer la paie de nos clients artisans.",
      "Préparer un titre de gestionnaire de paie."),
     ("Juriste en droit des affaires", C.CDI, PLEIN, TT.PARTIEL, 36000, 44000, AN, False,
      "Statuts, cessions de parts et accompagnement des repreneurs d'entreprises.",
      "Master en droit des affaires.")],
    [("Maroquinier ou maroquinière", C.CDI, PLEIN, TT.NON, 22000, 25000, AN, False,
      "Coupe, piquage et montage de sacs en cuir.", "CAP maroquinerie ou expérience."),
     ("Vendeur ou vendeuse en boutique d'atelier", C.CDD, PARTIEL, TT.NON, 12, 12, HEURE,
      False, "Vente aux visiteurs de l'atelier pendant la saison.", "Anglais apprécié."),
     ("Apprenti ou apprentie sellier-maroquinier", C.ALTERNANCE, PLEIN, TT.NON, None, None, AN,
      False, "Deux ans d'apprentissage aux côtés de nos artisans.", "Habileté manuelle."),
     ("Stage : vente en ligne et photographie", C.STAGE, PLEIN, TT.PARTIEL, None, None, AN,
      False, "Photographier les pièces et animer la boutique en ligne.",
      "Formation en commerce ou en communication.")],
]  # fmt: skip

# (title, activity, sector, commune INSEE, reason, turnover, staff, price, premises, housing,
# body, description)
REPRISES = [
    ("Boulangerie-pâtisserie en centre-bourg", "Boulangerie-pâtisserie", S.ARTISANAT, "46185",
     "Départ à la retraite", TrancheCA.DE_100K_300K, TrancheEffectif.UN_CINQ,
     TranchePrix.DE_50K_150K, True, True, Organisme.CMA,
     "Boulangerie réputée sur la place du marché, four à bois rénové, logement de trois pièces "
     "à l'étage."),
    ("Garage automobile avec station-service", "Garage et réparation automobile", S.COMMERCE,
     "46173", "Départ à la retraite", TrancheCA.DE_300K_1M, TrancheEffectif.UN_CINQ,
     TranchePrix.DE_150K_500K, True, False, Organisme.CMA,
     "Garage multimarque sur l'axe Cahors–Villefranche, clientèle fidèle, atelier de 400 m²."),
    ("Hôtel-restaurant de caractère dans la vallée", "Hôtel-restaurant", S.TOURISME, "46225",
     "Nouveau projet des cédants", TrancheCA.DE_300K_1M, TrancheEffectif.SIX_VINGT,
     TranchePrix.DE_150K_500K, True, True, Organisme.CCI,
     "Quinze chambres et un restaurant de 50 couverts au bord du Lot, terrasse ombragée."),
    ("Exploitation de noix et de volailles", "Exploitation agricole", S.AGRICULTURE, "46215",
     "Départ à la retraite", TrancheCA.DE_100K_300K, TrancheEffectif.ZERO,
     TranchePrix.DE_150K_500K, True, True, Organisme.AGRICULTURE,
     "Trente hectares dont douze de noyers, bâtiments d'élevage aux normes, vente directe."),
    ("Librairie-papeterie indépendante", "Librairie", S.COMMERCE, "46102",
     "Départ à la retraite", TrancheCA.DE_100K_300K, TrancheEffectif.UN_CINQ,
     TranchePrix.MOINS_50K, True, False, Organisme.CCI,
     "Librairie générale de 120 m² dans le centre historique, rencontres d'auteurs."),
    ("Boucherie-charcuterie traditionnelle", "Boucherie-charcuterie", S.ARTISANAT, "46128",
     "Raisons de santé", TrancheCA.DE_300K_1M, TrancheEffectif.UN_CINQ,
     TranchePrix.DE_50K_150K, True, True, Organisme.CMA,
     "Laboratoire équipé, tournées dans les villages voisins, viande des éleveurs du causse."),
    ("Camping familial trois étoiles", "Camping", S.TOURISME, "46058", "Départ à la retraite",
     TrancheCA.DE_100K_300K, TrancheEffectif.UN_CINQ, TranchePrix.DE_150K_500K, True, True,
     Organisme.CCI, "Soixante emplacements au bord de la Dordogne, piscine, maison d'habitation."),
    ("Menuiserie-ébénisterie", "Menuiserie", S.ARTISANAT, "46064", "Départ à la retraite",
     TrancheCA.DE_100K_300K, TrancheEffectif.UN_CINQ, TranchePrix.DE_50K_150K, True, False,
     Organisme.CMA, "Atelier de 600 m² et parc de machines entretenu, carnet de commandes plein."),
    ("Ferme caprine et fromagerie", "Élevage de chèvres et fromagerie", S.AGRICULTURE, "46003",
     "Départ à la retraite", TrancheCA.MOINS_100K, TrancheEffectif.ZERO,
     TranchePrix.DE_50K_150K, True, True, Organisme.AGRICULTURE,
     "Quatre-vingts chèvres, fromagerie agréée, vente sur les marchés de Gramat et de Rocamadour."),
    ("Bar-tabac-presse de village", "Bar-tabac-presse", S.COMMERCE, "46066",
     "Changement de région", TrancheCA.DE_100K_300K, TrancheEffectif.ZERO,
     TranchePrix.MOINS_50K, True, True, Organisme.CCI,
     "Seul commerce du village, point relais colis, appartement au-dessus."),
    ("Salon de coiffure", "Coiffure mixte", S.ARTISANAT, "46231", "Départ à la retraite",
     TrancheCA.MOINS_100K, TrancheEffectif.UN_CINQ, TranchePrix.MOINS_50K, True, False,
     Organisme.CMA, "Quatre postes de coiffage, clientèle fidèle, loyer modéré."),
    ("Entreprise de plomberie-chauffage", "Plomberie et chauffage", S.BTP, "46251",
     "Départ à la retraite", TrancheCA.DE_300K_1M, TrancheEffectif.SIX_VINGT,
     TranchePrix.DE_150K_500K, False, False, Organisme.AUTRE,
     "Huit salariés, installation de pompes à chaleur, contrats d'entretien récurrents."),
]  # fmt: skip

# (slug, title, type, commune INSEE, summary, website, deadline in days or None)
CREATIONS = [
    ("incubateur-quercy-innovation", "Incubateur Quercy Innovation", TypeAccompagnement.INCUBATEUR,
     "46042", "Dix-huit mois d'accompagnement, des bureaux et un réseau de mentors pour les "
     "projets innovants.", "https://incubateur.exemple.fr", None),
    ("la-fabrique-du-causse", "La Fabrique du Causse", TypeAccompagnement.COWORKING, "46128",
     "Un espace de coworking de vingt postes, fibre, salle de réunion et atelier partagé.",
     "https://fabrique-causse.exemple.fr", None),
    ("le-quai-numerique", "Le Quai numérique", TypeAccompagnement.COWORKING, "46102",
     "Coworking au bord du Célé, à deux pas de la gare de Figeac ; postes à la journée ou au mois.",
     "https://quai-numerique.exemple.fr", None),
    ("pret-d-honneur-initiative-quercy", "Prêt d'honneur Initiative Quercy",
     TypeAccompagnement.AIDE, None, "Un prêt sans intérêt ni garantie, jusqu'à 30 000 €, pour "
     "créer ou reprendre une entreprise.", "https://initiative.exemple.fr", None),
    ("aide-installation-jeunes-entrepreneurs", "Aide à l'installation des jeunes entrepreneurs",
     TypeAccompagnement.AIDE, None, "Une subvention du Département pour les moins de 30 ans qui "
     "créent leur activité dans le Lot.", "", None),
    ("concours-creer-dans-le-lot", "Concours « Créer dans le Lot »", TypeAccompagnement.CONCOURS,
     None, "Trois prix de 10 000 € et un an d'accompagnement pour les meilleurs projets de "
     "création.", "", 45),
]  # fmt: skip

EXPIREES = {3, 11, 24, 37, 50}  # offer numbers (1-based) already expired
POURVUE = 8


def seed(*, accueil, stdout) -> None:
    """The opportunities' demo content (idempotent; see the module docstring)."""
    structure = structure_creer(accueil)
    communes = {c.insee: c for c in Commune.objects.all()}
    if not communes:
        stdout.write("Opportunités : aucune commune, rien à créer.")
        return
    employeurs = _employeurs(communes)
    creees = _offres(structure.offres, employeurs, communes)
    reprises = _reprises(structure.reprises, communes)
    creations = _creations(structure.creation, communes)
    if creees or reprises or creations:
        stdout.write(
            f"Opportunités : {len(employeurs)} employeurs, {creees} offres, {reprises} reprises "
            f"et {creations} pages de création créées."
        )
    _comptes(structure, employeurs, stdout)


def _employeurs(communes) -> list[Employeur]:
    employeurs = []
    for nom, siret, secteur, insee, presentation in EMPLOYEURS:
        employeur, _ = Employeur.objects.get_or_create(
            siret=siret,
            defaults={
                "nom": nom,
                "secteur": secteur,
                "commune": communes.get(insee),
                "presentation": presentation,
                "site_web": f"https://{slugify(nom)}.exemple.fr",
            },
        )
        employeurs.append(employeur)
    return employeurs


def _offres(index, employeurs, communes) -> int:
    existantes = set(
        OffreEmploiPage.objects.filter(reference_externe__startswith="demo-").values_list(
            "reference_externe", flat=True
        )
    )
    aujourd_hui = timezone.localdate()
    numero = creees = 0
    for employeur, (_, _, secteur, insee, _), postes in zip(
        employeurs, EMPLOYEURS, POSTES, strict=True
    ):
        for titre, contrat, temps, tele, smin, smax, periode, recherche, mission, profil in postes:
            numero += 1
            reference = f"demo-offre-{numero}"
            if reference in existantes:
                continue
            publiee = aujourd_hui - datetime.timedelta(days=(numero * 7) % 45)
            expire = publiee + datetime.timedelta(days=60)
            if numero in EXPIREES:
                publiee = aujourd_hui - datetime.timedelta(days=90 + numero)
                expire = aujourd_hui - datetime.timedelta(days=numero % 20 + 1)
            commune = communes.get(insee)
            description = (
                f"{employeur.nom} recrute à {commune.nom if commune else 'dans le Lot'}.\n\n"
                f"{mission}\n\n{employeur.presentation}"
            )
            donnees = {
                "reference_externe": reference,
                "title": titre,
                "secteur": secteur,
                "commune": commune,
                "contrat": contrat,
                "temps_travail": temps,
                "teletravail": tele,
                "salaire_min": smin,
                "salaire_max": smax,
                "salaire_periode": periode,
                "date_debut": (aujourd_hui + datetime.timedelta(days=30 + numero % 60))
                if numero % 3
                else None,
                "description": texte_en_html(description),
                "profil": texte_en_html(profil),
                "candidature_url": f"https://{slugify(employeur.nom)}.exemple.fr/recrutement"
                if numero % 2
                else "",
                "candidature_email": ""
                if numero % 2
                else f"recrutement@{slugify(employeur.nom)}.exemple.fr",
                "profil_recherche": recherche,
                "date_publication": publiee,
                "date_expiration": expire,
                "pourvue_le": aujourd_hui - datetime.timedelta(days=2)
                if numero == POURVUE
                else None,
                "search_description": f"{titre} chez {employeur.nom}"[:250],
            }
            offre_depuis_donnees(donnees, index=index, employeur=employeur)
            creees += 1
    return creees


def _reprises(index, communes) -> int:
    existantes = set(
        ReprisePage.objects.filter(reference_externe__startswith="demo-").values_list(
            "reference_externe", flat=True
        )
    )
    aujourd_hui = timezone.localdate()
    creees = 0
    for numero, ligne in enumerate(REPRISES, start=1):
        reference = f"demo-reprise-{numero}"
        if reference in existantes:
            continue
        (titre, activite, secteur, insee, motif, ca, effectif, prix, locaux, logement,
         organisme, description) = ligne  # fmt: skip
        commune = communes.get(insee)
        page = ReprisePage(
            title=titre,
            slug=slugify(f"{titre}-{commune.nom if commune else numero}"),
            reference_externe=reference,
            activite=activite,
            secteur=secteur,
            commune=commune,
            motif_cession=motif,
            tranche_ca=ca,
            tranche_effectif=effectif,
            tranche_prix=prix,
            locaux_inclus=locaux,
            logement_inclus=logement,
            description=texte_en_html(description),
            organisme=organisme,
            organisme_nom="Initiative Quercy" if organisme == Organisme.AUTRE else "",
            organisme_email={
                Organisme.CCI: "transmission@cci-lot.exemple.fr",
                Organisme.CMA: "transmission@cma-lot.exemple.fr",
                Organisme.AGRICULTURE: "installation@chambre-agriculture-lot.exemple.fr",
            }.get(organisme, "reprise@initiative-quercy.exemple.fr"),
            date_publication=aujourd_hui - datetime.timedelta(days=numero * 5),
            date_expiration=aujourd_hui + datetime.timedelta(days=180),
        )
        for rang in range(1 + numero % 2):
            image = get_image_model().objects.create(
                title=f"Reprise : {activite} ({rang + 1})",
                description=f"Illustration : la devanture d'un commerce ({activite.lower()}).",
                file=ImageFile(
                    io.BytesIO(photo_reprise(activite, graine=numero * 10 + rang)),
                    name=f"reprise-{numero}-{rang + 1}.jpg",
                ),
            )
            page.photos.add(
                ReprisePhoto(
                    image=image,
                    alt=f"Illustration de la devanture : {activite.lower()}"
                    + (f", à {commune.nom}" if commune else ""),
                    sort_order=rang,
                )
            )
        index.add_child(instance=page)
        page.save_revision().publish()
        creees += 1
    return creees


def _creations(index, communes) -> int:
    existants = set(CreationPage.objects.child_of(index).values_list("slug", flat=True))
    creees = 0
    for slug, titre, type_, insee, resume, site, delai in CREATIONS:
        if slug in existants:
            continue
        date_limite = None
        if delai:
            date_limite = (timezone.now() + datetime.timedelta(days=delai)).replace(
                hour=12, minute=0, second=0, microsecond=0
            )
        page = CreationPage(
            title=titre,
            slug=slug,
            type_accompagnement=type_,
            resume=resume,
            commune=communes.get(insee) if insee else None,
            site_web=site,
            contact_email=f"contact@{slug[:30].strip('-')}.exemple.fr",
            date_limite=date_limite,
            corps=[
                (
                    "texte",
                    f"<p>{resume}</p><p>Prenez contact : l'équipe vous répond sous une "
                    "semaine et vous reçoit pour parler de votre projet.</p>",
                ),
            ],  # fmt: skip
        )
        index.add_child(instance=page)
        page.save_revision().publish()
        creees += 1
    return creees


def _comptes(structure, employeurs, stdout):
    from allauth.account.models import EmailAddress

    utilisateurs = get_user_model().objects
    a_creer = [
        (email, groupe, prenom, nom)
        for email, groupe, prenom, nom in (
            (EMAIL_PARTENAIRE, structure.partenaires, "Paule", "Partenaire"),
            (EMAIL_MODERATION, structure.moderation, "Marc", "Modérateur"),
        )
        if not utilisateurs.filter(email=email).exists()
    ]
    mot_de_passe = _mot_de_passe(nouveaux=bool(a_creer))
    for email, groupe, prenom, nom in a_creer:
        utilisateur = utilisateurs.create_user(
            email=email, password=mot_de_passe, first_name=prenom, last_name=nom
        )
        EmailAddress.objects.update_or_create(
            user=utilisateur, email=email, defaults={"verified": True, "primary": True}
        )
        utilisateur.groups.add(groupe)
        if email == EMAIL_PARTENAIRE:
            for employeur in employeurs[7:9]:  # Quercy Numérique, Causse Data
                employeur.partenaires.add(utilisateur)
    comptes = f"{EMAIL_PARTENAIRE} (partenaire), {EMAIL_MODERATION} (modération)"
    if mot_de_passe:
        stdout.write(f"Comptes des opportunités : {comptes} / {mot_de_passe}")
    else:
        stdout.write(f"Comptes des opportunités : {comptes} (mot de passe déjà défini).")


def _mot_de_passe(*, nouveaux: bool) -> str | None:
    fichier = Path(settings.VAR_DIR) / FICHIER_IDENTIFIANTS
    if fichier.exists():
        lignes = fichier.read_text(encoding="utf-8").splitlines()
        if len(lignes) >= 2 and lignes[1]:
            return lignes[1]
    if not nouveaux:
        return None
    mot_de_passe = os.environ.get("DJANGO_DEMO_PASSWORD") or secrets.token_urlsafe(12)
    fichier.parent.mkdir(parents=True, exist_ok=True)
    fichier.write_text(f"{EMAIL_PARTENAIRE}, {EMAIL_MODERATION}\n{mot_de_passe}\n", "utf-8")
    fichier.chmod(0o600)
    return mot_de_passe


def photo_reprise(activite: str, *, graine: int) -> bytes:
    """A shop front drawn with Pillow: wall, striped awning, window, door and sign (JPEG)."""
    alea = random.Random(graine)
    largeur, hauteur = 960, 640
    ciel = alea.choice([(223, 233, 239), (247, 227, 192), (250, 246, 239)])
    image = Image.new("RGB", (largeur, hauteur), ciel)
    dessin = ImageDraw.Draw(image)
    mur = alea.choice([(226, 205, 166), (214, 190, 150), (235, 220, 190)])
    dessin.rectangle((80, 120, largeur - 80, hauteur - 60), fill=mur)
    dessin.rectangle((0, hauteur - 60, largeur, hauteur), fill=(120, 120, 110))
    for x in range(80, largeur - 80, 200):  # stone courses
        for y in range(140, hauteur - 80, 60):
            dessin.rectangle((x + 6, y, x + 190, y + 50), outline=(200, 180, 140), width=2)
    toile = alea.choice([(107, 29, 58), (63, 107, 74), (52, 84, 138), (201, 122, 44)])
    dessin.rectangle((100, 150, largeur - 100, 220), fill=(250, 246, 239))
    try:
        police = ImageFont.load_default(size=42)
    except TypeError:  # Pillow without FreeType
        police = ImageFont.load_default()
    dessin.text((largeur // 2, 185), activite[:28], fill=toile, font=police, anchor="mm")
    for i, x in enumerate(range(100, largeur - 100, 50)):
        dessin.polygon(
            [(x, 240), (x + 50, 240), (x + 50, 300), (x + 25, 320), (x, 300)],
            fill=toile if i % 2 == 0 else (250, 246, 239),
        )
    dessin.rectangle((140, 330, 560, 540), fill=(90, 130, 150), outline=(60, 60, 60), width=6)
    dessin.rectangle((640, 330, 800, hauteur - 60), fill=toile, outline=(60, 60, 60), width=6)
    dessin.ellipse((770, 480, 784, 494), fill=(244, 201, 93))
    for _ in range(3):  # pots of flowers
        x = alea.randint(100, 880)
        dessin.rectangle((x, hauteur - 100, x + 40, hauteur - 60), fill=(160, 82, 45))
        dessin.ellipse((x - 10, hauteur - 140, x + 50, hauteur - 95), fill=(63, 107, 74))
    tampon = io.BytesIO()
    image.save(tampon, "JPEG", quality=80, optimize=True)
    return tampon.getvalue()


# --- Large generated volumes (seed_demo --offres N --histoires M) ------------------------


def _chemin(base: str, numero: int) -> str:
    chiffres = ""
    alphabet = Page.alphabet
    while numero:
        numero, reste = divmod(numero, len(alphabet))
        chiffres = alphabet[reste] + chiffres
    return base + chiffres.rjust(Page.steplen, alphabet[0])


def _dernier_rang(parent: Page) -> int:
    dernier = (
        Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    return int(dernier[-Page.steplen :], len(Page.alphabet)) if dernier else 0


def pages_en_masse(parent: Page, pages: list[Page], *, taille_lot: int = 500) -> list[int]:
    """Insert ``pages`` (unsaved instances of one specific page model) under ``parent`` fast.

    Treebeard's ``add_child`` locks and updates the tree for each page; here the paths are
    computed (after the parent's last child), the ``wagtailcore_page`` rows are bulk-inserted,
    then the specific rows, and the parent's ``numchild`` is updated once. The pages are live,
    without revisions. Returns the new primary keys. Side effects: no signal is sent (no search
    indexing, no page cache bump: the callers do both).
    """
    if not pages:
        return []
    modele = type(pages[0])
    type_contenu = ContentType.objects.get_for_model(modele)
    maintenant = timezone.now()
    appelant, parent = parent, Page.objects.get(pk=parent.pk)
    rang = _dernier_rang(parent)
    cles = []
    with transaction.atomic():
        for debut in range(0, len(pages), taille_lot):
            lot = pages[debut : debut + taille_lot]
            bases = []
            for page in lot:
                rang += 1
                publie = page.first_published_at or maintenant
                bases.append(
                    Page(
                        path=_chemin(parent.path, rang),
                        depth=parent.depth + 1,
                        numchild=0,
                        translation_key=uuid.uuid4(),
                        locale_id=parent.locale_id,
                        live=True,
                        has_unpublished_changes=False,
                        first_published_at=publie,
                        last_published_at=publie,
                        title=page.title,
                        draft_title=page.title,
                        slug=page.slug,
                        content_type=type_contenu,
                        url_path=f"{parent.url_path}{page.slug}/",
                        seo_title=page.seo_title or "",
                        search_description=page.search_description or "",
                        show_in_menus=False,
                    )
                )
            Page.objects.bulk_create(bases)
            if bases[0].pk is None:  # a database that returns no ids from bulk inserts
                chemins = {b.path: b for b in bases}
                for pk, chemin in Page.objects.filter(path__in=chemins).values_list("pk", "path"):
                    chemins[chemin].pk = pk
            for page, base in zip(lot, bases, strict=True):
                page.page_ptr_id = page.pk = page.id = base.pk
                page.path, page.depth = base.path, base.depth
            champs = list(modele._meta.local_concrete_fields)
            modele._base_manager._insert(lot, fields=champs, using=connection.alias)
            cles += [base.pk for base in bases]
        Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    # Treebeard reads numchild to answer get_children(): keep the caller's instance right.
    appelant.numchild = parent.numchild + len(pages)
    return cles


def _indexer(modele, cles: list[int], *, relies=()) -> None:
    from wagtail.search.backends import get_search_backends

    for debut in range(0, len(cles), 500):
        objets = list(
            modele.objects.filter(pk__in=cles[debut : debut + 500]).select_related(*relies)
        )
        for backend in get_search_backends(with_auto_update=True):
            backend.add_bulk(modele, objets)


MOTS_TITRES = [
    "Technicien", "Ingénieur", "Infirmier", "Développeur", "Comptable", "Commercial",
    "Conducteur", "Chef de projet", "Agent", "Responsable", "Assistant", "Cuisinier",
]  # fmt: skip
METIERS = [
    "de maintenance", "qualité", "logistique", "de production", "web", "administratif",
    "d'exploitation", "de chantier", "de bloc", "réseaux", "commercial", "de salle",
]  # fmt: skip


def offres_generer(
    nombre: int, *, accueil=None, graine: int = GRAINE, indexer: bool = True, stdout=None
) -> list[int]:
    """Add ``nombre`` generated live offers (bulk; see ``pages_en_masse``).

    Spread over every commune, sector, contract and employer (25 generated employers are added
    when fewer exist); a tenth are expired, a tenth flagged « profil recherché ». References are
    « gen-<run>-<n> », so each call adds new offers. Side effects: search index updated (unless
    ``indexer=False``) and the anonymous page cache emptied.
    """
    from lot_portal.cms.cache import invalidate_all
    from lot_portal.cms.models import HomePage

    accueil = accueil or HomePage.objects.first()
    structure = structure_creer(accueil)
    alea = random.Random(graine)
    communes = list(Commune.objects.order_by("insee"))
    employeurs = list(Employeur.objects.order_by("pk")[:50])
    for numero in range(len(employeurs), 25):
        employeurs.append(
            Employeur.objects.create(
                nom=f"Employeur généré {numero + 1}",
                secteur=Secteur.values[numero % len(Secteur.values)],
                commune=communes[numero % len(communes)],
            )
        )
    aujourd_hui = timezone.localdate()
    lancement = secrets.token_hex(3)
    pages = []
    for numero in range(nombre):
        titre = f"{alea.choice(MOTS_TITRES)} {alea.choice(METIERS)} ({numero + 1})"
        commune = communes[numero % len(communes)]
        employeur = employeurs[numero % len(employeurs)]
        publiee = aujourd_hui - datetime.timedelta(days=alea.randint(0, 50))
        expiree = numero % 10 == 9
        salaire = alea.choice([None, 24000, 30000, 38000, 45000])
        pages.append(
            OffreEmploiPage(
                title=titre,
                slug=f"{slugify(titre)}-{lancement}",
                reference_externe=f"gen-{lancement}-{numero + 1}",
                employeur_id=employeur.pk,
                secteur=Secteur.values[numero % len(Secteur.values)],
                commune_id=commune.pk,
                contrat=Contrat.values[numero % len(Contrat.values)],
                temps_travail=TempsTravail.values[numero % 7 == 0],
                teletravail=Teletravail.values[numero % 3],
                salaire_min=salaire,
                salaire_max=salaire and salaire + 6000,
                salaire_periode=PeriodeSalaire.ANNEE,
                description=f"<p>{employeur.nom} recrute à {commune.nom} : {titre.lower()}.</p>"
                "<p>Poste généré pour les mesures de charge.</p>",
                profil="<p>Une première expérience est appréciée.</p>",
                candidature_url="https://exemple.fr/candidater",
                profil_recherche=numero % 10 == 3,
                date_publication=publiee,
                date_expiration=aujourd_hui - datetime.timedelta(days=1)
                if expiree
                else publiee + datetime.timedelta(days=90),
                first_published_at=timezone.now()
                - datetime.timedelta(days=aujourd_hui.toordinal() - publiee.toordinal()),
            )
        )
    cles = pages_en_masse(structure.offres, pages)
    if indexer:
        _indexer(OffreEmploiPage, cles, relies=("employeur", "commune"))
    invalidate_all()
    if stdout is not None:
        stdout.write(f"Offres générées : {len(cles)}.")
    return cles


def histoires_generer(
    nombre: int, *, accueil=None, graine: int = GRAINE, indexer: bool = True, stdout=None
) -> list[int]:
    """Add ``nombre`` generated stories under the stories index (bulk; see ``pages_en_masse``).

    They reuse the demo stories' images and themes when present. Side effects: search index
    updated (unless ``indexer=False``), anonymous page cache emptied.
    """
    from lot_portal.cms.cache import invalidate_all
    from lot_portal.cms.models import HistoireIndexPage, HistoirePage, HistoireProfil, HomePage
    from lot_portal.cms.models.histoires import Profil

    accueil = accueil or HomePage.objects.first()
    index = HistoireIndexPage.objects.child_of(accueil).first()
    if index is None:
        from lot_portal.cms.demo import _index

        index = _index(accueil, stdout or io.StringIO())
    alea = random.Random(graine)
    communes = list(Commune.objects.order_by("insee"))
    images = list(
        HistoirePage.objects.exclude(image=None).values_list("image_id", flat=True)[:20]
    ) or [None]
    lancement = secrets.token_hex(3)
    maintenant = timezone.now()
    pages = []
    for numero in range(nombre):
        commune = communes[numero % len(communes)]
        titre = f"Vivre à {commune.nom} : témoignage {numero + 1}"
        pages.append(
            HistoirePage(
                title=titre,
                slug=f"{slugify(titre)}-{lancement}",
                chapo=f"Une histoire générée pour les mesures de charge, à {commune.nom}.",
                image_id=images[numero % len(images)],
                commune_id=commune.pk,
                auteur_nom="Équipe du portail",
                corps=[("texte", f"<p>Histoire {numero + 1}, à {commune.nom}.</p>")],
                first_published_at=maintenant - datetime.timedelta(hours=alea.randint(1, 24 * 365)),
            )
        )
    cles = pages_en_masse(index, pages)
    profils = Profil.values
    HistoireProfil.objects.bulk_create(
        [
            HistoireProfil(page_id=cle, profil=profils[rang % len(profils)])
            for rang, cle in enumerate(cles)
        ],
        batch_size=1000,
    )
    if indexer:
        _indexer(HistoirePage, cles, relies=("commune",))
    invalidate_all()
    if stdout is not None:
        stdout.write(f"Histoires générées : {len(cles)}.")
    return cles
