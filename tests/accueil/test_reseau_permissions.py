"""Who sees which file in the admin: a referent their area, the departmental team and
superusers everything, other staff nothing, newcomers and visitors not the admin."""

import pytest
from django.core.files.base import ContentFile

from accueil.models import CurriculumVitae, NoteSuivi, SejourDecouverte
from accueil.services.reseau import referent_droits_accorder

pytestmark = pytest.mark.django_db

LISTE = "/admin/accueil/nouveaux-arrivants/"
SEJOURS = "/admin/accueil/sejours-decouverte/"


def dossier(parcours):
    return f"{LISTE}{parcours.pk}/"


@pytest.fixture
def monde(fabrique, settings, tmp_path):
    """Two areas A and B, a referent each, a departmental referent, a file in each area
    with a note, a stay and a CV."""
    settings.STORAGES = {
        **settings.STORAGES,
        "prive": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path), "base_url": None},
        },
    }
    a, b = fabrique.communaute(nom="Grand Cahors"), fabrique.communaute(nom="Grand-Figeac")
    referent_a = fabrique.referent(communaute=a)
    referent_b = fabrique.referent(communaute=b)
    departement = fabrique.referent(communaute=None)
    for r in (referent_a, referent_b, departement):
        referent_droits_accorder(referent=r)
    parcours_a = fabrique.parcours(communaute=a, referent=referent_a, prenom="Alice", nom="Aa")
    parcours_b = fabrique.parcours(communaute=b, referent=referent_b, prenom="Bruno", nom="Bb")
    for p in (parcours_a, parcours_b):
        NoteSuivi.objects.create(parcours=p, texte=f"Note secrète de {p.prenom}")
        SejourDecouverte.objects.create(parcours=p, periode_souhaitee=f"Printemps {p.prenom}")
        cv = CurriculumVitae(parcours=p, titulaire="arrivant", nom_original=f"cv-{p.prenom}.pdf")
        cv.fichier.save(f"cv-{p.prenom}.pdf", ContentFile(b"%PDF-1.4 " + p.prenom.encode()))
    return {
        "a": parcours_a,
        "b": parcours_b,
        "referent_a": referent_a,
        "referent_b": referent_b,
        "departement": departement,
    }


def _contenu(reponse):
    if reponse.streaming:
        return b"".join(reponse.streaming_content).decode(errors="replace")
    return reponse.content.decode(errors="replace")


def test_a_referent_sees_only_the_files_of_their_area(client, monde):
    client.force_login(monde["referent_a"].utilisateur)
    liste = _contenu(client.get(LISTE))
    assert "Alice" in liste and "Bruno" not in liste
    for format_ in ("csv", "xlsx"):
        reponse = client.get(LISTE, {"export": format_})
        assert reponse.status_code == 200
    csv = _contenu(client.get(LISTE, {"export": "csv"}))
    assert "Alice" in csv and "Bruno" not in csv
    # Searching or filtering for B does not reveal it.
    lien_b = dossier(monde["b"])
    assert lien_b not in _contenu(client.get(LISTE, {"q": "Bruno"}))
    filtre = {"communaute": monde["b"].communaute_id}
    assert lien_b not in _contenu(client.get(LISTE, filtre))
    assert lien_b not in _contenu(client.get(LISTE, {"referent": monde["referent_b"].pk}))
    sejours = _contenu(client.get(SEJOURS))
    assert "Alice" in sejours and "Bruno" not in sejours


def test_a_referent_cannot_open_nor_act_on_another_area(client, monde):
    client.force_login(monde["referent_a"].utilisateur)
    b = monde["b"]
    cv_b = b.cvs.get()
    sejour_b = b.sejours.get()
    assert client.get(dossier(monde["a"])).status_code == 200
    assert client.get(dossier(b)).status_code == 404
    assert client.get(f"{dossier(b)}cv/{cv_b.pk}/").status_code == 404
    # A's file with B's CV id: not found either.
    assert client.get(f"{dossier(monde['a'])}cv/{cv_b.pk}/").status_code == 404
    for donnees in (
        {"action": "note", "texte": "intrusion"},
        {"action": "statut", "statut": "sans_suite"},
        {"action": "sejour", "sejour": sejour_b.pk, f"sejour-{sejour_b.pk}-operation": "accepte"},
    ):
        assert client.post(dossier(b), donnees).status_code == 404
    # A stay of B posted on A's page is not found.
    reponse = client.post(
        dossier(monde["a"]),
        {"action": "sejour", "sejour": sejour_b.pk, f"sejour-{sejour_b.pk}-operation": "accepte"},
    )
    assert reponse.status_code == 404
    b.refresh_from_db()
    sejour_b.refresh_from_db()
    assert b.statut == "nouveau" and sejour_b.statut == "demande"
    assert not NoteSuivi.objects.filter(texte="intrusion").exists()
    # The generic add/edit/delete views do not exist for files.
    for url in (f"{LISTE}new/", f"{LISTE}edit/{b.pk}/", f"{LISTE}delete/{b.pk}/"):
        assert client.get(url).status_code == 404


