"""Fact-check conventions: the method page's scales, ClaimReview data, and the corrections rule."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from conftest import ROOT
from explainer.data import load_site
from explainer.fact_summary import corrections_markdown
from explainer.schema import FORECAST_SCORES, VERDICTS
from explainer import verdicts
from explainer.verdicts import read_record
from htmlpage import parse

FIXTURE = Path(__file__).parent / "fixtures" / "data"
READING = ["background", "diplomacy-by-drones", "scenarios"]


def _section(html: str, heading_id: str) -> str:
    return html.split(f'id="{heading_id}"', 1)[1].split("<h2", 1)[0]


def test_method_page_names_every_label_and_no_other(built_site):
    html = (built_site / "about" / "index.html").read_text(encoding="utf-8")
    verdicts = re.findall(r'class="badge badge--verdict [^"]+">([^<]+)<', _section(html, "verdicts"))
    scores = re.findall(r'class="badge badge--score [^"]+">([^<]+)<', _section(html, "forecasts"))
    assert sorted(verdicts) == sorted(VERDICTS.values())
    assert sorted(scores) == sorted(FORECAST_SCORES.values())
    # Every badge anywhere on the site uses one of those labels (a summary's badge may count: "2 × ").
    labels = [re.sub(r"^\d+ × ", "", label) for page in built_site.rglob("index.html")
              for label in re.findall(r'class="badge badge--[a-z]+ [^"]+">([^<]+)<', page.read_text(encoding="utf-8"))]
    assert len(labels) > 40
    assert set(labels) <= {*VERDICTS.values(), *FORECAST_SCORES.values()}, set(labels) - {*VERDICTS.values(), *FORECAST_SCORES.values()}


def test_method_page_describes_the_article_and_what_is_unknown(built_site):
    text = parse(built_site / "about" / "index.html").text
    assert "cms.trtworld.com" in text or "trtworld.com" in (built_site / "about" / "index.html").read_text(encoding="utf-8")
    assert "Author" in text and "not shown in our copy" in text


def claim_reviews(path: Path) -> list[dict]:
    html = path.read_text(encoding="utf-8")
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    items = []
    for block in blocks:
        data = json.loads(block)
        assert data["@context"] == "https://schema.org"
        items += data["@graph"]
    return items


def test_every_checkable_claim_has_a_valid_claim_review(built_site, site, site_port):
    own = f"http://127.0.0.1:{site_port}/"
    total = 0
    for name in READING:
        path = built_site / name / "index.html"
        ids = set(parse(path).ids)
        reviews = claim_reviews(path)
        expected = [c for p in site.pages[name].passages for c in p.claims if c.verdict != "opinion"]
        assert len(reviews) == len(expected), name
        for review, claim in zip(reviews, expected):
            assert review["@type"] == "ClaimReview"
            assert review["url"] == f"{own}{name}/#{claim.id}"
            assert review["url"].split("#")[1] in ids
            assert review["claimReviewed"] and "[[" not in review["claimReviewed"]
            assert review["reviewRating"]["alternateName"] == VERDICTS[claim.verdict]
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", review["datePublished"])
            article = review["itemReviewed"]["appearance"]
            assert article["publisher"]["name"] == "TRT World" and article["datePublished"] == "2020-10"
            urls = re.findall(r'https?://[^"]+', json.dumps(review))
            assert all(u.startswith(own) or u.startswith("https://cms.trtworld.com/") or u == "https://schema.org" for u in urls), urls
        total += len(reviews)
    assert total > 30
    # Exactly the checkable claims are reviewed: not the opinions, not the forecasts (which are
    # scored on their own scale), though both are on these pages.
    reviewed = [r["url"].split("#")[1] for n in READING for r in claim_reviews(built_site / n / "index.html")]
    opinions = {c for c, claim in site.claims.items() if claim.verdict == "opinion"}
    on_pages = set().union(*(parse(built_site / n / "index.html").ids for n in READING))
    assert opinions and set(site.forecasts) and (opinions | set(site.forecasts)) <= on_pages
    assert sorted(reviewed) == sorted(set(site.claims) - opinions)


def test_every_verdict_is_recorded(site):
    # (A changed verdict without its correction fails the build: rule verdict-record, below.)
    record = read_record(ROOT)
    assert record, "records/verdicts.txt is missing: run ./run record"
    assert set(record) == set(site.claims) | set(site.forecasts), "run ./run record"


def test_a_changed_verdict_needs_a_correction_and_an_update_date(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(FIXTURE, data)
    (tmp_path / "records").mkdir()
    (tmp_path / "records" / "verdicts.txt").write_text("# id label\nexample-claim partly-accurate\n", encoding="utf-8")
    page = data / "passages" / "background.yml"
    text = page.read_text(encoding="utf-8").replace("verdict: partly-accurate", "verdict: inaccurate")
    page.write_text(text, encoding="utf-8")
    line = text[: text.index("verdict: inaccurate")].count("\n") + 1
    was = f"data/passages/background.yml:{line}: 'example-claim' was partly-accurate (records/verdicts.txt:2), now inaccurate"
    found = sorted(str(p) for p in verdicts.check(load_site(data), tmp_path))
    assert found == [f"{was}: add an entry for it to data/corrections.yml [rule verdict-record]",
                     f"{was}: give the verdict an 'updated:' date [rule verdict-record]"], found

    page.write_text(page.read_text(encoding="utf-8").replace('checked: "2026-11-25"', 'checked: "2026-11-25"\n        updated: "2026-12-01"'), encoding="utf-8")
    (data / "corrections.yml").write_text(
        "- id: example-correction\n  date: \"2026-12-01\"\n  target: example-claim\n"
        "  was: Rated partly accurate.\n  now: Rated inaccurate after a new record.\n"
        "  kind: verdict\n  why: A new record contradicts the claim.\n", encoding="utf-8")
    fixed = load_site(data)
    found = [str(p) for p in verdicts.check(fixed, tmp_path)]
    assert found == [], f"a changed verdict with its 'updated:' date and correction still fails: {found}"
    shown = corrections_markdown(fixed, "corrections.md").markdown
    assert 'id="example-correction"' in shown and "background.md#example-claim" in shown and "1 December 2026" in shown
