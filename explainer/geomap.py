"""The map page (issue 18): where things happened, and why each place matters.

Drawn at build time as SVG, twice: a narrow layout for phones and a wide one for larger screens
(docs/css/site.css shows one). Sizes are CSS pixels, so text is its font size at the layout's
width. Every place has a numbered marker, in the order of its first event on the timeline, and a
name that links to its line in the key under the map; the key says why it matters and lists its
events. Markers closer than ``GROUP`` px at a layout are drawn as one group (one marker, every
number, every name). Places inside the inset box of data/visuals.yml are drawn in an enlarged
inset, with a scale bar.

Country outlines come from ``basemap.json`` beside this file, made once from Natural Earth by
``tools/map/make_basemap.py``; the build never needs npm.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .addresses import MAP, TIMELINE, glossary_entry, reading_page
from .citations import Citation, Written, cite, cited
from .data import Site
from .measure import Boxes, num, short_name, text_width
from .records import Event, Inset, Place
from .markup import plain
from .svg import render
from .text import esc, first_sentence, human_date, link

BASEMAP = Path(__file__).with_name("basemap.json")

LAYOUTS = {"narrow": 360, "wide": 720}  # drawing width in CSS px
FONT = 13  # place names
DOT = 4.5  # a place's marker: a dot at its position
GROUP = 14  # dots closer than this (centre to centre) are drawn as one group
KM_PER_DEG = 111.32


@lru_cache(maxsize=1)
def load_basemap() -> dict:
    return json.loads(BASEMAP.read_text(encoding="utf-8"))


def in_frame(basemap: dict, lat: float, lon: float) -> bool:
    b = basemap["bounds"]
    return b["west"] <= lon <= b["east"] and b["south"] <= lat <= b["north"]


def inset_box(site: Site) -> Inset:
    return site.visuals.map.inset


def in_inset(site: Site, place: Place) -> bool:
    box = inset_box(site)
    return box.west <= place.lon <= box.east and box.south <= place.lat <= box.north


def place_events(site: Site, place: Place) -> list[Event]:
    events = [site.events[e] for e in place.events]
    return sorted(events, key=lambda e: (e.date, e.id))


def numbered(site: Site, basemap: dict | None = None) -> list:
    """Places in story order (by their first event on the timeline), the order of the numbers."""
    base = basemap or load_basemap()
    places = [p for p in site.places.values() if in_frame(base, p.lat, p.lon)]

    def key(place):
        events = place_events(site, place)
        return (events[0].date if events else "9999", place.name)

    return sorted(places, key=key)


def clusters(points: dict[str, tuple[float, float]], order: list[str]) -> list[list[str]]:
    """Single-link groups of points closer than GROUP, each in ``order``."""
    group_of = {pid: {pid} for pid in points}
    ids = list(points)
    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            (xa, ya), (xb, yb) = points[a], points[b]
            if math.hypot(xa - xb, ya - yb) < GROUP and group_of[a] is not group_of[b]:
                merged = group_of[a] | group_of[b]
                for pid in merged:
                    group_of[pid] = merged
    seen, out = set(), []
    for pid in order:
        if pid in points and pid not in seen:
            members = [p for p in order if p in group_of[pid]]
            seen.update(members)
            out.append(members)
    return out


BADGE_H = 19  # a number badge: 12 px bold figures
ROW = 21  # one label line (badge and name)


def _badge_width(n: int) -> float:
    return max(BADGE_H, text_width(str(n), 12.5, bold=True) + 9)


def _label_size(names: list[str], numbers: list[int]) -> tuple[float, float, float]:
    """Width, height of a label block, and the badge column's width."""
    badge = max(_badge_width(n) for n in numbers)
    w = badge + 4 + max(text_width(name, FONT) for name in names)
    return w, len(names) * ROW - 2, badge


# Where a label goes around its dot: direction (dx, dy) from the dot; tried nearest first.
DIRECTIONS = ((1, 0), (-1, 0), (0, -1), (0, 1), (1, -1), (1, 1), (-1, -1), (-1, 1))
REACH = (0, 14, 28, 44, 64)  # how far beyond touching the dot; beyond 0 a leader line joins them


