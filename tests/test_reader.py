"""Readable everywhere, in real Chromium: lazy search, no JavaScript, keyboard, small screens,
print and reduced motion (the offline copy: test_offline.py)."""

from __future__ import annotations

import pytest

from browser import SEARCH_ANSWERED, SEARCH_PROBE, addresses, open_page

pytestmark = pytest.mark.browser


def is_search_asset(url: str) -> bool:
    return "search_index.json" in url or "/workers/search." in url


def test_search_loads_only_when_the_reader_reaches_for_it(chromium, server):
    context, page, watch = open_page(chromium, server, "background/")
    page.wait_for_load_state("networkidle")
    assert not [u for u in watch.requests if is_search_asset(u)]
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("Muhandis")
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    assert len([u for u in watch.requests if is_search_asset(u)]) == 2
    context.close()


def test_a_shared_search_link_opens_with_results(chromium, server):
    context, page, watch = open_page(chromium, server, "?q=Sistani")
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    assert "Sistani" in page.locator(".md-search-result").inner_text()
    assert not watch.errors
    context.close()


def test_every_page_reads_without_javascript(chromium, server, built_site):
    """One context with JavaScript off, every page in turn: the text shows, and each folded box
    shows its summary (boxes start folded; a link to a claim opens its box: test_reading_cards)."""
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    unreadable = []
    for address in addresses(built_site):
        page.goto(server.url + address, wait_until="load")
        shown = page.evaluate("""() => { const article = document.querySelector('article.md-content__inner');
            const summaries = [...document.querySelectorAll('article details > summary')]  // not inside a folded box
                .filter(s => !s.parentElement.parentElement.closest('details:not([open])'));
            return [!!article && article.checkVisibility() && article.innerText.length > 80,
                    summaries.every(s => s.checkVisibility())]; }""")
        if shown != [True, True]:
            unreadable.append((address, shown))
    page.goto(server.url)  # the overview links to entries in its running text
    link = page.locator("article a[href^='glossary/'][href$='/']:not([href='glossary/']):visible").first
    entry = link.get_attribute("href").rstrip("/").rsplit("/", 1)[1]
    link.click()
    assert page.url == f"{server.url}glossary/{entry}/"
    # What previews open in place with JavaScript goes where it always went without: a short
    # citation to its passage's reference list, a date to its timeline entry.
    page.goto(server.url + "background/")
    cite = page.locator("#warning-by-drone-context a.cite").first
    page.locator("#warning-by-drone-context > summary").click()
    target = cite.get_attribute("href")
    cite.click()
    assert page.url == f"{server.url}background/{target}"
    page.locator("#warning-by-drone-context a[href^='../timeline/#']").first.click()
    assert page.url.startswith(f"{server.url}timeline/#")
    context.close()
    assert unreadable == []


# Records every element that receives focus, as it receives it (one round trip at the end
# instead of one per key press).
RECORD_FOCUS = """() => { window.__focus = []; document.addEventListener('focusin', e => {
    const el = e.target, style = getComputedStyle(el);
    window.__focus.push({tag: el.tagName, cls: String(el.className || ''), text: (el.textContent || '').trim().slice(0, 30),
        inArticle: !!el.closest('article'),
        outline: style.outlineStyle !== 'none' || style.boxShadow !== 'none' || !!el.closest('.md-tooltip2')}); }); }"""


def _focus_kinds(focused: list) -> set:
    kinds = set()
    for info in focused[1:]:
        if info["tag"] == "SUMMARY":
            kinds.add("summary")
        if "passage-copy" in info["cls"]:
            kinds.add("copy-link")
            assert info["outline"], "a focused link shows no focus ring"
        if info["tag"] == "A" and "Link to this section" not in info["text"] and info["inArticle"]:
            kinds.add("content-link")
    return kinds


def test_keyboard_skip_link_focus_ring_and_no_trap(chromium, server):
    """Tab from the top of a reading page: the skip link comes first; within 400 presses focus
    reaches a box's summary, a copy-link (with a ring) and a link in the text, and keeps moving."""
    context, page, _ = open_page(chromium, server, "background/")
    page.evaluate(RECORD_FOCUS)
    presses, focused, kinds = 0, [], set()
    while presses < 401:  # in steps, stopping once everything was seen
        for _ in range(40):
            page.keyboard.press("Tab")
        presses += 40
        focused = page.evaluate("window.__focus")
        kinds = _focus_kinds(focused)
        if kinds == {"summary", "copy-link", "content-link"} and len({(i["tag"], i["text"]) for i in focused}) > 50:
            break
    context.close()
    assert "md-skip" in focused[0]["cls"].split()
    assert {"summary", "copy-link", "content-link"} <= kinds, kinds
    assert len({(i["tag"], i["text"]) for i in focused}) > 50, "focus stopped moving: a keyboard trap?"


