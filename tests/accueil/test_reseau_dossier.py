"""The file page in the admin: status with history, reassignment, notes, next action,
reply, CV forwarding (and the employer's link), discovery stays; bad input keeps what
was typed and says what is wrong."""

import datetime

import pytest
import time_machine
from django.core import signing
from django.core.files.base import ContentFile
from django.utils import timezone

from accueil.models import (
    ChangementStatut,
    CurriculumVitae,
    Message,
    NoteSuivi,
    SejourDecouverte,
    TransmissionCV,
)
from accueil.services.reseau import (
    SEL_TRANSMISSION_CV,
    ActionImpossible,
    cv_transmettre,
    jeton_transmission,
    parcours_reaffecter,
    referent_droits_accorder,
    statut_changer,
)
from lot_portal.courriels.models import Courriel

pytestmark = pytest.mark.django_db


def courriels_a(email):
    return [c for c in Courriel.objects.order_by("pk") if email in c.destinataires]


@pytest.fixture
def prive(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "prive": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path), "base_url": None},
        },
    }


@pytest.fixture
def cas(fabrique, client):
    a = fabrique.communaute(nom="Causse de Labastide-Murat")
    b = fabrique.communaute(nom="Quercy Blanc")
    referent = fabrique.referent(communaute=a)
    autre = fabrique.referent(communaute=b)
    for r in (referent, autre):
        referent_droits_accorder(referent=r)
    parcours = fabrique.parcours(communaute=a, referent=referent, prenom="Inès", nom="Roux")
    ChangementStatut.objects.create(parcours=parcours, ancien="", nouveau="nouveau")
    client.force_login(referent.utilisateur)
    return {
        "a": a,
        "b": b,
        "referent": referent,
        "autre": autre,
        "parcours": parcours,
        "url": f"/admin/accueil/nouveaux-arrivants/{parcours.pk}/",
    }


def test_status_changes_are_dated_in_the_history(client, cas):
    parcours = cas["parcours"]
    reponse = client.post(
        cas["url"], {"action": "statut", "statut": "premier_contact", "commentaire": "Appelée"}
    )
    assert reponse.status_code == 302
    client.post(cas["url"], {"action": "statut", "statut": "installe"})
    parcours.refresh_from_db()
    assert parcours.statut == "installe"
    assert parcours.installe_le == timezone.localdate()
    historique = list(ChangementStatut.objects.filter(parcours=parcours).order_by("le", "pk"))
    assert [(c.ancien, c.nouveau) for c in historique] == [
        ("", "nouveau"),
        ("nouveau", "premier_contact"),
        ("premier_contact", "installe"),
    ]
    assert historique[1].par == cas["referent"].utilisateur
    assert historique[1].commentaire == "Appelée"
    page = client.get(cas["url"]).content.decode()
    assert "Nouveau → Premier contact" in page and "Appelée" in page
    # Same status again: refused with a message, nothing recorded.
    reponse = client.post(cas["url"], {"action": "statut", "statut": "installe"})
    assert reponse.status_code == 200
    assert "Le dossier a déjà ce statut." in reponse.content.decode()
    assert ChangementStatut.objects.filter(parcours=parcours).count() == 3


def test_status_change_calls_the_follow_ups(cas, monkeypatch):
    from accueil.services import relances

    appels = []
    monkeypatch.setattr(relances, "statut_a_change", lambda *, parcours: appels.append(parcours))
    statut_changer(parcours=cas["parcours"], statut="sans_suite")
    statut_changer(parcours=cas["parcours"], statut="sans_suite")  # no change: no call
    assert [p.pk for p in appels] == [cas["parcours"].pk]
    with pytest.raises(ActionImpossible):
        statut_changer(parcours=cas["parcours"], statut="inexistant")


@pytest.mark.parametrize(
    "donnees",
    [
        {"action": "statut", "statut": "inexistant"},
        {"action": "statut", "statut": "en_echange", "commentaire": "x" * 301},
        {"action": "note", "texte": "   "},
        {"action": "note", "texte": "x" * 5001},
        {
            "action": "prochaine_action",
            "prochaine_action": "Rappeler",
            "prochaine_action_le": "32/13/2026",
        },
        {"action": "prochaine_action", "prochaine_action": "", "prochaine_action_le": "2027-01-05"},
        {"action": "message", "texte": ""},
        {"action": "reaffecter", "secteur": "999999", "referent": ""},
        {"action": "reaffecter", "secteur": "", "referent": "abc"},
        {"action": "reaffecter", "secteur": "", "referent": ""},
        {"action": "inconnue"},
        {"action": "sejour", "sejour": "pas-un-nombre"},
    ],
)
def test_bad_input_is_explained_and_never_a_500(client, cas, donnees):
    reponse = client.post(cas["url"], donnees)
    assert reponse.status_code in (200, 302, 404)
    if reponse.status_code == 200:
        page = reponse.content.decode()
        assert "corrigez le formulaire" in page
        assert 'class="error-message"' in page or '<li class="error">' in page
    cas["parcours"].refresh_from_db()
    assert cas["parcours"].statut == "nouveau"
    assert not NoteSuivi.objects.exists()


