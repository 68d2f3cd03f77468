"""Seeded mistakes: each fails the build with its exact file and line and a plain message; never a
traceback. Each copy of the project is built in this process (conftest.build_site); one test runs
the real command line, to see what a writer sees there."""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from conftest import ROOT, mkdocs_build
from sitecopy import build_copy, copy_project


def seed(root, file: str, pattern: str, new: str) -> int:
    """Replace the first match of the regular expression ``pattern`` in ``file`` (a plain string
    works when it has no special characters); return the line where the replacement starts."""
    path = root / file
    text = path.read_text(encoding="utf-8")
    match = re.search(pattern, text, re.MULTILINE)
    assert match, (file, pattern)
    path.write_text(text[: match.start()] + match.expand(new) + text[match.end():], encoding="utf-8")
    return text[: match.start()].count("\n") + 1


def record_start(root, file: str, line: int) -> int:
    """The line of the ``- `` that opens the YAML list item holding ``line`` (a record's first line)."""
    lines = (root / file).read_text(encoding="utf-8").splitlines()
    for n in range(line, 0, -1):
        if lines[n - 1].startswith("- "):
            return n
    raise AssertionError(f"no record starts above {file}:{line}")


def line_of(root, file: str, text: str) -> int:
    content = (root / file).read_text(encoding="utf-8")
    assert text in content, (file, text)
    return content[: content.index(text)].count("\n") + 1


# --- bad input, many kinds at once ---------------------------------------------------------------
# Each row: a name, the file seeded, how (a function of the copy's root that makes the mistake and
# returns where it must be reported, "file:line"), and the message expected there. One copy holds
# every row of a table; one build must report them all, each at its exact file:line, and no
# traceback. Seeds keep the line count of what they replace, so rows in one file do not shift
# each other (appends go at the end). To add a kind of mistake, add a row.


@dataclass(frozen=True)
class Bad:
    name: str
    file: str
    seed: Callable[[Path, str], str]  # (root, file) -> "file:line" where it must be reported
    message: str


def replace(pattern: str, new: str | Callable[[re.Match], str], at: str = "seeded", offset: int = 0):
    """Replace the first match of ``pattern``; reported at the line seeded (plus ``offset``),
    or at the first line of its record (``at="record"``)."""
    def apply(root: Path, file: str) -> str:
        path = root / file
        text = path.read_text(encoding="utf-8")
        match = re.search(pattern, text, re.MULTILINE)
        assert match, (file, pattern)
        replacement = new(match) if callable(new) else match.expand(new)
        assert replacement.count("\n") == match.group(0).count("\n"), f"{file}: a seed must keep the line count"
        path.write_text(text[: match.start()] + replacement + text[match.end():], encoding="utf-8")
        line = text[: match.start()].count("\n") + 1
        return f"{file}:{record_start(root, file, line) if at == 'record' else line + offset}"
    return apply


def append(text: str, marker: str):
    """Append ``text`` to the file; reported at the line where ``marker`` stands in it."""
    def apply(root: Path, file: str) -> str:
        path = root / file
        before = path.read_text(encoding="utf-8")
        before += "" if before.endswith("\n") else "\n"
        path.write_text(before + text, encoding="utf-8")
        return f"{file}:{before.count(chr(10)) + text[: text.index(marker)].count(chr(10)) + 1}"
    return apply


def write(content: bytes, line: int):
    def apply(root: Path, file: str) -> str:
        (root / file).write_bytes(content)
        return f"{file}:{line}"
    return apply


def remove(root: Path, file: str) -> str:
    (root / file).unlink()
    return f"{file}:1"


def then_line(seed, what: str):
    """A seed whose mistake is reported at the line where ``what`` stands after seeding."""
    def apply(root: Path, file: str) -> str:
        seed(root, file)
        return f"{file}:{line_of(root, file, what)}"
    return apply


