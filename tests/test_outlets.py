"""The outlet registry and honest dates (issue 26): seeded mistakes fail the build at their exact
file:line (one copy, every mistake at once); the two dates show apart; the corrections log says
what kind of change each entry is and why."""

from __future__ import annotations

import html
import re

import yaml

from conftest import ROOT
from sitecopy import build_copy, copy_project
from test_content_errors import seed

def text(fragment: str) -> str:
    """The words of an HTML fragment, tags dropped, spaces collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


# A next block's as_of line, and the checked line that may follow it (patterns, not values, so the
# hindsight rewrite's dates do not break the seeds).
AS_OF = r'^(\s+)as_of: .*\n(?:\1checked: .*\n)?'


def test_outlet_and_date_mistakes_fail_the_build_at_their_lines(tmp_path):
    root = copy_project(tmp_path / "copy")
    sources = "data/sources.yml"
    misspelt = seed(root, sources, r"^  publisher: Reuters$", "  publisher: Reuter")
    variant = seed(root, sources, r"^  publisher: Kurdistan24$", "  publisher: Kurdistan 24")
    unknown = seed(root, sources, r"^  publisher: Al Jazeera$", "  publisher: Example Daily Gazette")
    # An unreliable outlet's story, put first in a claim's sources.
    with (root / sources).open("a", encoding="utf-8") as out:
        out.write("\n- id: seeded-menafn-story\n  publisher: MENAFN\n  title: A seeded story\n  date: '2020-10-01'\n"
                  "  url: https://menafn.com/seeded\n  kind: reporting\n")
    first = seed(root, "data/passages/scenarios.yml", r"^(\s+)sources: \[", r"\1sources: [seeded-menafn-story, ")
    late = seed(root, "data/passages/background.yml", AS_OF, r'\1as_of: "2026-12-01"\n\1checked: "2026-11-01"\n')
    early = seed(root, "data/passages/diplomacy-by-drones.yml", AS_OF, r'\1as_of: "2000-01-01"\n')
    result = build_copy(root)
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output

    def at(file, line, pattern):
        rows = [r.strip() for r in output.splitlines() if r.strip().startswith(f"{file}:{line}: ")]
        assert any(re.search(pattern, r) for r in rows), f"expected {pattern!r} at {file}:{line}; got {rows}\n{output[-3000:]}"

    at(sources, misspelt, r"publisher 'Reuter' is not in data/outlets\.yml; did you mean 'Reuters'\? \[rule outlet\]$")
    at(sources, variant, r"publisher 'Kurdistan 24' is not in data/outlets\.yml; write it 'Kurdistan24' \(the registered name\)")
    at(sources, unknown, r"'Example Daily Gazette' is not in data/outlets\.yml; add it to data/outlets\.yml")
    at("data/passages/scenarios.yml", first,
       r"its first source 'seeded-menafn-story' is from MENAFN, an unreliable outlet .* \[rule unreliable-first\]$")
    at("data/passages/background.yml", late,
       r"as_of 2026-12-01 is later than checked 2026-11-01; .* \[rule as-of-checked\]$")
    at("data/passages/diplomacy-by-drones.yml", early,
       r"as_of 2000-01-01 is earlier than its newest source '[a-z0-9-]+' \(\d{4}[-\d]*\); .* \[rule as-of-sources\]$")


def test_every_publisher_is_registered_once(site):
    """One name per outlet: no registered name is another outlet's alias, and /sources/ groups by it."""
    outlets = yaml.safe_load((ROOT / "data" / "outlets.yml").read_text(encoding="utf-8"))
    names = {o["name"] for o in outlets}
    aliases = [a for o in outlets for a in o.get("aliases") or []]
    assert len(names) == len(outlets) and not names & set(aliases)
    used = {s.publisher for s in site.sources.values()}
    assert "Kurdistan 24" not in used and "United States Institute of Peace, The Iran Primer" not in used