def _candidate(x: float, y: float, w: float, h: float, dx: int, dy: int, reach: float) -> tuple:
    gap = DOT + 3 + reach
    if dx == 0:
        bx = x - w / 2
    else:
        bx = x + gap if dx > 0 else x - gap - w
    if dy == 0:
        by = y - h / 2
    else:
        by = y + gap if dy > 0 else y - gap - h
    if dx and dy:  # diagonals: tuck the block's corner towards the dot
        bx = x + (gap * 0.7 if dx > 0 else -gap * 0.7 - w)
        by = y + (gap * 0.7 if dy > 0 else -gap * 0.7 - h)
    return (bx, by, bx + w, by + h)


def box_distance(x: float, y: float, box: tuple) -> float:
    """From a point to the nearest point of a box (0 inside it)."""
    dx = max(box[0] - x, 0, x - box[2])
    dy = max(box[1] - y, 0, y - box[3])
    return math.hypot(dx, dy)


def segment_hits_box(segment: tuple, box: tuple, steps: int = 12) -> bool:
    x0, y0, x1, y1 = segment
    return any(box[0] < x0 + (x1 - x0) * t / steps < box[2] and box[1] < y0 + (y1 - y0) * t / steps < box[3]
               for t in range(1, steps))


def river_path(lines: list, project, keep) -> str:
    """SVG path data for the river lines, projected; points outside ``keep`` (lon, lat -> bool)
    break a line, so nothing is drawn far outside the frame."""
    out = []
    for line in lines:
        run: list[str] = []
        for lon, lat in line:
            if keep(lon, lat):
                x, y = project(lon, lat)
                run.append(f"{num(x)} {num(y)}")
            else:
                if len(run) > 1:
                    out.append("M" + "L".join(run))
                run = []
        if len(run) > 1:
            out.append("M" + "L".join(run))
    return "".join(out)


@dataclass(frozen=True)
class LabelRow:
    """One line of a label block: a place's number badge and its name."""

    place: str
    number: int
    name: str
    badge_x: float
    top: float
    badge_w: float
    number_x: float  # the figure's centre
    name_x: float


@dataclass(frozen=True)
class PlaceMark:
    """A dot for one place, or for places too close to tell apart, and its label block."""

    places: tuple[str, ...]
    x: float
    y: float
    r: float
    leader: tuple[float, float] | None  # where a leader from the dot meets a label block set apart
    rows: tuple[LabelRow, ...]