def reported_at(file: str, what: str):
    """A seed's mistake is reported in another file, at the line of ``what`` there."""
    def wrap(seed):
        def apply(root: Path, seeded: str) -> str:
            seed(root, seeded)
            return f"{file}:{line_of(root, file, what)}"
        return apply
    return wrap


def copy_first_source(root: Path, file: str) -> str:
    """A copy of the first source under a new id, address and title: a source nobody cites."""
    path = root / file
    text = path.read_text(encoding="utf-8")
    block = re.search(r"^- id: \S+\n(?:  .*\n)+", text, re.MULTILINE).group(0)
    block = re.sub(r"^- id: \S+", "- id: seeded-uncited-copy", block)
    block = re.sub(r"https://\S+", "https://example.org/seeded-uncited-copy", block)
    block = re.sub(r"^  title: ", "  title: Seeded copy, ", block, flags=re.MULTILINE)
    return append(block, "- id: seeded-uncited-copy")(root, file)


def change_verdict(match: re.Match) -> str:
    return match.group(1) + ("inaccurate" if match.group(2) != "inaccurate" else "accurate")


LONG_ID = "a" * 90
BOMB = ("- id: bomb\n  date: &a [x, x, x, x, x, x, x, x, x]\n  was: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
        "  now: [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n")

