"""Shared helpers of the accessibility browser tests: axe-core runs, error states reached by
submitting a form, logins, and the keyboard-only checks (focus visible, focus moves)."""

import re

from axe_playwright_python.sync_playwright import Axe

MOT_DE_PASSE = "Causses-et-Vallees-2026"
LARGEURS = {"bureau": (1280, 800), "mobile": (320, 640)}
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}

_axe = Axe()


def violations(page, contexte: dict | None = None) -> list[str]:
    """axe-core's WCAG 2.1 A/AA violations on the page as it is now, one line per node;
    ``contexte``: an axe context (``{"include": [...], "exclude": [...]}``)."""
    if contexte is None:
        resultats = _axe.run(page, options=AXE_OPTIONS).response
    else:
        resultats = _axe.run(page, context=contexte, options=AXE_OPTIONS).response
    lignes = []
    for violation in resultats["violations"]:
        for noeud in violation["nodes"]:
            cible = " ".join(str(c) for c in noeud["target"])
            resume = (noeud.get("failureSummary") or "").replace("\n", " ")[:220]
            lignes.append(f"{violation['id']} [{violation['impact']}] {cible} — {resume}")
    return lignes


_DEBORDER = """(form) => {
    const textes = form.querySelectorAll(
        'input[maxlength]:not([type]), input[maxlength][type=text], input[maxlength][type=search],'
        + ' input[maxlength][type=tel], input[maxlength][type=url], textarea[maxlength]');
    for (const el of textes) {
        el.value = 'x'.repeat(parseInt(el.getAttribute('maxlength'), 10) + 1);
    }
    for (const el of form.querySelectorAll('input[type=email]')) {
        el.value = 'pas-une-adresse';
    }
}"""

# Not a PDF, whatever its name says: the server refuses it.
PIECE_INVALIDE = {"name": "x.pdf", "mimeType": "application/pdf", "buffer": b"Pas un PDF.\n"}


def soumettre(
    selecteur: str = "main form[method=post]",
    *,
    deborder: bool = False,
    piece: bool = False,
    bouton: str | None = None,
):
    """A setup submitting the form ``selecteur`` as it is (empty), past the browser's own
    validation, to reach the server's error state; it raises if the page reached shows no
    error summary (``.resume-erreurs``) and no field marked ``aria-invalid="true"``.

    For forms an empty save satisfies: ``deborder`` first fills every text field with a
    ``maxlength`` one character past it (set from JavaScript, which the limit does not stop)
    and every email field with an invalid address; ``piece`` puts a text file named
    ``x.pdf`` in the form's first file field. ``bouton``: the text of the submit button to
    use (by default the form's first one)."""

    def _soumettre(page):
        formulaire = page.evaluate_handle(
            """(sel) => {
                const forms = [...document.querySelectorAll(sel)];
                const form = forms.find((f) => f.querySelector('[type=submit]')) || forms[0];
                if (!form) throw new Error('aucun formulaire ' + sel);
                return form;
            }""",
            selecteur,
        ).as_element()
        if deborder:
            formulaire.evaluate(_DEBORDER)
        if piece:
            fichier = formulaire.query_selector("input[type=file]")
            if fichier is None:
                raise AssertionError(f"aucun champ de fichier dans {selecteur}")
            fichier.set_input_files(PIECE_INVALIDE)
        with page.expect_navigation():
            formulaire.evaluate(
                """(form, texte) => {
                    form.noValidate = true;
                    const boutons = [...form.querySelectorAll(
                        'button[type=submit]:not([aria-hidden]), input[type=submit]')];
                    const bouton = texte === null ? boutons[0]
                        : boutons.find((b) => (b.innerText || b.value).trim() === texte);
                    if (texte !== null && !bouton) throw new Error('aucun bouton ' + texte);
                    form.requestSubmit(bouton || undefined);
                }""",
                bouton,
            )
        page.wait_for_load_state()
        if not page.locator(".resume-erreurs, [aria-invalid=true]").count():
            raise AssertionError(f"aucune erreur affichée après l'envoi de {selecteur}")

    return _soumettre


def parcourir(
    page, base: str, pages, largeurs=LARGEURS, *, mesurer=None, prefixe: str = ""
) -> list[str]:
    """Every (name, path, setup) page at every width; the list of all the violations found
    (with the page, the width and the final URL), plus pages that did not open or, with
    ``prefixe``, that ended outside it (sent back to a login page). ``mesurer``: the axe
    run, ``violations`` by default."""
    mesurer = mesurer or violations
    trouvees = []
    page.set_default_timeout(120_000)  # two shared cores: a slow page is not a failure here
    for nom, chemin, preparer in pages:
        for largeur, (x, y) in largeurs.items():
            page.set_viewport_size({"width": x, "height": y})
            reponse = page.goto(base + chemin)
            attendu = 404 if nom == "404" else 200
            if reponse is None or reponse.status != attendu:
                statut = reponse.status if reponse else "?"
                trouvees.append(f"{nom} ({largeur}) : {chemin} a répondu {statut}")
                continue
            if not page.url.startswith(base + prefixe):
                trouvees.append(f"{nom} ({largeur}) : {chemin} a mené à {page.url}")
                continue
            if preparer:
                try:
                    preparer(page)
                except Exception as erreur:  # reported with the others, not one by one
                    trouvees.append(f"{nom} ({largeur}) : préparation impossible : {erreur}")
                    continue
            trouvees += [f"{nom} ({largeur}, {page.url[len(base) :]}) : {v}" for v in mesurer(page)]
    return trouvees


