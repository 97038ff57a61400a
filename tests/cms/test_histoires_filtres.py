"""The stories index filters by profile, theme and communauté, with counts per option."""

import re

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def histoires(creer_histoire, communes, thematiques):
    """Five stories: Figeac and Cajarc are in the same communauté (Grand-Figeac)."""
    t = thematiques
    return [
        creer_histoire(
            "Médecin à Figeac",
            commune=communes["Figeac"],
            profils=["wanted"],
            thematiques=[t["sante"]],
        ),
        creer_histoire(
            "Libraire à Cahors",
            commune=communes["Cahors"],
            profils=["jeunes"],
            thematiques=[t["culture"]],
        ),
        creer_histoire(
            "Guide à Cajarc",
            commune=communes["Cajarc"],
            profils=["jeunes", "touristes"],
            thematiques=[t["nature"], t["culture"]],
        ),
        creer_histoire(
            "Kiné à Figeac",
            commune=communes["Figeac"],
            profils=["wanted", "secondes_vies"],
            thematiques=[t["sante"], t["nature"]],
        ),
        creer_histoire(
            "Potière à Gourdon",
            commune=communes["Gourdon"],
            profils=["secondes_vies"],
            thematiques=[t["culture"]],
        ),
    ]


def _titres(html):
    return set(re.findall(r'class="carte-histoire__lien" href="[^"]+">([^<]+)</a>', html))


def _option(html, nom, valeur):
    """The text of the option ``valeur`` of the select ``nom`` ('' when absent)."""
    select = html.split(f'name="{nom}"')[1].split("</select>")[0]
    trouve = re.search(rf'<option value="{re.escape(valeur)}"[^>]*>([^<]+)</option>', select)
    return trouve.group(1) if trouve else ""


def test_without_filters_every_story_is_listed_with_counts(client, histoires, communes):
    html = client.get("/histoires/").content.decode()
    assert len(_titres(html)) == 5
    assert "5 histoires." in html
    assert _option(html, "profil", "jeunes") == "Jeunes (2)"
    assert _option(html, "profil", "wanted") == "Wanted (2)"
    assert _option(html, "thematique", "culture") == "Culture (3)"
    grand_figeac = communes["Figeac"].communaute
    assert _option(html, "communaute", grand_figeac.siren) == f"{grand_figeac.nom} (3)"


def test_profile_filter_and_counts_of_the_other_filters(client, histoires, communes):
    html = client.get("/histoires/", {"profil": "jeunes"}).content.decode()
    assert _titres(html) == {"Libraire à Cahors", "Guide à Cajarc"}
    assert "selected>Jeunes (2)" in html
    # Theme counts keep the profile filter; profile counts ignore their own filter.
    assert _option(html, "thematique", "culture") == "Culture (2)"
    assert _option(html, "thematique", "sante") == ""  # no young doctor: option hidden
    assert _option(html, "profil", "wanted") == "Wanted (2)"
    assert 'role="status"' in html and "2 histoires pour ces critères" in html


def test_filters_combine(client, histoires, communes):
    grand_figeac = communes["Figeac"].communaute
    reponse = client.get(
        "/histoires/",
        {"profil": "wanted", "thematique": "nature", "communaute": grand_figeac.siren},
    )
    html = reponse.content.decode()
    assert _titres(html) == {"Kiné à Figeac"}
    assert _option(html, "profil", "wanted") == "Wanted (1)"
    assert _option(html, "profil", "secondes_vies") == "Secondes vies (1)"
    assert _option(html, "profil", "jeunes") == "Jeunes (1)"  # the guide in Cajarc
    assert _option(html, "thematique", "sante") == "Santé (2)"
    assert _option(html, "communaute", grand_figeac.siren) == f"{grand_figeac.nom} (1)"


def test_communaute_filter_groups_its_communes(client, histoires, communes):
    grand_figeac = communes["Figeac"].communaute
    html = client.get("/histoires/", {"communaute": grand_figeac.siren}).content.decode()
    assert _titres(html) == {"Médecin à Figeac", "Guide à Cajarc", "Kiné à Figeac"}


def test_drafts_are_never_listed_nor_counted(client, histoires):
    histoires[0].unpublish()
    html = client.get("/histoires/", {"profil": "wanted"}).content.decode()
    assert _titres(html) == {"Kiné à Figeac"}
    assert _option(html, "profil", "wanted") == "Wanted (1)"


@pytest.mark.parametrize(
    "parametres",
    [
        {"profil": "astronautes"},
        {"thematique": "inconnue"},
        {"communaute": "999999999"},
        {"communaute": "abc", "thematique": "<script>", "profil": "' OR 1=1 --"},
        {"profil": "jeunes" * 2000},
        {"thematique": "x" * 10000, "communaute": "9" * 5000},
        {"page": "abc"},
        {"page": "999"},
        {"page": "-1"},
        {"page": "0"},
        {"page": "9" * 5000},
        {"page": "1.5", "profil": ""},
        {"profil": "%00"},
    ],
)
def test_bad_input_never_fails(client, histoires, parametres):
    reponse = client.get("/histoires/", parametres)
    assert reponse.status_code == 200
    html = reponse.content.decode()
    if set(parametres) <= {"page", "profil"} and not parametres.get("profil"):
        assert len(_titres(html)) == 5  # one page of five, whatever the page asked


def test_unknown_filters_are_ignored_not_emptying_the_list(client, histoires):
    html = client.get("/histoires/", {"profil": "astronautes", "thematique": "?"}).content.decode()
    assert len(_titres(html)) == 5
    assert "Effacer les filtres" not in html


def test_pagination_keeps_filters_and_clamps_page_numbers(client, creer_histoire, communes):
    for numero in range(14):
        creer_histoire(
            f"Histoire {numero:02d}",
            commune=communes["Cahors"],
            profils=["touristes"],
        )
    premiere = client.get("/histoires/", {"profil": "touristes"}).content.decode()
    assert len(_titres(premiere)) == 12
    assert "?profil=touristes&amp;page=2" in premiere
    assert "Page 1 sur 2" in premiere
    derniere = client.get("/histoires/", {"profil": "touristes", "page": "999"}).content.decode()
    assert len(_titres(derniere)) == 2
    assert "Page 2 sur 2" in derniere
    assert len(_titres(client.get("/histoires/", {"page": "abc"}).content.decode())) == 12


def test_filter_form_is_accessible_without_javascript(client, histoires):
    html = client.get("/histoires/").content.decode()
    formulaire = html.split('class="filtres-histoires"')[1].split("</form>")[0]
    assert 'method="get"' in html.split('class="filtres-histoires"')[1][:80]
    assert "<fieldset" in formulaire and "<legend" in formulaire
    for nom in ("profil", "thematique", "communaute"):
        assert f'<label for="filtre-{nom}">' in formulaire
        assert f'id="filtre-{nom}" name="{nom}"' in formulaire
    assert 'type="submit"' in formulaire
    assert "<script" not in html.split("</head>")[1]
    assert ' style="' not in html
