"""The connections page (issue 18): the article's argument, then every relation kind by kind.

Two kinds of drawing, both plain SVG made here at build time (no JavaScript, nothing fetched):

- the argument: a sequence diagram, one lane per side, one arrow per step, from
  data/visuals.yml (who pressed whom, who answered how, what the article expected);
- the network as small multiples: one small two-column diagram per kind of relation in
  data/relations.yml, so every line in it can be followed.

Each kind of relation has its own line pattern *and* its own end marker (and a colour family, a
third cue), named in a key; the kinds and their looks are one table, scales.RELATION_KINDS.
Drawings are sized in CSS pixels: shown at their natural width (capped by the stylesheet), text
is exactly its font size; on the narrowest phones it shrinks a little. Every drawing's data is also written as a list under it. Colours come from
docs/css/site.css, so they follow the light and dark schemes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .addresses import CONNECTIONS, TIMELINE, actor_section, glossary_entry, relation_anchor, relation_item
from .citations import Citation, Written, cite, cited
from .data import Site
from .measure import built_href, num, short_name, wrap
from .svg import render
from .scales import RELATION_KINDS
from .text import esc, human_date, link, one_line


WIDTH = 360  # every drawing's width in CSS px (a 390 px phone shows about 358)
FONT = 13
LINE = 16


# ---------------------------------------------------------------------------------------------
# Shared drawing helpers


def _rot(x: float, y: float, angle: float, px: float, py: float) -> tuple[float, float]:
    """(px, py) in a frame at (x, y) turned by ``angle``: px along the line, py across it."""
    c, s = math.cos(angle), math.sin(angle)
    return x + px * c - py * s, y + px * s + py * c


def marker(head: str, x: float, y: float, angle: float) -> tuple[str, float]:
    """An end marker with its tip at (x, y) for a line arriving at ``angle``; returns the SVG
    and how far back from the tip the line itself should stop."""

    def pts(*points) -> str:
        return " ".join(f"{num(a)},{num(b)}" for a, b in (_rot(x, y, angle, px, py) for px, py in points))

    if head == "arrow":
        return f'<polygon class="head head--filled" points="{pts((0, 0), (-9, -4.5), (-9, 4.5))}"/>', 8
    if head == "open":
        return f'<polyline class="head head--open" points="{pts((-9, -5.5), (0, 0), (-9, 5.5))}"/>', 1.5
    if head == "bar":
        return f'<polyline class="head head--open" points="{pts((-1, -6.5), (-1, 6.5))}"/>', 1
    if head == "ring":
        cx, cy = _rot(x, y, angle, -4.5, 0)
        return f'<circle class="head head--ring" cx="{num(cx)}" cy="{num(cy)}" r="4"/>', 8.5
    if head == "dot":
        cx, cy = _rot(x, y, angle, -4, 0)
        return f'<circle class="head head--filled" cx="{num(cx)}" cy="{num(cy)}" r="4"/>', 7
    if head == "square":
        return f'<polygon class="head head--filled" points="{pts((0, -4), (-8, -4), (-8, 4), (0, 4))}"/>', 7
    if head == "diamond":
        return f'<polygon class="head head--filled" points="{pts((0, 0), (-5, -5), (-10, 0), (-5, 5))}"/>', 9
    if head == "chevron":  # two open arrowheads, one behind the other
        return (f'<polyline class="head head--open" points="{pts((-7, -5), (0, 0), (-7, 5))}"/>'
                f'<polyline class="head head--open" points="{pts((-13, -5), (-6, 0), (-13, 5))}"/>', 1.5)
    if head == "hollow":  # an outlined triangle
        return f'<polygon class="head head--ring" points="{pts((0, 0), (-10, -5), (-10, 5))}"/>', 10
    if head == "half":  # one barb only
        return f'<polyline class="head head--open" points="{pts((-9, -6), (0, 0))}"/>', 1
    if head == "cross":
        return (f'<polyline class="head head--open" points="{pts((-1, -5.5), (-10, 5.5))}"/>'
                f'<polyline class="head head--open" points="{pts((-10, -5.5), (-1, 5.5))}"/>', 1)
    raise ValueError(head)


def edge_svg(kind_id: str, x0: float, y0: float, x1: float, y1: float) -> str:
    """One relation from (x0, y0) to (x1, y1): its pattern, width and end marker."""
    kind = RELATION_KINDS[kind_id]
    angle = math.atan2(y1 - y0, x1 - x0)
    head, back = marker(kind.head, x1, y1, angle)
    ex, ey = _rot(x1, y1, angle, -back, 0)
    start = ""
    if kind_id == "allied-with":  # no direction: the same marker at both ends
        start, back0 = marker(kind.head, x0, y0, angle + math.pi)
        x0, y0 = _rot(x0, y0, angle, back0, 0)
    dash = f' stroke-dasharray="{kind.dash}"' if kind.dash else ""
    return (f'<g class="rel rel--{kind.family}" data-kind="{kind_id}" data-dash="{kind.dash or "solid"}" data-head="{kind.head}">'
            f'<path class="rel__line" d="M{num(x0)} {num(y0)}L{num(ex)} {num(ey)}" stroke-width="{num(kind.width)}"{dash}/>'
            f"{start}{head}</g>")


def key_svg(kind_id: str) -> str:
    """A small sample of a kind's line, for keys and headings (decorative: the label is text)."""
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="viz-key" viewBox="0 0 56 16" width="56" height="16" '
            f'aria-hidden="true" focusable="false">{edge_svg(kind_id, 2, 8, 54, 8)}</svg>')


