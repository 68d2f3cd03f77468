"""The connections diagram and the map (issue 7), drawn as inline SVG at build time.

Both drawings are plain SVG text made here from the data, with a deterministic layout (no
Graphviz, no JavaScript, nothing fetched). Colours come from the stylesheet (docs/css/site.css,
section "Connections diagram and map"), so they follow the light and dark schemes; line
patterns, labels and a legend carry the meaning, never colour alone. Each actor node and each
place is one link; the same facts follow as a table (relations) and a list (places).

The map's country outlines are read from ``basemap.json`` beside this file, made once from
Natural Earth by ``tools/map/make_basemap.py``; the build never needs npm.
"""

from __future__ import annotations

import json
import posixpath
from functools import lru_cache
from pathlib import Path

from . import glossary
from .citations import cite
from .data import Site
from .reading import page_src
from .text import esc, link, one_line

CONNECTIONS = "connections.md"
MAP = "map.md"
BASEMAP = Path(__file__).with_name("basemap.json")


# ---------------------------------------------------------------------------------------------
# Shared helpers


def built_href(from_src: str, to_src: str, anchor: str = "") -> str:
    """The relative URL between two docs files as built (directory URLs: x.md -> x/)."""

    def folder(src: str) -> str:
        stem = src[:-3] if src.endswith(".md") else src
        if stem == "index" or stem.endswith("/index"):
            stem = stem[: -len("index")].rstrip("/")
        return stem

    here, there = folder(from_src), folder(to_src)
    if here == there:
        return f"#{anchor}" if anchor else "./"
    rel = posixpath.relpath(there or ".", here or ".")
    rel = "./" if rel == "." else rel + "/"
    return f"{rel}#{anchor}" if anchor else rel


# Advance widths of Arial / Liberation Sans (the theme's fallback text font), in 1/1000 em.
_WIDTHS = dict(zip(
    " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz",
    [278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, *[556] * 10, 278, 278,
     584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667,
     778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556,
     278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500],
))


def text_width(text: str, size: float, bold: bool = False) -> float:
    """A generous estimate of how wide ``text`` renders (wider fonts than Arial fit too)."""
    units = sum(_WIDTHS.get(c, 600) for c in text)
    return units / 1000 * size * (1.12 if bold else 1.06)


