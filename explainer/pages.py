"""Turn the site's data into Markdown: generated pages, and the markers in hand-written pages.

A hand-written page asks for generated content with a marker line such as
``<!-- insert: passages background -->``; ``[[actor-id]]`` and ``[[actor-id|text]]`` anywhere
become links to glossary entries. Mistakes come back as Problems with file and line.

``site_markdown`` is the one pass over every page, generated and hand-written: the MkDocs hook
renders what it returns, and ``./run markdown`` writes it to a folder, so the two cannot drift.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from . import daterefs, glossary, reading, sources_page
from .data import ACTOR_LINK, READING_PAGES, Site
from .links import Link, find_links
from .problems import Problem
from .text import link

MARKER = re.compile(r"^<!--\s*insert:\s*([a-z-]+)((?:\s+[a-z0-9-]+)*)\s*-->\s*$", re.MULTILINE)


def generated_pages(site: Site) -> dict[str, str]:
    """docs-relative path -> Markdown, for pages made wholly from data (glossary entries)."""
    mentioned = glossary.mentions(site)
    events_by_actor: dict[str, list] = {}
    for event in sorted(site.events.values(), key=lambda e: e["date"]):
        for actor_id in event.get("actors") or []:
            events_by_actor.setdefault(actor_id, []).append(event)
    return {
        glossary.entry_src(actor_id): glossary.entry_markdown(actor, site, mentioned.get(actor_id, []), events_by_actor.get(actor_id, []))
        for actor_id, actor in site.actors.items()
    }


def _passages(site: Site, src: str, args: list[str]) -> str | None:
    if len(args) != 1 or args[0] not in READING_PAGES:
        return None
    if args[0] not in site.pages:
        return "*The annotated passages of this page are being written.*"
    return reading.page_markdown(site.pages[args[0]], site)


def _writers():
    from . import atlas, fact_summary, timeline

    return {
        "passages": _passages,
        "glossary-index": lambda site, src, args: glossary.index_markdown(site, src),
        "sources": lambda site, src, args: sources_page.markdown(site, src),
        "verdict-summary": lambda site, src, args: fact_summary.markdown(site, src),
        "timeline": lambda site, src, args: timeline.markdown(site, src),
        "connections": lambda site, src, args: atlas.connections_markdown(site, src),
        "map": lambda site, src, args: atlas.map_markdown(site, src),
        "corrections": lambda site, src, args: fact_summary.corrections_markdown(site, src),
        "verdict-scale": lambda site, src, args: fact_summary.scale_markdown(site, src, "verdict"),
        "forecast-scale": lambda site, src, args: fact_summary.scale_markdown(site, src, "score"),
    }


def expand(markdown: str, src: str, site: Site, shown_file: str, first_line: int = 1) -> tuple[str, list[Problem]]:
    """Replace markers and actor links in one page's Markdown."""
    problems: list[Problem] = []
    writers = _writers()

    def line_of(offset: int) -> int:
        return first_line + markdown.count("\n", 0, offset)

    def replace_marker(match: re.Match) -> str:
        name, args = match.group(1), match.group(2).split()
        writer = writers.get(name)
        result = writer(site, src, args) if writer else None
        if result is None:
            known = ", ".join(writers)
            problems.append(Problem(shown_file, line_of(match.start()), f"unknown insert marker '{match.group(0).strip()}' (known: {known}; 'passages' takes a reading page id)"))
            return ""
        # Blank lines around generated blocks, so a table or list never swallows what follows.
        return f"\n{result}\n"

    def replace_link(match: re.Match) -> str:
        actor_id = match.group(1).strip()
        actor = site.actors.get(actor_id)
        if actor is None:
            problems.append(Problem(shown_file, line_of(match.start()), f"link [[{actor_id}]]: unknown glossary id '{actor_id}'"))
            return match.group(2) or actor_id
        text = match.group(2) or actor["name"]
        return f"[{text}]({link(src, glossary.entry_src(actor_id))})"

    # Actor links in the hand-written text first (their lines are the writer's), then markers.
    markdown = ACTOR_LINK.sub(replace_link, markdown)
    markdown, date_problems = daterefs.expand(markdown, src, site, shown_file, line_of)
    problems += date_problems
    markdown = MARKER.sub(replace_marker, markdown)
    markdown, _ = daterefs.expand(markdown, src, site, shown_file, line_of)  # in generated text (checked with the data)
    markdown = ACTOR_LINK.sub(replace_link, markdown)  # links inside generated text (already checked)
    return markdown, problems


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


def split_front_matter(text: str) -> tuple[str, str]:
    """(front matter, body), split where MkDocs splits them."""
    match = FRONT_MATTER.match(text)
    if not match:
        return "", text
    body = text[match.end():].lstrip("\n")
    return text[: len(text) - len(body)], body


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
        sources.append((relative.as_posix(), file.read_text(encoding="utf-8-sig"), False))
    written = {path for path, _, _ in sources}
    for path, content in generated_pages(site).items():
        if path in written:
            result.problems.append(Problem(f"{docs_shown}/{path}", 1, "this file has the address of a generated page; rename it"))
            continue
        sources.append((path, content, True))
    for path, text, generated in sources:
        front, source = split_front_matter(text)
        if generated:
            shown, first_line = path, 1
        else:
            shown, first_line = f"{docs_shown}/{path}", front.count("\n") + 1
            result.links += find_links(source, shown, path, first_line)
        body, problems = expand(source, path, site, shown, first_line)
        result.problems += problems
        result.pages.append(PageMarkdown(path, front, source, body, generated))
    return result
