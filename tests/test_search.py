"""Search in real Chromium: every recorded spelling of an actor finds its glossary entry."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT
from explainer.data import load_site
from explainer.glossary import spellings
from test_browser import chromium, open_page  # noqa: F401  (fixtures and helpers)

pytestmark = pytest.mark.browser

SAMPLE = ["kadhimi", "soleimani", "muhandis", "sistani", "asaib-ahl-al-haq", "kataib-hezbollah", "pmf", "jcpoa", "fatemiyoun"]
TOP = 5  # "among the first results"


def names(actor) -> list[str]:
    return [actor["name"], *spellings(actor)]


WAIT_FOR_QUERY = """q => {
  const first = document.querySelector('.md-search-result__item > a');
  if (!first) return false;
  const h = new URL(first.href).searchParams.get('h') || '';
  return h.replace(/[^a-z0-9]+/g, ' ').trim() === q;
}"""


def results_for(page, query: str) -> list[str]:
    """Type a query and return the result links once they answer the whole query."""
    box = page.locator("input.md-search__input")
    box.fill(query)
    box.dispatch_event("keyup")
    expected = " ".join(re.findall(r"[a-z0-9]+", query.lower()))
    try:
        page.wait_for_function(WAIT_FOR_QUERY, arg=expected, timeout=2_000)
    except Exception:  # stop words leave the highlight shorter: take what is shown after 2 s
        pass
    return page.eval_on_selector_all(".md-search-result__item > a", "els => els.map(e => e.href)")


def test_every_spelling_finds_the_entry(chromium, server):  # noqa: F811
    site = load_site(ROOT / "data", ROOT)
    context, page, watch = open_page(chromium, server, "")
    page.locator("input.md-search__input").click()
    missed = []
    for actor_id in SAMPLE:
        target = f"{server.url}glossary/{actor_id}/"
        for name in names(site.actors[actor_id]):
            hrefs = [h.split("#")[0].split("?")[0] for h in results_for(page, name)]
            if target not in hrefs[:TOP]:
                missed.append((actor_id, name, hrefs[:TOP]))
    context.close()
    assert not missed, "\n".join(map(str, missed))
