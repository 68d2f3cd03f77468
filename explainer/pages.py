"""Turn the site's data into Markdown: generated pages, and the markers in hand-written pages.

A hand-written page asks for generated content with a marker line such as
``<!-- insert: passages background -->``; ``[[actor-id]]``, ``[[actor-id|text]]`` and
``[[date:event-id]]`` anywhere become links (explainer/markup.py). Mistakes come back as
Problems with file and line.

``site_markdown`` is the one pass over every page, generated and hand-written: the MkDocs hook
renders what it returns, and ``./run markdown`` writes it to a folder, so the two cannot drift.
Each writer returns its Markdown and the places in it that cite sources (``citations.Written``);
the sources page, which lists them, is written last, from what the others returned.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from . import connections, fact_summary, geomap, glossary, prose_rules, reading, sources_page, timeline
from .addresses import glossary_entry
from .citations import Citation, CitationIndex, Written
from .data import Site
from .links import Link, find_links
from .markup import expand_actors, expand_dates
from .problems import Problem
from .yamlfile import read_text

MARKER = re.compile(r"^<!--\s*insert:\s*([a-z-]+)((?:\s+[a-z0-9-]+)*)\s*-->\s*$", re.MULTILINE)


def generated_pages(site: Site) -> dict[str, Written]:
    """docs-relative path -> Markdown, for pages made wholly from data (glossary entries)."""
    mentioned = glossary.mentions(site)
    events_by_actor: dict[str, list] = {}
    for event in timeline.ordered(site):  # the timeline's order (explainer/dates.py), not the text's
        for actor_id in event.actors:
            events_by_actor.setdefault(actor_id, []).append(event)
    return {
        glossary_entry(actor_id): glossary.entry_markdown(actor, site, mentioned.get(actor_id, []), events_by_actor.get(actor_id, []))
        for actor_id, actor in site.actors.items()
    }


# Marker name -> writer, each registered beside its module (the signature: explainer/citations.py).
WRITERS = {
    **reading.MARKERS,
    **glossary.MARKERS,
    **fact_summary.MARKERS,
    **timeline.MARKERS,
    **connections.MARKERS,
    **geomap.MARKERS,
    **sources_page.MARKERS,
}
# Writers that list what every other page cites: their pages are expanded after all the others.
INDEX_WRITERS = set(sources_page.MARKERS)


def expand(markdown: str, src: str, site: Site, shown_file: str, first_line: int = 1,
           index: CitationIndex | None = None, citations: list[Citation] | None = None) -> tuple[str, list[Problem]]:
    """Replace markers and [[...]] links in one page's Markdown; the places its writers cite
    sources are added to ``citations`` (when given). ``index``: every other page's citations,
    for the sources page."""
    problems: list[Problem] = []
    made = citations if citations is not None else []
    known = ", ".join(WRITERS)

    def line_of(offset: int) -> int:
        return first_line + markdown.count("\n", 0, offset)

    def replace_marker(match: re.Match) -> str:
        name, args = match.group(1), match.group(2).split()
        result = WRITERS[name](site, src, args, index) if name in WRITERS else None
        if result is None:
            problems.append(Problem(shown_file, line_of(match.start()), f"unknown insert marker '{match.group(0).strip()}' (known: {known}; 'passages' takes a reading page id)"))
            return ""
        made.extend(result.citations)
        # Blank lines around generated blocks, so a table or list never swallows what follows.
        return f"\n{result.markdown}\n"

    # Links in the hand-written text first (their lines are the writer's), then markers, then
    # the links inside generated text (checked with the data, so their problems are not repeated).
    markdown, found = expand_actors(markdown, src, site, shown_file, line_of)
    problems += found
    markdown, found = expand_dates(markdown, src, site, shown_file, line_of)
    problems += found
    markdown = MARKER.sub(replace_marker, markdown)
    markdown, _ = expand_dates(markdown, src, site, shown_file, line_of)
    markdown, _ = expand_actors(markdown, src, site, shown_file, line_of)
    return markdown, problems


def needs_index(markdown: str) -> bool:
    """Whether a page has a marker whose writer lists what the other pages cite."""
    return any(match.group(1) in INDEX_WRITERS for match in MARKER.finditer(markdown))


# MkDocs' front-matter rule (mkdocs.utils.meta): a YAML block between --- lines at the very top.
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)


@dataclass(frozen=True)
class PageMarkdown:
    path: str  # inside docs/, e.g. "background.md" or "glossary/sistani.md"
    front: str  # the front matter block as written ("" if none)
    source: str  # the body before expansion: what MkDocs reads after the front matter
    body: str  # the body with every marker and [[id]] link expanded: what MkDocs renders
    generated: bool

    @property
    def markdown(self) -> str:
        """The page as a file: front matter, then the expanded body."""
        return self.front + self.body


@dataclass
class SiteMarkdown:
    pages: list[PageMarkdown] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)  # typed links of hand-written pages, to check once built
    citations: list[Citation] = field(default_factory=list)  # every place that cites sources, as written
    unreadable: list[str] = field(default_factory=list)  # hand-written pages that are not UTF-8 text (a problem each)


def split_front_matter(text: str) -> tuple[str, str]:
    """(front matter, body), split where MkDocs splits them."""
    match = FRONT_MATTER.match(text)
    if not match:
        return "", text
    body = text[match.end():].lstrip("\n")
    return text[: len(text) - len(body)], body


def hand_written_prose_problems(docs_dir: Path, docs_shown: str = "docs") -> list[Problem]:
    """What the hand-written pages may not hold (explainer/prose_rules.py), before any data is
    read: the hook reports these with the data's mistakes, in one list."""
    problems = []
    for file in sorted(docs_dir.rglob("*.md")):
        relative = file.relative_to(docs_dir)
        if not any(part.startswith(".") for part in relative.parts):
            try:
                text = file.read_text(encoding="utf-8-sig")
            except UnicodeDecodeError:
                continue  # reported, with its line, where the page is read for the build
            # Front matter too: its title and description reach the page's head and heading.
            problems += prose_rules.check_page(text, f"{docs_shown}/{relative.as_posix()}")
    return problems


