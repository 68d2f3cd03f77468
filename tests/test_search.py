"""Search in real Chromium: every recorded spelling of an actor finds its glossary entry; a
question finds its answer first, and every result it shows reads cleanly."""

from __future__ import annotations

import re

import pytest

from explainer.markup import plain as plain_text

from browser import SEARCH_PROBE as PROBE
from names import recorded_names
from sweep import ROOT, check

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


# What each result shown reads, group by group: [{href, title, text}] for the page and each section
# on show (those folded under "N more on this page" are left out), text block by block.
READ_SHOWN = """() => [...document.querySelectorAll('.md-search-result__item')].map(li =>
  [...li.querySelectorAll(':scope > a.md-search-result__link')].map(a => {
    const article = a.querySelector('article'), heading = article.querySelector('h1, h2');
    const blocks = [...article.children].filter(e => !e.matches('h1, h2, .md-search-result__icon, .md-search-result__terms'));
    return {href: a.getAttribute('href').replace(/\\?h=[^#]*/, ''), title: heading.innerText,
            matched: (new URL(a.href).searchParams.get('h') || '').split(' ').filter(Boolean),
            text: blocks.map(e => e.innerText).join('\\n').trim()};
  }))"""


# ASK_EACH, reading what READ_SHOWN reads instead of the links.
SHOW_EACH = ASK_EACH.replace(
    "shown.push([...document.querySelectorAll('.md-search-result__item > a')].map(a => a.href));",
    f"shown.push(({READ_SHOWN})());")
assert SHOW_EACH != ASK_EACH


class Search:
    def __init__(self, page):
        self.page = page

    def results_for_each(self, queries: list[str]) -> list[list[str]]:
        """Type each query; once the worker has answered it, the result links shown."""
        return self.page.evaluate(ASK_EACH, queries)

    def results_for(self, query: str) -> list[str]:
        return self.results_for_each([query])[0]

    def shown_for_each(self, queries: list[str]) -> list[list[list[dict]]]:
        """Type each query; what its results show (READ_SHOWN). One round trip, as above."""
        return self.page.evaluate(SHOW_EACH, queries)


def top_result(groups: list[list[dict]]) -> str:
    """The address of the first result: the page, or, when the page is only the heading of its
    group (no excerpt of its own), its first section (a map place, say)."""
    first = groups[0]
    return first[1]["href"] if len(first) > 1 and not first[0]["text"] else first[0]["href"]


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


# A reader's questions and where the first result must lead: names, other spellings, places (by
# name and by other spellings), topic words. The map's places have no glossary entry; their line
# in the map's key is the answer. "al", "the", "of" in a query decide nothing.
QUESTIONS = {
    "Kazimi": "glossary/kadhimi/",
    "Kadhimi": "glossary/kadhimi/",
    "Mohandes": "glossary/muhandis/",
    "Muhandis": "glossary/muhandis/",
    "Abu Mahdi the Engineer": "glossary/muhandis/",
    "PMU": "glossary/pmf/",
    "IRGC": "glossary/irgc/",
    "KH": "glossary/kataib-hezbollah/",  # not Khamenei, whose spellings hold three kh- words
    "AAH": "glossary/asaib-ahl-al-haq/",
    "Hashd": "glossary/pmf/",
    "Hashd al-Shaabi": "glossary/pmf/",
    "Suleimani": "glossary/soleimani/",
    "Sistani": "glossary/sistani/",
    "Asaib": "glossary/asaib-ahl-al-haq/",
    "Bashar al-Assad": "glossary/assad/",
    "Pompeo": "glossary/pompeo/",
    "Trump": "glossary/trump/",
    "Iran nuclear deal": "glossary/jcpoa/",
    "Al-Asad Air Base": "map/#al-asad-air-base",
    "Ain al-Asad": "map/#al-asad-air-base",
    "Al Asad": "map/#al-asad-air-base",
    "Camp Taji": "map/#camp-taji",
    "Taji": "map/#camp-taji",
    "Tower 22": "map/#tower-22",
    "K-1 Air Base": "map/#k1-air-base",
    "Jurf al-Sakhar": "map/#jurf-al-sakhar",
    "Al-Qaim": "map/#al-qaim",
    "Abu Kamal": "map/#abu-kamal",
    "Erbil": "map/#erbil-airport",
    "Tehran": "map/#tehran",
    "Baghdad": "glossary/baghdad/",
    "Hezbollah": "glossary/hezbollah/",
    "Green Zone": "glossary/green-zone/",
    "International Zone": "glossary/green-zone/",
    "Baghdad airport": "glossary/baghdad-airport/",
    "BIAP": "glossary/baghdad-airport/",
    "US embassy": "glossary/us-embassy-baghdad/",
    "embassy": "glossary/us-embassy-baghdad/",
    "drone": "",  # the overview, "Diplomacy by drone, explained"
    "maximum pressure": "glossary/maximum-pressure/",
}
NAMES = [q for q, where in QUESTIONS.items() if where.startswith(("glossary/", "map/"))]


