"""Search in real Chromium: every recorded spelling of an actor finds its glossary entry."""

from __future__ import annotations

import pytest

from browser import SEARCH_PROBE as PROBE
from names import recorded_names

pytestmark = pytest.mark.browser

SAMPLE = ["kadhimi", "soleimani", "muhandis", "sistani", "asaib-ahl-al-haq", "kataib-hezbollah", "pmf", "jcpoa", "fatemiyoun"]
TOP = 5  # "among the first results"


def names(actor) -> list[str]:
    return recorded_names(actor)


def open_search(chromium, server):
    context = chromium.new_context()
    context.add_init_script(PROBE)
    page = context.new_page()
    page.goto(server.url, wait_until="load")
    page.locator("input.md-search__input").click()
    return context, page


# Types each query into the box in turn (as fill() does: value, then input and keyup, which
# Material reads) and, once the worker has answered THAT query (SEARCH_PROBE), reads the result
# links. One round trip for many queries: the page does the waiting.
ASK_EACH = """async queries => {
  const box = document.querySelector('input.md-search__input'), shown = [];
  const isAnswered = q => window.__search.sent.length === 0 && window.__search.answered.at(-1) === q;  // SEARCH_ANSWERED
  for (const q of queries) {
    if (q !== box.value) {  // Material sends nothing for an unchanged query
      box.value = q;
      box.dispatchEvent(new Event('input', {bubbles: true}));
      box.dispatchEvent(new KeyboardEvent('keyup', {bubbles: true}));
      const started = performance.now();
      while (!isAnswered(q)) {
        if (performance.now() - started > 10000) throw new Error('no answer to the query ' + JSON.stringify(q));
        await new Promise(r => setTimeout(r, 5));
      }
    }
    shown.push([...document.querySelectorAll('.md-search-result__item > a')].map(a => a.href));
  }
  return shown;
}"""


class Search:
    def __init__(self, page):
        self.page = page

    def results_for_each(self, queries: list[str]) -> list[list[str]]:
        """Type each query; once the worker has answered it, the result links shown."""
        return self.page.evaluate(ASK_EACH, queries)

    def results_for(self, query: str) -> list[str]:
        return self.results_for_each([query])[0]


def test_every_spelling_finds_the_entry(chromium, server, site):
    context, page = open_search(chromium, server)
    asked = [(actor_id, name) for actor_id in SAMPLE for name in names(site.actors[actor_id])]
    shown = Search(page).results_for_each([name for _, name in asked])
    missed = []
    for (actor_id, name), links in zip(asked, shown):
        hrefs = [h.split("#")[0].split("?")[0] for h in links]
        if f"{server.url}glossary/{actor_id}/" not in hrefs[:TOP]:
            missed.append((actor_id, name, hrefs[:TOP]))
    context.close()
    assert len(asked) > len(SAMPLE) * 2
    assert not missed, "\n".join(map(str, missed))


def test_results_are_those_of_the_last_query_typed(chromium, server):
    """The wait above is for the query typed, not for any results: a query that finds nothing
    right after one that finds much shows nothing."""
    context, page = open_search(chromium, server)
    search = Search(page)
    assert any("/glossary/sistani/" in h for h in search.results_for("Sistani"))
    assert search.results_for("zzqxj") == []
    assert page.locator(".md-search-result__meta").inner_text() == "No matching documents"
    context.close()
