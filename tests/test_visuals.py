"""The drawings and the timeline as a reader sees them, measured in real Chromium at a phone's
and a laptop's width: labels apart, markers apart, text large enough, nothing wider than the
screen, readable with JavaScript off."""

from __future__ import annotations

import math

import pytest

pytestmark = pytest.mark.browser
playwright_api = pytest.importorskip("playwright.sync_api")

from browser import Watch  # noqa: E402
from sweep import check  # noqa: E402

PHONE, LAPTOP = 390, 1280
PAGES = ["connections/", "map/", "timeline/"]


@pytest.fixture(scope="module")
def browser(chromium):
    # The run's one browser (conftest): a second sync_playwright() in this thread is refused.
    return chromium


def open_page(browser, server, address: str, width: int, scheme: str = "light", js: bool = True):
    context = browser.new_context(viewport={"width": width, "height": 844 if width < 600 else 900},
                                  color_scheme=scheme, java_script_enabled=js)
    watch = Watch(server.url)
    watch.attach(context)
    page = watch.page(context)
    page.goto(server.url + address, wait_until="load")
    return context, page, watch


MAP_BOXES = """() => {
  const svg = [...document.querySelectorAll('svg.viz-map')].find(s => s.getBoundingClientRect().width > 0);
  const box = el => { const r = el.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
  const centre = c => { const [x0, y0, x1, y1] = box(c); return [(x0 + x1) / 2, (y0 + y1) / 2]; };
  const labels = [...svg.querySelectorAll('text')].map(t => {
    const place = t.closest('g.map-place');  // a place's name: its own dot is in the same group
    return {text: t.textContent.trim(), box: box(t), own: place ? centre(place.querySelector('circle.map-dot')) : null};
  });
  const dots = [...svg.querySelectorAll('circle.map-dot')].map(centre);
  return {layout: svg.getAttribute('class'), width: svg.getBoundingClientRect().width, labels, dots};
}"""