def _text_lines(lines: list[str], x: float, y: float, anchor: str = "start", cls: str = "") -> str:
    """Lines of text as one <text> with a space between tspans (so the accessible name reads
    as the visible words)."""
    spans = " ".join(f'<tspan x="{num(x)}" y="{num(y + k * LINE)}">{esc(line)}</tspan>' for k, line in enumerate(lines))
    klass = f' class="{cls}"' if cls else ""
    return f'<text{klass} text-anchor="{anchor}">{spans}</text>'


# ---------------------------------------------------------------------------------------------
# The argument: a sequence diagram


@dataclass(frozen=True)
class LaneHead:
    """A lane's head: a box naming its side, linking to the glossary entry of its first actor."""

    href: str
    x: float  # the lane's centre, where its lifeline runs
    left: float
    width: float
    height: float
    lines: tuple[str, ...]  # the side's name, wrapped
    text_top: float  # the first line's baseline


@dataclass(frozen=True)
class StepMark:
    """One step: its text (a link), then a note spanning lanes or an arrow from one lane to others."""

    href: str
    forecast: bool
    lines: tuple[str, ...]
    text_top: float
    article_line: float | None = None  # where the article stands, drawn above its first forecast
    note: tuple[float, float, float] | None = None  # (left, top, width)
    start: tuple[float, float] | None = None  # the arrow's first point, at the acting side
    end: float = 0  # where the shaft stops, short of the farthest head
    heads: tuple[tuple[tuple[float, float], ...], ...] = ()  # one triangle per side acted on


@dataclass(frozen=True)
class ArgumentLayout:
    lanes: tuple[LaneHead, ...]
    steps: tuple[StepMark, ...]
    life_top: float  # lifelines run from under the heads to the bottom
    height: float


