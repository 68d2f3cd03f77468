"""What crawlers and link previews read: descriptions, share cards, robots.txt, the 404 page."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest

from explainer.meta import LONGEST, SHORTEST, entry_description, fit
from htmlpage import parse
from scripts import load_script

ROOT = Path(__file__).resolve().parents[1]
make_card = load_script(ROOT / "tools" / "og" / "make_card.py")

SITE_NAME = "Diplomacy by drone, explained"
CARD_TEXT = "A 2020 TRT World opinion article on US drone strikes and Iran’s allies in Iraq, read passage by passage"


def listed_pages(built_site: Path) -> list[Path]:
    """The pages in the sitemap (redirect stubs for moved addresses are not pages)."""
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    paths = [urlsplit(loc).path for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap)]
    return [built_site / p.lstrip("/") / "index.html" for p in paths]


def test_every_page_has_a_description_of_50_to_160_characters(built_site):
    pages = listed_pages(built_site) + [built_site / "404.html"]
    assert len(pages) > 40
    wrong = []
    for path in pages:
        meta = parse(path).meta
        description = meta.get("description", "")
        if not SHORTEST <= len(description) <= LONGEST:
            wrong.append(f"{path.relative_to(built_site)}: {len(description)} characters: {description!r}")
        assert meta.get("og:description") == description and meta.get("twitter:description") == description, path
    assert wrong == []


def test_long_and_short_definitions_are_fitted():
    # A parenthesis goes first.
    long_aside = "Iraqi militia commander (real name " + "x" * 60 + ") who founded a group and was deputy head of a larger body of armed factions."
    assert fit(long_aside) == "Iraqi militia commander who founded a group and was deputy head of a larger body of armed factions."
    # One character over with a closing full stop: the full stop goes.
    exact = "a" * 159 + "b."
    assert fit(exact) == "a" * 159 + "b"
    # Still too long: cut at the last clause that keeps two thirds, and marked as cut.
    clauses = "A policy of sanctions and isolation meant to force a broader deal on the other side of the table, " + "begun after the exit, " * 4 + "and restored later."
    cut = fit(clauses)
    assert len(cut) <= LONGEST and cut.endswith("exit…") and not cut.endswith(",…")
    # Too short: the entry's name goes in front, then, if still short, what the page is.
    assert entry_description(SimpleNamespace(name="Barack Obama", definition="US president from 2009 to January 2017.")) == \
        "Barack Obama: US president from 2009 to January 2017."
    assert entry_description(SimpleNamespace(name="Iraq", definition="A [[state|country]].")) == "Iraq: A country. An entry in this explainer’s glossary."
    for text in (long_aside, exact, clauses, "x " * 200, "A place."):
        assert SHORTEST <= len(fit(text, "Name")) <= LONGEST


def test_glossary_entries_use_the_fitted_description(built_site):
    meta = parse(built_site / "glossary" / "obama" / "index.html").meta
    assert meta["description"] == "Barack Obama: US president from 2009 to January 2017."


def test_every_page_has_a_share_card(built_site, site_port):
    own = f"http://127.0.0.1:{site_port}/"
    for path in listed_pages(built_site) + [built_site / "404.html"]:
        meta = parse(path).meta
        assert meta.get("og:image") == f"{own}assets/og-card.png", path
        assert (meta.get("og:image:width"), meta.get("og:image:height"), meta.get("og:image:type")) == ("1200", "630", "image/png"), path
        assert meta.get("og:image:alt") == f"{SITE_NAME}: {CARD_TEXT}", path
        assert meta.get("twitter:card") == "summary_large_image", path
        assert meta.get("twitter:image") == meta["og:image"] and meta.get("twitter:image:alt") == meta["og:image:alt"], path


def test_the_card_is_1200_by_630_and_up_to_date(built_site):
    png = (built_site / "assets" / "og-card.png").read_bytes()
    assert png == (ROOT / "docs" / "assets" / "og-card.png").read_bytes()
    assert make_card.size(png) == (1200, 630)
    assert make_card.card_words() == (SITE_NAME, CARD_TEXT)
    assert make_card.text_chunks(png)[make_card.KEY] == make_card.source_hash(), "stale: run tools/og/make_card.py"
    assert make_card.is_current()


def _card_copy(tmp_path: Path) -> Path:
    for part in ("mkdocs.yml", "tools/og/card.html", "docs/assets/og-card.png"):
        (tmp_path / part).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / part, tmp_path / part)
    assert make_card.is_current(tmp_path)
    return tmp_path


def test_a_changed_template_or_text_makes_the_card_stale(tmp_path):
    root = _card_copy(tmp_path)
    template = root / "tools" / "og" / "card.html"
    template.write_text(template.read_text(encoding="utf-8").replace("#303f9f", "#000000"), encoding="utf-8")
    assert not make_card.is_current(root)
    shutil.copy(ROOT / "tools" / "og" / "card.html", template)
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("read passage by passage", "read line by line"), encoding="utf-8")
    assert not make_card.is_current(root)


def test_a_card_of_the_wrong_size_is_not_current(tmp_path):
    root = _card_copy(tmp_path)
    card = root / "docs" / "assets" / "og-card.png"
    png = bytearray(card.read_bytes())
    png[16:24] = (1200).to_bytes(4, "big") + (600).to_bytes(4, "big")  # IHDR width, height
    card.write_bytes(bytes(png))
    assert make_card.size(card.read_bytes()) == (1200, 600)
    assert not make_card.is_current(root)


def test_robots_txt_names_the_sitemap(built_site, site_port):
    robots = (built_site / "robots.txt").read_text(encoding="utf-8")
    assert robots == f"User-agent: *\nAllow: /\nSitemap: http://127.0.0.1:{site_port}/sitemap.xml\n"
    assert (built_site / "sitemap.xml").is_file()


def test_only_the_404_page_is_kept_out_of_search_engines(built_site, site_port):
    page = parse(built_site / "404.html")
    assert page.meta.get("robots") == "noindex"
    assert page.title == "Page not found - Diplomacy by drone, explained"
    # Served at any depth, so the way back is the absolute address.
    assert f'<a href="http://127.0.0.1:{site_port}/">overview</a>' in (built_site / "404.html").read_text(encoding="utf-8")
    for path in listed_pages(built_site):
        assert "robots" not in parse(path).meta, path


@pytest.mark.parametrize("name", ["corrections", "sources", "about", "index", "glossary/obama"])
def test_the_toc_checkbox_and_its_labels_come_together(built_site, name):
    html = (built_site / name / "index.html" if name != "index" else built_site / "index.html").read_text(encoding="utf-8")
    assert html.count('id="__toc"') == (1 if 'for="__toc"' in html else 0), name


def test_no_page_has_a_toc_checkbox_or_label_without_the_other(built_site):
    lone = [str(p.relative_to(built_site)) for p in built_site.rglob("*.html")
            if ('id="__toc"' in (t := p.read_text(encoding="utf-8"))) != ('for="__toc"' in t)]
    assert lone == []
    # The two cases the override exists for: a page without second-level headings, and a page
    # outside the navigation (a glossary entry), which keeps its contents title, unlinked.
    corrections = (built_site / "corrections" / "index.html").read_text(encoding="utf-8")
    if "<h2" not in corrections:
        assert 'id="__toc"' not in corrections
    entry = (built_site / "glossary" / "obama" / "index.html").read_text(encoding="utf-8")
    assert 'id="__toc"' not in entry and '<label class="md-nav__title">' in entry