def site_markdown(site: Site, docs_dir: Path, docs_shown: str = "docs") -> SiteMarkdown:
    """Every page of the site as Markdown, in one pass: (path, markdown) per page, plus problems.

    ``docs_dir`` holds the hand-written pages; ``docs_shown`` is how messages name it.
    """
    result = SiteMarkdown()
    sources: list[tuple[str, str, bool]] = []  # (path, text, generated)
    for file in sorted(docs_dir.rglob("*.md")):
        relative = file.relative_to(docs_dir)
        if any(part.startswith(".") for part in relative.parts):
            continue  # MkDocs skips dot files too
        text, problems = read_text(file, f"{docs_shown}/{relative.as_posix()}")
        if text is None:
            result.problems += problems
            result.unreadable.append(relative.as_posix())
            continue
        sources.append((relative.as_posix(), text, False))
    written = {path for path, _, _ in sources}
    for path, page in generated_pages(site).items():
        if path in written:
            result.problems.append(Problem(f"{docs_shown}/{path}", 1, "this file has the address of a generated page; rename it"))
            continue
        sources.append((path, page.markdown, True))
        result.citations += page.citations
    pages: dict[str, PageMarkdown] = {}
    # Pages that list what the others cite come last, once every other page is written.
    for path, text, generated in sorted(sources, key=lambda s: needs_index(s[1])):
        front, source = split_front_matter(text)
        if generated:
            shown, first_line = path, 1
        else:
            shown, first_line = f"{docs_shown}/{path}", front.count("\n") + 1
            result.links += find_links(source, shown, path, first_line)
            result.problems += prose_rules.check_page(text, shown)
        index = CitationIndex(result.citations, site.titles) if needs_index(source) else None
        body, problems = expand(source, path, site, shown, first_line, index, result.citations)
        result.problems += problems
        pages[path] = PageMarkdown(path, front, source, body, generated)
    result.pages = [pages[path] for path, _, _ in sources if path in pages]
    return result