def test_what_was_typed_is_kept_next_to_the_error(client, cas):
    reponse = client.post(
        cas["url"],
        {
            "action": "prochaine_action",
            "prochaine_action": "Organiser la visite de l'école",
            "prochaine_action_le": "demain",
        },
    )
    page = reponse.content.decode()
    assert "Saisissez une date valide" in page
    assert "Organiser la visite de l&#x27;école" in page and 'value="demain"' in page


def test_notes_and_next_action(client, cas):
    client.post(cas["url"], {"action": "note", "texte": "A déjà visité Gramat."})
    client.post(cas["url"], {"action": "note", "texte": "A déjà visité Gramat."})
    note = NoteSuivi.objects.get()
    assert note.auteur == cas["referent"].utilisateur
    demain = timezone.localdate() + datetime.timedelta(days=1)
    client.post(
        cas["url"],
        {
            "action": "prochaine_action",
            "prochaine_action": "Rappeler pour la visite",
            "prochaine_action_le": demain.isoformat(),
        },
    )
    cas["parcours"].refresh_from_db()
    assert cas["parcours"].prochaine_action == "Rappeler pour la visite"
    assert cas["parcours"].prochaine_action_le == demain
    page = client.get(cas["url"]).content.decode()
    assert "A déjà visité Gramat." in page and "Rappeler pour la visite" in page


def test_reassignment_to_another_area_tells_the_new_referent(client, cas):
    reponse = client.post(
        cas["url"], {"action": "reaffecter", "secteur": str(cas["b"].pk), "referent": ""}
    )
    assert reponse.status_code == 302
    parcours = cas["parcours"]
    parcours.refresh_from_db()
    assert parcours.communaute == cas["b"] and parcours.referent == cas["autre"]
    (courriel,) = courriels_a(cas["autre"].utilisateur.email)
    assert "confié" in courriel.sujet
    assert "Dossier réaffecté" in NoteSuivi.objects.get(parcours=parcours).texte
    # The file left the first referent's area.
    assert client.get(cas["url"]).status_code == 404


def test_reassignment_rules(fabrique, cas):
    parcours = cas["parcours"]
    collegue = fabrique.referent(communaute=cas["a"])
    parcours_reaffecter(parcours=parcours, par=None, referent=collegue)
    parcours.refresh_from_db()
    assert parcours.referent == collegue and parcours.communaute == cas["a"]
    with pytest.raises(ActionImpossible):
        parcours_reaffecter(
            parcours=parcours,
            par=None,
            referent=cas["autre"],
            changer_secteur=True,
            communaute=cas["a"],
        )
    dep = fabrique.referent(communaute=None)
    parcours_reaffecter(parcours=parcours, par=None, changer_secteur=True, communaute=None)
    parcours.refresh_from_db()
    assert parcours.communaute is None and parcours.referent == dep
    assert len(courriels_a(dep.utilisateur.email)) == 1


def test_reply_goes_to_the_newcomer_without_the_referent_address(client, cas):
    reponse = client.post(cas["url"], {"action": "message", "texte": "Bienvenue Inès !"})
    assert reponse.status_code == 302
    message = Message.objects.get()
    assert message.de_l_arrivant is False and message.auteur == cas["referent"].utilisateur
    (courriel,) = courriels_a(cas["parcours"].utilisateur.email)
    assert cas["referent"].utilisateur.email not in courriel.corps_texte + courriel.corps_html
    assert "Bienvenue Inès !" in client.get(cas["url"]).content.decode()