def place_marks(groups: list[list[str]], points: dict, number: dict, names: dict, taken: Boxes,
                frame: tuple) -> list[PlaceMark]:
    """Where each group's dot and label block go (pure, but for ``taken``, which it fills): a
    dot per group (one place, or places too close to tell apart), then a label block beside it,
    one line per place; ``names``: each place's shown name."""
    fx0, fy0, fx1, fy1 = frame
    dots = []
    for members in groups:
        xs = [points[m][0] for m in members]
        ys = [points[m][1] for m in members]
        x, y = sum(xs) / len(xs), sum(ys) / len(ys)
        r = DOT if len(members) == 1 else DOT + 2
        taken.add((x - r - 2, y - r - 2, x + r + 2, y + r + 2))
        dots.append((members, x, y, r))

    leaders: list[tuple[float, float, float, float]] = []

    def crowd(item) -> int:
        _, x, y, _ = item
        return -sum(1 for _, x2, y2, _ in dots if math.hypot(x - x2, y - y2) < 80)

    out = []
    for members, x, y, r in sorted(dots, key=crowd):
        shown = [names[m] for m in members]
        w, h, badge = _label_size(shown, [number[m] for m in members])
        best = None
        for reach in REACH:
            for dx, dy in DIRECTIONS:
                box = _candidate(x, y, w, h, dx, dy, reach)
                if dx == 0:  # above or below: slide along, within the frame, rather than give up
                    shift = max(fx0 + 2 - box[0], 0) - max(box[2] - (fx1 - 2), 0)
                    box = (box[0] + shift, box[1], box[2] + shift, box[3])
                inside = box[0] >= fx0 + 2 and box[2] <= fx1 - 2 and box[1] >= fy0 + 2 and box[3] <= fy1 - 2
                covered = taken.overlap(box)
                cost = covered * 10 + (8000 if covered > 0.5 else 0) + (0 if inside else 1e6) + reach
                # A reader takes a label for the nearest dot's: no other dot may be as near as its own.
                own = box_distance(x, y, box)
                cost += 5000 * sum(1 for m2, x2, y2, _ in dots if m2 is not members and box_distance(x2, y2, box) <= own + 3)
                cost += 200 * sum(1 for segment in leaders if segment_hits_box(segment, box))
                if reach:  # a leader should not cross another label or dot
                    lx, ly = min(max(x, box[0]), box[2]), min(max(y, box[1]), box[3])
                    length = math.hypot(lx - x, ly - y) or 1
                    for t in range(1, 9):
                        d = DOT + 4 + (length - DOT - 4) * t / 8
                        px, py = x + (lx - x) * d / length, y + (ly - y) * d / length
                        cost += 60 * sum(1 for b in taken.taken if b[0] < px < b[2] and b[1] < py < b[3])
                if best is None or cost < best[0]:
                    best = (cost, box, reach)
            if best[0] <= reach:  # nothing in the way at this reach
                break
        _, box, reach = best
        taken.add(box)
        bx, by = box[0], box[1]
        leader = None
        if reach:
            # A leader from the dot to the nearest point of the label block.
            leader = (min(max(x, box[0]), box[2]), min(max(y, box[1]), box[3]))
            leaders.append((x, y, *leader))
        rows = []
        for k, (member, name) in enumerate(zip(members, shown)):
            n = number[member]
            bw = _badge_width(n)
            rows.append(LabelRow(member, n, name, bx + badge - bw, by + k * ROW, bw, bx + badge - bw / 2, bx + badge + 4))
        out.append(PlaceMark(tuple(members), x, y, r, leader, tuple(rows)))
    return out


def _draw_places(groups: list[list[str]], points: dict, number: dict, site: Site, taken: Boxes,
                 frame: tuple) -> list[str]:
    """The places' dots and labels as markup (templates/places.svg.j2), each name linking to its
    line in the key."""
    names = {m: short_name(site.places[m].name) for members in groups for m in members}
    markup = render("places.svg.j2", marks=place_marks(groups, points, number, names, taken, frame), badge_h=BADGE_H)
    return [markup] if markup else []


@dataclass(frozen=True)
class MapLayout:
    """Where everything on one layout's map stands; the markup is templates/map.svg.j2's."""

    width: float
    height: float  # the main map's
    total: float  # with the inset under it
    scale: float  # basemap units to CSS px
    rivers: str  # one path, projected ("" when the basemap has none)
    frame: tuple[float, float, float, float] | None  # the inset's frame on the main map: x, y, width, height
    note: tuple[float, float, str] | None  # the frame's note: x, y, text
    places: tuple[PlaceMark, ...]
    river_names: tuple[tuple[float, float, str], ...]  # x, y (the middle of the baseline), name
    country_names: tuple[tuple[float, float, str], ...]
    inset: tuple[str, ...]  # the inset's markup (explainer/geomap.py, _inset)
    places_shown: int
    inset_places: int