# Mistakes found while the data loads: the build stops before any page renders.
DATA_MISTAKES = [
    Bad("impossible date, unquoted", "data/events.yml", replace(r'^  date: "\d{4}-\d\d-\d\d"$', "  date: 2014-06-31"),
        "'date': '2014-06-31' is not a real date"),
    Bad("malformed date", "data/events.yml", replace(r'^  date: "\d{4}-\d\d-\d\d"$', '  date: "24 June 2009"'),
        "must be a date written YYYY-MM-DD, YYYY-MM or YYYY, got '24 June 2009'"),
    Bad("unknown actor id", "data/events.yml", replace(r"^  actors: \[", "  actors: [no-such-actor, "),
        "unknown actor id 'no-such-actor'"),
    Bad("impossible date, quoted", "data/sources.yml", replace(r"^  date: '\d{4}-\d\d-\d\d'$", "  date: '2020-02-30'"),
        "'date': '2020-02-30' is not a real date"),
    Bad("a list where text belongs", "data/sources.yml", replace(r"^  publisher: (.+)$", r"  publisher: [\1]"),
        "'publisher' must be text, got ["),
    Bad("a list where a mapping belongs", "data/sources.yml",
        replace(r"^  read_at:\n    publisher: (.*)\n    url: (.*)\n", r"  read_at: [\1, \2]\n  #\n  #\n"),
        "› read_at should be a set of 'name: value' fields"),
    Bad("misspelt field name", "data/sources.yml", replace(r"^  title:", "  titel:"), "unknown field 'titel'"),
    Bad("required field missing", "data/sources.yml", lambda root, file: f"{file}:{record_start(root, file, line_of(root, file, '  titel:'))}",
        "the required field 'title' is missing"),
    Bad("id too long", "data/sources.yml",
        append(f"- id: {LONG_ID}\n  publisher: P\n  title: {'T' * 4500}\n  date: '2020'\n  kind: reporting\n", LONG_ID),
        "is 90 characters long; an id may have at most 80 [rule size]"),
    Bad("text too long", "data/sources.yml", lambda root, file: f"{file}:{line_of(root, file, 'T' * 4500)}",
        "this text is 4500 characters long; the limit is 4000 (split it, or link to a source) [rule size]"),
    Bad("duplicate key", "data/actors.yml", replace(r"^  article_name: (.*)$", r"  name: \1"),
        "the key 'name' appears twice in one entry"),
    Bad("unknown field in a nested record", "data/actors.yml", replace(r"^  native:", "  nativ:"), "unknown field 'nativ'"),
    Bad("duplicate id", "data/actors.yml", replace(r"^- id: kadhimi$", "- id: soleimani"),
        "the actor id 'soleimani' is already used at data/actors.yml:"),
    Bad("duplicate alias", "data/actors.yml",
        then_line(replace(r"^(- id: muhandis\n(?:  .*\n)*?)  aliases: \[", r"\1  aliases: [Soleimani, "), "  aliases: [Soleimani, "),
        "the name 'Soleimani' is already used by actor 'soleimani'"),
    Bad("tab for indentation", "data/relations.yml", replace(r"^- \{from: (.*)\n- \{from:", "- {from: \\1\n\t- {from:", offset=1),
        "is not valid YAML: a tab character here; indent with spaces"),
    Bad("alias bomb", "data/corrections.yml", append(BOMB, "  date: &a"),
        "YAML anchor '&a' is not allowed in data files; write the value out [rule no-aliases]"),
    Bad("alias bomb's aliases", "data/corrections.yml", lambda root, file: f"{file}:{line_of(root, file, '  now: [*b')}",
        "YAML alias '*b' is not allowed in data files; write the value out [rule no-aliases]"),
    Bad("missing required file", "data/visuals.yml", remove, "this file is missing; the site needs it"),
    Bad("empty file", "data/article.yml", write(b"# nothing here yet\n", 1), "this file is empty (an empty list is written [])"),
    Bad("colon inside unquoted text", "data/passages/scenarios.yml", replace(r"^    title: (.*)$", r"    title: Note: \1"),
        "is not valid YAML: mapping values are not allowed in this context"),
    Bad("one-space slip", "data/passages/diplomacy-by-drones.yml", replace(r"^    section: (.*)$", r"     section: \1"),
        "is not valid YAML: mapping values are not allowed in this context"),
    Bad("not UTF-8", "data/known_gaps.yml", write(b"# known gaps\n# caf\xe9\n", 2),
        "is not UTF-8 text (byte 0xe9 here); save it as UTF-8"),
    Bad("coordinate out of range", "data/places.yml", replace(r"^  lat: [0-9.]+$", "  lat: 333.5"),
        "'lat' must be a number from -90 to 90, got 333.5"),
    Bad("unknown event id", "data/places.yml", replace(r"^  events: \[", "  events: [no-such-event, "),
        "unknown event id 'no-such-event'"),
    Bad("unknown glossary id in prose", "data/passages/background.yml", replace(r"\[\[soleimani\]\]", "[[soleimany]]"),
        "link [[soleimany]]: unknown glossary id 'soleimany' (did you mean 'soleimani'?)"),
    Bad("a YAML tag that runs code", "data/passages/background.yml", replace(r"^    title: ", "    title: !!python/object:os.system "),
        "the YAML tag 'tag:yaml.org,2002:python/object:os.system' is not allowed; write a plain value"),
    Bad("unknown data file", "data/notes.yml", write(b"note: a draft\n", 1), "is not a data file the site knows"),
    Bad("reading page renamed in the nav", "mkdocs.yml",
        reported_at("data/passages/background.yml", "page: background")(replace(r"^(\s*- [^:\n]+: )background\.md$", r"\1backgrund.md")),
        "reading page 'background' is not in the nav of mkdocs.yml"),
    Bad("one-space slip in the redirects", "records/redirects.yml",
        then_line(replace(r"^  (/glossary/pmf/#popular-mobilization-forces:.*)$", r"   \1"), "  /sources/"),
        "did not find expected key: this line is indented 2 spaces, line 5 3; the keys of one block need the same indentation"),
    Bad("bad line in the verdict record", "records/verdicts.txt", replace(r"^([a-z0-9-]+) opinion$", r"\1 opinon"),
        "is not 'claim-id label'"),
    Bad("bad line in the published registry", "records/published.txt", replace(r"^/about/#verdicts$", "about/#verdicts"),
        "is not a site address such as /page/ or /page/#id"),
]