def argument_layout(lanes, steps, hrefs: dict, width: float = WIDTH) -> ArgumentLayout:
    """Where everything in the argument's drawing stands (pure: no markup, no site). ``lanes``
    and ``steps`` are data/visuals.yml's; ``hrefs`` gives each lane (by id) and each step (by
    position) its link."""
    lane_w = width / len(lanes)
    x_of = {lane.id: lane_w * (k + 0.5) for k, lane in enumerate(lanes)}
    head_lines = [tuple(wrap(lane.title, FONT, lane_w - 8, bold=True)) for lane in lanes]
    head_h = max(len(lines) for lines in head_lines) * LINE + 10
    heads = tuple(LaneHead(hrefs[lane.id], x_of[lane.id], x_of[lane.id] - lane_w / 2 + 2, lane_w - 4, head_h, lines,
                           2 + (head_h - len(lines) * LINE) / 2 + FONT * 0.8)
                  for lane, lines in zip(lanes, head_lines))
    y = head_h + 14
    marks = []
    article_drawn = False
    for n, step in enumerate(steps):
        forecast = step.kind == "forecast"
        article_line = None
        if forecast and not article_drawn:
            # Where the article stands: what came before it happened; what follows it expected.
            article_line, article_drawn = y, True
            y += 34
        lines = tuple(wrap(f"{step.when}: {one_line(step.text)}", FONT, width - 8))
        text_top = y + FONT * 0.8
        y += len(lines) * LINE + 10
        mark = {"href": hrefs[n], "forecast": forecast, "lines": lines, "text_top": text_top, "article_line": article_line}
        if step.over:
            xs = [x_of[lane] for lane in step.over]
            x0, x1 = min(xs) - lane_w / 2 + 6, max(xs) + lane_w / 2 - 6
            mark["note"] = (x0, y - 2, x1 - x0)
            y += 16
        else:
            x0 = x_of[step.from_]
            targets = sorted((x_of[lane] for lane in step.to), key=lambda x: abs(x - x0))
            direction = 1 if targets[-1] > x0 else -1
            mark["start"] = (x0, y + 5)
            mark["end"] = targets[-1] - direction * 8
            mark["heads"] = tuple(((x, y + 5), (x - direction * 9, y + 0.5), (x - direction * 9, y + 9.5)) for x in targets)
            y += 12
        y += 16
        marks.append(StepMark(**mark))
    return ArgumentLayout(heads, tuple(marks), head_h + 2, y)


def argument_svg(site: Site, src: str = CONNECTIONS) -> str:
    """The argument as a sequence diagram: its layout (argument_layout) drawn by
    templates/argument.svg.j2; the words come from data/visuals.yml and data/article.yml."""
    data = site.visuals.argument
    hrefs: dict = {lane.id: built_href(src, glossary_entry(lane.actors[0])) for lane in data.lanes}
    for n, step in enumerate(data.steps):
        if step.event:
            hrefs[n] = built_href(src, TIMELINE, step.event)
        else:
            hrefs[n] = built_href(src, f"{site.passages[step.passage].page}.md", step.passage)
    layout = argument_layout(data.lanes, data.steps, hrefs)
    # The article's month from data/article.yml, not written here.
    appears = f"The article appears ({human_date(site.article.date)})" if site.article else "The article appears"
    titles = ", ".join(lane.title for lane in data.lanes)
    desc = (f"A sequence diagram with {len(data.lanes)} lanes ({titles}); time runs downwards. Each step is a line of text "
            "with an arrow under it from the side that acted to the side it acted on; the article's forecasts, below the "
            "line marking its publication, are dashed. The same steps are listed under the diagram.")
    return render("argument.svg.j2", layout=layout, width=WIDTH, font=FONT, line=LINE, appears=appears, desc=desc)


def argument_list(site: Site, src: str = CONNECTIONS) -> str:
    lanes = {lane.id: lane for lane in site.visuals.argument.lanes}
    out = []
    for step in site.visuals.argument.steps:
        if step.over:
            who = " and ".join(lanes[lane].title for lane in step.over)
        else:
            who = f"{lanes[step.from_].title} → {' and '.join(lanes[lane].title for lane in step.to)}"
        if step.event:
            target = f"[on the timeline]({link(src, TIMELINE, step.event)})"
        else:
            passage = site.passages[step.passage]
            target = f"[in the reading: {passage.title}]({link(src, passage.page + '.md', step.passage)})"
        kind = "Forecast" if step.kind == "forecast" else "Happened"
        out.append(f"1. **{step.when}** ({kind.lower()}; {who}): {one_line(step.text)} See it {target}.")
    return "\n".join(out)


