"""Seeded mistakes: each fails the build with its file, line and a plain message; never a traceback."""

from __future__ import annotations

import pytest

from sitecopy import build_copy, copy_project


def seed(root, file: str, old: str, new: str) -> int:
    """Replace the first ``old`` in ``file`` and return the line where ``new`` now stands."""
    path = root / file
    text = path.read_text(encoding="utf-8")
    assert old in text, (file, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


# (name, file, text to replace, replacement, expected message, line offset from the seeded line)
MISTAKES = [
    ("unknown glossary id in prose", "data/passages/background.yml", "killed [[soleimani]]", "killed [[soleimany]]",
     "unknown glossary id 'soleimany' (did you mean 'soleimani'?)"),
    ("unknown source id", "data/actors.yml", "sources: [", "sources: [no-such-source, ",
     "unknown source id 'no-such-source'"),
    ("duplicate id", "data/actors.yml", "- id: kadhimi", "- id: soleimani",
     "the actor id 'soleimani' is already used at data/actors.yml:5"),
    ("duplicate alias", "data/actors.yml", "aliases: [", "aliases: [Kazimi, ",
     "the name 'Kazimi' is already used by actor"),
    ("missing required field", "data/actors.yml", "  definition:", "  definitio:",
     "the required field 'definition' is missing"),
    ("malformed date", "data/sources.yml", "date: '2020-01-03'", "date: '2020-01-32'",
     "must be a date written YYYY-MM-DD, YYYY-MM or YYYY, got '2020-01-32'"),
    ("source without publisher", "data/sources.yml", "  publisher: USA Today\n", "",
     "source 'usatoday-20200103-soleimani-killed': the required field 'publisher' is missing"),
    ("source without title", "data/sources.yml", "  title: Iranian military leader Qasem Soleimani killed in US airstrike\n", "",
     "source 'usatoday-20200103-soleimani-killed': the required field 'title' is missing"),
    ("link to a missing page", "docs/index.md", "[method page](about.md#verdicts)", "[method page](method.md)",
     "link to 'method.md': there is no page or file 'method.md' in docs/"),
    ("link to a missing fragment", "docs/index.md", "[method page](about.md#verdicts)", "[method page](about.md#verdict-labels)",
     "link to 'about.md#verdict-labels': 'about.md' has no heading or anchor '#verdict-labels'"),
    ("unknown actor in a relation", "data/relations.yml", "- {from: united-states, relation: designates-terrorist, to: kataib-hezbollah",
     "- {from: united-states, relation: designates-terrorist, to: kataib-hizbollah", "unknown actor id 'kataib-hizbollah'"),
    ("malformed event date", "data/events.yml", 'date: "2003-03-20"', 'date: "20 March 2003"',
     "must be a date written YYYY-MM-DD, YYYY-MM or YYYY, got '20 March 2003'"),
    ("coordinate out of range", "data/places.yml", "lat: 33.341", "lat: 333.41",
     "'lat' must be a number from -90 to 90, got 333.41"),
    ("unknown passage on the timeline", "data/events.yml", "passages: [", "passages: [no-such-passage, ",
     "unknown passage id 'no-such-passage'"),
    ("unknown glossary id in a page", "docs/index.md", "[[pmf|Popular Mobilisation Forces]]", "[[hashd|Popular Mobilisation Forces]]",
     "link [[hashd]]: unknown glossary id 'hashd'"),
]


@pytest.mark.parametrize("name,file,old,new,message", MISTAKES, ids=[m[0] for m in MISTAKES])
def test_a_seeded_mistake_fails_the_build_with_file_and_line(tmp_path, name, file, old, new, message):
    root = copy_project(tmp_path / "copy")
    seed(root, file, old, new)
    result = build_copy(root)
    output = result.stdout + result.stderr
    assert result.returncode != 0, f"{name}: the build passed"
    assert "Traceback" not in output, output[-2000:]
    lines = [line.strip() for line in output.splitlines() if message in line]
    assert lines, f"{name}: expected {message!r} in:\n{output[-3000:]}"
    assert lines[0].startswith(file.split("/")[0] + "/") and ":" in lines[0], lines[0]
    where = lines[0].split(": ", 1)[0]
    assert where.rsplit(":", 1)[1].isdigit(), f"no line number in {lines[0]!r}"


def test_every_mistake_is_reported_in_one_run(tmp_path):
    root = copy_project(tmp_path / "copy")
    for _, file, old, new, _ in [MISTAKES[0], MISTAKES[5], MISTAKES[8]]:
        seed(root, file, old, new)
    result = build_copy(root)
    output = result.stdout + result.stderr
    # The data mistakes stop the build before pages render; they are all listed together.
    assert result.returncode != 0
    assert MISTAKES[0][4] in output and MISTAKES[5][4] in output, output[-3000:]
    assert "2 content mistakes found" in output


def test_link_mistakes_are_all_reported_with_lines(tmp_path):
    root = copy_project(tmp_path / "copy")
    first = seed(root, "docs/index.md", "[method page](about.md#verdicts)", "[method page](method.md)")
    second = seed(root, "docs/about.md", "[sources page](sources.md)", "[sources page](sources.md#nowhere)")
    result = build_copy(root)
    output = result.stdout + result.stderr
    assert f"docs/index.md:{first}: link to 'method.md'" in output, output[-3000:]
    assert f"docs/about.md:{second}: link to 'sources.md#nowhere'" in output, output[-3000:]