# Mistakes found once the data is sound: the content rules and the pages, reported together.
RULE_MISTAKES = [
    Bad("place off the map", "data/places.yml", replace(r"^  lat: [0-9.]+$", "  lat: 10.5"), ") is outside the map, which shows latitudes"),
    Bad("glossary entry mentioned by no passage", "data/passages/background.yml",
        reported_at("data/actors.yml", "- id: trt-world\n")(replace(r"\[\[trt-world\|TRT World\]\]", "TRT World")),
        "glossary entry 'trt-world' is linked from no passage: write [[trt-world]] where a passage names it, or remove the entry [rule mentioned]"),
    Bad("source cited nowhere", "data/sources.yml", copy_first_source,
        "source 'seeded-uncited-copy' is cited nowhere: cite it from a claim, passage or entry, or remove it [rule cited]"),
    Bad("hand-written date against the timeline", "data/passages/background.yml",
        replace(r"at \[\[baghdad-airport\]\] on \[\[date:soleimani-muhandis-killed\]\]", "at [[baghdad-airport]] on 5 January 2020"),
        "'5 January 2020' here, but the timeline dates 'soleimani-muhandis-killed' 3 January 2020; "
        "write [[date:soleimani-muhandis-killed]] (or correct one of them) [rule date-conflict]"),
    Bad("verdict changed without a correction", "data/passages/diplomacy-by-drones.yml",
        replace(r"^(\s+verdict: )([a-z-]+)$", change_verdict), "add an entry for it to data/corrections.yml [rule verdict-record]"),
    Bad("verdict changed without an update date", "data/passages/diplomacy-by-drones.yml",
        lambda root, file: f"{file}:{line_of(root, file, CHANGED_VERDICT[0])}" if CHANGED_VERDICT else "?",
        "verdict an 'updated:' date [rule verdict-record]"),
    Bad("impossible date written in prose", "docs/about.md", append("\nNothing happened on 31 February 2020.\n", "Nothing happened"),
        "'31 February 2020' here is not a real date [rule date-conflict]"),
    Bad("page not UTF-8", "docs/corrections.md", write(b"# Corrections\n\nCaf\xe9.\n", 3), "is not UTF-8 text (byte 0xe9 here)"),
    Bad("unknown insert marker", "docs/index.md", append("\n<!-- insert: nothing -->\n", "<!--"), "unknown insert marker '<!-- insert: nothing -->'"),
    Bad("unknown glossary id in a page", "docs/index.md", replace(r"\[\[pmf([|\]])", r"[[hashd\1"), "link [[hashd]]: unknown glossary id 'hashd'"),
    Bad("unknown event in a date reference", "docs/about.md", append("\nOn [[date:no-such-event]].\n", "On [["),
        "unknown timeline event id 'no-such-event'"),
]
CHANGED_VERDICT: list[str] = []


def copy_with_records(tmp_path: Path) -> Path:
    root = copy_project(tmp_path / "copy")
    shutil.copytree(ROOT / "records", root / "records")
    return root


def seed_all(root: Path, table: list[Bad]) -> dict[str, str]:
    """Make every mistake of a table in one copy; row name -> where it must be reported."""
    return {bad.name: bad.seed(root, bad.file) for bad in table}


def misreported(table: list[Bad], where: dict[str, str], output: str) -> list[str]:
    """Rows whose message is not in the output at exactly its file:line (once)."""
    wrong = []
    rows = [row.strip() for row in output.splitlines()]
    for bad in table:
        here = [row for row in rows if row.startswith(where[bad.name] + ": ") and bad.message in row]
        if len(here) != 1:
            elsewhere = [row for row in rows if bad.message in row]
            wrong.append(f"{bad.name}: expected {where[bad.name]}: ...{bad.message}..., got {elsewhere or 'nothing'}")
    return wrong


def test_many_kinds_of_bad_data_are_reported_in_one_run_without_a_traceback(tmp_path):
    """The writer's view: ``mkdocs build --strict`` in a new process, every data mistake at once."""
    assert len(DATA_MISTAKES) + len(RULE_MISTAKES) >= 25
    root = copy_with_records(tmp_path)
    where = seed_all(root, DATA_MISTAKES)
    result = mkdocs_build(root / "site", "http://127.0.0.1:8000/", cwd=root)
    output = result.stdout + result.stderr
    assert result.returncode != 0, "the build passed"
    assert "Traceback" not in output, output[-3000:]
    wrong = misreported(DATA_MISTAKES, where, output)
    assert not wrong, "\n".join(wrong) + "\n--- output:\n" + output[-6000:]


