"""The glossary: an entry for every actor, complete, linked both ways, findable by any spelling."""

from __future__ import annotations

import re

import pytest

from explainer.markup import plain as plain_text
from htmlpage import parse
from names import recorded_names
from sweep import PHONE, check

READING = ["background", "diplomacy-by-drones", "scenarios"]
REQUIRED_ACTORS = {
    "soleimani", "kadhimi", "sistani", "muhandis", "assad", "trump", "biden", "obama", "pmf", "irgc",
    "quds-force", "kataib-hezbollah", "asaib-ahl-al-haq", "fatemiyoun", "zainabiyoun", "axis-of-resistance",
    "united-states", "iran", "iraq", "syria", "israel", "jcpoa", "maximum-pressure", "green-zone",
    "us-embassy-baghdad", "trt-world",
}


def test_the_glossary_covers_the_article(site):
    assert REQUIRED_ACTORS <= set(site.actors), REQUIRED_ACTORS - set(site.actors)
    assert len(site.actors) >= 25


def test_every_entry_page_is_complete(built_site, site):
    for actor_id, actor in site.actors.items():
        page = parse(built_site / "glossary" / actor_id / "index.html")
        ids = set(page.ids)
        assert {"role", "fate", "mentioned-in", "sources"} <= ids, actor_id
        assert actor.name in page.title
        assert "As of" in page.text or "reporting up to" in page.text, actor_id  # fate_as_of, apart from fate_checked
        for name in recorded_names(actor):
            assert name in page.text, (actor_id, name)
        if actor.native:
            assert actor.native.text in page.text


def _links_by_passage(built_site) -> dict[str, set[str]]:
    """From the built reading pages: passage id -> glossary entries its section links to."""
    found: dict[str, set[str]] = {}
    for name in READING:
        html = (built_site / name / "index.html").read_text(encoding="utf-8")
        article = html.split('<article class="md-content__inner md-typeset">', 1)[1].split("</article>", 1)[0]
        parts = re.split(r'<h[23] id="([^"]+)"', article)
        for heading_id, body in zip(parts[1::2], parts[2::2]):
            links = set(re.findall(r'href="\.\./glossary/([a-z0-9-]+)/"', body))
            if re.search(r'class="passage-meta"', body):
                found[heading_id] = links
    return found


def test_mentioned_in_lists_exactly_the_passages_that_link_here(built_site, site):
    links = _links_by_passage(built_site)
    assert len(links) == len(site.passages)
    for actor_id in site.actors:
        expected = {pid for pid, targets in links.items() if actor_id in targets}
        html = (built_site / "glossary" / actor_id / "index.html").read_text(encoding="utf-8")
        section = html.split('id="mentioned-in"', 1)[1].split("<h2", 1)[0]
        listed = set(re.findall(r'href="\.\./\.\./(?:background|diplomacy-by-drones|scenarios)/#([a-z0-9-]+)"', section))
        assert listed == expected, actor_id


# Rule mentioned runs in every build (explainer/content_rules.py); tests/test_content_errors.py sees it fire.


def test_glossary_index_groups_every_entry(built_site, site):
    page = parse(built_site / "glossary" / "index.html")
    assert {"person", "group", "state", "agreement", "place"} <= set(page.ids)
    hrefs = {h for h, _ in page.anchors if h}
    for actor_id in site.actors:
        assert f"{actor_id}/" in hrefs, actor_id


@pytest.mark.browser
def test_a_preview_opens_from_the_keyboard(chromium, server, site):
    """Focus a glossary link from the keyboard: the entry's preview opens with its definition
    (docs/js/previews.js; tests/test_previews.py tests the rest)."""
    context = chromium.new_context()
    page = context.new_page()
    page.goto(server.url)  # the overview links to entries in its running text
    link = page.locator("article a[href^='glossary/'][href$='/']:not([href='glossary/']):visible").first
    entry = link.get_attribute("href").rstrip("/").rsplit("/", 1)[1]
    page.keyboard.press("Shift+Tab")  # a keyboard interaction, so the focus is a keyboard's
    link.focus()
    tooltip = page.locator("#pv")
    tooltip.wait_for(state="visible", timeout=5_000)
    shown = " ".join(tooltip.inner_text().split())
    context.close()
    assert " ".join(plain_text(site.actors[entry].definition, site).split()[:6]) in shown