def test_the_checked_date_and_the_news_date_show_apart(tmp_path):
    """The writers' output for a seeded copy of the data (no full build: the markup is what the page shows)."""
    import shutil

    from explainer import glossary, reading
    from explainer.data import load_site

    root = tmp_path / "copy"
    shutil.copytree(ROOT / "data", root / "data")
    seed(root, "data/passages/background.yml", AS_OF, r'\1as_of: "2026-03"\n\1checked: "2026-12-07"\n')
    seed(root, "data/actors.yml", r'^(- id: soleimani\n(?:  .*\n)*?)  fate_as_of: .*\n(?:  fate_checked: .*\n)?',
         r'\1  fate_as_of: "2020-01-03"\n  fate_checked: "2026-12-07"\n')
    site = load_site(root / "data", root)
    page = reading.page_markdown(site.pages["background"], site).markdown
    stamps = re.findall(r'<span class="as-of">(.*?)</span>', page)  # the seeded block is the page's first
    assert text(stamps[0]) == "checked 7 December 2026 · reporting up to March 2026", stamps
    assert re.findall(r'<time datetime="([^"]+)"', stamps[0]) == ["2026-12-07", "2026-03"]
    entry = glossary.entry_markdown(site.actors["soleimani"], site, []).markdown
    assert "*(Checked 7 December 2026 · reporting up to 3 January 2020.)*" in entry


def test_the_corrections_page_shows_a_kind_and_a_reason_for_every_entry(built_site, site):
    page = (built_site / "corrections" / "index.html").read_text(encoding="utf-8")
    entries = re.findall(r'<div class="correction correction--([a-z]+)" id="([^"]+)">(.*?)</div>', page, re.DOTALL)
    assert entries and {rid for _, rid, _ in entries} == set(site.corrections)
    for kind, rid, body in entries:
        item = site.corrections[rid]
        assert kind == item.kind, rid
        label = re.search(r'<span class="correction-kind correction-kind--([a-z]+)">([^<]+)</span>', body)
        assert label and label.group(1) == item.kind and label.group(2).strip(), rid
        reasons = [text(li) for li in re.findall(r"<li>(.*?)</li>", body, re.DOTALL) if text(li).startswith("Why:")]
        assert reasons == [f"Why: {' '.join(item.why.split())}"], rid
        if item.kind == "verdict":  # old → new, as the badges the site uses everywhere
            head = body.split("<ul>")[0]
            assert len(re.findall(r'class="badge badge--', head)) == 2 and "→" in head, rid
        if item.kind == "map":
            assert re.search(r'<a href="[^"]*map/"', body), rid
    order = ["verdict", "fact", "update", "source", "map"]
    kinds = [kind for kind, _, _ in entries]
    assert kinds == sorted(kinds, key=order.index), kinds  # verdict changes first


def test_a_missing_checked_date_is_reported_once_required(tmp_path, monkeypatch):
    """REQUIRE_CHECKED (explainer/freshness.py): with it on (as now), a block without its checked date fails."""
    import shutil

    import pytest

    from explainer import freshness as dates
    from explainer.data import load_site
    from explainer.problems import ContentError

    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    page = data / "passages" / "background.yml"
    text = page.read_text(encoding="utf-8")
    block = re.search(r"^    next:\n(?:      .*\n|\n)*", text, re.MULTILINE)
    cleaned = re.sub(r"^      checked: .*\n", "", block.group(0), flags=re.MULTILINE)
    page.write_text(text[: block.start()] + cleaned + text[block.end():], encoding="utf-8")
    line = text[: block.start()].count("\n") + 2  # the block's first field, below 'next:'
    monkeypatch.setattr(dates, "REQUIRE_CHECKED", False)
    load_site(data, tmp_path)  # off: no complaint
    monkeypatch.setattr(dates, "REQUIRE_CHECKED", True)
    with pytest.raises(ContentError) as error:
        load_site(data, tmp_path)
    shown = [str(p) for p in error.value.problems if p.rule == "checked"]
    assert any(s.startswith(f"data/passages/background.yml:{line}: what happened next '") and "add 'checked:'" in s
               for s in shown), shown
