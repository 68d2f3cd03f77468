"""The built site, page by page: metadata, language, permalinks, pages at their addresses."""

from __future__ import annotations

import pytest

from conftest import html_pages
from htmlpage import parse

PAGES = ["", "background/", "diplomacy-by-drones/", "scenarios/", "glossary/", "timeline/",
         "connections/", "map/", "sources/", "about/", "corrections/"]


@pytest.fixture(scope="module")
def pages(built_site):
    return {p.relative_to(built_site).as_posix(): parse(p) for p in html_pages(built_site)}


@pytest.mark.parametrize("address", PAGES)
def test_every_page_is_at_its_final_address(built_site, address):
    assert (built_site / address / "index.html").is_file()


def test_every_page_has_share_metadata(pages, site_port):
    base = f"http://127.0.0.1:{site_port}/"
    for name, page in pages.items():
        assert page.lang == "en-GB", name
        assert page.title.strip(), name
        assert page.meta.get("description", "").strip(), f"{name}: no description"
        canonical = page.links.get("canonical", "")
        assert canonical.startswith(base), f"{name}: canonical {canonical!r}"
        assert page.meta.get("og:url") == canonical, name
        for key in ("og:title", "og:description", "og:type", "og:site_name", "twitter:card", "twitter:title"):
            assert page.meta.get(key, "").strip(), f"{name}: no {key}"


def test_headings_have_permalinks(pages):
    for name, page in pages.items():
        for tag, hid, has_link in page.headings:
            if tag in ("h2", "h3", "h4"):
                assert hid and has_link, f"{name}: {tag}#{hid} has no permalink"


def test_search_dialog_has_a_name(pages):
    page = pages["index.html"]
    html = page.path.read_text(encoding="utf-8")
    assert 'role="dialog" aria-label="Search"' in html


def test_nothing_loads_from_another_host(built_site):
    for path in html_pages(built_site):
        page = parse(path)
        for src, _, _ in page.scripts:
            assert not src or not src.startswith(("http:", "https:", "//")), f"{path}: script {src}"
        html = path.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html, path
        for rel in ("stylesheet", "preconnect", "dns-prefetch"):
            href = page.links.get(rel, "")
            assert not href.startswith(("http", "//")), f"{path}: {rel} {href}"
