"""Hospitality matching: staff propose an ambassador's offer for a newcomer's discovery
stay (suggestions, admin), emails on both sides without addresses, the ambassador accepts or
declines in their space (a conversation opens), permissions and query budget."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from accueil.models import ParcoursAccueil, SejourDecouverte
from ambassadeurs.models import (
    MiseEnRelationHospitalite,
    OffreHospitalite,
    Question,
    StatutMiseEnRelation,
    TypeHospitalite,
)
from ambassadeurs.services import hospitalite as services
from lot_portal.courriels.models import Courriel

pytestmark = pytest.mark.django_db


@pytest.fixture
def monde(fabrique_amb, django_user_model):
    communaute = fabrique_amb.communaute()
    ici = fabrique_amb.commune(communaute=communaute)
    ailleurs = fabrique_amb.commune()
    arrivant = fabrique_amb.utilisateur(email="arrivant.flux@exemple.fr", first_name="Léa")
    parcours = ParcoursAccueil.objects.create(
        utilisateur=arrivant,
        prenom="Léa",
        nom="Martin",
        profil="secondes_vies",
        lieu_actuel="Lille",
        consentement_le=timezone.now(),
        communaute=communaute,
    )
    sejour = SejourDecouverte.objects.create(
        parcours=parcours,
        periode_souhaitee="Fin avril",
        nombre_personnes=3,
        souhaits="Les marchés et les écoles",
        commune=ici,
    )
    hote = fabrique_amb.ambassadeur(
        commune=ici, offres=["accueil"], utilisateur__email="hote@exemple.fr"
    )
    staff = django_user_model.objects.create_superuser(
        email="equipe@lot.fr", password="Equipe-Lot-2026!"
    )

    def offre(ambassadeur=None, **champs):
        valeurs = {
            "ambassadeur": ambassadeur or hote,
            "type": TypeHospitalite.REPAS,
            "commune": ici,
            "capacite": 4,
            "periode": "Les samedis",
        }
        valeurs.update(champs)
        return OffreHospitalite.objects.create(**valeurs)

    return type(
        "Monde",
        (),
        {
            "communaute": communaute,
            "ici": ici,
            "ailleurs": ailleurs,
            "arrivant": arrivant,
            "parcours": parcours,
            "sejour": sejour,
            "hote": hote,
            "staff": staff,
            "offre": staticmethod(offre),
            "fabrique": fabrique_amb,
        },
    )


def test_suggestions_same_area_first_then_room_never_paused_or_inactive(monde):
    fab = monde.fabrique
    autre_secteur = monde.offre(
        ambassadeur=fab.ambassadeur(commune=monde.ailleurs), commune=monde.ailleurs
    )
    trop_petite = monde.offre(ambassadeur=fab.ambassadeur(commune=monde.ici), capacite=2)
    bonne = monde.offre()
    monde.offre(type=TypeHospitalite.JOURNEE, active=False)
    monde.offre(ambassadeur=fab.ambassadeur(commune=monde.ici, disponible=False))
    monde.offre(ambassadeur=fab.ambassadeur(commune=monde.ici, statut="candidature"))

    suggerees = services.offres_suggerees(sejour=monde.sejour)

    assert suggerees == [bonne, trop_petite, autre_secteur]
    assert suggerees[0].meme_secteur and suggerees[0].assez_de_place
    assert not suggerees[1].assez_de_place
    assert not suggerees[2].meme_secteur


def test_staff_propose_from_the_stay_page_both_sides_emailed_without_addresses(client, monde):
    offre = monde.offre()
    client.force_login(monde.staff)
    url = reverse("ambassadeurs_mises_en_relation:sejour", args=[monde.sejour.pk])

    liste = client.get(reverse("ambassadeurs_mises_en_relation:sejours")).content.decode()
    assert f'href="{url}"' in liste and "Fin avril" in liste

    page = client.get(url)
    assert page.status_code == 200
    assert "Offres suggérées" in page.content.decode()
    assert str(monde.hote) in page.content.decode()

    reponse = client.post(url, {"offre": offre.pk, "message": "Une famille de trois."})
    assert reponse.status_code == 302
    mise = MiseEnRelationHospitalite.objects.get()
    assert (mise.offre, mise.sejour, mise.statut) == (offre, monde.sejour, "proposee")
    assert mise.cree_par == monde.staff

    pour_hote = Courriel.objects.get(destinataires=["hote@exemple.fr"])
    pour_arrivant = Courriel.objects.get(destinataires=["arrivant.flux@exemple.fr"])
    assert "Léa" in pour_hote.corps_texte and "Fin avril" in pour_hote.corps_texte
    assert "Une famille de trois." in pour_hote.corps_texte
    assert "/ambassadeurs/espace/hospitalite/" in pour_hote.corps_texte
    assert "arrivant.flux@exemple.fr" not in pour_hote.corps_texte + pour_hote.corps_html
    assert "Martin" not in pour_hote.corps_texte  # the newcomer's last name stays private
    assert monde.hote.prenom in pour_arrivant.corps_texte
    assert "hote@exemple.fr" not in pour_arrivant.corps_texte + pour_arrivant.corps_html
    assert monde.hote.nom not in pour_arrivant.corps_texte

    # The same offer can't be proposed twice for the stay; it left the suggestions.
    client.post(url, {"offre": offre.pk})
    assert MiseEnRelationHospitalite.objects.count() == 1
    assert services.offres_suggerees(sejour=monde.sejour) == []

    # The matches list and the match page.
    liste = client.get(reverse("ambassadeurs_mises_en_relation:index"))
    assert liste.status_code == 200
    fiche = client.get(reverse("ambassadeurs_mises_en_relation:inspect", args=[mise.pk]))
    assert fiche.status_code == 200
    assert "Proposée à l" in fiche.content.decode()


def test_inactive_offer_paused_ambassador_or_closed_stay_are_refused(client, monde):
    inactive = monde.offre(active=False)
    client.force_login(monde.staff)
    url = reverse("ambassadeurs_mises_en_relation:sejour", args=[monde.sejour.pk])
    reponse = client.post(url, {"offre": inactive.pk}, follow=True)
    assert "plus proposée" in reponse.content.decode()

    offre = monde.offre(type=TypeHospitalite.WEEK_END)
    monde.hote.disponible = False
    monde.hote.save()
    with pytest.raises(services.MiseEnRelationImpossible):
        services.mise_en_relation_proposer(offre=offre, sejour=monde.sejour, par=monde.staff)
    monde.hote.disponible = True
    monde.hote.save()
    SejourDecouverte.objects.filter(pk=monde.sejour.pk).update(statut="annule")
    with pytest.raises(services.MiseEnRelationImpossible):
        services.mise_en_relation_proposer(offre=offre, sejour=monde.sejour, par=monde.staff)
    assert not MiseEnRelationHospitalite.objects.exists()
    assert not Courriel.objects.exists()

    # Nonsense input: never a 500.
    for valeur in ("", "abc", "999999", "-1"):
        assert client.post(url, {"offre": valeur}).status_code == 302
    assert client.get(url + "?offre=%00").status_code == 200


def test_ambassador_accepts_conversation_opens_newcomer_and_staff_emailed(client, monde):
    offre = monde.offre()
    mise = services.mise_en_relation_proposer(
        offre=offre, sejour=monde.sejour, par=monde.staff, message="Merci !"
    )
    Courriel.objects.all().delete()
    client.force_login(monde.hote.utilisateur)

    espace = client.get("/ambassadeurs/espace/hospitalite/")
    contenu = espace.content.decode()
    assert espace["Cache-Control"].count("no-store") == 1
    assert "Léa" in contenu and "Accepter cette visite" in contenu
    assert "arrivant.flux@exemple.fr" not in contenu and "Martin" not in contenu

    url = reverse("ambassadeurs:mise_en_relation_repondre", args=[mise.pk])
    reponse = client.post(url, {"action": "accepter", "message": "Venez dimanche !"})
    assert reponse.status_code == 302
    mise.refresh_from_db()
    assert mise.statut == StatutMiseEnRelation.ACCEPTEE and mise.repondu_le
    conversation = mise.conversation
    assert conversation.demandeur == monde.arrivant and conversation.ambassadeur == monde.hote
    assert "Venez dimanche !" in conversation.messages.get().texte

    pour_arrivant = Courriel.objects.get(destinataires=["arrivant.flux@exemple.fr"])
    assert f"/ambassadeurs/questions/{conversation.pk}/" in pour_arrivant.corps_texte
    assert "hote@exemple.fr" not in pour_arrivant.corps_texte + pour_arrivant.corps_html
    pour_equipe = Courriel.objects.get(destinataires=["equipe@lot.fr"])
    assert "accepte" in pour_equipe.sujet

    # A second answer changes nothing.
    client.post(url, {"action": "decliner"})
    mise.refresh_from_db()
    assert mise.statut == StatutMiseEnRelation.ACCEPTEE
    assert Courriel.objects.count() == 2

    # The host does not answer general questions, yet the newcomer can write to them here.
    assert "questions" not in monde.hote.offres
    client.force_login(monde.arrivant)
    reponse = client.post(
        reverse("ambassadeurs:question", args=[conversation.pk]), {"texte": "Parfait, merci !"}
    )
    assert reponse.status_code == 302
    assert conversation.messages.count() == 2

    # Staff record the visit.
    client.force_login(monde.staff)
    client.post(reverse("ambassadeurs_mises_en_relation:inspect", args=[mise.pk]))
    mise.refresh_from_db()
    assert mise.statut == StatutMiseEnRelation.REALISEE


def test_ambassador_declines_newcomer_and_staff_emailed(client, monde):
    mise = services.mise_en_relation_proposer(
        offre=monde.offre(), sejour=monde.sejour, par=monde.staff
    )
    Courriel.objects.all().delete()
    client.force_login(monde.hote.utilisateur)
    client.post(
        reverse("ambassadeurs:mise_en_relation_repondre", args=[mise.pk]), {"action": "decliner"}
    )
    mise.refresh_from_db()
    assert mise.statut == StatutMiseEnRelation.DECLINEE and mise.conversation is None
    assert not Question.objects.exists()
    assert Courriel.objects.filter(destinataires=["arrivant.flux@exemple.fr"]).exists()
    assert "décline" in Courriel.objects.get(destinataires=["equipe@lot.fr"]).sujet
    # The declined offer may be suggested again for another stay, not this one.
    assert services.offres_suggerees(sejour=monde.sejour) == []


def test_other_people_cannot_answer_or_open_the_admin(client, monde, django_user_model):
    mise = services.mise_en_relation_proposer(
        offre=monde.offre(), sejour=monde.sejour, par=monde.staff
    )
    url = reverse("ambassadeurs:mise_en_relation_repondre", args=[mise.pk])
    autre = monde.fabrique.ambassadeur()
    client.force_login(autre.utilisateur)
    assert client.post(url, {"action": "accepter"}).status_code == 404
    assert "Léa" not in client.get("/ambassadeurs/espace/hospitalite/").content.decode()
    client.force_login(monde.arrivant)
    assert client.post(url, {"action": "accepter"}).status_code == 403
    client.logout()
    assert client.post(url, {"action": "accepter"}).status_code == 302
    mise.refresh_from_db()
    assert mise.statut == StatutMiseEnRelation.PROPOSEE

    # Staff of the network without a referent role see no stay; without the permission, 403.
    sejour_url = reverse("ambassadeurs_mises_en_relation:sejour", args=[monde.sejour.pk])
    equipe = django_user_model.objects.create_user(
        email="reseau@lot.fr", password="Equipe-Lot-2026!", is_staff=True
    )
    equipe.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_miseenrelationhospitalite"),
    )
    client.force_login(equipe)
    assert client.get(sejour_url).status_code in (302, 403)
    equipe.user_permissions.add(Permission.objects.get(codename="add_miseenrelationhospitalite"))
    equipe = django_user_model.objects.get(pk=equipe.pk)
    client.force_login(equipe)
    assert client.get(sejour_url).status_code == 404
    assert client.post(sejour_url, {"offre": mise.offre_id}).status_code == 404


def test_admin_link_tag_for_the_accueil_file_page(rf, monde, django_user_model):
    from django.template import Context, Template

    gabarit = Template(
        "{% load ambassadeurs_admin %}{% url_mise_en_relation sejour as url %}[{{ url }}]"
    )
    requete = rf.get("/")
    requete.user = monde.staff
    rendu = gabarit.render(Context({"request": requete, "sejour": monde.sejour}))
    assert f"/mises-en-relation/sejours/{monde.sejour.pk}/" in rendu
    requete.user = monde.arrivant
    assert gabarit.render(Context({"request": requete, "sejour": monde.sejour})) == "[]"


@pytest.mark.parametrize("nombre", [1, 8])
def test_space_page_query_budget(client, monde, nombre, django_assert_max_num_queries):
    fab = monde.fabrique
    for numero in range(nombre):
        parcours = ParcoursAccueil.objects.create(
            utilisateur=fab.utilisateur(email=f"a{numero}@exemple.fr"),
            prenom=f"P{numero}",
            nom="N",
            profil="jeunes",
            lieu_actuel="Paris",
            consentement_le=timezone.now(),
        )
        sejour = SejourDecouverte.objects.create(parcours=parcours, periode_souhaitee="Mai")
        MiseEnRelationHospitalite.objects.create(
            offre=monde.offre(type=TypeHospitalite.REPAS, periode=f"p{numero}"), sejour=sejour
        )
    client.force_login(monde.hote.utilisateur)
    with django_assert_max_num_queries(18):
        reponse = client.get("/ambassadeurs/espace/hospitalite/")
    assert reponse.content.decode().count("Accepter cette visite") == nombre