@pytest.fixture(scope="module")
def answers(chromium, server):
    """What the results show for each question, typed one after the other in one page."""
    context, page = open_search(chromium, server)
    shown = Search(page).shown_for_each(list(QUESTIONS))
    context.close()
    return dict(zip(QUESTIONS, shown))


def _path(href: str, server) -> str:
    return href.removeprefix(server.url)


def test_each_question_finds_its_answer_first(answers, server):
    wrong = {q: [_path(a["href"], server) for group in answers[q][:3] for a in group[:1]] + ["->", _path(top_result(answers[q]), server)]
             for q, where in QUESTIONS.items() if not answers[q] or _path(top_result(answers[q]), server) != where}
    assert len(QUESTIONS) >= 20
    assert not wrong, wrong


def test_the_sources_page_is_not_among_the_first_three_for_a_name(answers, server):
    """The list of sources comes after the pages that explain: not in the first three results
    for a name, and last when fewer pages than that match ("Suleimani": the entry, a passage)."""
    high = {}
    for query in NAMES:
        pages = [_path(group[0]["href"], server) for group in answers[query]]
        if "sources/" in pages[:3] and pages.index("sources/") != len(pages) - 1:
            high[query] = pages[:4]
    assert not high, high


def test_a_glossary_result_says_what_the_thing_is(answers, server, site):
    """An entry's result shows its one-sentence definition, and none of its spellings."""
    for query in ("Muhandis", "Mohandes", "Kazimi", "PMU", "Green Zone"):
        first = answers[query][0][0]
        actor = site.actors[_path(first["href"], server).split("/")[1]]
        assert first["text"] == " ".join(plain_text(actor.definition, site).split()), query
        assert "Also written" not in first["text"] and first["title"].split(" (")[0] == actor.name.split(" (")[0]


# A label or phrase said twice in a row ("The article says The article says", "Sources: Sources:").
# Across a line break too: a label set on its own line and the same words opening the text.
DOUBLED = re.compile(r"(?<![\w'’])((?:[\w'’]+\s+){0,4}[\w'’]*[A-Za-z][\w'’]*):?\s+\1(?![\w'’])", re.I)


# A label glued to the text before it ("Quds ForceIn the reading:", "dealSources:").
RUN_TOGETHER = re.compile(r"[a-z)”.][A-Z][a-z]+(?: [a-z]+){0,3}:")


def raw_ids(site) -> re.Pattern:
    """Any id of the data with a hyphen in it (sources, passages, events, places, entries), as a
    reader should never see one; an entry id that one of its recorded names contains (the alias
    "maximum-pressure policy") is words, not an id."""
    names = " ".join(n.lower() for a in site.actors.values() for n in [a.name, a.article_name or "", *a.aliases])
    ids = {i for records in (site.sources, site.passages, site.events, site.places, site.actors) for i in records
           if "-" in i and i not in names}
    return re.compile(r"(?<![\w/#.-])(" + "|".join(sorted(map(re.escape, ids), key=len, reverse=True)) + r")(?![\w-])")