def test_cv_forwarding_needs_consent_and_gives_an_expiring_link(client, cas, prive):
    parcours = cas["parcours"]
    cv = CurriculumVitae(parcours=parcours, titulaire="arrivant", nom_original="cv-ines.pdf")
    cv.fichier.save("cv-ines.pdf", ContentFile(b"%PDF-1.4 ines"))
    donnees = {
        "action": "transmission",
        "cv": str(cv.pk),
        "destinataire": "Clinique du Quercy",
        "destinataire_email": "RH@clinique.example",
        "message": "Infirmière disponible en mars.",
    }
    # Without consent: no form, and the service refuses.
    assert "Transmettre le CV" not in client.get(cas["url"]).content.decode()
    reponse = client.post(cas["url"], donnees)
    assert reponse.status_code == 200 and "pas accepté" in reponse.content.decode()
    assert not TransmissionCV.objects.exists()
    parcours.consentement_transmission_cv = True
    parcours.save()
    # Bad input: a French message, nothing sent.
    mauvais = client.post(cas["url"], {**donnees, "destinataire_email": "pas-une-adresse"})
    assert "Saisissez une adresse électronique valide" in mauvais.content.decode()
    assert client.post(cas["url"], {**donnees, "cv": "999999"}).status_code == 200
    assert not TransmissionCV.objects.exists()
    assert client.post(cas["url"], donnees).status_code == 302
    assert client.post(cas["url"], donnees).status_code == 302  # double submit
    transmission = TransmissionCV.objects.get()
    assert transmission.destinataire_email == "rh@clinique.example"
    assert transmission.par == cas["referent"].utilisateur
    (courriel,) = courriels_a("rh@clinique.example")
    assert parcours.utilisateur.email not in courriel.corps_texte + courriel.corps_html
    lien = f"/accueil/cv-transmis/{jeton_transmission(transmission)}/"
    assert lien in courriel.corps_texte
    client.logout()
    reponse = client.get(lien)
    assert reponse.status_code == 200
    assert reponse["Content-Disposition"].startswith("attachment")
    assert reponse["X-Content-Type-Options"] == "nosniff"
    assert b"".join(reponse.streaming_content) == b"%PDF-1.4 ines"
    # Tampered, expired or consent withdrawn: a French page, no file.
    assert client.get(lien.replace("/cv-transmis/", "/cv-transmis/x")).status_code == 404

    with time_machine.travel(timezone.now() + datetime.timedelta(days=31)):
        expire = client.get(lien)
    assert expire.status_code == 404 and "n'est plus valable" in expire.content.decode()
    parcours.consentement_transmission_cv = False
    parcours.save()
    assert client.get(lien).status_code == 404
    faux = signing.dumps("abc", salt=SEL_TRANSMISSION_CV)
    assert client.get(f"/accueil/cv-transmis/{faux}/").status_code == 404


def test_cv_transmettre_refuses_without_consent(cas):
    cv = CurriculumVitae.objects.create(
        parcours=cas["parcours"], titulaire="conjoint", nom_original="cv.pdf"
    )
    with pytest.raises(ActionImpossible):
        cv_transmettre(cv=cv, destinataire="X", destinataire_email="x@x.fr", message="", par=None)


def test_discovery_stay_lifecycle_emails_the_newcomer(client, cas, fabrique):
    parcours = cas["parcours"]
    commune = fabrique.commune(communaute=cas["a"], nom="Gramat")
    sejour = SejourDecouverte.objects.create(parcours=parcours, periode_souhaitee="Avril")
    p = f"sejour-{sejour.pk}-"
    email = parcours.utilisateur.email

    def poster(**champs):
        donnees = {"action": "sejour", "sejour": str(sejour.pk)}
        donnees.update({p + k: v for k, v in champs.items()})
        return client.post(cas["url"], donnees)

    assert poster(operation="accepte", message_equipe="Avec plaisir !").status_code == 302
    sejour.refresh_from_db()
    assert sejour.statut == "accepte" and sejour.message_equipe == "Avec plaisir !"
    assert len(courriels_a(email)) == 1
    # Scheduling needs dates in order and a commune; what was typed stays.
    mauvais = poster(
        operation="planifie", date_debut="2027-04-12", date_fin="2027-04-10", programme="Marché"
    )
    page = mauvais.content.decode()
    assert "La date de départ doit suivre la date d&#x27;arrivée." in page
    assert "Choisissez la commune du séjour." in page and "Marché" in page
    assert (
        poster(
            operation="planifie",
            date_debut="2027-04-10",
            date_fin="2027-04-12",
            commune=str(commune.pk),
            programme="Visite du marché de Gramat",
            hebergement="Gîte communal",
        ).status_code
        == 302
    )
    sejour.refresh_from_db()
    assert sejour.statut == "planifie" and sejour.commune == commune
    dernier = courriels_a(email)[-1]
    assert "planifié" in dernier.sujet and "Gramat" in dernier.corps_texte
    assert "10/04/2027" in dernier.corps_texte
    # A refusal is no longer possible once scheduled: French message, no change.
    reponse = poster(operation="refuse", message_equipe="Non")
    assert reponse.status_code == 200 and "plus possible" in reponse.content.decode()
    assert poster(operation="realise").status_code == 302
    sejour.refresh_from_db()
    assert sejour.statut == "realise"
    assert len(courriels_a(email)) == 3
    # Refusing a request needs a reason.
    autre = SejourDecouverte.objects.create(parcours=parcours, periode_souhaitee="Été")
    reponse = client.post(
        cas["url"],
        {"action": "sejour", "sejour": str(autre.pk), f"sejour-{autre.pk}-operation": "refuse"},
    )
    assert "Expliquez la raison" in reponse.content.decode()
