"""The connections diagram and the map: well-formed, accessible, deterministic SVG whose links work."""

from __future__ import annotations

import json
import posixpath
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import ROOT, require
from htmlpage import parse
from explainer import atlas
from explainer.data import load_site

SVG = "{http://www.w3.org/2000/svg}"
PHONE_CONTENT_WIDTH = 358  # the text column of a 390 px wide phone screen (Material's margins)


@pytest.fixture(scope="module")
def site():
    return load_site(ROOT / "data")


@pytest.fixture(scope="module")
def connections(site):
    return ET.fromstring(atlas.connections_svg(site))


@pytest.fixture(scope="module")
def map_root(site):
    return ET.fromstring(atlas.map_svg(site))


def links(root) -> list:
    return list(root.iter(f"{SVG}a"))


def check_labelled(root, title_id: str, desc_id: str) -> None:
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title is not None and title.text.strip() and title.get("id") == title_id
    assert desc is not None and desc.text.strip() and desc.get("id") == desc_id
    assert root.get("aria-labelledby") == title_id and root.get("aria-describedby") == desc_id
    # Links inside: role="img" would hide them (axe: nested-interactive), so the SVG is a group.
    assert root.get("role") == "group"
    assert root.get("viewBox") and root.get("width") is None and root.get("height") is None
    for a in links(root):
        assert a.get("aria-label", "").strip(), a.get("href")
        assert a.find(f"{SVG}title") is not None, a.get("href")


def test_connections_svg_is_labelled_xml(connections):
    check_labelled(connections, "connections-title", "connections-desc")


def test_one_link_per_actor_node(site, connections):
    actors = {r["from"] for r in site.relations} | {r["to"] for r in site.relations}
    hrefs = [a.get("href") for a in links(connections)]
    assert len(hrefs) == len(actors) == len(set(hrefs))
    assert set(hrefs) == {f"../glossary/{actor_id}/" for actor_id in actors}


def test_every_relation_is_drawn_with_its_pattern(site, connections):
    drawn = [g for g in connections.iter(f"{SVG}g") if "rel--" in (g.get("class") or "")]
    edges = next(g for g in connections if g.get("class") == "edges")
    distinct = {(r["from"], r["relation"], r["to"]) for r in site.relations}
    assert len(list(edges)) == len(distinct)
    legend = next(g for g in connections if g.get("class") == "legend")
    legend_text = " ".join("".join(t.itertext()) for t in legend.iter(f"{SVG}text"))
    patterns = {}
    for relation in {r["relation"] for r in site.relations}:
        label, dash, width, _, _ = atlas.RELATION_STYLE[relation]
        assert label in legend_text, relation
        patterns[relation] = (dash, width)
    # Relations are told apart by line pattern and width, not by colour alone.
    assert len(set(patterns.values())) == len(patterns)
    assert len(drawn) > len(distinct)


def test_map_svg_is_labelled_xml(map_root):
    check_labelled(map_root, "map-title", "map-desc")


def test_one_link_per_place(site, map_root):
    hrefs = [a.get("href") for a in links(map_root)]
    assert len(hrefs) == len(site.places)
    for place in site.places.values():
        href, _ = atlas.place_href(site, place)
        if place.get("actor"):
            assert href == f"../glossary/{place['actor']}/"
        elif place.get("passages"):
            passage = site.passages[place["passages"][0]]
            assert href == f"../{passage['page']}/#{passage['id']}"
        else:
            assert href == f"#{place['id']}"
        assert href in hrefs, place["id"]


def test_place_without_actor_or_passage_links_to_its_list_item(site):
    place = {"id": "somewhere", "name": "Somewhere", "lat": 33.0, "lon": 44.0}
    assert atlas.place_href(site, place) == ("#somewhere", "details below the map")


def test_country_names_are_labelled(map_root):
    text = " ".join("".join(t.itertext()) for t in map_root.iter(f"{SVG}text"))
    for name in ("IRAQ", "IRAN", "SYRIA", "TÜRKIYE", "JORDAN", "SAUDI ARABIA", "KUWAIT"):
        assert name in text


def test_every_place_is_inside_the_map(site):
    base = atlas.load_basemap()
    outside = [p["id"] for p in site.places.values() if not atlas.in_frame(base, p["lat"], p["lon"])]
    assert not outside, f"places outside the map's frame {base['bounds']}: {outside}"


def test_drawings_are_deterministic(site):
    again = load_site(ROOT / "data")
    assert atlas.connections_svg(site) == atlas.connections_svg(again)
    assert atlas.map_svg(site) == atlas.map_svg(again)
    assert atlas.connections_markdown(site) == atlas.connections_markdown(again)
    assert atlas.map_markdown(site) == atlas.map_markdown(again)