def map_layout(site: Site, layout: str, base: dict, src: str = MAP) -> MapLayout:
    """Iraq and its neighbours with every place, numbered, and the inset, for one layout: every
    position, each label placed where nothing drawn before it stands."""
    width = LAYOUTS[layout]
    f = width / base["width"]
    height = base["height"] * f
    kx, ky = base["projection"]["kx"] * f, base["projection"]["ky"] * f
    west, north = base["bounds"]["west"], base["bounds"]["north"]
    ordered = numbered(site, base)
    number = {p.id: k for k, p in enumerate(ordered, start=1)}
    inset_ids = [p.id for p in ordered if in_inset(site, p)]
    main_ids = [p.id for p in ordered if p.id not in inset_ids]

    def project(lon: float, lat: float) -> tuple[float, float]:
        return (lon - west) * kx, (north - lat) * ky

    taken = Boxes()
    b = base["bounds"]
    rivers = river_path(base.get("rivers", []), project,
                        lambda lon, lat: b["west"] - .3 <= lon <= b["east"] + .3 and b["south"] <= lat <= b["north"] + .3)

    # Dots first, so the inset's note and every label keep off them.
    points = {pid: project(site.places[pid].lon, site.places[pid].lat) for pid in main_ids}
    groups = clusters(points, main_ids)
    for members in groups:
        x = sum(points[m][0] for m in members) / len(members)
        y = sum(points[m][1] for m in members) / len(members)
        taken.add((x - DOT - 4, y - DOT - 4, x + DOT + 4, y + DOT + 4))

    box = inset_box(site)
    frame = note = None
    if inset_ids:
        fx0, fy0 = project(box.west, box.north)
        fx1, fy1 = project(box.east, box.south)
        taken.add((fx0 - 2, fy0 - 2, fx1 + 2, fy1 + 2))
        text = f"{box.title}: below"
        nw = text_width(text, FONT)
        spots = [(fx1 + 4, (fy0 + fy1) / 2 + 4), (fx0 - 4 - nw, (fy0 + fy1) / 2 + 4),
                 ((fx0 + fx1 - nw) / 2, fy1 + 15), ((fx0 + fx1 - nw) / 2, fy0 - 5)]
        nx, ny = min(spots, key=lambda s: taken.overlap((s[0], s[1] - 11, s[0] + nw, s[1] + 3))
                     + (0 if 2 <= s[0] and s[0] + nw <= width - 2 else 1e6))
        taken.add((nx, ny - 11, nx + nw, ny + 3))
        frame, note = (fx0, fy0, fx1 - fx0, fy1 - fy0), (nx, ny, text)

    names = {m: short_name(site.places[m].name) for m in main_ids}
    places = place_marks(groups, points, number, names, taken, (0, 0, width, height))
    # River names where they fit, after the places.
    river_names = []
    for label in base.get("river_labels", []):
        w = text_width(label["name"], 12.5)
        spots = [(rx + dx, ry + dy) for rx, ry in (project(lon, lat) for lon, lat in label["at"])
                 for dx, dy in ((0, 0), (0, -12), (0, 12), (-20, 0), (20, 0))]
        for sx, sy in spots:
            spot = (sx - w / 2, sy - 10, sx + w / 2, sy + 3)
            if taken.overlap(spot) == 0 and spot[0] >= 2 and spot[2] <= width - 2 and 2 <= spot[1] and spot[3] <= height - 2:
                taken.add(spot)
                river_names.append((sx, sy, label["name"]))
                break
    # Country names last, where they fit (shifted a little, or left out, rather than overlap).
    country_names = []
    for label in base["labels"]:
        text = label["name"].upper()
        w = text_width(text, 12.5) + len(text) * 1.5
        for dx, dy in ((0, 0), (0, -14), (0, 14), (-24, 0), (24, 0), (0, -28), (0, 28)):
            x, y = label["x"] * f + dx, label["y"] * f + dy
            spot = (x - w / 2, y - 10, x + w / 2, y + 3)
            if taken.overlap(spot) == 0 and spot[0] >= 2 and spot[2] <= width - 2 and spot[1] >= 2 and spot[3] <= height - 2:
                taken.add(spot)
                country_names.append((x, y, text))
                break

    total, inset = height, []
    if inset_ids:
        total, inset = _inset(site, inset_ids, number, width, height, layout, src, base)
    return MapLayout(width, height, total, f, rivers, frame, note, tuple(places), tuple(river_names),
                     tuple(country_names), tuple(inset), len(ordered), len(inset_ids))


