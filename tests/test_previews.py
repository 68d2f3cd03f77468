"""Previews in place (docs/js/previews.js, texts from explainer/previews.py), as a reader meets
them in real Chromium: a glossary link, a short citation and a date on /background/, tapped at
390 px on a touch screen and hovered or focused at 1280 px. One page per device for every
assertion; without JavaScript the same links navigate (test_reader.py, in its no-script visit)."""

from __future__ import annotations

import pytest

from browser import open_page
from sweep import AXE_CURRENT
from explainer.citations import source_label
from explainer.markup import plain
from explainer.text import first_sentence

pytestmark = pytest.mark.browser

ACTOR, EVENT = "muhandis", "soleimani-muhandis-killed"
LINKS = {  # the first of each kind in the page; the boxes they sit in are opened first
    "glossary": f"article a[href='../glossary/{ACTOR}/']",
    "citation": "article a.cite",
    "date": f"article a[href='../timeline/#{EVENT}']",
}
OPEN_BOXES = "a => { for (let d = a.closest('details'); d; d = d.parentElement.closest('details')) d.open = true; }"
PREVIEW = "#pv"


def expected(site, page, kind: str) -> list[str]:
    """Words the preview must show, from the data (not from the page)."""
    if kind == "glossary":
        actor = site.actors[ACTOR]
        return [actor.name, plain(actor.definition, site)[:60], "In this story: " + plain(actor.role, site)[:40], "Open entry"]
    if kind == "date":
        return ["3 January 2020", first_sentence(plain(site.events[EVENT].text, site))[:60], "Open on the timeline"]
    source_id = page.locator(LINKS["citation"]).first.get_attribute("href").split("-src-", 1)[1]
    source = site.sources[source_id]
    return [source_label(source), "Entry on the sources page", source.url, "Open in the reference list"]


def shown(page) -> str:
    return " ".join(page.locator(PREVIEW).inner_text().split()).replace("“ ", "“").replace(" ”", "”")


def focused_is(page, selector: str) -> bool:
    return page.evaluate("s => document.activeElement === document.querySelector(s)", selector)


def test_a_tap_opens_each_preview_in_place_and_a_second_tap_follows(chromium, server, site):
    context, page, watch = open_page(chromium, server, "background/", viewport={"width": 390, "height": 844},
                                     has_touch=True, is_mobile=True)
    address = page.url
    for kind, selector in LINKS.items():
        link = page.locator(selector).first
        link.evaluate(OPEN_BOXES)
        link.scroll_into_view_if_needed()
        link.tap()
        assert page.url == address, kind  # no navigation
        assert page.locator(PREVIEW).is_visible(), kind
        text = shown(page)
        for words in expected(site, page, kind):
            assert " ".join(words.split()) in text, (kind, words)
        assert link.get_attribute("aria-expanded") == "true"
        # A bottom sheet on a phone, inside the screen.
        box = page.locator(PREVIEW).bounding_box()
        assert box["x"] == 0 and box["width"] == 390 and abs(box["y"] + box["height"] - 844) < 2, box
        a = link.bounding_box()
        assert 0 <= a["y"] and a["y"] + a["height"] <= box["y"], (kind, a, box)  # the link stays in sight, above it
        if kind == "glossary" and AXE_CURRENT.exists():  # the open preview, as axe sees it
            page.evaluate(AXE_CURRENT.read_text(encoding="utf-8"))
            assert page.evaluate("axe.run('#pv', {resultTypes: ['violations']}).then(r => r.violations.map(v => v.id))") == []
        if kind == "glossary":  # a tap outside closes, and focus goes back to the link
            page.touchscreen.tap(200, 24)  # the header's title: outside, and no link
        else:  # Escape closes, and focus goes back to the link
            page.keyboard.press("Escape")
        assert not page.locator(PREVIEW).is_visible(), kind
        assert focused_is(page, selector), kind
        assert link.get_attribute("aria-expanded") is None
    # A first tap opens, a second follows the link.
    link = page.locator(LINKS["glossary"]).first
    link.tap()
    link.tap()
    page.wait_for_url(f"{server.url}glossary/{ACTOR}/")
    assert not watch.errors and not watch.foreign
    context.close()