# ---------------------------------------------------------------------------------------------
# The network, one small diagram per kind of relation


def actor_order(site: Site) -> dict[str, int]:
    """Each actor's place in the reading order of data/visuals.yml 'sides'."""
    order: dict[str, int] = {}
    for side in site.visuals.sides:
        for actor_id in side.actors:
            order.setdefault(actor_id, len(order))
    return order


@dataclass
class Merged:
    """Every record of one (from, relation, to), as one line: their periods and sources joined."""

    from_: str
    relation: str
    to: str
    periods: list[str]
    sources: list[str]


def merged_relations(site: Site) -> list[Merged]:
    """One entry per (from, relation, to); the periods and sources of repeated relations joined."""
    merged: dict[tuple, Merged] = {}
    for rel in site.relations:
        key = (rel.from_, rel.relation, rel.to)
        if key not in merged:
            merged[key] = Merged(rel.from_, rel.relation, rel.to, [], [])
        merged[key].periods.append(one_line(rel.period))
        merged[key].sources += [s for s in rel.sources if s not in merged[key].sources]
    return list(merged.values())


def by_kind(site: Site) -> dict[str, list[Merged]]:
    order = actor_order(site)
    kinds: dict[str, list[Merged]] = {}
    for rel in merged_relations(site):
        kinds.setdefault(rel.relation, []).append(rel)
    return {k: sorted(kinds[k], key=lambda r: (order[r.from_], order[r.to])) for k in RELATION_KINDS if k in kinds}


COL = 138  # a column of names
GAP_Y = 6


def _column(ids: list[str], site: Site, x: float, anchor: str, src: str, top: float,
            ends: dict[str, int]) -> tuple[list[str], dict, float]:
    """Name boxes stacked from ``top``, each tall enough for its name and for the lines that
    meet it; returns the SVG, each box's (y0, y1), and the bottom."""
    parts, spans, y = [], {}, top
    for actor_id in ids:
        lines = wrap(short_name(site.actors[actor_id].name), FONT, COL - 10)
        h = max(len(lines) * LINE + 8, ends[actor_id] * 18 + 4)
        tx = x + 5 if anchor == "start" else x + COL - 5
        href = built_href(src, glossary_entry(actor_id))
        parts.append(f'<a class="net__node" href="{esc(href)}">'
                     f'<rect x="{num(x)}" y="{num(y)}" width="{COL}" height="{num(h)}" rx="3"/>'
                     f'{_text_lines(lines, tx, y + 4 + FONT * 0.82, anchor)}</a>')
        spans[actor_id] = (y, y + h)
        y += h + GAP_Y
    return parts, spans, y - GAP_Y