def unclean(text: str, ids: re.Pattern, across_lines: bool = True) -> list[str]:
    """What is wrong with a text a reader sees: doubled labels, labels run together, raw ids. A result's excerpt is
    pieces of the page, one a line (two pieces may end and begin with the same word): each line
    is read alone there."""
    parts = [text] if across_lines else text.split("\n")
    found = [f"doubled: {m[0]!r}" for part in parts for m in DOUBLED.finditer(part)]
    found += [f"run together: {m[0]!r}" for m in RUN_TOGETHER.finditer(text)]
    return found + [f"raw id: {m[1]!r}" for m in ids.finditer(text)]


def test_every_result_shown_reads_cleanly(answers, site, server):
    """No empty excerpt (a section, or a page shown alone, always has text), no doubled label, no raw id."""
    ids = raw_ids(site)
    problems = []
    for query, groups in answers.items():
        for group in groups:
            for i, shown in enumerate(group):
                if not shown["text"] and (i > 0 or len(group) == 1):
                    problems.append((query, shown["href"], "empty excerpt"))
                for problem in unclean(f'{shown["title"]}\n{shown["text"]}', ids, across_lines=False):
                    problems.append((query, shown["href"], problem))
    assert not problems, problems


_IDS = []


def _ids() -> re.Pattern:
    """The raw-id pattern of this checkout's data, made once for the whole sweep."""
    from explainer.data import load_site

    if not _IDS:
        _IDS.append(raw_ids(load_site(ROOT / "data", ROOT)))
    return _IDS[0]


# The article's visible text without its drawings (an svg's labels are no prose: a diagram's box
# "United States" above the line "United States fights Iran" doubles nothing). They show again
# at once, before any other check.
VISIBLE_TEXT = """() => {
  const article = document.querySelector('article.md-content__inner') || document.body;
  const drawings = [...article.querySelectorAll('svg')], was = drawings.map(d => d.style.display);
  drawings.forEach(d => { d.style.display = 'none'; });  // CSSOM, which the CSP allows
  const text = article.innerText;
  drawings.forEach((d, i) => { d.style.display = was[i]; });
  return text;
}"""


@check("clean-text")
def clean_text(visit) -> list:
    """The page's visible text (the article, as innerText: folded parts and drawings left out)
    holds no doubled label and no raw id."""
    text = visit.page.evaluate(VISIBLE_TEXT)
    return unclean(text, _ids())


def test_no_page_shows_a_doubled_label_or_a_raw_id(sweep):
    assert sweep.problems("clean-text") == {}


PARTICLES = {"al", "ul", "el", "the", "of", "and", "a", "an"}


def test_an_article_word_decides_no_ranking(answers):
    """For a query with "al" (or "the", "of") in it, each of the first five results matched another
    of its words (the words Material reports matched, its ?h= highlight): none is there for sharing
    "al" ("Ain al-Asad" once led to Bashar al-Assad's entry on "al" alone)."""
    loose = {}
    for query, groups in answers.items():
        words = [w.lower() for w in re.split(r"[\s\-]+", query)]
        others = [w for w in words if w not in PARTICLES]
        if len(others) == len(words):
            continue
        for group in groups[:5]:
            matched = {term for a in group for term in a["matched"]}
            if not any(term.startswith(w) or w.startswith(term) for term in matched for w in others):
                loose.setdefault(query, []).append((group[0]["title"], sorted(matched)))
    assert not loose, loose


def test_the_offline_copy_searches_as_the_site_does():
    """mkdocs-offline.yml lists its plugins anew (a list is not merged with the inherited one):
    its search settings must be the site's, or the offline copy would lose the spellings field
    and the word separator."""
    from mkdocs.utils.yaml import get_yaml_loader, yaml_load

    def search_settings(name):
        with open(ROOT / name, "rb") as f:
            plugins = yaml_load(f, get_yaml_loader())["plugins"]
        return next(p["search"] for p in plugins if isinstance(p, dict) and "search" in p)

    assert search_settings("mkdocs-offline.yml") == search_settings("mkdocs.yml")
