"""The annotated reading: coverage of the article, complete claims, ids, sources."""

from __future__ import annotations

import re

import pytest

from article import read_structure
from htmlpage import parse

PAGES = ["background", "diplomacy-by-drones", "scenarios"]
# Which crosshead section of the article each reading section belongs to (0 = before the first).
SECTION_PART = {"opening": 0, "trump-alarms-tehran": 1, "diplomacy-by-drones": 2, "scenarios": 2}


@pytest.fixture(scope="module")
def structure(article_path):
    return read_structure(article_path)


def test_the_article_has_23_body_paragraphs_under_two_crossheads(structure):
    assert len(structure.paragraphs) == 23
    assert len(structure.crossheads) == 2


def test_every_paragraph_is_covered_once_in_order(site, structure):
    covered = [n for page in PAGES for p in site.pages[page].passages for n in p.paragraphs]
    assert covered == list(range(1, len(structure.paragraphs) + 1))


def test_background_covers_the_opening_and_the_first_section(site, structure):
    background = [n for p in site.pages["background"].passages for n in p.paragraphs]
    second_crosshead = sorted(structure.crossheads)[1]
    assert background == list(range(1, second_crosshead))


def test_sections_follow_the_article_crossheads(site, structure):
    starts = sorted(structure.crossheads)  # paragraph numbers that open a crosshead section

    def part(n: int) -> int:
        return sum(1 for s in starts if n >= s)

    for passage in site.passages.values():
        for n in passage.paragraphs:
            assert part(n) == SECTION_PART[passage.section], (passage.id, n)


def test_every_claim_is_complete_and_dated(site):
    for claim in [*site.claims.values(), *site.forecasts.values()]:
        assert claim.verdict if hasattr(claim, "verdict") else claim.score
        assert claim.reason.strip() and claim.checked and claim.sources, claim.id
        for source in claim.sources:
            assert source in site.sources


# Rule cited runs in every build (explainer/content_rules.py); tests/test_content_errors.py sees it fire.


def test_every_passage_and_annotation_has_its_id(site, built_site):
    for page_name in PAGES:
        page = parse(built_site / page_name / "index.html")
        ids = set(page.ids)
        assert len(page.ids) == len(ids), "duplicate ids on " + page_name
        for passage in site.pages[page_name].passages:
            assert passage.id in ids
            # Published ids (records/published.txt): <passage>-context, -check, -forecast, -next.
            for kind, present in [("context", passage.context), ("check", passage.claims),
                                  ("forecast", passage.forecasts), ("next", passage.next)]:
                assert (f"{passage.id}-{kind}" in ids) == bool(present), (passage.id, kind)
            for item in [*passage.claims, *passage.forecasts]:
                assert item.id in ids


def test_every_check_shows_its_date_and_a_badge(built_site, site):
    for page_name in PAGES:
        html = (built_site / page_name / "index.html").read_text(encoding="utf-8")
        blocks = re.findall(r'<div class="(?:claim|forecast)" id="([^"]+)">(.*?)</div>', html, re.S)
        assert len(blocks) == sum(len(p.claims) + len(p.forecasts) for p in site.pages[page_name].passages)
        for claim_id, body in blocks:
            assert re.search(r'Checked <time datetime="\d{4}-\d{2}-\d{2}">', body), claim_id
            assert 'class="badge ' in body, claim_id


def test_scenarios_page_states_its_as_of_date(built_site):
    text = parse(built_site / "scenarios" / "index.html").text
    assert re.search(r"as of \d{1,2} \w+ \d{4}", text, re.I)
