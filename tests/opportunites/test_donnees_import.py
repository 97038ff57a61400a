"""CSV import of job offers: validation by line and column, all or nothing, idempotence."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command

from opportunites.models import Contrat, Employeur, OffreEmploiPage, Secteur
from opportunites.services import imports
from opportunites.services.imports import importer_offres, modele_csv

pytestmark = pytest.mark.django_db

ENTETE = (
    "reference;titre;employeur;siret;secteur;contrat;temps_travail;teletravail;salaire_min;"
    "salaire_max;salaire_periode;date_debut;commune;description;profil;candidature_url;"
    "candidature_email;date_publication;date_expiration;profil_recherche"
)


def ligne(**valeurs):
    defaut = {
        "reference": "REF-1",
        "titre": "Infirmier de bloc",
        "employeur": "Clinique du Causse",
        "siret": "90100000100011",
        "secteur": "sante",
        "contrat": "CDI",
        "temps_travail": "",
        "teletravail": "",
        "salaire_min": "28000",
        "salaire_max": "34000",
        "salaire_periode": "",
        "date_debut": "01/09/2030",
        "commune": "46102",
        "description": "Au bloc.",
        "profil": "",
        "candidature_url": "https://exemple.fr/candidater",
        "candidature_email": "",
        "date_publication": "",
        "date_expiration": "31/12/2030",
        "profil_recherche": "oui",
    }
    defaut.update(valeurs)
    return ";".join(defaut[nom] for nom in ENTETE.split(";"))


def fichier(*lignes, entete=ENTETE, encodage="utf-8"):
    return ("\n".join([entete, *lignes]) + "\n").encode(encodage)


def test_valid_file_creates_offers_and_employers(opp):
    contenu = fichier(
        ligne(),
        ligne(
            reference="REF-2",
            titre="Développeuse Python",
            employeur="Quercy Numérique",
            siret="",
            secteur="Numérique",
            contrat="cdd",
            teletravail="Télétravail partiel",
            commune="Cahors",
            salaire_min="",
            salaire_max="",
            candidature_url="",
            candidature_email="rh@exemple.fr",
            profil_recherche="non",
            description='"Premier paragraphe.\n\nSecond <b>paragraphe</b>."',
        ),
    )
    rapport = importer_offres(contenu)
    assert rapport.ok, [str(e) for e in rapport.erreurs]
    assert (rapport.creees, rapport.modifiees, rapport.employeurs_crees) == (2, 0, 2)
    offre = OffreEmploiPage.objects.get(reference_externe="REF-1")
    assert offre.live and offre.get_parent().pk == opp.offres.pk
    assert offre.contrat == Contrat.CDI and offre.secteur == Secteur.SANTE
    assert offre.commune.nom == "Figeac" and offre.profil_recherche
    assert offre.date_expiration == datetime.date(2030, 12, 31)
    assert offre.employeur.siret == "90100000100011"
    deux = OffreEmploiPage.objects.get(reference_externe="REF-2")
    assert deux.teletravail == "partiel" and deux.commune.nom == "Cahors"
    # Text is escaped, paragraphs kept.
    assert (
        deux.description == "<p>Premier paragraphe.</p><p>Second &lt;b&gt;paragraphe&lt;/b&gt;.</p>"
    )
    assert deux.employeur.nom == "Quercy Numérique"


def test_reimport_updates_never_duplicates(opp):
    importer_offres(fichier(ligne()))
    premiere = OffreEmploiPage.objects.get(reference_externe="REF-1")
    revisions = premiere.revisions.count()

    rapport = importer_offres(fichier(ligne()))
    assert (rapport.creees, rapport.modifiees, rapport.inchangees) == (0, 0, 1)
    assert premiere.revisions.count() == revisions

    rapport = importer_offres(fichier(ligne(titre="Infirmière de bloc opératoire")))
    assert (rapport.creees, rapport.modifiees) == (0, 1)
    offre = OffreEmploiPage.objects.get(reference_externe="REF-1")
    assert offre.title == "Infirmière de bloc opératoire"
    assert offre.pk == premiere.pk and offre.slug == premiere.slug
    assert offre.revisions.count() == revisions + 1
    assert offre.live_revision == offre.latest_revision
    assert OffreEmploiPage.objects.count() == 1
    assert Employeur.objects.count() == 1

    # Published days ago, re-imported today with an empty date_publication: unchanged.
    ancienne = datetime.date(2026, 1, 5)
    OffreEmploiPage.objects.filter(pk=offre.pk).update(date_publication=ancienne)
    rapport = importer_offres(fichier(ligne(titre="Infirmière de bloc opératoire")))
    assert rapport.inchangees == 1
    assert OffreEmploiPage.objects.get(pk=offre.pk).date_publication == ancienne


@pytest.mark.parametrize(
    ("valeurs", "colonne", "morceau"),
    [
        ({"contrat": "CDX"}, "contrat", "n'est pas un contrat reconnu"),
        ({"secteur": "spatial"}, "secteur", "n'est pas un secteur reconnu"),
        ({"titre": ""}, "titre", "obligatoire"),
        ({"commune": "Paris"}, "commune", "introuvable dans le Lot"),
        ({"siret": "123"}, "siret", "14 chiffres"),
        ({"salaire_min": "beaucoup"}, "salaire_min", "n'est pas un montant"),
        ({"salaire_min": "40000", "salaire_max": "30000"}, "salaire_max", "au moins égal"),
        ({"date_debut": "31/02/2030"}, "date_debut", "Date invalide"),
        ({"date_expiration": "01/01/2020", "date_publication": "01/02/2020"},
         "date_expiration", "suit la date de publication"),
        ({"candidature_url": "", "candidature_email": ""}, "candidature_url", "candidater"),
        ({"candidature_email": "pas-une-adresse"}, "candidature_email", "invalide"),
        ({"profil_recherche": "peut-être"}, "profil_recherche", "oui"),
        ({"reference": "R" * 81}, "reference", "Trop long"),
    ],
)  # fmt: skip
def test_each_error_is_reported_with_line_and_column(opp, valeurs, colonne, morceau):
    contenu = fichier(ligne(reference="OK-1"), ligne(reference="OK-2", **valeurs) if "reference"
                      not in valeurs else ligne(**valeurs))  # fmt: skip
    rapport = importer_offres(contenu)
    assert not rapport.ok
    messages = [str(e) for e in rapport.erreurs]
    assert any(
        m.startswith(f"Ligne 3, colonne « {colonne} » :") and morceau in m for m in messages
    ), messages
    # Nothing half-imported: the valid first row is not there either.
    assert not OffreEmploiPage.objects.exists()
    assert not Employeur.objects.exists()


def test_line_numbers_count_multiline_fields_and_duplicates(opp):
    contenu = fichier(
        ligne(description='"Deux\nlignes"'),
        ligne(reference="REF-2", contrat="nope"),
        ligne(),
    )
    rapport = importer_offres(contenu)
    messages = [str(e) for e in rapport.erreurs]
    assert any(m.startswith("Ligne 4, colonne « contrat »") for m in messages), messages
    assert any(
        m.startswith("Ligne 5, colonne « reference »") and "ligne 2" in m for m in messages
    ), messages
    assert not OffreEmploiPage.objects.exists()


def test_error_while_writing_rolls_everything_back(opp, monkeypatch):
    from django.core.exceptions import ValidationError

    from opportunites.services import offres

    appels = []
    vrai = imports.offre_depuis_donnees

    def defaillant(donnees, **kwargs):
        appels.append(donnees["reference_externe"])
        if len(appels) == 2:
            raise ValidationError({"title": "Titre refusé."})
        return vrai(donnees, **kwargs)

    monkeypatch.setattr(imports, "offre_depuis_donnees", defaillant)
    rapport = importer_offres(
        fichier(ligne(), ligne(reference="REF-2", employeur="Autre", siret=""))
    )
    assert [str(e) for e in rapport.erreurs] == ["Ligne 3, colonne « titre » : Titre refusé."]
    assert rapport.creees == 0
    assert not OffreEmploiPage.objects.exists() and not Employeur.objects.exists()
    assert offres  # the real service module is untouched


@pytest.mark.parametrize("separateur", [";", ","])
@pytest.mark.parametrize("encodage", ["utf-8", "utf-8-sig", "cp1252"])
def test_delimiters_and_encodings(opp, separateur, encodage):
    entete = ENTETE.replace(";", separateur)
    valeurs = ligne(titre="Ingénieur qualité", commune="Saint-Céré", contrat="Intérim")
    contenu = fichier(valeurs.replace(";", separateur), entete=entete, encodage=encodage)
    rapport = importer_offres(contenu)
    assert rapport.ok, [str(e) for e in rapport.erreurs]
    offre = OffreEmploiPage.objects.get()
    assert offre.title == "Ingénieur qualité"
    assert offre.commune.nom == "Saint-Céré" and offre.contrat == Contrat.INTERIM


@pytest.mark.parametrize(
    ("contenu", "morceau"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "n'est pas un fichier CSV"),
        (b"", "vide"),
        (b"nom,prenom,age\nDupont,Jean,42\n", "noms de colonnes attendus"),
        (ENTETE.encode() + b"\n", "aucune offre"),
        ((ENTETE + ";bonus").encode() + b"\n", "Colonne inconnue « bonus »"),
        (ENTETE.replace("contrat;", "").encode(), "Colonne obligatoire « contrat » absente"),
        (b"reference;titre\n\x81\x8d\x8f\x90\x9d", "encodage"),
    ],
)
def test_malformed_files_get_a_clear_report(opp, contenu, morceau):
    rapport = importer_offres(contenu)
    assert not rapport.ok
    assert any(morceau in str(e) for e in rapport.erreurs), [str(e) for e in rapport.erreurs]
    assert "aucune offre n'a été importée" in rapport.resume()
    assert not OffreEmploiPage.objects.exists()


def test_too_many_values_in_a_row(opp):
    rapport = importer_offres(fichier(ligne() + ";en trop"))
    assert [str(e).split(" :")[0] for e in rapport.erreurs] == ["Ligne 2"]


def test_size_and_row_limits(opp, monkeypatch):
    monkeypatch.setattr(imports, "LIGNES_MAX", 2)
    rapport = importer_offres(fichier(ligne(), ligne(reference="R2"), ligne(reference="R3")))
    assert "dépasse 2 lignes" in str(rapport.erreurs[0])
    monkeypatch.setattr(imports, "TAILLE_MAX", 100)
    rapport = importer_offres(fichier(ligne()))
    assert "Mo" in str(rapport.erreurs[0])
    assert not OffreEmploiPage.objects.exists()


def test_dry_run_reports_without_writing(opp):
    importer_offres(fichier(ligne()))
    rapport = importer_offres(
        fichier(ligne(), ligne(reference="REF-2", employeur="Nouvelle", siret="")),
        simulation=True,
    )
    assert rapport.ok and rapport.simulation
    assert (rapport.creees, rapport.modifiees, rapport.employeurs_crees) == (1, 1, 1)
    assert OffreEmploiPage.objects.count() == 1 and Employeur.objects.count() == 1


def test_employer_found_by_siret_or_name(opp, fabrique_opp):
    par_siret = fabrique_opp.employeur(nom="Ancien nom", siret="90100000100011")
    par_nom = fabrique_opp.employeur(nom="Quercy Numérique")
    rapport = importer_offres(
        fichier(
            ligne(),
            ligne(reference="REF-2", employeur="quercy numérique", siret="12345678900011"),
        )
    )
    assert rapport.ok and rapport.employeurs_crees == 0
    assert OffreEmploiPage.objects.get(reference_externe="REF-1").employeur == par_siret
    assert OffreEmploiPage.objects.get(reference_externe="REF-2").employeur == par_nom
    par_nom.refresh_from_db()
    assert par_nom.siret == "12345678900011"


def test_model_file_imports_cleanly(opp):
    rapport = importer_offres(modele_csv())
    assert rapport.ok, [str(e) for e in rapport.erreurs]
    assert rapport.creees == 2


def test_command_imports_and_reports(opp, tmp_path):
    chemin = tmp_path / "offres.csv"
    chemin.write_bytes(fichier(ligne()))
    sortie = io.StringIO()
    call_command("import_offres", str(chemin), "--dry-run", stdout=sortie)
    assert "Simulation" in sortie.getvalue() and "1 offre(s) seraient créée(s)" in sortie.getvalue()
    assert not OffreEmploiPage.objects.exists()

    sortie = io.StringIO()
    call_command("import_offres", str(chemin), stdout=sortie)
    assert "1 offre(s) ont été créée(s)" in sortie.getvalue()
    assert OffreEmploiPage.objects.count() == 1


def test_command_errors(opp, tmp_path):
    chemin = tmp_path / "offres.csv"
    chemin.write_bytes(fichier(ligne(contrat="CDX")))
    erreurs = io.StringIO()
    with pytest.raises(CommandError, match="aucune offre n'a été importée"):
        call_command("import_offres", str(chemin), stderr=erreurs)
    assert "Ligne 2, colonne « contrat »" in erreurs.getvalue()
    with pytest.raises(CommandError, match="introuvable"):
        call_command("import_offres", str(tmp_path / "absent.csv"))


def test_same_title_gets_distinct_slugs(opp):
    rapport = importer_offres(fichier(ligne(), ligne(reference="REF-2"), ligne(reference="REF-3")))
    assert rapport.ok, [str(e) for e in rapport.erreurs]
    slugs = sorted(OffreEmploiPage.objects.values_list("slug", flat=True))
    assert slugs == ["infirmier-de-bloc", "infirmier-de-bloc-2", "infirmier-de-bloc-3"]
