"""Golden files: the Markdown that explainer/ generates from the small fixture in
tests/fixtures/data, compared byte for byte with the files in tests/golden/ (the way
pymdown-extensions tests its output: input fixtures, expected output files, an update switch).

Every insert marker that a page in docs/ uses gets one file (``insert/<page>--<marker>.md``),
and every page generated wholly from data one more (``generated/<path>``). After an intended
change of output, rewrite them with one command and review the diff before committing:

    ./run test tests/test_golden.py --update-golden
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from conftest import ROOT
from explainer.data import load_site
from explainer.citations import CitationIndex
from explainer.pages import MARKER, expand, generated_pages, site_markdown

FIXTURE = Path(__file__).parent / "fixtures" / "data"
GOLDEN = Path(__file__).parent / "golden"
UPDATE = "./run test tests/test_golden.py --update-golden"


def markers_in_docs() -> list[tuple[str, str, str]]:
    """(page, marker name, arguments) for every insert marker written in docs/."""
    found = []
    for path in sorted((ROOT / "docs").rglob("*.md")):
        src = path.relative_to(ROOT / "docs").as_posix()
        for match in MARKER.finditer(path.read_text(encoding="utf-8")):
            found.append((src, match.group(1), " ".join(match.group(2).split())))
    return found


def golden_name(src: str, name: str, args: str) -> str:
    page = src[: -len(".md")].replace("/", "__")
    return f"insert/{page}--{name}{'-' + args.replace(' ', '-') if args else ''}.md"


def made_from_fixture() -> dict[str, str]:
    site = load_site(FIXTURE)
    made = {}
    # What every page cites, written in the one pass: the sources page lists it.
    index = CitationIndex(site_markdown(site, ROOT / "docs").citations, site.titles)
    for src, name, args in markers_in_docs():
        text, problems = expand(f"<!-- insert: {name} {args} -->\n", src, site, f"docs/{src}", index=index)
        assert not problems, [str(p) for p in problems]
        made[golden_name(src, name, args)] = text
    for path, page in generated_pages(site).items():
        made[f"generated/{path}"] = page.markdown
    return made


def on_disk() -> dict[str, str]:
    return {p.relative_to(GOLDEN).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted(GOLDEN.rglob("*.md"))}


@pytest.fixture(scope="module")
def made(request) -> dict[str, str]:
    made = made_from_fixture()
    if request.config.getoption("--update-golden"):
        for stale in set(on_disk()) - set(made):
            (GOLDEN / stale).unlink()
        for name, text in made.items():
            (GOLDEN / name).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / name).write_text(text, encoding="utf-8")
    return made


def test_every_marker_in_docs_and_every_generated_page_has_a_golden_file(made):
    assert len(markers_in_docs()) >= 10
    assert sorted(on_disk()) == sorted(made), f"golden files out of date: run {UPDATE}"


def test_generated_markdown_matches_the_golden_files(made):
    expected = on_disk()
    differ = [name for name in made if expected.get(name) != made[name]]
    if differ:
        first = differ[0]
        diff = "".join(difflib.unified_diff(expected.get(first, "").splitlines(True), made[first].splitlines(True),
                                            f"golden/{first}", "made now", n=2))
        lines = diff.splitlines()
        pytest.fail(f"{len(differ)} golden files differ ({', '.join(differ)}); if intended, run {UPDATE}.\n"
                    + "\n".join(lines[:60]) + ("\n..." if len(lines) > 60 else ""))


def test_the_fixture_exercises_every_kind_of_record():
    site = load_site(FIXTURE)
    assert site.sources and site.actors and site.events and site.relations and site.places
    assert any(c.verdict == "opinion" for c in site.claims.values()) and site.forecasts
