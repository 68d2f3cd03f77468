"""The reading as a reader meets it: cards, folded annotations, a way in and a way through.

HTML checks run on the built site; what depends on layout (lengths, widths, contrast, folding)
runs in real Chromium at 390 x 844, the size of a common phone.
"""

from __future__ import annotations

import re
import statistics
from html.parser import HTMLParser

import pytest

from conftest import html_pages
from sweep import check

READING = ["background", "diplomacy-by-drones", "scenarios"]
PHONE = {"width": 390, "height": 844}
BUDGET = 1266  # px: 1.5 phone screens from one passage heading to the next (issue 16)


# --- visible text: no Markdown or wiki-link syntax, no doubled words --------------------------

class _VisibleText(HTMLParser):
    """The text a reader sees in the page's article: no scripts, styles, code or SVG."""

    SKIP = {"script", "style", "code", "pre", "svg", "template", "noscript"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.in_article = 0
        self.chunks: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self.in_article += 1
        if tag in self.SKIP:
            self.depth += 1
        if tag in ("p", "li", "div", "h1", "h2", "h3", "summary", "td", "th", "dd", "dt", "section", "br"):
            self.chunks.append("\n")

    def handle_endtag(self, tag):
        if tag in self.SKIP and self.depth:
            self.depth -= 1
        if tag == "article":
            self.in_article -= 1

    def handle_data(self, data):
        if self.in_article and not self.depth:
            self.chunks.append(data)


def visible_text(path) -> str:
    parser = _VisibleText()
    parser.feed(path.read_text(encoding="utf-8"))
    return "".join(parser.chunks)


LEAKS = [
    ("a Markdown link", re.compile(r"\]\([^)\s]*\)")),
    ("a wiki link", re.compile(r"\[\[|\]\]")),
    ("Markdown emphasis", re.compile(r"(?<![\w*])\*\*?\w[^*\n]*\*\*?(?![\w*])")),
    ("an attribute list", re.compile(r"\{[:#.][^}]*\}|\{ [#.][^}]*\}")),
    ("an HTML tag", re.compile(r"</?(?:div|span|details|summary|a|p|section)\b[^>]*>")),
    ("an insert marker", re.compile(r"<!--|-->")),
]
# Not a possessive ("Ali al-Sistani" above "Sistani's 2014 call to arms" is two names, not a slip).
DOUBLED = re.compile(r"\b([A-Za-z]{2,})\s+\1\b(?!['’])", re.IGNORECASE)
# Doubled words that English allows.
ALLOWED_DOUBLES = {"had had", "that that"}


def markup_leaks(text: str) -> list[str]:
    found = [f"{what}: {m.group(0)!r}" for what, pattern in LEAKS for m in pattern.finditer(text)]
    found += [f"doubled word: {m.group(0)!r}" for m in DOUBLED.finditer(text)
              if m.group(0).lower() not in ALLOWED_DOUBLES]
    return found


def test_the_leak_finder_finds_what_it_looks_for():
    assert markup_leaks("See [Mustafa al-Kadhimi](kadhimi.md) and [[pmf|the PMF]].") == [
        "a Markdown link: '](kadhimi.md)'", "a wiki link: '[['", "a wiki link: ']]'"]
    assert markup_leaks("the campaign campaign, **bold**, { #id }") == [
        "Markdown emphasis: '**bold**'", "an attribute list: '{ #id }'", "doubled word: 'campaign campaign'"]
    assert markup_leaks("He had had enough; 3 × Accurate [1].") == []


def test_no_page_shows_markup_or_a_doubled_word(built_site):
    found = {}
    for path in html_pages(built_site):
        leaks = markup_leaks(visible_text(path))
        if leaks:
            found[path.relative_to(built_site).as_posix()] = leaks
    assert found == {}


# --- in the browser ---------------------------------------------------------------------------



def _page(chromium, server, path, **options):
    context = chromium.new_context(**{"viewport": PHONE, **options})
    page = context.new_page()
    page.goto(server.url + path, wait_until="load")
    return context, page


@pytest.mark.browser
def test_start_reading_and_the_original_are_on_the_first_phone_screen(chromium, server):
    context, page = _page(chromium, server, "")
    boxes = page.evaluate("""() => [...document.querySelectorAll('.way-in a')].map(a => {
        const r = a.getBoundingClientRect(); return [a.textContent.trim(), a.getAttribute('href'), r.bottom]; })""")
    context.close()
    assert [(text, href) for text, href, _ in boxes] == [
        ("Start reading: Background", "background/"),
        ("The original article on TRT World",
         "https://cms.trtworld.com/opinion/the-us-may-start-to-let-their-drones-do-the-talking-in-iraq-40819")]
    assert all(bottom <= PHONE["height"] for _, _, bottom in boxes), boxes


PASSAGE_GAPS = """() => {
    const tops = [...document.querySelectorAll('.md-content article h3[id]')].map(h => h.getBoundingClientRect().top + scrollY);
    const end = document.querySelector('.md-content article').getBoundingClientRect().bottom + scrollY;
    return tops.map((top, i) => (i + 1 < tops.length ? tops[i + 1] : end) - top); }"""


@check("passage-gaps", after_resize=True)
def passage_gaps(visit):
    """On a reading page at 390 px: the distance from each passage heading to the next (the
    sweep has narrowed the window; folded boxes as they load). Other pages: nothing."""
    if visit.address.strip("/") not in READING:
        return []
    return [visit.page.evaluate(PASSAGE_GAPS)]


@pytest.mark.browser
def test_passages_fit_the_length_budget_on_a_phone(sweep):
    """Median passage (heading to heading) at most 1.5 phone screens, on each reading page."""
    for page_id in READING:
        for scheme in ("light", "dark"):
            (gaps,) = sweep.findings["passage-gaps"][(f"{page_id}/", scheme)]
            median = statistics.median(gaps)
            print(f"{page_id} ({scheme}): {len(gaps)} passages, median gap {median:.0f} px, longest {max(gaps):.0f} px")
            assert len(gaps) >= 3 and median <= BUDGET, (page_id, scheme, median, gaps)


def settled(page) -> None:
    """Wait two frames: passages the jump brought near the screen are drawn (content-visibility)
    before anything is measured, as they are before a reader's finger lands."""
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


@pytest.mark.browser
def test_boxes_start_folded_open_one_at_a_time_and_all_at_once(chromium, server):
    context, page = _page(chromium, server, "background/")
    state = "() => [...document.querySelectorAll('.passage details')].map(d => d.open)"
    assert not any(page.evaluate(state))
    button = page.locator("button.fold-all")
    assert button.inner_text() == "Open all boxes"
    # Opening one box keeps the reader's place: the heading above it does not move.
    summary = page.locator("#pmf-origins-check > summary")
    summary.scroll_into_view_if_needed()
    settled(page)
    before = page.evaluate("document.getElementById('pmf-origins').getBoundingClientRect().top")
    summary.click()
    assert page.evaluate("document.getElementById('pmf-origins-check').open")
    assert page.evaluate("document.getElementById('pmf-origins').getBoundingClientRect().top") == before
    button.click()
    assert all(page.evaluate(state))
    assert button.inner_text() == "Fold all boxes"
    button.click()
    assert not any(page.evaluate(state))
    assert button.inner_text() == "Open all boxes"
    context.close()


@pytest.mark.browser
def test_passages_off_screen_are_drawn_only_when_near(chromium, server):
    """What keeps /background/ as light as the overview (issue 27): passages far below the first
    screen are skipped by the browser (content-visibility) until the reader nears them, and the
    passage a link points into is drawn at once."""
    drawn = "() => [...document.querySelectorAll('.passage > h3')].map(h => h.checkVisibility({contentVisibilityAuto: true}))"
    context, page = _page(chromium, server, "background/")
    at_top = page.evaluate(drawn)
    assert len(at_top) == 11 and at_top[0] and not any(at_top[5:]), at_top
    page.locator(".passage").last.scroll_into_view_if_needed()
    settled(page)
    assert page.evaluate(drawn)[-1]
    # A jump to any passage (the table of contents) lands its heading where it lands the second
    # one's, drawn from the start: the passages above a target are drawn at their real heights.
    # (Not the last: the page ends below it, as it did before any passage was skipped.)
    ids = page.evaluate("[...document.querySelectorAll('.passage > h3')].map(h => h.id)")
    landed = {}
    for heading in [ids[1], *ids[6:-1]]:
        page.goto(f"{server.url}background/", wait_until="load")
        page.evaluate("id => { location.hash = id }", heading)
        settled(page)
        landed[heading] = round(page.evaluate("id => document.getElementById(id).getBoundingClientRect().top", heading))
        assert page.evaluate(drawn)[ids.index(heading)], heading
    assert set(landed.values()) == {landed[ids[1]]}, landed
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("javascript", [True, False])
def test_a_shared_link_to_a_claim_lands_on_its_text(chromium, server, javascript):
    claim = "iraq-already-target-of-us-force"
    context, page = _page(chromium, server, f"background/#{claim}", java_script_enabled=javascript)
    shown = page.evaluate("""id => { const el = document.getElementById(id); const r = el.getBoundingClientRect();
        return [el.checkVisibility(), r.top >= 0 && r.top < innerHeight,
                el.querySelector('.item-says').innerText.split('\\n')[0]]; }""", claim)
    context.close()
    assert shown == [True, True, "CLAIM IN THE ARTICLE"]


@pytest.mark.browser
def test_a_link_to_a_box_opens_it_with_javascript_and_shows_its_summary_without(chromium, server):
    box = "pmf-origins-check"
    context, page = _page(chromium, server, f"background/#{box}")
    assert page.evaluate("id => document.getElementById(id).open", box)
    page.evaluate("() => { location.hash = 'pmf-origins-context'; }")
    page.wait_for_function("() => document.getElementById('pmf-origins-context').open", timeout=3000)
    context.close()
    context, page = _page(chromium, server, f"background/#{box}", java_script_enabled=False)
    summary = page.evaluate("""id => { const s = document.querySelector('#' + id + ' > summary').getBoundingClientRect();
        return s.top >= 0 && s.bottom <= innerHeight; }""", box)
    context.close()
    assert summary


@pytest.mark.browser
def test_print_expands_every_box_and_shows_source_addresses(chromium, server):
    context, page = _page(chromium, server, "background/")
    page.emulate_media(media="print")
    hidden = page.evaluate("""() => [...document.querySelectorAll('.passage details > :not(summary)')]
        .filter(el => !el.checkVisibility()).length""")
    after = page.evaluate("""() => { const a = document.querySelector('.refs a.source-url');
        return [getComputedStyle(a, '::after').content, a.getAttribute('href')]; }""")
    context.close()
    assert hidden == 0
    assert after[0] == f'" (" attr(href) ")"' or after[0] == f'" ({after[1]})"'


def test_every_page_ends_with_previous_and_next_links(built_site):
    missing = []
    for path in html_pages(built_site):
        html = path.read_text(encoding="utf-8")
        address = path.relative_to(built_site).parent.as_posix()
        has = ("md-footer__link--prev" in html, "md-footer__link--next" in html)
        if address == ".":
            ok = has[1]  # the overview starts the reading order: next only
        elif address == "about/corrections" or address == "corrections":
            ok = has[0]  # the last page: previous only
        else:
            ok = all(has)
        if not ok:
            missing.append(address)
    assert missing == []


@check("table-width", after_resize=True)
def tables_fit_a_phone(visit):
    """At 390 px no table is wider than the article's text. The theme lets a wide table scroll
    inside itself (max-width 100 %), so its scrollWidth is what tells."""
    visit.page.set_viewport_size(PHONE)
    visit.page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    return visit.page.evaluate("""() => { const box = document.querySelector('.md-content article').getBoundingClientRect();
        return [...document.querySelectorAll('.md-content article table')]
          .map(t => Math.max(t.scrollWidth, t.getBoundingClientRect().width))
          .filter(width => width > box.width + 1).map(Math.round); }""")


@pytest.mark.browser
def test_no_table_is_wider_than_the_text_on_a_phone(sweep):
    assert sweep.problems("table-width") == {}


def _luminance(rgb):
    def channel(c):
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_contrast_is_computed_as_wcag_defines_it():
    assert round(contrast((0, 0, 0), (255, 255, 255)), 1) == 21.0
    assert round(contrast((118, 118, 118), (255, 255, 255)), 2) == 4.54


BADGE_COLOURS = """() => [...document.querySelectorAll('.verdict-scale .badge')].map(b => {
    const s = getComputedStyle(b); let bg = s.backgroundColor, el = b;
    while (bg === 'rgba(0, 0, 0, 0)' && el.parentElement) { el = el.parentElement; bg = getComputedStyle(el).backgroundColor; }
    return [b.className.split(' ').pop(), s.color, bg, getComputedStyle(b, '::before').content]; })"""


@check("badge-colours", after_resize=True)
def badge_colours(visit):
    """On the method page, which lists every verdict and forecast score once: each badge's text
    colour, the background behind it and its icon, as a phone shows them."""
    return visit.page.evaluate(BADGE_COLOURS) if visit.address == "about/" else []


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_badge_is_readable_and_has_its_own_icon(sweep, scheme):
    badges = sweep.findings["badge-colours"][("about/", scheme)]

    def rgb(value):
        return tuple(int(x) for x in re.findall(r"\d+", value)[:3])

    low = {name: round(contrast(rgb(fg), rgb(bg)), 2) for name, fg, bg, _ in badges if contrast(rgb(fg), rgb(bg)) < 4.5}
    assert low == {}
    assert len(badges) == 11
    icons = {}
    for name, fg, _, icon in badges:
        icons.setdefault(icon, set()).add(name)
    # Each verdict has an icon of its own; a forecast score may share one with its verdict twin.
    twins = {frozenset(names) for names in icons.values() if len(names) > 1}
    assert twins <= {frozenset({"badge--accurate", "badge--borne-out"}), frozenset({"badge--partly-accurate", "badge--partly"}),
                     frozenset({"badge--inaccurate", "badge--not-borne-out"})}, icons
