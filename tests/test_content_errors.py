"""Seeded mistakes: each fails the build with its exact file and line and a plain message; never a
traceback. Each copy of the project is built in this process (conftest.build_site); one test runs
the real command line, to see what a writer sees there."""

from __future__ import annotations

import re

import pytest

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


# (name, file, text to replace, replacement, message, where the mistake is reported:
#  "seeded" = the line where the replacement starts, "record" = the first line of its record,
#  or a function (root, seeded line) -> line)
MISTAKES = [  # patterns, not values, so that edits to the data do not break the seeds
    ("unknown glossary id in prose", "data/passages/background.yml", r"\[\[soleimani\]\]", "[[soleimany]]",
     "link [[soleimany]]: unknown glossary id 'soleimany' (did you mean 'soleimani'?)", "seeded"),
    ("unknown source id", "data/actors.yml", r"^  sources: \[", "  sources: [no-such-source, ",
     "unknown source id 'no-such-source'", "seeded"),
    ("duplicate id", "data/actors.yml", r"^- id: kadhimi\n", "- id: soleimani\n",
     "the actor id 'soleimani' is already used at data/actors.yml:{soleimani}", "seeded"),
    ("duplicate alias", "data/actors.yml", r"^(- id: kadhimi\n(?:  .*\n)*?)  aliases: \[", r"\1  aliases: [Soleimani, ",
     "the name 'Soleimani' is already used by actor 'soleimani'", lambda root, seeded: line_of(root, "data/actors.yml", "  aliases: [Soleimani, ")),
    ("missing required field", "data/actors.yml", r"^  definition:", "  definitio:",
     "the required field 'definition' is missing", "record"),
    ("malformed date", "data/sources.yml", r"date: '\d{4}-\d\d-\d\d'", "date: '2020-01-32'",
     "must be a date written YYYY-MM-DD, YYYY-MM or YYYY, got '2020-01-32'", "seeded"),
    ("unknown actor in a relation", "data/relations.yml", r"to: kataib-hezbollah\b", "to: kataib-hizbollah",
     "unknown actor id 'kataib-hizbollah'", "seeded"),
    ("malformed event date", "data/events.yml", r'date: "\d{4}-\d\d-\d\d"', 'date: "20 March 2003"',
     "must be a date written YYYY-MM-DD, YYYY-MM or YYYY, got '20 March 2003'", "seeded"),
    ("coordinate out of range", "data/places.yml", r"lat: [0-9.]+", "lat: 333.5",
     "'lat' must be a number from -90 to 90, got 333.5", "seeded"),
    ("unknown passage on the map", "data/places.yml", r"passages: \[", "passages: [no-such-passage, ",
     "unknown passage id 'no-such-passage'", "seeded"),
]


def expected_line(root, file: str, seeded: int, where) -> int:
    if where == "seeded":
        return seeded
    if where == "record":
        return record_start(root, file, seeded)
    return where(root, seeded)


@pytest.mark.parametrize("name,file,old,new,message,where", MISTAKES, ids=[m[0] for m in MISTAKES])
def test_a_seeded_mistake_fails_the_build_with_file_and_line(tmp_path, name, file, old, new, message, where):
    root = copy_project(tmp_path / "copy")
    soleimani = line_of(root, "data/actors.yml", "- id: soleimani\n")
    seeded = seed(root, file, old, new)
    line = expected_line(root, file, seeded, where)
    result = build_copy(root)
    output = result.stdout + result.stderr
    assert result.returncode != 0, f"{name}: the build passed"
    message = message.format(soleimani=soleimani)
    reported = [row.strip() for row in output.splitlines() if message in row]
    assert reported, f"{name}: expected {message!r} in:\n{output[-3000:]}"
    # "file:line: what: message", at the exact line seeded (or the first line of its record).
    assert [row.split(": ", 1)[0] for row in reported] == [f"{file}:{line}"], f"{name}: expected {file}:{line}, got {reported}"
    assert "Traceback" not in output


def test_every_mistake_is_reported_in_one_run_and_the_command_line_shows_no_traceback(tmp_path):
    """The writer's view: ``mkdocs build --strict`` in a new process, three mistakes at once."""
    root = copy_project(tmp_path / "copy")
    first = seed(root, *MISTAKES[0][1:4])
    second = seed(root, *MISTAKES[5][1:4])
    seed(root, "docs/index.md", r"\]\(about\.md#verdicts\)", "](method.md)")
    result = mkdocs_build(root / "site", "http://127.0.0.1:8000/", cwd=root)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output, output[-3000:]
    # The data mistakes stop the build before pages render; they are listed together, with lines.
    assert f"data/passages/background.yml:{first}: {MISTAKES[0][4]}" in output, output[-3000:]
    assert f"data/sources.yml:{second}: " in output and MISTAKES[5][4] in output, output[-3000:]
    assert re.search(r"\b2 content mistakes found\b", output), output[-3000:]
    assert "method.md" not in output  # page links are checked once the data is sound


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
