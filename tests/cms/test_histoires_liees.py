"""A story shows up to three others for the same profile or commune, never itself."""

import pytest

pytestmark = pytest.mark.django_db


def _liees(client, page):
    html = client.get(page.url).content.decode()
    if "histoires-liees-titre" not in html:
        return []
    section = html.split('id="histoires-liees-titre"')[1].split("</section>")[0]
    return [
        bout.split("</a>")[0].split(">")[-1] for bout in section.split("carte-histoire__lien")[1:]
    ]


def test_related_stories_share_a_profile_or_the_commune(client, creer_histoire, communes):
    c = communes
    page = creer_histoire("Médecin", commune=c["Figeac"], profils=["wanted"])
    creer_histoire("Ingénieure", commune=c["Cahors"], profils=["wanted", "jeunes"])
    creer_histoire("Voisine", commune=c["Figeac"], profils=["touristes"])
    creer_histoire("Sans rapport", commune=c["Gourdon"], profils=["secondes_vies"])
    liees = _liees(client, page)
    assert set(liees) == {"Ingénieure", "Voisine"}
    assert liees[0] == "Voisine"  # the same commune first
    assert "Médecin" not in liees


def test_at_most_three_related_and_only_live_ones(client, creer_histoire, communes):
    page = creer_histoire("Médecin", commune=communes["Figeac"], profils=["wanted"])
    autres = [
        creer_histoire(f"Autre {n}", commune=communes["Cahors"], profils=["wanted"])
        for n in range(5)
    ]
    assert len(_liees(client, page)) == 3
    for autre in autres[:4]:
        autre.unpublish()
    assert _liees(client, page) == ["Autre 4"]


def test_no_related_section_when_nothing_matches(client, creer_histoire, communes):
    page = creer_histoire("Seule", commune=communes["Figeac"], profils=["wanted"])
    creer_histoire("Ailleurs", commune=communes["Cahors"], profils=["jeunes"])
    assert _liees(client, page) == []