def test_text_is_readable_on_a_phone():
    base = atlas.load_basemap()
    assert atlas.C_FONT * PHONE_CONTENT_WIDTH / atlas.C_WIDTH >= 11
    assert atlas.M_FONT * PHONE_CONTENT_WIDTH / base["width"] >= 11


def test_basemap_asset_is_small_and_complete():
    size = atlas.BASEMAP.stat().st_size
    assert size < 30_000, size
    base = json.loads(atlas.BASEMAP.read_text(encoding="utf-8"))
    names = {c["name"] for c in base["countries"]}
    assert {"Iraq", "Iran", "Syria", "Türkiye", "Jordan", "Saudi Arabia", "Kuwait"} <= names
    assert base["attribution"] == "Country outlines: Natural Earth (public domain), via the world-atlas package."
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
    assert made == atlas.BASEMAP.read_text(encoding="utf-8")


def test_built_href():
    assert atlas.built_href("connections.md", "glossary/iran.md") == "../glossary/iran/"
    assert atlas.built_href("map.md", "background.md", "x") == "../background/#x"
    assert atlas.built_href("map.md", "map.md", "x") == "#x"
    assert atlas.built_href("glossary/iran.md", "index.md") == "../../"
    assert atlas.built_href("index.md", "glossary/iran.md") == "glossary/iran/"


# ----- In the built site ---------------------------------------------------------------------


def built_svg(page: Path) -> ET.Element:
    html = page.read_text(encoding="utf-8")
    found = re.findall(r'<svg xmlns="http://www.w3.org/2000/svg" class="atlas-svg".*?</svg>', html, re.S)
    assert len(found) == 1, f"{page}: {len(found)} atlas drawings"
    return ET.fromstring(found[0])


def resolve(site_dir: Path, page_address: str, href: str) -> tuple[Path, str]:
    path, _, fragment = href.partition("#")
    target = posixpath.normpath(posixpath.join(page_address, path)) if path else page_address.rstrip("/")
    target = "" if target == "." else target
    return site_dir / target / "index.html", fragment


@pytest.mark.parametrize("address", ["connections/", "map/"])
def test_built_svg_links_resolve(built_site, address):
    page = built_site / address / "index.html"
    root = built_svg(page)
    hrefs = [a.get("href") for a in links(root)]
    assert hrefs
    for href in hrefs:
        assert not href.startswith(("/", "http:", "https:")), href
        file, fragment = resolve(built_site, address, href)
        assert file.is_file(), f"{address}: {href} -> {file} is not in the built site"
        if fragment:
            assert fragment in parse(file).ids, f"{address}: {href}: no id '{fragment}' in {file}"


def test_built_pages_keep_the_table_and_list(built_site, site):
    connections = parse(built_site / "connections" / "index.html")
    assert "relations" in connections.ids and "diagram" in connections.ids
    html = (built_site / "connections" / "index.html").read_text(encoding="utf-8")
    assert html.index('class="atlas-svg"') < html.index("<table>")
    assert html.count("<tr>") == len(site.relations) + 1
    map_page = parse(built_site / "map" / "index.html")
    for place_id in site.places:
        assert place_id in map_page.ids, f"the place list has no item with id '{place_id}'"
    map_html = (built_site / "map" / "index.html").read_text(encoding="utf-8")
    assert "{ #" not in map_html
    assert "Natural Earth (public domain), via the world-atlas package." in map_html
    assert map_html.index('class="atlas-svg"') < map_html.index('id="places"')


@pytest.mark.browser
@pytest.mark.parametrize("address", ["connections/", "map/"])
def test_svg_text_is_at_least_11px_on_a_phone(server, address):
    playwright_api = pytest.importorskip("playwright.sync_api")
    from browser import Watch, launch

    with playwright_api.sync_playwright() as p:
        browser = launch(p)
        context = browser.new_context(viewport={"width": 390, "height": 844})
        Watch(server.url).attach(context)
        page = context.new_page()
        page.goto(server.url + address, wait_until="load")
        sizes = page.evaluate("""() => {
            const svg = document.querySelector('svg.atlas-svg');
            const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
            return [scale * svg.viewBox.baseVal.width,
                    ...[...svg.querySelectorAll('text')].map(t => parseFloat(getComputedStyle(t).fontSize) * scale)];
        }""")
        browser.close()
    width, *fonts = sizes
    assert width <= 390
    assert min(fonts) >= 10.9, f"smallest text {min(fonts):.1f}px"