def test_at_desktop_width_every_tab_stop_before_the_page_is_seen(chromium, server):
    """At 1280 px the first Tab stops (skip link, logo, colour toggle, search, navigation) each
    have a size on screen; the closed search's empty result list (688 x 0 px) is not one of them,
    and the results of an open search are reached with the arrow keys."""
    context, page, _ = open_page(chromium, server, "background/", viewport={"width": 1280, "height": 800})
    context.add_init_script(SEARCH_PROBE)
    page.reload(wait_until="load")
    where = """() => { const e = document.activeElement, r = e.getBoundingClientRect();
        return [e.className || e.tagName, !!e.closest('.md-search__output'), Math.round(r.width), Math.round(r.height)]; }"""
    stops = []
    for _ in range(8):
        page.keyboard.press("Tab")
        stops.append(page.evaluate(where))
    assert not [s for s in stops if s[1]], stops
    page.locator("input.md-search__input").click()
    page.keyboard.type("Sistani")
    # Wait for the answer to the whole word: an answer to "Sis" drawn later would take the focus.
    page.wait_for_function(SEARCH_ANSWERED, arg="Sistani")
    page.keyboard.press("ArrowDown")  # the theme's way through results (Tab closes the search)
    assert page.evaluate(where)[:2] == ["md-search-result__link focus-visible", True], page.evaluate(where)
    context.close()


def test_at_phone_width_tab_never_lands_off_screen_in_the_closed_drawer(chromium, server):
    """At 390 px the navigation is a drawer, off screen while closed: Tab skips its links (CSS
    hides the closed drawer once its slide-out is over) and reaches them once it is open."""
    context, page, _ = open_page(chromium, server, "background/", viewport={"width": 390, "height": 844})
    # Read once what Tab set moving has come to rest: focusing the search box opens the search,
    # which slides in (once read mid-slide at x = -72 in a fresh clone).
    where = """async () => { await Promise.all(document.getAnimations().map(a => a.finished));
        const e = document.activeElement, r = e.getBoundingClientRect();
        return [e.tagName + ' ' + (e.textContent || '').trim().slice(0, 25), Math.round(r.left), !!e.closest('.md-sidebar--primary')]; }"""
    stops = []
    for _ in range(12):  # the drawer's links came 5th to 31st
        page.keyboard.press("Tab")
        stops.append(page.evaluate(where))
    assert not [s for s in stops if s[1] < 0 or s[2]], stops
    assert any(name.startswith("A ") and not drawer for name, _, drawer in stops[4:])  # into the page's own links
    page.locator("label.md-header__button[for='__drawer']").click()
    drawer_link = page.locator(".md-sidebar--primary a.md-nav__link").first
    drawer_link.wait_for(state="visible")
    drawer_link.focus()
    assert page.evaluate(where)[2]  # focusable again, and on screen once it has slid in:
    page.wait_for_function("() => document.activeElement.getBoundingClientRect().left >= 0", timeout=3000)
    context.close()


def test_print_expands_annotations_prints_urls_and_hides_navigation(chromium, server):
    context, page, _ = open_page(chromium, server, "background/")
    page.evaluate("document.querySelector('#pmf-origins-check').open = false")
    page.emulate_media(media="print")
    assert page.locator("#pmf-origins-check .claim").first.is_visible()
    assert not page.locator(".md-sidebar--primary").is_visible()
    assert not page.locator(".md-search").is_visible()
    # No screen-only help, no links to what paper cannot open, no separator left dangling.
    printed = page.evaluate("""() => { const text = document.querySelector('article').innerText;
        return [text.includes('Open a box'), text.includes('Entry on the sources page'), text.includes('Link to this passage'),
                [...document.querySelectorAll('.passage-meta')].some(p => /·\\s*$/.test(p.innerText))]; }""")
    assert printed == [False, False, False, False]
    context.close()
    context, page, _ = open_page(chromium, server, "sources/")
    page.emulate_media(media="print")
    after = page.evaluate("getComputedStyle(document.querySelector('details.source a[href^=http]'), '::after').content")
    assert "https://" in after
    context.close()


@pytest.mark.parametrize("preference,moving", [("no-preference", True), ("reduce", False)])
def test_reduced_motion_is_respected(chromium, server, preference, moving):
    context, page, _ = open_page(chromium, server, "", reduced_motion=preference)
    durations = page.evaluate("""() => ['.md-header', '.md-search__inner', '.md-sidebar']
        .map(s => getComputedStyle(document.querySelector(s)).transitionDuration)""")
    assert any(d.strip("0s, .") for d in durations) == moving, durations
    assert page.evaluate("getComputedStyle(document.documentElement).scrollBehavior") == "auto"
    context.close()