def test_the_page_of_a_file_shows_its_notes_stays_and_cv_but_not_others(client, monde):
    client.force_login(monde["referent_a"].utilisateur)
    page = _contenu(client.get(dossier(monde["a"])))
    assert "Note secrète de Alice" in page and "Printemps Alice" in page
    assert "cv-Alice.pdf" in page
    assert "Note secrète de Bruno" not in page and "cv-Bruno.pdf" not in page
    cv = monde["a"].cvs.get()
    telechargement = client.get(f"{dossier(monde['a'])}cv/{cv.pk}/")
    assert telechargement.status_code == 200
    assert telechargement["Content-Disposition"].startswith("attachment")
    assert telechargement["X-Content-Type-Options"] == "nosniff"
    assert _contenu(telechargement).startswith("%PDF")


@pytest.mark.parametrize("qui", ["departement", "superuser"])
def test_the_departmental_team_and_superusers_see_everything(client, monde, fabrique, qui):
    if qui == "departement":
        client.force_login(monde["departement"].utilisateur)
    else:
        client.force_login(fabrique.utilisateur(is_staff=True, is_superuser=True))
    liste = _contenu(client.get(LISTE))
    assert "Alice" in liste and "Bruno" in liste
    csv = _contenu(client.get(LISTE, {"export": "csv"}))
    assert "Alice" in csv and "Bruno" in csv
    for p in (monde["a"], monde["b"]):
        assert client.get(dossier(p)).status_code == 200
        cv = p.cvs.get()
        assert client.get(f"{dossier(p)}cv/{cv.pk}/").status_code == 200
    sejours = _contenu(client.get(SEJOURS))
    assert "Alice" in sejours and "Bruno" in sejours
    # Files of the departmental team (no area) have their own filter value.
    monde["b"].communaute = None
    monde["b"].save()
    filtre = _contenu(client.get(LISTE, {"communaute": "null"}))
    assert dossier(monde["b"]) in filtre and dossier(monde["a"]) not in filtre


@pytest.mark.parametrize("qui", ["equipe_non_referent", "referent_inactif"])
def test_staff_who_are_not_active_referents_see_nothing(client, monde, fabrique, qui):
    from accueil.services.reseau import groupe_referents_assurer

    if qui == "equipe_non_referent":
        agent = fabrique.utilisateur(is_staff=True)
        agent.groups.add(groupe_referents_assurer())
    else:
        referent = monde["referent_a"]
        referent.actif = False
        referent.save()
        agent = referent.utilisateur
    client.force_login(agent)
    assert client.get("/admin/").status_code == 200
    for url in (LISTE, LISTE + "?export=csv", SEJOURS, dossier(monde["a"]), dossier(monde["b"])):
        reponse = client.get(url)
        # Wagtail turns a refusal into a redirect to the dashboard with a message.
        assert reponse.status_code in (302, 403, 404), url
        assert reponse.status_code != 302 or reponse["Location"] == "/admin/"
        assert "Alice" not in _contenu(reponse)
    cv = monde["a"].cvs.get()
    assert client.get(f"{dossier(monde['a'])}cv/{cv.pk}/").status_code == 404


@pytest.mark.parametrize("qui", ["anonyme", "arrivant"])
def test_newcomers_and_visitors_cannot_reach_the_admin(client, monde, qui):
    if qui == "arrivant":
        client.force_login(monde["a"].utilisateur)
    for url in (LISTE, LISTE + "?export=csv", dossier(monde["a"]), SEJOURS):
        reponse = client.get(url)
        assert reponse.status_code in (302, 403), url
        assert "Alice" not in _contenu(reponse)
    cv = monde["a"].cvs.get()
    reponse = client.get(f"{dossier(monde['a'])}cv/{cv.pk}/")
    assert reponse.status_code in (302, 403)


def test_referents_rules_and_referent_lists_are_scoped(client, monde):
    client.force_login(monde["referent_a"].utilisateur)
    referents = _contenu(client.get("/admin/accueil/referents/"))
    assert str(monde["referent_a"]) in referents and str(monde["departement"]) in referents
    assert str(monde["referent_b"]) not in referents
    # Area referents read the rules but do not edit them nor the referents.
    assert client.get("/admin/accueil/regles-maturite/").status_code == 200
    refuse = (302, 403)  # Wagtail redirects a refusal to the dashboard
    assert client.get("/admin/accueil/regles-maturite/new/").status_code in refuse
    assert client.get("/admin/accueil/referents/new/").status_code in refuse
    edition = f"/admin/accueil/referents/edit/{monde['referent_b'].pk}/"
    assert client.get(edition).status_code in refuse
    client.force_login(monde["departement"].utilisateur)
    assert client.get("/admin/accueil/regles-maturite/new/").status_code == 200
    assert client.get(edition).status_code == 200