def wrap(text: str, size: float, width: float, bold: bool = False) -> list[str]:
    """Break text into lines no wider than ``width`` (a single long word stays whole)."""
    lines: list[str] = []
    for word in text.split():
        if lines and text_width(lines[-1] + " " + word, size, bold) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def _n(value: float) -> str:
    """A coordinate with at most one decimal, and no '-0'."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _short_name(name: str) -> str:
    """'Erbil International Airport (coalition base)' -> 'Erbil International Airport'."""
    import re

    short = re.sub(r"\s*\([^)]*\)", "", name)
    return short.split(",")[0].strip() or name


class Boxes:
    """Axis-aligned boxes already taken, for label placement."""

    def __init__(self):
        self.taken: list[tuple[float, float, float, float]] = []

    def add(self, box) -> None:
        self.taken.append(box)

    def overlap(self, box) -> float:
        x0, y0, x1, y1 = box
        total = 0.0
        for a0, b0, a1, b1 in self.taken:
            w, h = min(x1, a1) - max(x0, a0), min(y1, b1) - max(y0, b0)
            if w > 0 and h > 0:
                total += w * h
        return total


# ---------------------------------------------------------------------------------------------
# Connections


# The diagram's columns and, within them, groups from top to bottom: who stands with whom in
# this story. An editorial grouping, chosen so most lines run across rather than along a column.
# Actors in relations.yml but not listed here go into a last group, "Others", in the shorter column.
SIDES = {
    "left": [
        ("United States and Israel", ["trump", "pompeo", "united-states", "israel"]),
        ("Iraqi state", ["kadhimi", "iraq", "counter-terrorism-service", "pmf"]),
        ("Agreements", ["jcpoa", "baghdad-intelligence-centre"]),
    ],
    "right": [
        ("Iran", ["khamenei", "iran", "irgc", "quds-force", "soleimani"]),
        ("Iran-backed groups", ["muhandis", "kataib-hezbollah", "asaib-ahl-al-haq", "hezbollah",
                                "fatemiyoun", "zainabiyoun", "axis-of-resistance"]),
        ("Syria", ["assad", "syria"]),
    ],
}

# Each relation: its label, line pattern (never colour alone), width, arrowhead, family (for
# colour, a second cue). Order is the legend's.
RELATION_STYLE = {
    "commands": ("commands", "", 2.4, True, "structure"),
    "part-of": ("is part of", "", 1.1, True, "structure"),
    "backs": ("backs", "8 4", 1.6, True, "support"),
    "allied-with": ("is allied with", "8 3 2 3", 1.6, False, "support"),
    "fights": ("fights", "3 2.5", 2.2, True, "hostile"),
    "sanctions": ("sanctions", "1 3", 1.8, True, "hostile"),
    "designates-terrorist": ("designates as terrorist", "10 2.5 2 2.5 2 2.5", 1.4, True, "hostile"),
    "strikes": ("strikes", "14 3", 2.4, True, "hostile"),
}

C_WIDTH = 400
C_FONT = 12.5
C_LINE = 15
C_ARC, C_STEP = 5.0, 3.6  # room for the arcs that join two nodes of the same column: base, and per nesting level
C_BOX = 126
C_TOP = 8


def _groups(site: Site) -> dict[str, list[tuple[str, list[str]]]]:
    used: list[str] = []
    for rel in site.relations:
        for actor_id in (rel["from"], rel["to"]):
            if actor_id not in used:
                used.append(actor_id)
    columns: dict[str, list[tuple[str, list[str]]]] = {"left": [], "right": []}
    placed: set[str] = set()
    for side, groups in SIDES.items():
        for heading, ids in groups:
            members = [i for i in ids if i in used]
            placed.update(members)
            if members:
                columns[side].append((heading, members))
    others = sorted((i for i in used if i not in placed), key=lambda i: (site.actors[i]["kind"], site.actors[i]["name"]))
    if others:
        shorter = min(columns, key=lambda s: sum(len(m) for _, m in columns[s]))
        columns[shorter].append(("Others", others))
    return columns


def _merged_relations(site: Site) -> list[dict]:
    """One line per (from, relation, to); periods of repeated relations joined."""
    merged: dict[tuple, dict] = {}
    for rel in site.relations:
        key = (rel["from"], rel["relation"], rel["to"])
        if key in merged:
            merged[key]["periods"].append(one_line(rel["period"]))
        else:
            merged[key] = {"from": rel["from"], "relation": rel["relation"], "to": rel["to"], "periods": [one_line(rel["period"])]}
    return list(merged.values())


def _overlaps(a, b) -> bool:
    return a[0] < b[1] - 0.5 and b[0] < a[1] - 0.5


def _arrow(x: float, y: float, direction: int, size: float = 6.0) -> str:
    """A small filled arrowhead with its tip at (x, y), pointing right (1) or left (-1)."""
    back = x - direction * size
    return f"M{_n(x)} {_n(y)}L{_n(back)} {_n(y - size * 0.55)}L{_n(back)} {_n(y + size * 0.55)}z"


def connections_svg(site: Site, src: str = CONNECTIONS) -> str:
    """The relations as an inline SVG diagram: two columns of linked nodes, styled lines."""
    columns = _groups(site)
    relations = _merged_relations(site)
    column_of = {i: side for side, groups in columns.items() for _, ids in groups for i in ids}
    x_left: dict[str, float] = {}  # set once the arcs' room is known (below)
    # Which side of each box each line leaves from: the inner side for lines across, the
    # outer side for arcs within a column.
    ends: dict[tuple[str, str], list] = {}
    for n, rel in enumerate(relations):
        across = column_of[rel["from"]] != column_of[rel["to"]]
        for me, other in ((rel["from"], rel["to"]), (rel["to"], rel["from"])):
            ends.setdefault((me, "inner" if across else "outer"), []).append((other, n))

    # Box sizes: tall enough for the wrapped name and for the lines that meet it.
    boxes: dict[str, dict] = {}
    for side, groups in columns.items():
        for _, ids in groups:
            for actor_id in ids:
                lines = wrap(_short_name(site.actors[actor_id]["name"]), C_FONT, C_BOX - 12)
                slots = max(len(ends.get((actor_id, "inner"), [])), len(ends.get((actor_id, "outer"), [])))
                height = max(len(lines) * C_LINE + 9, slots * 4.5 + 6)
                boxes[actor_id] = {"lines": lines, "h": height, "side": side}

    # Vertical positions: groups stacked with headings; the shorter column spread to the same height.
    GAP, HEAD = 7.0, 22.0
    heights = {side: sum(HEAD + sum(boxes[i]["h"] + GAP for i in ids) + 10 for _, ids in groups)
               for side, groups in columns.items()}
    total = max(heights.values())
    headings = []
    for side, groups in columns.items():
        spare = (total - heights[side]) / max(1, len(groups) - 1) if len(groups) > 1 else 0
        y = C_TOP
        for heading, ids in groups:
            headings.append((side, heading, y))
            y += HEAD
            for actor_id in ids:
                boxes[actor_id]["y"] = y
                y += boxes[actor_id]["h"] + GAP
            y += 10 + spare
    diagram_bottom = C_TOP + total

    def centre(actor_id: str) -> float:
        return boxes[actor_id]["y"] + boxes[actor_id]["h"] / 2

    # Where on its box each line ends: spread along the side, ordered by the other end's height.
    slot: dict[tuple[str, int], float] = {}
    for (actor_id, _), items in ends.items():
        box = boxes[actor_id]
        items = sorted(items, key=lambda item: (centre(item[0]), item[1]))
        for k, (_, n) in enumerate(items):
            slot[(actor_id, n)] = box["y"] + box["h"] * (k + 1) / (len(items) + 1)

    # Arcs within a column nest: a longer arc goes round the shorter ones it overlaps.
    level: dict[int, int] = {}
    arcs = sorted(((abs(slot[(r["from"], n)] - slot[(r["to"], n)]), n) for n, r in enumerate(relations)
                   if column_of[r["from"]] == column_of[r["to"]]))
    for _, n in arcs:
        rel = relations[n]
        lo, hi = sorted((slot[(rel["from"], n)], slot[(rel["to"], n)]))
        below = [level[m] for m in level if column_of[relations[m]["from"]] == column_of[rel["from"]]
                 and _overlaps((lo, hi), sorted((slot[(relations[m]["from"], m)], slot[(relations[m]["to"], m)])))]
        level[n] = 1 + max(below, default=0)
    room = {side: C_ARC + C_STEP * max((level[n] for n in level if column_of[relations[n]["from"]] == side), default=0)
            for side in ("left", "right")}
    x_left.update({"left": room["left"], "right": C_WIDTH - room["right"] - C_BOX})
    for box in boxes.values():
        box["x"] = x_left[box["side"]]

    edges = []
    for n, rel in enumerate(relations):
        label, dash, width, arrow, family = RELATION_STYLE[rel["relation"]]
        a, b = boxes[rel["from"]], boxes[rel["to"]]
        ya, yb = slot[(rel["from"], n)], slot[(rel["to"], n)]
        if a["side"] != b["side"]:
            xa = a["x"] + C_BOX if a["side"] == "left" else a["x"]
            xb = b["x"] if b["side"] == "right" else b["x"] + C_BOX
            direction = 1 if xb > xa else -1
            tip = xb - direction * 0.5
            end = tip - direction * (5 if arrow else 0)
            mid = (xa + end) / 2
            d = f"M{_n(xa)} {_n(ya)}C{_n(mid)} {_n(ya)} {_n(mid)} {_n(yb)} {_n(end)} {_n(yb)}"
        else:
            outer = a["x"] if a["side"] == "left" else a["x"] + C_BOX
            out = -1 if a["side"] == "left" else 1
            bulge = (C_ARC - 2 + C_STEP * level[n]) * 4 / 3  # a cubic's control points reach 4/3 of its bulge
            direction = -out
            tip = outer - direction * 0.5
            end = tip - direction * (5 if arrow else 0)
            d = (f"M{_n(outer)} {_n(ya)}C{_n(outer + out * bulge)} {_n(ya)} {_n(outer + out * bulge)} {_n(yb)} "
                 f"{_n(end)} {_n(yb)}")
        names = f"{site.actors[rel['from']]['name']} {label} {site.actors[rel['to']]['name']}"
        edge = [f'<g class="rel rel--{family} rel--{rel["relation"]}">',
                f'<path class="rel__line" d="{d}" stroke-width="{_n(width)}"' + (f' stroke-dasharray="{dash}"' if dash else "") + "/>"]
        if arrow:
            edge.append(f'<path class="rel__head" d="{_arrow(tip, yb, direction)}"/>')
        edge.append("</g>")
        edges.append((names, "".join(edge)))

    nodes = []
    for actor_id, box in boxes.items():
        actor = site.actors[actor_id]
        href = built_href(src, glossary.entry_src(actor_id))
        name = esc(actor["name"])
        lines = box["lines"]
        text_top = box["y"] + box["h"] / 2 - (len(lines) - 1) * C_LINE / 2 + C_FONT * 0.35
        tspans = "".join(f'<tspan x="{_n(box["x"] + C_BOX / 2)}" y="{_n(text_top + k * C_LINE)}">{esc(line)}</tspan>'
                         for k, line in enumerate(lines))
        shape = "person" if actor["kind"] == "person" else ("state" if actor["kind"] == "state" else "other")
        radius = min(11, box["h"] / 2) if shape == "person" else 2
        nodes.append(
            f'<a class="node node--{shape}" href="{href}" aria-label="{name} (glossary)">'
            f'<title>{name}</title>'
            f'<rect x="{_n(box["x"])}" y="{_n(box["y"])}" width="{C_BOX}" height="{_n(box["h"])}" rx="{_n(radius)}"/>'
            f'<text text-anchor="middle">{tspans}</text></a>'
        )

    heads = []
    for side, heading, y in headings:
        x = x_left[side] + C_BOX / 2
        heads.append(f'<text class="group" x="{_n(x)}" y="{_n(y + 14)}" text-anchor="middle">{esc(heading)}</text>')

    # The legend: one sample line per relation shown, and what the box shapes mean.
    shown = [r for r in RELATION_STYLE if any(rel["relation"] == r for rel in relations)]
    legend = []
    y0 = diagram_bottom + 14
    legend.append(f'<text class="legend-title" x="8" y="{_n(y0 + 12)}">Key</text>')
    col_w = (C_WIDTH - 16) / 2
    for k, relation in enumerate(shown):
        label, dash, width, arrow, family = RELATION_STYLE[relation]
        col, row = k % 2, k // 2
        x = 8 + col * col_w
        y = y0 + 34 + row * 22
        line_end = x + 44 - (5 if arrow else 0)
        sample = (f'<path class="rel__line" d="M{_n(x)} {_n(y - 4)}H{_n(line_end)}" stroke-width="{_n(width)}"'
                  + (f' stroke-dasharray="{dash}"' if dash else "") + "/>")
        if arrow:
            sample += f'<path class="rel__head" d="{_arrow(x + 44, y - 4, 1)}"/>'
        legend.append(f'<g class="rel rel--{family} rel--{relation}">{sample}'
                      f'<text class="legend-text" x="{_n(x + 52)}" y="{_n(y)}">{esc(label)}</text></g>')
    rows = (len(shown) + 1) // 2
    y = y0 + 34 + rows * 22 + 4
    legend.append(f'<rect class="legend-box node--person" x="8" y="{_n(y - 12)}" width="44" height="18" rx="9"/>'
                  f'<text class="legend-text" x="60" y="{_n(y + 1)}">a person</text>')
    legend.append(f'<rect class="legend-box node--state" x="{_n(8 + col_w)}" y="{_n(y - 12)}" width="44" height="18" rx="2"/>'
                  f'<text class="legend-text" x="{_n(60 + col_w)}" y="{_n(y + 1)}">a state</text>')
    y += 24
    legend.append(f'<text class="legend-text" x="8" y="{_n(y)}">Arrows point from who acts to whom.</text>')
    height = y + 10

    count_nodes, count_rel = len(boxes), len(site.relations)
    left = "; ".join(h for h, _ in columns["left"])
    right = "; ".join(h for h, _ in columns["right"])
    desc = (f"{count_rel} relations among {count_nodes} actors, drawn as lines between named boxes. "
            f"Left column: {left}. Right column: {right}. "
            "Each line's pattern shows the relation (see the key below the diagram); "
            "every relation is also listed, with its period and sources, in the table that follows. "
            "Each box links to that actor's glossary entry.")
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="atlas-svg" viewBox="0 0 {C_WIDTH} {_n(height)}" '
        f'role="group" aria-labelledby="connections-title" aria-describedby="connections-desc">',
        '<title id="connections-title">Connections: who backs, commands, fights or sanctions whom</title>',
        f'<desc id="connections-desc">{esc(desc)}</desc>',
        '<g class="groups" aria-hidden="true">', *heads, "</g>",
        '<g class="edges" aria-hidden="true">', *(edge for _, edge in edges), "</g>",
        '<g class="nodes">', *nodes, "</g>",
        '<g class="legend" aria-hidden="true">', *legend, "</g>",
        "</svg>",
    ]
    return "\n".join(parts)


def connections_markdown(site: Site, src: str = CONNECTIONS) -> str:
    if not site.relations:
        return "*No relations yet.*"
    figure = [
        '<figure class="atlas atlas--connections" id="diagram">',
        connections_svg(site, src),
        "<figcaption>Each box links to its glossary entry. The same relations, with their periods and "
        'sources, are in the <a href="#relations">table below</a>.</figcaption>',
        "</figure>",
    ]
    out = ["\n".join(figure), "", "## All relations { #relations }", "",
           "| Who | Relation | Whom | When | Sources |", "|---|---|---|---|---|"]
    for rel in site.relations:
        a, b = site.actors[rel["from"]], site.actors[rel["to"]]
        out.append(f"| [{a['name']}]({link(src, glossary.entry_src(a['id']))}) | {RELATION_STYLE[rel['relation']][0]} | "
                   f"[{b['name']}]({link(src, glossary.entry_src(b['id']))}) | {esc(rel['period'])} | {cite(rel['sources'], site, src, 'See')} |")
    return "\n".join(out)


# ---------------------------------------------------------------------------------------------
# Map


# Places this close together are drawn in an enlarged inset below the main map.
INSET = {"west": 43.9, "east": 44.8, "south": 32.7, "north": 33.75, "title": "Baghdad area"}
M_FONT = 15
M_DOT = 4.5


@lru_cache(maxsize=1)
def load_basemap() -> dict:
    return json.loads(BASEMAP.read_text(encoding="utf-8"))


def place_href(site: Site, place, src: str = MAP) -> tuple[str, str]:
    """Where a place's link goes, and what that is: its glossary entry, else its first
    passage, else its own item in the list under the map."""
    if place.get("actor"):
        return built_href(src, glossary.entry_src(place["actor"])), "glossary"
    passages = place.get("passages") or []
    if passages:
        passage = site.passages[passages[0]]
        from .reading import PAGE_TITLES

        return built_href(src, page_src(passage["page"]), passages[0]), f"{PAGE_TITLES[passage['page']]}: {passage['title']}"
    return built_href(src, src, place["id"]), "details below the map"


def in_frame(basemap: dict, lat: float, lon: float) -> bool:
    b = basemap["bounds"]
    return b["west"] <= lon <= b["east"] and b["south"] <= lat <= b["north"]


def _in_inset(place) -> bool:
    return INSET["west"] <= place["lon"] <= INSET["east"] and INSET["south"] <= place["lat"] <= INSET["north"]


def _label_box(x: float, y: float, width: float, where: str) -> tuple[tuple, float, float, str]:
    """Box (x0, y0, x1, y1), text position and anchor for a label beside a dot at (x, y)."""
    h, gap = M_FONT, M_DOT + 3
    if where == "right":
        return (x + gap, y - h / 2, x + gap + width, y + h / 2), x + gap, y + h * 0.35, "start"
    if where == "left":
        return (x - gap - width, y - h / 2, x - gap, y + h / 2), x - gap, y + h * 0.35, "end"
    if where == "above":
        return (x - width / 2, y - gap - h, x + width / 2, y - gap), x, y - gap - h * 0.22, "middle"
    if where == "below":
        return (x - width / 2, y + gap, x + width / 2, y + gap + h), x, y + gap + h * 0.78, "middle"
    dx = 1 if "right" in where else -1
    dy = -1 if "above" in where else 1
    bx = x + dx * (M_DOT + 1)
    by = y + dy * (M_DOT + 1 + h / 2)
    x0 = bx if dx > 0 else bx - width
    return (x0, by - h / 2, x0 + width, by + h / 2), bx, by + h * 0.35, "start" if dx > 0 else "end"


PLACEMENTS = ("right", "left", "above", "below", "above-right", "below-right", "above-left", "below-left")


def _place_link(site: Site, place, src: str, inner: str) -> str:
    href, target = place_href(site, place, src)
    label = f"{place['name']} ({'glossary' if target == 'glossary' else target})"
    return f'<a class="place" href="{esc(href)}" aria-label="{esc(label)}"><title>{esc(place["name"])}</title>{inner}</a>'


def map_svg(site: Site, src: str = MAP, basemap: dict | None = None) -> str:
    """Iraq and its neighbours with every place in places.yml, as inline SVG."""
    base = basemap or load_basemap()
    width, height = base["width"], base["height"]
    kx, ky = base["projection"]["kx"], base["projection"]["ky"]
    west, north = base["bounds"]["west"], base["bounds"]["north"]

    def project(lon: float, lat: float) -> tuple[float, float]:
        return (lon - west) * kx, (north - lat) * ky

    places = [p for p in site.places.values() if in_frame(base, p["lat"], p["lon"])]
    inset_places = [p for p in places if _in_inset(p)]
    main_places = [p for p in places if not _in_inset(p)]

    taken = Boxes()
    parts: list[str] = []

    # The base: sea, land, borders, coasts, country names.
    parts.append('<g class="map-base">')
    parts.append(f'<rect class="map-sea" width="{_n(width)}" height="{_n(height)}"/>')
    for country in base["countries"]:
        focus = " map-land--focus" if country["name"] == "Iraq" else ""
        parts.append(f'<path class="map-land{focus}" d="{country["d"]}"/>')
    parts.append(f'<path class="map-coast" d="{base["coast"]}"/>')
    parts.append(f'<path class="map-border" d="{base["borders"]}"/>')
    for label in base["labels"]:
        text = label["name"].upper()
        w = text_width(text, M_FONT) + len(text) * 1.5
        taken.add((label["x"] - w / 2, label["y"] - M_FONT * 0.8, label["x"] + w / 2, label["y"] + M_FONT * 0.2))
        parts.append(f'<text class="map-country" x="{_n(label["x"])}" y="{_n(label["y"])}" text-anchor="middle">{esc(text)}</text>')
    parts.append("</g>")

    # The inset's frame on the main map.
    if inset_places:
        fx0, fy0 = project(INSET["west"], INSET["north"])
        fx1, fy1 = project(INSET["east"], INSET["south"])
        parts.append(f'<rect class="map-frame" x="{_n(fx0)}" y="{_n(fy0)}" width="{_n(fx1 - fx0)}" height="{_n(fy1 - fy0)}"/>')
        note = f"{INSET['title']}, below"
        nw = text_width(note, M_FONT)
        nx, ny = (fx0 + fx1) / 2, fy1 + M_FONT + 2
        taken.add((fx0 - 2, fy0 - 2, fx1 + 2, fy1 + 2))
        taken.add((nx - nw / 2, ny - M_FONT * 0.8, nx + nw / 2, ny + M_FONT * 0.2))
        parts.append(f'<text class="map-note" x="{_n(nx)}" y="{_n(ny)}" text-anchor="middle">{esc(note)}</text>')

    # Dots first (labels keep off every dot), then each label where it fits best.
    dots = {p["id"]: project(p["lon"], p["lat"]) for p in main_places}
    for x, y in dots.values():
        taken.add((x - M_DOT - 1, y - M_DOT - 1, x + M_DOT + 1, y + M_DOT + 1))
    parts.append('<g class="map-places">')
    for place in main_places:
        x, y = dots[place["id"]]
        text = _short_name(place["name"])
        w = text_width(text, M_FONT)
        order = ([place["label"]] if place.get("label") else []) + [p for p in PLACEMENTS if p != place.get("label")]
        best = None
        for where in order:
            box, tx, ty, anchor = _label_box(x, y, w, where)
            inside = box[0] >= 2 and box[2] <= width - 2 and box[1] >= 2 and box[3] <= height - 2
            cost = taken.overlap(box) + (0 if inside else 1e6)
            if best is None or cost < best[0]:
                best = (cost, box, tx, ty, anchor)
            if cost == 0:
                break
        _, box, tx, ty, anchor = best
        taken.add(box)
        inner = (f'<rect class="map-hit" x="{_n(min(box[0], x - M_DOT))}" y="{_n(min(box[1], y - M_DOT))}" '
                 f'width="{_n(max(box[2], x + M_DOT) - min(box[0], x - M_DOT))}" '
                 f'height="{_n(max(box[3], y + M_DOT) - min(box[1], y - M_DOT))}"/>'
                 f'<circle cx="{_n(x)}" cy="{_n(y)}" r="{M_DOT}"/>'
                 f'<text x="{_n(tx)}" y="{_n(ty)}" text-anchor="{anchor}">{esc(text)}</text>')
        parts.append(_place_link(site, place, src, inner))
    parts.append("</g>")

    total = height
    if inset_places:
        total = _inset(site, src, inset_places, height, width, kx, ky, parts)

    b = base["bounds"]
    names = ", ".join(label["name"] for label in base["labels"])
    desc = (f"A map of Iraq and its neighbours ({names}), from {abs(b['west']):g}° to {abs(b['east']):g}° east "
            f"and {abs(b['south']):g}° to {abs(b['north']):g}° north, with {len(places)} places marked"
            + (f"; the {len(inset_places)} around Baghdad are shown enlarged below the main map" if inset_places else "")
            + ". Each place links to its glossary entry or to the passage that mentions it; the list "
            "after the map gives every place with its coordinates and sources.")
    head = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="atlas-svg" viewBox="0 0 {_n(width)} {_n(total)}" '
        f'role="group" aria-labelledby="map-title" aria-describedby="map-desc">',
        "<title id=\"map-title\">Map: Iraq, its neighbours and the places in the article</title>",
        f'<desc id="map-desc">{esc(desc)}</desc>',
    ]
    return "\n".join([*head, *parts, "</svg>"])


def _inset(site: Site, src: str, places: list, top: float, width: float, kx: float, ky: float, parts: list) -> float:
    """The enlarged Baghdad area: dots at their places, labels in a column with leader lines."""
    gap, pad = 12.0, 10.0
    y0 = top + gap
    lons = [p["lon"] for p in places]
    lats = [p["lat"] for p in places]
    # Scale so the cluster's height fills about 150 units, within the inset's map area.
    span_lat = max(max(lats) - min(lats), 0.05)
    scale = min(150 / span_lat, 400)
    sx, sy = kx / ky * scale, scale
    mid_lon, mid_lat = (min(lons) + max(lons)) / 2, (min(lats) + max(lats)) / 2
    map_w = 150.0
    title_h = 26.0
    map_h = span_lat * scale + 40
    cx, cy = pad + map_w / 2, y0 + title_h + map_h / 2
    panel_h = title_h + map_h + pad

    def project(lon, lat):
        return cx + (lon - mid_lon) * sx, cy - (lat - mid_lat) * sy

    parts.append('<g class="map-inset">')
    parts.append(f'<rect class="map-inset__panel" x="0" y="{_n(y0)}" width="{_n(width)}" height="{_n(panel_h)}"/>')
    parts.append(f'<rect class="map-land map-land--focus" x="{_n(pad)}" y="{_n(y0 + title_h)}" width="{_n(map_w)}" height="{_n(map_h)}"/>')
    parts.append(f'<text class="map-inset__title" x="{_n(pad)}" y="{_n(y0 + 18)}">{esc(INSET["title"])} (enlarged; all in Iraq)</text>')
    # A scale bar: 10 km.
    km10 = 10 / 111.32 * sy  # 10 km of latitude, in units
    bx, by = pad + map_w - 8 - km10, y0 + title_h + map_h - 8
    parts.append(f'<path class="map-scale" d="M{_n(bx)} {_n(by - 4)}V{_n(by)}H{_n(bx + km10)}V{_n(by - 4)}"/>')
    parts.append(f'<text class="map-scale__text" x="{_n(bx + km10)}" y="{_n(by - 8)}" text-anchor="end">10 km</text>')
    # Labels: one column right of the map, in the order of the dots from north to south.
    ordered = sorted(places, key=lambda p: (-p["lat"], p["id"]))
    label_x = pad + map_w + 26
    step = M_FONT + 7
    first = cy - (len(ordered) - 1) * step / 2
    first = max(first, y0 + title_h + M_FONT)
    parts.append('<g class="map-places">')
    for k, place in enumerate(ordered):
        x, y = project(place["lon"], place["lat"])
        ly = first + k * step
        text = _short_name(place["name"])
        w = text_width(text, M_FONT)
        inner = (f'<rect class="map-hit" x="{_n(x - M_DOT - 2)}" y="{_n(min(y, ly) - M_FONT / 2 - 2)}" '
                 f'width="{_n(label_x + w - x + M_DOT + 4)}" height="{_n(abs(ly - y) + M_FONT + 4)}"/>'
                 f'<path class="map-leader" d="M{_n(x + M_DOT)} {_n(y)}L{_n(label_x - 12)} {_n(ly)}H{_n(label_x - 4)}"/>'
                 f'<circle cx="{_n(x)}" cy="{_n(y)}" r="{M_DOT}"/>'
                 f'<text x="{_n(label_x)}" y="{_n(ly + M_FONT * 0.35)}">{esc(text)}</text>')
        parts.append(_place_link(site, place, src, inner))
    parts.append("</g>")
    parts.append("</g>")
    return y0 + panel_h


def map_markdown(site: Site, src: str = MAP) -> str:
    if not site.places:
        return "*No places yet.*"
    base = load_basemap()
    figure = [
        '<figure class="atlas atlas--map" id="map-figure">',
        map_svg(site, src, base),
        f"<figcaption>{esc(base['attribution'])} Each place links to its glossary entry or to the passage "
        'that mentions it; all places, with coordinates and sources, are <a href="#places">listed below</a>.</figcaption>',
        "</figure>",
    ]
    out = ["\n".join(figure), "", "## All places { #places }", ""]
    for place in site.places.values():
        name = place["name"]
        if place.get("actor"):
            name = f"[{name}]({link(src, glossary.entry_src(place['actor']))})"
        out += [f"- {name} ({place['lat']:.3f}, {place['lon']:.3f}): {one_line(place['note'])} {cite(place['sources'], site, src)}",
                f"  {{ #{place['id']} }}"]
    return "\n".join(out)


def citations(site: Site):
    for rel in site.relations:
        yield rel["sources"], CONNECTIONS, "relations", f"Connections: {rel['from']} {rel['relation']} {rel['to']}"
    for place in site.places.values():
        yield place["sources"], MAP, place["id"], f"Map: {place['name']}"