def kind_svg(site: Site, kind_id: str, rels: list[Merged], src: str = CONNECTIONS) -> str:
    """Who <kind> whom: sources of the relation on the left, targets on the right."""
    order = actor_order(site)
    lefts = sorted({r.from_ for r in rels}, key=order.get)
    rights = sorted({r.to for r in rels}, key=order.get)
    # Fewer crossings: each column in the mean order of the other ends (a few passes), sides breaking ties.
    for _ in range(4):
        at = {a: k for k, a in enumerate(lefts)}
        rights.sort(key=lambda b: (sum(at[r.from_] for r in rels if r.to == b) / sum(1 for r in rels if r.to == b), order[b]))
        at = {b: k for k, b in enumerate(rights)}
        lefts.sort(key=lambda a: (sum(at[r.to] for r in rels if r.from_ == a) / sum(1 for r in rels if r.from_ == a), order[a]))
    out_n = {a: sum(1 for r in rels if r.from_ == a) for a in lefts}
    in_n = {b: sum(1 for r in rels if r.to == b) for b in rights}
    # Heights first, then centre the shorter column against the taller one.
    _, lspan, lbottom = _column(lefts, site, 0, "start", src, 0, out_n)
    _, rspan, rbottom = _column(rights, site, WIDTH - COL, "end", src, 0, in_n)
    height = max(lbottom, rbottom)
    left_parts, lspan, _ = _column(lefts, site, 0, "start", src, (height - lbottom) / 2, out_n)
    right_parts, rspan, _ = _column(rights, site, WIDTH - COL, "end", src, (height - rbottom) / 2, in_n)

    def slots(spans: dict, ends: dict) -> dict:
        """Where each line meets a box: spread along its edge in the order of the other ends."""
        out = {}
        for actor_id, items in ends.items():
            y0, y1 = spans[actor_id]
            items = sorted(items, key=lambda item: item[0])
            for k, (_, n) in enumerate(items):
                out[(actor_id, n)] = y0 + (y1 - y0) * (k + 1) / (len(items) + 1)
        return out

    from_ends, to_ends = {}, {}
    for n, rel in enumerate(rels):
        from_ends.setdefault(rel.from_, []).append((sum(rspan[rel.to]) / 2, n))
        to_ends.setdefault(rel.to, []).append((sum(lspan[rel.from_]) / 2, n))
    ls, rs = slots(lspan, from_ends), slots(rspan, to_ends)
    edges = [edge_svg(kind_id, COL + 2, ls[(r.from_, n)], WIDTH - COL - 2, rs[(r.to, n)]) for n, r in enumerate(rels)]
    edges = [e.replace('class="rel ', 'class="rel rel--past ', 1) if is_past(r) else e for e, r in zip(edges, rels)]
    kind = RELATION_KINDS[kind_id]
    count = len(rels)
    return "\n".join([
        f'<svg xmlns="http://www.w3.org/2000/svg" class="viz-svg viz-net" viewBox="0 0 {WIDTH} {num(height + 2)}" width="{WIDTH}" height="{num(height + 2)}" '
        f'role="group" aria-labelledby="{kind_id}" data-kind="{kind_id}">',
        f'<g class="net__edges" aria-hidden="true">{"".join(edges)}</g>',
        '<g class="net__nodes">', *left_parts, *right_parts, "</g>",
        f"<!-- {count} relation{'s' if count != 1 else ''}: {esc(kind.label)} -->",
        "</svg>",
    ])


def key_markdown(kinds: list[str]) -> str:
    """The key: every kind's sample line and name, as a list (readable as text)."""
    items = [f'<li>{key_svg(k)} <a href="#{k}">{esc(RELATION_KINDS[k].label)}</a></li>' for k in kinds]
    return '<ul class="viz-keylist" id="key">' + "".join(items) + "</ul>"


def _span(period: str) -> str:
    """'2009-' -> 'since 2009'; '2009-2020' -> '2009–2020'; '2020' -> '2020 only'."""
    start, dash, end = period.partition("-")
    if not dash:
        return f"{start} only"
    return f"since {start}" if not end else f"{start}–{end}"


def is_past(rel: Merged) -> bool:
    """Ended: every period of it has an end year (relations.yml: 'YYYY-' is still in force)."""
    return all(not p.endswith("-") for p in rel.periods)


def when(rel: Merged) -> str:
    """The relation's period in words, 'ended' said in words too (never colour alone)."""
    text = "; ".join(_span(p) for p in rel.periods)
    if is_past(rel) and "–" in text.rsplit("; ", 1)[-1]:
        text += ", ended"
    return text


def sentence(site: Site, rel: Merged) -> str:
    """'Quds Force is part of Islamic Revolutionary Guard Corps': the relation in words."""
    return f"{short_name(site.actors[rel.from_].name)} {RELATION_KINDS[rel.relation].label} {short_name(site.actors[rel.to].name)}"