def overlap(a, b) -> float:
    w, h = min(a[2], b[2]) - max(a[0], b[0]), min(a[3], b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


@check("map-boxes-wide")
def map_boxes_wide(visit):
    """The map at 1280 px (where the sweep loads each page): its layout, label and marker boxes."""
    return [visit.page.evaluate(MAP_BOXES)] if visit.address == "map/" else []


@check("map-boxes-phone", after_resize=True)
def map_boxes_phone(visit):
    """The same at 390 px, after the sweep has narrowed the window."""
    return [visit.page.evaluate(MAP_BOXES)] if visit.address == "map/" else []


@pytest.mark.parametrize("width", [PHONE, LAPTOP])
def test_map_labels_do_not_overlap_and_markers_stand_apart(sweep, width):
    for scheme in ("light", "dark"):
        (found,) = sweep.findings["map-boxes-phone" if width == PHONE else "map-boxes-wide"][("map/", scheme)]
        assert ("viz-map--narrow" if width == PHONE else "viz-map--wide") in found["layout"]
        assert found["width"] <= width - 20
        labels = found["labels"]
        assert len(labels) >= 20
        clashes = [(a["text"], b["text"]) for i, a in enumerate(labels) for b in labels[i + 1:] if overlap(a["box"], b["box"]) > 1]
        assert not clashes, (scheme, clashes)
        dots = found["dots"]
        close = [(a, b) for i, a in enumerate(dots) for b in dots[i + 1:] if math.dist(a, b) < 12]
        assert not close, (scheme, close)
        # Every place's name is nearer its own dot than any other dot (issue 29: "11 Damascus" sat
        # under Tower 22's dot): measured from each dot's centre to the name's box, as drawn.
        named = [label for label in labels if label["own"]]
        assert len(named) >= 14
        misleading = []
        for label in named:
            own = box_distance(label["own"], label["box"])
            nearer = [dot for dot in dots if math.dist(dot, label["own"]) > 1 and box_distance(dot, label["box"]) <= own]
            if nearer:
                misleading.append((label["text"], round(own, 1), [round(box_distance(d, label["box"]), 1) for d in nearer]))
        assert not misleading, (scheme, misleading)


def box_distance(point, box) -> float:
    dx = max(box[0] - point[0], 0, point[0] - box[2])
    dy = max(box[1] - point[1], 0, point[1] - box[3])
    return math.hypot(dx, dy)


SMALLEST_TEXT = """() => {
  let smallest = 1e9, where = '';
  for (const svg of document.querySelectorAll('svg.viz-svg, svg.viz-key')) {
    const r = svg.getBoundingClientRect();
    if (!r.width) continue;  // the other layout
    const scale = svg.viewBox.baseVal && svg.viewBox.baseVal.width ? r.width / svg.viewBox.baseVal.width : 1;
    for (const t of svg.querySelectorAll('text, tspan')) {
      const px = parseFloat(getComputedStyle(t).fontSize) * scale;
      if (px < smallest) { smallest = px; where = t.textContent.trim().slice(0, 40); }
    }
  }
  for (const el of document.querySelectorAll('.tl-jumps, .tl-list, .viz-keylist, .viz figcaption')) {
    for (const t of [el, ...el.querySelectorAll('*')]) {
      if (!t.getClientRects().length || !t.textContent.trim()) continue;
      const px = parseFloat(getComputedStyle(t).fontSize);
      if (px < smallest) { smallest = px; where = t.textContent.trim().slice(0, 40); }
    }
  }
  return [smallest, where, document.documentElement.scrollWidth];
}"""


TEXT_PAGES = PAGES + ["glossary/quds-force/"]


@check("smallest-drawing-text", after_resize=True)
def smallest_drawing_text(visit):
    """At 390 px (the sweep has narrowed the window): the smallest text in the drawings and
    timeline lists, as [px, where, page width]."""
    return [visit.page.evaluate(SMALLEST_TEXT)] if visit.address in TEXT_PAGES else []


def test_text_is_at_least_12px_and_nothing_overflows_on_a_phone(sweep):
    for address in TEXT_PAGES:
        for scheme in ("light", "dark"):
            ((smallest, where, scroll_width),) = sweep.findings["smallest-drawing-text"][(address, scheme)]
            assert smallest >= 12, f"{address} ({scheme}): {smallest:.2f}px ({where!r})"
            assert scroll_width <= PHONE, f"{address} ({scheme}): the page is {scroll_width}px wide"


def test_timeline_reaches_2019_to_2021_quickly_on_a_phone(browser, server):
    context, page, _ = open_page(browser, server, "timeline/", PHONE)
    tops = page.evaluate("""() => {
      const top = id => document.getElementById(id).getBoundingClientRect().top + scrollY;
      return {y2019: top('y2019'), y2022: top('y2022'), article: top('article-published'),
              page: document.documentElement.scrollHeight, screen: innerHeight};
    }""")
    # The jump to the article lands on it; so does a month's jump on its heading (issue 29).
    page.click("a.tl-jump--article")
    landed = page.evaluate("document.getElementById('article-published').getBoundingClientRect().top")
    page.click('a.tl-jump[href="#m2020-07"]')
    july = page.evaluate("""() => { const h = document.getElementById('m2020-07').getBoundingClientRect();
      const first = h.bottom < innerHeight ? document.elementFromPoint(40, h.bottom + 30) : null;
      return [h.top, h.bottom, first ? first.closest('li') && first.closest('li').id : null]; }""")
    context.close()
    assert 0 <= july[0] < tops["screen"] / 4, july  # the heading at the top of the screen
    assert july[2] == "hisham-al-hashimi-killed", july  # and July's event right under it
    screen = tops["screen"]
    assert tops["y2019"] < 2 * screen, tops  # past the jumps and the folded early years
    assert tops["article"] < 6 * screen, tops
    assert tops["y2022"] - tops["y2019"] < 6 * screen, tops  # 2019-2021: a few screens, not a dozen
    assert 0 <= landed < screen / 2


@pytest.mark.parametrize("address", ["connections/", "map/"])
def test_drawings_read_without_javascript(browser, server, address):
    context, page, _ = open_page(browser, server, address, PHONE, js=False)
    shown = page.evaluate("""() => [...document.querySelectorAll('svg.viz-svg')]
        .filter(s => s.getBoundingClientRect().height > 100).length""")
    context.close()
    assert shown >= 1


def test_a_fragment_inside_a_folded_year_opens_it_without_javascript(browser, server):
    context, page, _ = open_page(browser, server, "timeline/#iraq-invasion", PHONE, js=False)
    visible = page.evaluate("document.getElementById('iraq-invasion').getBoundingClientRect().height")
    context.close()
    assert visible > 0


# axe in both schemes at a phone's width on these pages: the sweep (tests/sweep.py, axe-phone).
