"""Search in real Chromium: every recorded spelling of an actor finds its glossary entry."""

from __future__ import annotations

import pytest

from browser import SEARCH_ANSWERED as ANSWERED
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


class Search:
    def __init__(self, page):
        self.page, self.last, self.shown = page, None, []

    def results_for(self, query: str) -> list[str]:
        """Type a query; once the worker has answered THIS query, return the result links."""
        if query == self.last:  # Material sends nothing for an unchanged query
            return self.shown
        box = self.page.locator("input.md-search__input")
        box.fill(query)
        box.dispatch_event("keyup")  # Material reads the box on keyup
        self.page.wait_for_function(ANSWERED, arg=query, timeout=10_000)
        self.last = query
        self.shown = self.page.eval_on_selector_all(".md-search-result__item > a", "els => els.map(e => e.href)")
        return self.shown


def test_every_spelling_finds_the_entry(chromium, server, site):
    context, page = open_search(chromium, server)
    search = Search(page)
    missed, asked = [], 0
    for actor_id in SAMPLE:
        target = f"{server.url}glossary/{actor_id}/"
        for name in names(site.actors[actor_id]):
            hrefs = [h.split("#")[0].split("?")[0] for h in search.results_for(name)]
            asked += 1
            if target not in hrefs[:TOP]:
                missed.append((actor_id, name, hrefs[:TOP]))
    context.close()
    assert asked > len(SAMPLE) * 2
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
