"""No public page of the seeded demo makes Chromium request anything from another host
(fonts, scripts, map tiles, videos…): every request's host is the live server's."""

from urllib.parse import urlsplit

import pytest
from _securite import pages_publiques

pytestmark = [pytest.mark.navigateur]


def test_public_pages_request_nothing_from_another_host(
    browser, browser_context_args, live_server, site_demo_transactionnel
):
    hote = urlsplit(live_server.url).netloc
    urls = pages_publiques()
    contexte = browser.new_context(**browser_context_args)
    page = contexte.new_page()
    requetes = []
    page.on("request", lambda requete: requetes.append(requete.url))
    for nom, url in urls.items():
        reponse = page.goto(live_server.url + url, wait_until="networkidle")
        assert reponse is not None, nom
        assert reponse.status == (404 if nom == "introuvable" else 200), (nom, url)
        # Interactive bits (menus, maps, players) get their chance to load more.
        page.mouse.wheel(0, 5000)
        page.wait_for_load_state("networkidle")
    contexte.close()
    assert len(requetes) > len(urls)  # the pages' own styles and scripts were seen
    ailleurs = sorted(
        {
            u
            for u in requetes
            if urlsplit(u).scheme in ("http", "https", "ws", "wss") and urlsplit(u).netloc != hote
        }
    )
    assert not ailleurs, ailleurs
    # data: URIs (inline images) stay allowed; nothing else leaves the page.
    assert all(urlsplit(u).scheme in ("http", "https", "data", "blob") for u in requetes)