def test_content_rules_and_page_mistakes_are_reported_together(tmp_path):
    root = copy_with_records(tmp_path)
    page = root / "data/passages/diplomacy-by-drones.yml"
    before = page.read_text(encoding="utf-8")
    where = seed_all(root, RULE_MISTAKES[:5])
    changed = next(new for old, new in zip(before.splitlines(), page.read_text(encoding="utf-8").splitlines()) if old != new)
    CHANGED_VERDICT[:] = [changed + "\n"]
    where.update(seed_all(root, RULE_MISTAKES[5:]))
    result = build_copy(root)
    output = result.stdout + result.stderr
    assert result.returncode != 0, "the build passed"
    assert "Traceback" not in output, output[-3000:]
    wrong = misreported(RULE_MISTAKES, where, output)
    assert not wrong, "\n".join(wrong) + "\n--- output:\n" + output[-6000:]


def test_page_mistakes_are_all_reported_with_lines(tmp_path):
    """Mistakes in hand-written pages are found while pages render, and listed together."""
    root = copy_project(tmp_path / "copy")
    missing_page = seed(root, "docs/index.md", r"\]\(about\.md#verdicts\)", "](method.md)")
    missing_anchor = seed(root, "docs/about.md", r"\]\(sources\.md\)", "](sources.md#nowhere)")
    unknown_id = seed(root, "docs/index.md", r"\[\[pmf([|\]])", r"[[hashd\1")
    result = build_copy(root)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    for expected in [
        f"docs/index.md:{missing_page}: link to 'method.md': there is no page or file 'method.md' in docs/",
        f"docs/about.md:{missing_anchor}: link to 'sources.md#nowhere': 'sources.md' has no heading or anchor '#nowhere'",
        f"docs/index.md:{unknown_id}: link [[hashd]]: unknown glossary id 'hashd'",
    ]:
        assert expected in output, f"{expected!r} not in:\n{output[-3000:]}"
    assert "3 content mistakes found" in output, output[-3000:]


def test_run_record_reports_a_bad_record_line_and_records_nothing(tmp_path, capsys):
    """``./run record`` (devtools/records.py) on a slip in records/verdicts.txt: file:line, no traceback."""
    import contextlib

    from devtools import records

    root = copy_with_records(tmp_path)
    where = replace(r"^([a-z0-9-]+) opinion$", r"\1: opinion")(root, "records/verdicts.txt")
    before = (root / "records" / "verdicts.txt").read_text(encoding="utf-8")
    with contextlib.chdir(root):
        code = records.main(str(root / "no-site"))
    err = capsys.readouterr().err
    assert code == 1
    assert f"{where}: " in err and "is not 'claim-id label'" in err and "[rule verdict-record]" in err, err
    assert (root / "records" / "verdicts.txt").read_text(encoding="utf-8") == before, "a record with a mistake was rewritten"


def test_run_markdown_reports_a_slip_in_the_nav_with_its_line(tmp_path):
    """``./run markdown`` reads mkdocs.yml itself (MkDocs is not there to report it): file:line."""
    from explainer.export import export
    from explainer.problems import ContentError

    root = copy_with_records(tmp_path)
    where = replace(r"^(\s*)(- [^:\n]+: )timeline\.md$", r"\1 \2timeline.md")(root, "mkdocs.yml")
    line = int(where.split(":")[1]) + 1  # YAML notices the slip at the next entry
    try:
        export(root, tmp_path / "out")
    except ContentError as error:
        found = [str(p) for p in error.problems]
    else:
        raise AssertionError("a broken nav exported without a word")
    assert found == [f"mkdocs.yml:{line}: is not valid YAML: expected <block end>, but found '<block sequence start>'"], found
