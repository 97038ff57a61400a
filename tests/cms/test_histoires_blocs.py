"""Story blocks refuse media without alt text, captions or transcript (French errors)."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.blocks import StructBlockValidationError
from wagtail.embeds.finders.base import EmbedFinder

from lot_portal.cms.blocks import AudioBlock, HistoireStreamBlock, VideoBlock

pytestmark = pytest.mark.django_db


class FauxFinder(EmbedFinder):
    """Answers every URL without the network (EmbedBlock.clean fetches oEmbed)."""

    def accept(self, url):
        return True

    def find_embed(self, url, max_width=None, max_height=None):
        return {
            "title": "Vidéo",
            "type": "video",
            "html": "<p>vidéo</p>",
            "provider_name": "x",
            "width": 640,
            "height": 360,
        }


@pytest.fixture
def sans_reseau(settings):
    settings.WAGTAILEMBEDS_FINDERS = [{"class": f"{__name__}.FauxFinder"}]


def _erreurs(bloc, valeur):
    with pytest.raises(StructBlockValidationError) as erreur:
        bloc.clean(bloc.to_python(valeur))
    return {nom: " ".join(e.messages) for nom, e in erreur.value.block_errors.items()}


def test_audio_requires_its_transcript(creer_document):
    son = creer_document("Podcast", "podcast.mp3")
    erreurs = _erreurs(AudioBlock(), {"titre": "Podcast", "fichier": son.pk, "transcription": ""})
    assert "La transcription est obligatoire" in erreurs["transcription"]
    vide = {"titre": "Podcast", "fichier": son.pk, "transcription": "<p> &nbsp;</p>"}
    assert "transcription" in _erreurs(AudioBlock(), vide)


def test_audio_refuses_a_document_that_is_not_sound(creer_document):
    pdf = creer_document("Programme", "programme.pdf")
    valeur = {"titre": "Podcast", "fichier": pdf.pk, "transcription": "<p>Bonjour.</p>"}
    assert "n'est pas un fichier audio" in _erreurs(AudioBlock(), valeur)["fichier"]


def test_valid_audio_passes(creer_document):
    son = creer_document("Podcast", "podcast.wav")
    bloc = AudioBlock()
    valeur = bloc.to_python({"titre": "P", "fichier": son.pk, "transcription": "<p>Oui.</p>"})
    assert bloc.clean(valeur)["titre"] == "P"


def test_uploaded_video_requires_vtt_captions(creer_document):
    video = creer_document("Vidéo", "film.mp4")
    valeur = {"titre": "Film", "fichier": video.pk, "video_en_ligne": None}
    erreurs = _erreurs(VideoBlock(), valeur)
    assert "sous-titres (.vtt)" in erreurs["sous_titres"]
    mauvais = creer_document("Sous-titres", "film.srt.txt")
    erreurs = _erreurs(VideoBlock(), {**valeur, "sous_titres": mauvais.pk})
    assert "WebVTT" in erreurs["sous_titres"]


def test_uploaded_video_with_captions_passes(creer_document):
    video = creer_document("Vidéo", "film.webm")
    vtt = creer_document("Sous-titres", "film.vtt", b"WEBVTT\n")
    bloc = VideoBlock()
    valeur = bloc.to_python({"titre": "Film", "fichier": video.pk, "sous_titres": vtt.pk})
    assert bloc.clean(valeur)["fichier"] == video


def test_embed_requires_a_transcript(sans_reseau):
    valeur = {"titre": "Film", "video_en_ligne": "https://www.youtube.com/watch?v=abc"}
    erreurs = _erreurs(VideoBlock(), valeur)
    assert "transcription" in erreurs["transcription"]
    bloc = VideoBlock()
    complete = bloc.to_python({**valeur, "transcription": "<p>Le texte du film.</p>"})
    assert bloc.clean(complete)["video_en_ligne"].url.endswith("v=abc")


def test_video_needs_exactly_one_source(creer_document, sans_reseau):
    assert "Indiquez l'adresse" in _erreurs(VideoBlock(), {"titre": "Film"})["video_en_ligne"]
    video = creer_document("Vidéo", "film.mp4")
    vtt = creer_document("Sous-titres", "film.vtt", b"WEBVTT\n")
    deux = {
        "titre": "Film",
        "video_en_ligne": "https://vimeo.com/1",
        "fichier": video.pk,
        "sous_titres": vtt.pk,
        "transcription": "<p>Texte.</p>",
    }
    assert "pas les deux" in _erreurs(VideoBlock(), deux)["fichier"]


def test_images_in_the_body_need_alt_text(creer_image):
    illustration = creer_image()
    corps = HistoireStreamBlock()
    sans_alt = corps.to_python(
        [
            {
                "type": "image",
                "value": {
                    "image": {"image": illustration.pk, "decorative": False, "alt_text": ""},
                    "legende": "Le causse",
                    "credit": "Département du Lot",
                },
            }
        ]
    )
    with pytest.raises(ValidationError):
        corps.clean(sans_alt)
    galerie = corps.to_python(
        [
            {
                "type": "galerie",
                "value": {
                    "images": [
                        {"image": {"image": illustration.pk, "decorative": False, "alt_text": "A"}},
                        {"image": {"image": illustration.pk, "decorative": False, "alt_text": ""}},
                    ]
                },
            }
        ]
    )
    with pytest.raises(ValidationError):
        corps.clean(galerie)


def test_drafts_may_be_incomplete_but_publishing_validates(creer_document):
    son = creer_document("Podcast", "podcast.mp3")
    bloc = AudioBlock()
    brouillon = bloc.to_python({"titre": "P", "fichier": son.pk, "transcription": ""})
    assert bloc.clean_deferred(brouillon)  # saving a draft is allowed
    with pytest.raises(StructBlockValidationError):
        bloc.clean(brouillon)


def test_main_image_needs_a_description(creer_histoire, creer_image, communes):
    sans_description = creer_image(description="")
    with pytest.raises(ValidationError) as erreur:
        creer_histoire("Sans alt", commune=communes["Cahors"], illustration=sans_description)
    assert "image_alt" in erreur.value.message_dict
    page = creer_histoire(
        "Avec alt",
        commune=communes["Cahors"],
        illustration=sans_description,
        image_alt="Une bergère et son troupeau",
    )
    assert page.texte_alternatif == "Une bergère et son troupeau"


def test_media_render_with_captions_and_transcripts(
    client, creer_histoire, creer_document, communes
):
    son = creer_document("Podcast", "podcast.mp3")
    video = creer_document("Vidéo", "film.mp4")
    vtt = creer_document("Sous-titres", "film.vtt", b"WEBVTT\n")
    page = creer_histoire(
        "Une histoire sonore",
        commune=communes["Figeac"],
        corps=[
            ("audio", {"titre": "Entretien", "fichier": son, "transcription": "<p>Mot à mot.</p>"}),
            (
                "video",
                {
                    "titre": "Film",
                    "fichier": video,
                    "sous_titres": vtt,
                    "video_en_ligne": None,
                    "transcription": "",
                },
            ),
        ],
    )
    html = client.get(page.url).content.decode()
    assert "<audio" in html and "controls" in html.split("<audio")[1].split(">")[0]
    transcription = html.split("<audio")[1].split("</details>")[0]
    assert "<summary>Lire la transcription</summary>" in transcription
    assert "Mot à mot." in transcription
    assert "<video" in html
    assert f'<track kind="captions" srclang="fr" label="Français" src="{vtt.url}"' in html
    assert "<iframe" not in html