# The first screen of an entry on a phone: its name, then its definition, whole, above the fold.
FIRST_SCREEN = """() => {
  const h1 = document.querySelector('article h1'), first = h1 && h1.nextElementSibling;
  if (!first) return null;
  const box = first.getBoundingClientRect();
  return {text: first.innerText, bottom: box.bottom + window.scrollY, screen: window.innerHeight};
}"""


@check("definition-first-screen", after_resize=True)
def definition_on_the_first_screen(visit) -> list:
    parts = visit.address.strip("/").split("/")
    if len(parts) != 2 or parts[0] != "glossary":
        return []
    if visit.page.viewport_size != PHONE:
        visit.page.set_viewport_size(PHONE)
    shown = visit.page.evaluate(FIRST_SCREEN)
    if shown is None:
        return ["no paragraph after the title"]
    found = [] if shown["bottom"] <= shown["screen"] else [f"definition ends at {shown['bottom']:.0f} px of a {shown['screen']} px screen"]
    return found + [("first paragraph", shown["text"][:80])] if not shown["text"].strip() else found


def test_an_entry_opens_with_its_definition_on_a_phone(sweep, built_site, site):
    """At 390 px the paragraph under an entry's title is its definition, and it ends on the first screen."""
    assert sweep.problems("definition-first-screen") == {}
    for actor_id, actor in site.actors.items():
        html = (built_site / "glossary" / actor_id / "index.html").read_text(encoding="utf-8")
        first = re.search(r"</h1>\s*<p>(.*?)</p>", html, re.S)
        assert first and " ".join(parse_text(first[1]).split()) == " ".join(plain_text(actor.definition, site).split()), actor_id


def parse_text(fragment: str) -> str:
    import html as html_module

    return html_module.unescape(re.sub(r"<[^>]+>", "", fragment))


def test_heading_links_carry_no_preview_of_their_own_page(built_site, site):
    """The ¶ of each heading links to the page it is on: no preview (it would show the section the
    reader is reading); links to other entries keep theirs. docs/js/previews.js previews exactly
    the links whose href is a key of the page's previews data block."""
    import json

    def previewed(html: str) -> dict:
        block = re.search(r'<script type="application/json" id="previews">(.*?)</script>', html, re.S)
        return json.loads(block.group(1)) if block else {}

    for actor_id in site.actors:
        html = (built_site / "glossary" / actor_id / "index.html").read_text(encoding="utf-8")
        assert not [href for href in previewed(html) if href.startswith("#") or href in ("./", "")], actor_id
        assert "data-preview" not in html, actor_id  # Material's own previews are off
    html = (built_site / "glossary" / "muhandis" / "index.html").read_text(encoding="utf-8")
    assert previewed(html)["../soleimani/"]["t"] == "Qasem Soleimani"


def test_an_entry_reads_in_the_order_a_reader_asks(built_site, site):
    """What it is, its role, what became of it, then dates and relations, mentions, names, sources;
    a timeline event and a key date of the same day are one line."""
    order = ["role", "fate", "key-dates", "relations", "mentioned-in", "spellings", "sources"]
    for actor_id in site.actors:
        ids = [i for i in parse(built_site / "glossary" / actor_id / "index.html").ids if i in order]
        assert ids == [i for i in order if i in ids], (actor_id, ids)
    html = (built_site / "glossary" / "muhandis" / "index.html").read_text(encoding="utf-8")
    dates = html.split('id="key-dates"', 1)[1].split("<h2", 1)[0]
    assert dates.count("3 January 2020") == 1 and 'href="../../timeline/#soleimani-muhandis-killed"' in dates