def map_svg(site: Site, layout: str = "narrow", basemap: dict | None = None, src: str = MAP) -> str:
    """Iraq and its neighbours with every place, numbered, and the inset, for one layout: its
    layout (map_layout) drawn by templates/map.svg.j2."""
    base = basemap or load_basemap()
    drawn = map_layout(site, layout, base, src)
    desc = (f"A map of Iraq and its neighbours with {drawn.places_shown} places, each a numbered marker; the numbers follow "
            "the order of each place's first event on the timeline, and markers too close to tell apart share one "
            "marker with both numbers. "
            + (f"The {drawn.inset_places} places around Baghdad are in an enlarged inset under the main map. " if drawn.inset_places else "")
            + "Each name links to its line in the key under the map, which says why the place matters.")
    return render("map.svg.j2", map=drawn, layout=layout, base=base, scale=f"{drawn.scale:.6g}", desc=desc, badge_h=BADGE_H)


INSET_MAX_W = 360  # the inset's panel at most (on the wide layout it does not need the page's width)


def _inset(site: Site, ids: list[str], number: dict, width: float, top: float, layout: str, src: str,
           base: dict | None = None):
    """The enlarged Baghdad area under the main map: its own frame, title, scale bar and rivers,
    cropped to what it shows (the places, their labels and the scale bar)."""
    places = [site.places[i] for i in ids]
    lats, lons = [p.lat for p in places], [p.lon for p in places]
    mid_lat = (min(lats) + max(lats)) / 2
    cos = math.cos(math.radians(mid_lat))
    title_h = 28.0
    map_h = 330.0 if layout == "narrow" else 380.0
    span_km = max((max(lats) - min(lats)) * KM_PER_DEG, 10)
    px_per_km = (map_h - 2 * (ROW + 12)) / span_km
    y0 = top + 12
    map_top = y0 + title_h
    panel_w = min(width, INSET_MAX_W)
    mid_lon = (min(lons) + max(lons)) / 2
    lon_span_px = (max(lons) - min(lons)) * KM_PER_DEG * cos * px_per_km
    cx = 40 + lon_span_px / 2  # the westernmost place 40 px in: labels have room on both sides
    cy = map_top + map_h / 2

    def project(lon: float, lat: float) -> tuple[float, float]:
        return (cx + (lon - mid_lon) * KM_PER_DEG * cos * px_per_km, cy - (lat - mid_lat) * KM_PER_DEG * px_per_km)

    box = inset_box(site)
    taken = Boxes()
    content: list[str] = []
    # The scale bar: 10 km, bottom right.
    km10 = 10 * px_per_km
    bx, by = panel_w - 12 - km10, map_top + map_h - 12
    content.append(f'<path class="map-scale" d="M{num(bx)} {num(by - 5)}V{num(by)}H{num(bx + km10)}V{num(by - 5)}"/>')
    content.append(f'<text class="map-scale__text" x="{num(bx + km10)}" y="{num(by - 9)}" text-anchor="end">10 km</text>')
    taken.add((bx - 40, by - 24, panel_w, by + 2))
    points = {pid: project(site.places[pid].lon, site.places[pid].lat) for pid in ids}
    frame = (0, map_top, panel_w, map_top + map_h)
    content.append('<g class="map-places">')
    content += _draw_places(clusters(points, ids), points, number, site, taken, frame)
    content.append("</g>")
    # The rivers under everything (the Tigris runs through Baghdad), named where a name fits.
    rivers = ""
    if base and base.get("rivers"):
        margin = 0.3
        rivers = river_path(base["rivers"], project, lambda lon, lat: box.west - margin <= lon <= box.east + margin
                            and box.south - margin <= lat <= box.north + margin)
    under = [f'<rect class="map-inset__panel" x="0" y="{num(y0)}" width="{num(panel_w)}" height="{num(title_h + map_h)}"/>',
             f'<rect class="map-land map-land--focus" x="1" y="{num(map_top)}" width="{num(panel_w - 2)}" height="{num(map_h - 1)}"/>',
             f'<text class="map-inset__title" x="8" y="{num(y0 + 19)}">{esc(box.title)}, enlarged (all in Iraq)</text>']
    if rivers:
        under.append(f'<clipPath id="inset-clip-{layout}"><rect x="1" y="{num(map_top)}" width="{num(panel_w - 2)}" height="{num(map_h - 1)}"/></clipPath>'
                     f'<path class="map-river" d="{rivers}" clip-path="url(#inset-clip-{layout})"/>')
        # "Tigris" beside the river where it enters the panel from the north, if clear.
        tigris = [pt for line in base["rivers"] for pt in line if box.south <= pt[1] <= box.north and 44.2 <= pt[0] <= 44.5]
        if tigris:
            north = max(tigris, key=lambda pt: pt[1])
            tx, ty = project(*north)
            ty = max(ty, map_top + 16)
            spot = (tx + 6, ty - 10, tx + 6 + text_width("Tigris", 12.5), ty + 3)
            if taken.overlap(spot) == 0 and spot[2] <= panel_w - 2:
                content.append(f'<text class="map-river-name" x="{num(tx + 6)}" y="{num(ty)}" aria-hidden="true">Tigris</text>')
    parts = [f'<g class="map-inset" id="inset-{layout}">', *under, *content, "</g>"]
    return map_top + map_h + 2, parts