def actor_rows(site: Site, actor_id: str) -> list[tuple[Merged, bool]]:
    """Every relation of one actor, as (relation, outgoing): by kind, its own acts first, then
    in the order of the sides."""
    order, kinds = actor_order(site), list(RELATION_KINDS)
    rows = [(rel, rel.from_ == actor_id) for rel in merged_relations(site) if actor_id in (rel.from_, rel.to)]
    return sorted(rows, key=lambda row: (kinds.index(row[0].relation), not row[1],
                                         order[row[0].to if row[1] else row[0].from_]))


def glyph_svg(kind_id: str, outgoing: bool, past: bool) -> str:
    """A kind's line for one row: its end marker on the right when this actor acts on the other,
    on the left when the other acts on it; ended relations thin and pale (the words say so too)."""
    x0, x1 = (2, 54) if outgoing else (54, 2)
    edge = edge_svg(kind_id, x0, 9, x1, 9)
    if past:
        edge = edge.replace('class="rel ', 'class="rel rel--past ', 1)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="viz-key" viewBox="0 0 56 18" width="56" height="18" '
            f'aria-hidden="true" focusable="false">{edge}</svg>')


def by_actor_markdown(site: Site, src: str = CONNECTIONS) -> str:
    """One actor at a time: an index of anchors (by side), then each actor's relations in one
    short list, each row its kind's line, the other actor and the period."""
    order = actor_order(site)
    involved = {a for rel in site.relations for a in (rel.from_, rel.to)}
    counts = {a: len(actor_rows(site, a)) for a in involved}
    out = ["Pick an actor to see all its relations at once. On each row the line is the kind's (see the key above); "
           "its end marker points at the one acted upon. Pale lines and the word *ended* (or *only*) mark relations "
           "that are over.", "",
           '<nav class="by-actor" aria-labelledby="by-actor-title"><p id="by-actor-title" class="by-actor__title">Actors</p>']
    for side in site.visuals.sides:
        ids = [a for a in side.actors if a in involved]
        if not ids:
            continue
        links = "".join(f'<li><a href="#{actor_section(a)}">{esc(short_name(site.actors[a].name))}</a> '
                        f'<span class="by-actor__n">{counts[a]}</span></li>' for a in ids)
        out.append(f'<p class="by-actor__side">{esc(side.title)}</p><ul>{links}</ul>')
    out += ["</nav>", ""]
    for actor_id in sorted(involved, key=order.get):
        actor = site.actors[actor_id]
        out += [f"### {actor.name} {{ #{actor_section(actor_id)} }}", ""]
        rows = []
        for rel, outgoing in actor_rows(site, actor_id):
            kind = RELATION_KINDS[rel.relation]
            other = rel.to if outgoing else rel.from_
            verb = kind.label if outgoing else kind.inverse
            past = is_past(rel)
            rows.append(f'<li class="ego__row{" ego__row--past" if past else ""}">{glyph_svg(rel.relation, outgoing, past)} '
                        f'<span class="ego__what">{esc(verb[0].upper() + verb[1:])} '
                        f'<a href="#{actor_section(other)}">{esc(short_name(site.actors[other].name))}</a></span> '
                        f'<span class="ego__when">{esc(when(rel))}</span> '
                        f'<a class="ego__src" href="#{relation_item(rel.from_, rel.relation, rel.to)}">sources</a></li>')
        out += ['<ul class="ego">' + "".join(rows) + "</ul>",
                "", f"[Glossary entry: {actor.name}]({link(src, glossary_entry(actor_id))}){{ .ego__entry }}.", ""]
    return "\n".join(out)