def test_hover_and_keyboard_focus_open_each_preview_on_a_desktop(chromium, server, site):
    context, page, watch = open_page(chromium, server, "background/", viewport={"width": 1280, "height": 800})
    for kind, selector in LINKS.items():
        link = page.locator(selector).first
        link.evaluate(OPEN_BOXES)
        link.scroll_into_view_if_needed()
        link.hover()
        page.locator(PREVIEW).wait_for(state="visible", timeout=2000)
        text = shown(page)
        for words in expected(site, page, kind):
            assert " ".join(words.split()) in text, (kind, words)
        # Beside its link, not over it.
        a, box = link.bounding_box(), page.locator(PREVIEW).bounding_box()
        assert box["y"] >= a["y"] + a["height"] or box["y"] + box["height"] <= a["y"], (kind, a, box)
        page.mouse.move(640, 5)  # away: it closes
        page.locator(PREVIEW).wait_for(state="hidden", timeout=2000)
    # Keyboard: focus opens it, Escape closes it and leaves focus on the link, Enter follows.
    page.keyboard.press("Shift+Tab")  # a keyboard interaction first, as a reader's would be
    link = page.locator(LINKS["glossary"]).first
    link.focus()
    page.locator(PREVIEW).wait_for(state="visible", timeout=2000)
    assert site.actors[ACTOR].name in shown(page)
    page.keyboard.press("Escape")
    assert not page.locator(PREVIEW).is_visible()
    assert focused_is(page, LINKS["glossary"])
    page.keyboard.press("Enter")
    page.wait_for_url(f"{server.url}glossary/{ACTOR}/")
    assert not watch.errors and not watch.foreign
    context.close()


CLAIM = "iraq-already-target-of-us-force"  # a claim in the passage "blunt-instruments"


def test_a_linked_claim_names_its_passage_and_open_boxes_survive_back(chromium, server, site):
    context, page, watch = open_page(chromium, server, f"background/#{CLAIM}", viewport={"width": 390, "height": 844},
                                     has_touch=True, is_mobile=True)
    passage = site.claims[CLAIM].passage
    # Context on arrival: the passage's title, linked, on the first screen.
    where = page.evaluate("""() => { const a = document.querySelector('.arrival a'), r = a.getBoundingClientRect();
        return [a.textContent, a.getAttribute('href'), r.top >= 0 && r.bottom <= innerHeight, a.closest('[id]').id]; }""")
    assert where == [site.passages[passage].title, f"#{passage}", True, CLAIM]
    # Boxes opened stay open after Back; a long open box has a Fold button at its end.
    page.goto(server.url + "background/")
    opened = ["blunt-instruments-context", "pmf-origins-check"]
    for box in opened:
        page.locator(f"#{box} > summary").tap()
    fold = page.locator("#pmf-origins-check > .fold")
    fold.wait_for()  # added in the frame after the toggle
    assert fold.count() == 1 and page.evaluate("document.querySelector('#pmf-origins-check').lastElementChild.className") == "fold"
    page.goto(server.url + "timeline/")
    page.go_back()
    page.wait_for_url(server.url + "background/")
    shown = page.evaluate("[...document.querySelectorAll('article details[open]')].map(d => d.id)")
    assert shown == opened
    fold = page.locator("#pmf-origins-check > .fold")
    fold.wait_for()  # a restored box gets its button on its toggle event, as an opened one does
    fold.scroll_into_view_if_needed()
    fold.tap()
    assert not page.evaluate("document.getElementById('pmf-origins-check').open")
    assert page.evaluate("document.activeElement === document.querySelector('#pmf-origins-check > summary')")
    assert not watch.errors
    context.close()
