"""The data core: every mistake reported with file, line and a plain message, all in one run."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from explainer.data import fold, load_site
from explainer.problems import ContentError

FIXTURE = Path(__file__).parent / "fixtures" / "data"


@pytest.fixture
def data(tmp_path) -> Path:
    shutil.copytree(FIXTURE, tmp_path / "data")
    return tmp_path / "data"


def problems(data: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_site(data)
    return [str(p) for p in caught.value.problems]


def replace(path: Path, old: str, new: str) -> int:
    """Replace the first ``old``; return the line where it stood (where ``new`` now starts)."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def test_the_fixture_is_valid(data):
    site = load_site(data)
    assert set(site.actors) >= {"soleimani", "pmf"}
    assert site.passages["warning-by-drone"].page == "background"
    assert site.claims["example-claim"].passage == "warning-by-drone"


def test_broken_yaml_gives_file_and_line(data):
    line = replace(data / "actors.yml", "  kind: group", "  kind: [group")
    found = problems(data)
    assert len(found) == 1
    # PyYAML notices the unclosed bracket on the next line (the parser's own position).
    assert found[0].startswith(f"data/actors.yml:{line + 1}: is not valid YAML"), found


def test_unknown_ids_are_reported_with_their_lines(data):
    source = replace(data / "passages" / "background.yml", "sources: [example-20200103-strike]\n    claims", "sources: [no-such-source]\n    claims")
    link = replace(data / "actors.yml", "An example role linking [[soleimani]]", "An example role linking [[soliemani]]")
    found = problems(data)
    assert source == 12 and link == 20
    assert any(p.startswith("data/passages/background.yml:12: ") and "unknown source id 'no-such-source'" in p for p in found), found
    assert "data/actors.yml:20: link [[soliemani]]: unknown glossary id 'soliemani' (did you mean 'soleimani'?)" in found, found


def test_every_mistake_is_reported_at_once(data):
    date = replace(data / "sources.yml", 'date: "2020-01-03"', 'date: "2020-13-03"')
    replace(data / "sources.yml", "  publisher: Example Institute\n", "")
    replace(data / "actors.yml", "  definition: An example group.\n", "")
    kind = replace(data / "actors.yml", "kind: group", "kind: militia")
    verdict = replace(data / "passages" / "background.yml", "verdict: partly-accurate", "verdict: mostly-true")
    found = problems(data)
    assert (date, kind, verdict) == (4, 16, 16)
    # A missing field is reported on the first line of its record; a wrong value on its own line.
    expected = [
        ("data/sources.yml:4: ", "'date': '2020-13-03' is not a real date"),
        ("data/sources.yml:7: ", "source 'example-2021-review': the required field 'publisher' is missing"),
        ("data/actors.yml:15: ", "actor 'pmf': the required field 'definition' is missing"),
        ("data/actors.yml:16: ", "'kind' must be one of person, group, state, agreement, place"),
        ("data/passages/background.yml:16: ", "'verdict' must be one of accurate, needs-context"),
    ]
    for where, what in expected:
        assert any(p.startswith(where) and what in p for p in found), (where, what, found)
    assert len(found) == len(expected)


def test_duplicate_ids_and_aliases(data):
    text = (data / "sources.yml").read_text(encoding="utf-8")
    (data / "sources.yml").write_text(text + text.split("- id: example-2021-review")[0].replace("- id: example-20200103-strike", "- id: example-20200103-strike", 1), encoding="utf-8")
    replace(data / "actors.yml", "aliases: [PMF, Hashd al-Sha'bi]", "aliases: [PMF, Hashd al-Sha'bi, qasem soleimani]")
    found = problems(data)
    second = len(text.splitlines()) + 1  # the copy of the first record, appended after the file
    assert any(p.startswith(f"data/sources.yml:{second}: ") and "the source id 'example-20200103-strike' is already used at data/sources.yml:1" in p for p in found), found
    assert any(p.startswith("data/actors.yml:18: ") and "the name 'qasem soleimani' is already used by actor 'soleimani'" in p for p in found), found


def test_unknown_fields_and_files(data):
    fate = replace(data / "actors.yml", "  fate: An example fate.\n", "  fate: An example fate.\n  fait: typo\n", )
    (data / "notes.yml").write_text("- a\n", encoding="utf-8")
    found = problems(data)
    assert any(p.startswith(f"data/actors.yml:{fate + 1}: ") and "unknown field 'fait'" in p for p in found), found
    assert any(p.startswith("data/notes.yml:1: is not a data file the site knows") for p in found), found


def test_fold_ignores_case_accents_and_apostrophes():
    assert fold("Qāsem Soleimānī") == fold("qasem soleimani")
    assert fold("Asa'ib Ahl al-Haq") == fold("Asaib Ahl al Haq".replace("Asaib", "Asa’ib"))


def test_a_bad_link_inside_a_text_block_points_at_its_own_line(data):
    replace(data / "passages" / "background.yml", "      text: Mentions [[soleimani]] and [[pmf|the PMF]].",
            "      text: |\n        First line.\n        Second line mentions [[soleimany]].")
    found = problems(data)
    assert found == ["data/passages/background.yml:13: link [[soleimany]]: unknown glossary id 'soleimany' (did you mean 'soleimani'?)"], found


def test_every_rule_is_listed_in_data_readme_and_named_in_one_table():
    """data/README.md lists exactly the rules of explainer/content_rules.RULES, and every rule
    name the code gives a Problem is one of them."""
    from explainer.content_rules import RULES

    readme = (Path(__file__).parent.parent / "data" / "README.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"^ *\| `([a-z-]+)` \|", readme, re.MULTILINE))
    assert listed == set(RULES), f"in data/README.md only: {listed - set(RULES)}; in RULES only: {set(RULES) - listed}"
    code = "".join(p.read_text(encoding="utf-8") for p in (Path(__file__).parent.parent / "explainer").glob("*.py"))
    named = set(re.findall(r'\brule="([a-z-]+)"', code)) | set(re.findall(r'^RULE = "([a-z-]+)"', code, re.MULTILINE))
    assert named <= set(RULES), f"rule names used in explainer/ but not in content_rules.RULES: {named - set(RULES)}"


def test_dates_stay_text_as_written_quoted_or_not(tmp_path):
    """PyYAML's timestamp constructor never runs: the schema, not a ValueError, judges 2014-06-31."""
    from explainer.yamlfile import load_yaml

    path = tmp_path / "x.yml"
    path.write_text("a: 2020-01-03\nb: '2020-01-03'\nc: 2014-06-31\nd: 2020-01-03 10:00:00\n", encoding="utf-8")
    data, problems = load_yaml(path, "x.yml")
    assert problems == [] and dict(data) == {"a": "2020-01-03", "b": "2020-01-03", "c": "2014-06-31", "d": "2020-01-03 10:00:00"}, (data, problems)