def compte(django_user_model, courriel: str, **champs):
    """A verified account with the tests' password (created, or the demo's one reset)."""
    from allauth.account.models import EmailAddress

    utilisateur = django_user_model.objects.filter(email=courriel).first()
    if utilisateur is None:
        utilisateur = django_user_model.objects.create_user(email=courriel, **champs)
    utilisateur.set_password(MOT_DE_PASSE)
    utilisateur.save()
    EmailAddress.objects.update_or_create(
        user=utilisateur, email=courriel, defaults={"verified": True, "primary": True}
    )
    return utilisateur


def connexion(page, base: str, courriel: str):
    page.goto(f"{base}/compte/login/")
    page.locator("#id_login").fill(courriel)
    page.locator("#id_password").fill(MOT_DE_PASSE)
    page.locator("#id_password").press("Enter")
    page.wait_for_url(re.compile(r"/compte/$"))


# -- keyboard only ---------------------------------------------------------------------

_FOCUS = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const s = getComputedStyle(el);
    const contour = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
    const ombre = s.boxShadow && s.boxShadow !== 'none';
    return {
        tag: el.tagName.toLowerCase(), id: el.id, name: el.getAttribute('name') || '',
        type: el.getAttribute('type') || '',
        texte: (el.innerText || el.value || '').trim().slice(0, 60),
        href: el.getAttribute('href') || '', visible: contour || ombre,
        style: s.outlineStyle + ' ' + s.outlineWidth + ' / ' + s.boxShadow,
    };
}"""


def focus(page) -> dict:
    """The focused element (tag, id, name, type, text, href), asserting its focus is
    visible: a computed outline or a box-shadow."""
    actif = page.evaluate(_FOCUS)
    assert actif is not None, "le focus est perdu (document.body)"
    assert actif["visible"], f"focus invisible sur {actif}"
    return actif


def tabuler_jusqu_a(page, condition, *, arriere: bool = False, limite: int = 120) -> dict:
    """Press Tab (Shift+Tab) until the focused element satisfies ``condition(dict)``,
    checking the focus indicator of every element crossed."""
    touche = "Shift+Tab" if arriere else "Tab"
    vus = []
    for _ in range(limite):
        page.keyboard.press(touche)
        actif = focus(page)
        vus.append(actif["id"] or actif["name"] or actif["texte"])
        if condition(actif):
            return actif
    raise AssertionError(f"élément jamais atteint au clavier ; parcouru : {vus}")


def par_id(ident: str):
    return lambda actif: actif["id"] == ident


def par_nom(nom: str, valeur_type: str | None = None):
    return lambda actif: (
        actif["name"] == nom and (valeur_type is None or actif["type"] == valeur_type)
    )


def par_texte(texte: str):
    return lambda actif: actif["texte"] == texte


# -- Wagtail admin ---------------------------------------------------------------------


# Resolves once the page's finite CSS transitions and animations are over (1.5 s at most),
# two frames after the call so that those started by the page's scripts on load are seen.
_ANIMATIONS_FINIES = """() => new Promise((fin) => requestAnimationFrame(() =>
    requestAnimationFrame(() => {
        const finies = document.getAnimations()
            .filter((a) => Number.isFinite(a.effect?.getComputedTiming().endTime))
            .map((a) => a.finished.catch(() => null));
        Promise.race([Promise.all(finies), new Promise((r) => setTimeout(r, 1500))])
            .then(() => fin(true));
    })))"""


def violations_admin(page, contexte: dict | None = None) -> list[str]:
    """Like ``violations``, for the Wagtail admin: ``contexte`` is an axe context
    (``{"include": [...], "exclude": [...]}``) leaving out regions whose markup is Wagtail's
    own, never ours; without it, the whole page is checked.

    axe runs once the page's transitions are over: Wagtail's messages (``.messages > ul``)
    fade in over 0.5 s, and a colour measured half-way through (white on a red not yet
    opaque) is not the one people read."""
    page.evaluate(_ANIMATIONS_FINIES)
    return violations(page, contexte)


def connexion_admin(page, base: str, courriel: str):
    """Logs in through the admin: ``/admin/`` sends to allauth's login form (Wagtail's own
    one is redirected there), which comes back to the admin's dashboard."""
    page.goto(f"{base}/admin/")
    page.wait_for_url(re.compile(r"/compte/login/"))
    page.locator("#id_login").fill(courriel)
    page.locator("#id_password").fill(MOT_DE_PASSE)
    page.locator("#id_password").press("Enter")
    page.wait_for_url(re.compile(r"/admin/$"))