def network_markdown(site: Site, src: str = CONNECTIONS) -> tuple[str, list[Citation]]:
    kinds = by_kind(site)
    out = [
        f"{len(site.relations)} relations in {len(kinds)} kinds. Each kind has its own line: its pattern, its end "
        "marker and its name below. The actor is on the left, the one acted upon on the right, and every name links "
        "to its glossary entry. Pale lines are relations that have ended; the list under each drawing gives every "
        "period.",
        "",
        key_markdown(list(kinds)),
        "",
    ]
    citations: list[Citation] = []
    for kind_id, rels in kinds.items():
        kind = RELATION_KINDS[kind_id]
        out += [f"### {kind.heading} {{ #{relation_anchor(kind_id)} }}", "",
                f'<figure class="viz viz--net"><figcaption>{key_svg(kind_id)} '
                f"Read each line left to right: left {esc(kind.label)} right.</figcaption>",
                kind_svg(site, kind_id, rels, src), "</figure>", ""]
        for rel in rels:
            a, b = site.actors[rel.from_], site.actors[rel.to]
            anchor = relation_item(rel.from_, rel.relation, rel.to)
            out.append(f"- [{a.name}]({link(src, glossary_entry(a.id))}) {kind.label} [{b.name}]({link(src, glossary_entry(b.id))}), "
                       f"{when(rel)}. {cite(rel.sources, site, src)}")
            out.append(f"  {{ #{anchor} .relation }}")
            citations += cited(rel.sources, src, anchor, page="Connections", item=sentence(site, rel))
        out.append("")
    return "\n".join(out), citations


def markdown(site: Site, src: str = CONNECTIONS, args=(), index=None) -> Written:
    """The connections page's generated part (its marker: <!-- insert: connections -->)."""
    if not site.relations:
        return Written("*No relations yet.*")
    network, citations = network_markdown(site, src)
    out = [
        '<p class="by-actor__lead">Looking for one actor? <a href="#by-actor">Pick it from the list of actors</a> '
        "to see all its relations at once, each with its period.</p>",
        "",
        "## The argument, step by step { #argument }",
        "",
        "Time runs down the page. Each arrow goes from the side that acted to the side it acted on; the "
        "article's own expectations, after the line where it appeared, are dashed.",
        "",
        '<figure class="viz viz--seq" id="argument-figure">',
        argument_svg(site, src),
        "<figcaption>Each step links to its event on the timeline, or to the passage where the article makes the "
        "forecast. The same steps as a list:</figcaption>",
        "</figure>",
        "",
        argument_list(site, src),
        "",
        "## One actor at a time { #by-actor }",
        "",
        by_actor_markdown(site, src),
        "",
        "## Every relation, kind by kind { #relations }",
        "",
        network,
    ]
    return Written("\n".join(out), tuple(citations))


# ---------------------------------------------------------------------------------------------
# A glossary entry's own relations


def entry_relations(actor_id: str, site: Site, src: str) -> list[str]:
    """Markdown lines for a glossary entry: this actor's relations, grouped by kind and
    direction, each linking to the other actor (nothing when it has none)."""
    groups: dict[tuple[str, bool], list[str]] = {}
    for rel in merged_relations(site):
        if actor_id not in (rel.from_, rel.to):
            continue
        outgoing = rel.from_ == actor_id
        other = site.actors[rel.to if outgoing else rel.from_]
        groups.setdefault((rel.relation, outgoing), []).append(
            f"[{other.name}]({link(src, glossary_entry(other.id))}) ({when(rel)})")
    if not groups:
        return []
    out = ["## Relations { #relations }", ""]
    for kind_id, kind in RELATION_KINDS.items():
        for outgoing in (True, False):
            items = groups.get((kind_id, outgoing))
            if items:
                verb = kind.label if outgoing else kind.inverse
                out.append(f"- {key_svg(kind_id)} {verb[0].upper()}{verb[1:]}: {', '.join(items)}")
    out += ["", f"All of them in one place: [Connections]({link(src, CONNECTIONS, actor_section(actor_id))}).", ""]
    return out


MARKERS = {"connections": markdown}  # the insert marker this module writes (explainer/citations.py)