def key_markdown(site: Site, src: str = MAP) -> tuple[str, list[Citation]]:
    """The key under the map: one numbered line per place that leads with what happened there
    and when (each date linking to its event on the timeline), then why it matters and where to
    read more; the position note and the sources are folded at the end."""
    out = ['<ol class="map-key" markdown="1">', ""]
    citations: list[Citation] = []
    for place in numbered(site):
        events = place_events(site, place)
        happened = "".join(f'<span class="map-key__event">[{human_date(e.date)}]({link(src, TIMELINE, e.id)}): '
                           f"{esc(first_sentence(plain(e.text, site)))}</span>" for e in events)
        more = []
        if place.actor:
            more.append(f"[glossary entry]({link(src, glossary_entry(place.actor))})")
        for passage_id in place.passages:
            passage = site.passages[passage_id]
            more.append(f"[{passage.title}]({link(src, reading_page(passage.page), passage_id)})")
        folded = []
        if place.approximate:
            folded.append(f"Approximate position: {place.approximate}")
        # Under a "Sources" summary the line needs no label of its own; beside a position note it does.
        folded.append(cite(place.sources, site, src, label="Sources" if place.approximate else ""))
        label = "Position and sources" if place.approximate else "Sources"
        out.append(f'<li class="map-key__place" id="{place.id}" markdown="1"><strong>{esc(place.name)}</strong> {happened}'
                   f'<span class="map-key__why">Why it matters: {place.why}</span>'
                   + (f'<span class="map-key__more">Read more: {"; ".join(more)}.</span>' if more else ""))
        # On a line of its own, as on the timeline, so md_in_html reads the folded part's Markdown.
        out.append(f'<details class="map-key__sources" markdown="1" data-search-exclude><summary>{label}</summary>'
                   + "".join(f'<span class="map-key__more">{bit}</span>' for bit in folded) + "</details></li>")
        citations += cited(place.sources, src, place.id, page="Map", item=place.name)
    out += ["", "</ol>"]
    return "\n".join(out), citations


def markdown(site: Site, src: str = MAP, args=(), index=None) -> Written:
    """The map page's generated part (its marker: <!-- insert: map -->)."""
    if not site.places:
        return Written("*No places yet.*")
    base = load_basemap()
    figure = [
        '<figure class="viz viz--map" id="map-figure">',
        *(map_svg(site, layout, base, src) for layout in LAYOUTS),
        f"<figcaption>Numbers follow the story: each place's first event on the timeline. Each name links to its line "
        f'in the <a href="#places">key below</a>. {esc(base["attribution"])}</figcaption>',
        "</figure>",
    ]
    key, citations = key_markdown(site, src)
    return Written("\n".join(["\n".join(figure), "", "## What happened where { #places }", "", key]), tuple(citations))


MARKERS = {"map": markdown}  # the insert marker this module writes (explainer/citations.py)
