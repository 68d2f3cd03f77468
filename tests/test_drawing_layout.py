"""The drawings' layout alone: positions computed by pure functions, without a site or markup."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from explainer import connections, svg
from explainer import records as R
from explainer.connections import FONT, LINE, argument_layout

LANES = (R.Lane(id="us", title="Washington", actors=("united-states",)),
         R.Lane(id="militias", title="The militias", actors=("kataib-hezbollah",)))
HREFS = {"us": "us/", "militias": "militias/", 0: "step-0/", 1: "step-1/", 2: "step-2/"}


def test_an_arrow_runs_from_the_acting_lane_to_short_of_the_other():
    steps = (R.Step(kind="act", when="2019", text="Strikes.", from_="us", to=("militias",)),)
    layout = argument_layout(LANES, steps, HREFS, width=360)
    assert [lane.x for lane in layout.lanes] == [90, 270]  # each lane's centre
    assert [(lane.left, lane.width) for lane in layout.lanes] == [(2, 176), (182, 176)]
    head = layout.lanes[0].height
    assert head == LINE + 10 and layout.life_top == head + 2  # one line of title each
    (step,) = layout.steps
    y = head + 14 + LINE + 10  # below the heads, then the step's one line of text
    assert step.text_top == head + 14 + FONT * 0.8
    assert step.start == (90, y + 5) and step.end == 270 - 8  # the shaft stops where the head begins
    assert step.heads == (((270, y + 5), (261, y + 0.5), (261, y + 9.5)),)  # pointing right, at the lane
    assert step.note is None and step.article_line is None
    assert layout.height == y + 12 + 16


def test_the_article_line_comes_before_the_first_forecast_and_a_note_spans_its_lanes():
    steps = (R.Step(kind="act", when="2019", text="Strikes.", from_="militias", to=("us",)),
             R.Step(kind="forecast", when="Later", text="Talks.", over=("us", "militias")),
             R.Step(kind="forecast", when="Later", text="More talks.", over=("us",)))
    layout = argument_layout(LANES, steps, HREFS, width=360)
    first, note, single = layout.steps
    assert first.end == 90 + 8 and first.heads[0][1] == (99, first.start[1] - 4.5)  # pointing left
    assert note.article_line == first.start[1] - 5 + 12 + 16  # once, above the first forecast only
    assert single.article_line is None
    assert note.text_top == note.article_line + 34 + FONT * 0.8
    assert (note.note[0], note.note[2]) == (6, 348)  # both lanes, 6 px in from each edge
    assert (single.note[0], single.note[2]) == (6, 168)


def test_the_template_draws_the_layout():
    steps = (R.Step(kind="act", when="2019", text="Strikes & more.", from_="us", to=("militias",)),)
    layout = argument_layout(LANES, steps, HREFS, width=360)
    markup = svg.render("argument.svg.j2", layout=layout, width=360, font=FONT, line=LINE, appears="-", desc="A <test>.")
    root = ET.fromstring(markup)  # well-formed, the text escaped
    ns = "{http://www.w3.org/2000/svg}"
    assert root.find(f"{ns}desc").text == "A <test>."
    polygon = root.find(f".//{ns}polygon")
    y = layout.steps[0].start[1]
    assert polygon.get("points") == f"270,{connections.num(y)} 261,{connections.num(y - 4.5)} 261,{connections.num(y + 4.5)}"
    assert root.get("height") == connections.num(layout.height)


def test_a_place_label_stands_beside_its_dot_and_inside_the_frame():
    from explainer.geomap import DOT, ROW, Boxes, _badge_width, _label_size, clusters, place_marks

    points = {"a": (100.0, 100.0), "edge": (395.0, 300.0), "b1": (200.0, 200.0), "b2": (205.0, 203.0)}
    number = {"a": 1, "edge": 2, "b1": 3, "b2": 4}
    names = {"a": "Alpha", "edge": "Edge", "b1": "Bee", "b2": "Bee two"}
    groups = clusters(points, list(points))
    assert groups == [["a"], ["edge"], ["b1", "b2"]]  # the two close ones share a dot
    marks = {m.places: m for m in place_marks(groups, points, number, names, Boxes(), (0, 0, 400, 400))}
    alone = marks[("a",)]
    (row,) = alone.rows
    bw = _badge_width(1)
    assert (alone.x, alone.y, alone.r, alone.leader) == (100, 100, DOT, None)
    assert (row.badge_x, row.top) == (100 + DOT + 3, 100 - (ROW - 2) / 2)  # right of the dot, centred on it
    assert (row.number_x, row.name_x) == (row.badge_x + bw / 2, row.badge_x + bw + 4)
    # No room on the right: the block goes left of the dot, inside the frame.
    (edge,) = marks[("edge",)].rows
    w = _label_size(["Edge"], [2])[0]
    assert edge.badge_x == 395 - DOT - 3 - w
    pair = marks[("b1", "b2")]
    assert (pair.x, pair.y, pair.r) == (202.5, 201.5, DOT + 2)
    assert [r.top for r in pair.rows] == [pair.rows[0].top, pair.rows[0].top + ROW]  # one line each, stacked


def test_the_map_layout_keeps_every_label_inside_and_apart():
    from conftest import ROOT
    from explainer import geomap
    from explainer.data import load_site

    site = load_site(ROOT / "data")
    base = geomap.load_basemap()
    for layout, width in geomap.LAYOUTS.items():
        drawn = geomap.map_layout(site, layout, base)
        assert drawn.width == width and drawn.total > drawn.height
        blocks = []
        for mark in drawn.places:
            assert 0 <= mark.x <= drawn.width and 0 <= mark.y <= drawn.height, mark.places
            rows = mark.rows
            block = (min(r.badge_x for r in rows), rows[0].top, max(r.name_x for r in rows), rows[-1].top + geomap.BADGE_H)
            assert 0 <= block[0] and block[2] <= drawn.width and 0 <= block[1] and block[3] <= drawn.height, (layout, mark.places)
            blocks.append(block)
        overlaps = [(a, b) for k, a in enumerate(blocks) for b in blocks[k + 1:]
                    if min(a[2], b[2]) > max(a[0], b[0]) and min(a[3], b[3]) > max(a[1], b[1])]
        assert not overlaps, (layout, overlaps)
        assert drawn.places_shown == len(site.places) and drawn.inset_places > 0
