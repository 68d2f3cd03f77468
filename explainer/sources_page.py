"""The sources page: every source once, grouped by kind, one line each that unfolds to its address,
the copy read (if any), its note and links back to each place that cites it."""

from __future__ import annotations

import re

from .addresses import source_anchor
from .citations import CitationIndex
from .data import Site, fold
from .records import Source
from .scales import SOURCE_KIND_HEADINGS, SOURCE_KIND_MEANINGS, SOURCE_KINDS
from .text import esc, human_date, link, one_line

PART = re.compile(r"^(.*) \((context|check|forecast|what happened next)\)$")


def _cited_in(places, src: str) -> str:
    """'Background: Force instead of finesse (context, check); Timeline: 3 January 2020, 12 March
    2020': places grouped by page, and a passage's annotations after its title."""
    groups: dict[str, dict[str, list[str]]] = {}
    for c in places:
        page, _, label = c.label.partition(": ")
        title, part = (PART.match(label).groups() if PART.match(label) else (label or page, ""))
        target = link(src, c.src, c.anchor)
        items = groups.setdefault(page, {}).setdefault(title, [])
        items.append(f"[{esc(part)}]({target})" if part else f"[{esc(title)}]({target})")
    shown = []
    for page, titles in groups.items():
        parts = [f"{esc(title)} ({', '.join(items)})" if not items[0].startswith(f"[{esc(title)}]") else ", ".join(items)
                 for title, items in titles.items()]
        shown.append(f"{page}: {', '.join(parts)}")
    return "; ".join(shown)


def entry(source: Source, places, src: str) -> list[str]:
    """One source: a one-line summary (publisher, title, date) that unfolds to the rest.
    The id sits on the <details> itself, so a link to #src-<id> lands on the summary. External links
    carry rel="noopener" (the site's rule for every outside link, tests/test_links.py) and no class:
    print CSS finds them as details.source a[href^="http"]."""
    sid = source.id
    summary = f'<b>{esc(source.publisher)}</b>, “{esc(one_line(source.title))}”, {human_date(source.date)}' 
    facts = []
    if source.author:
        facts.append(f"By {esc(source.author)}.")
    if source.url:
        facts.append(f'<a href="{esc(source.url)}" rel="noopener">Original</a>.')
    read_at = source.read_at
    if read_at:
        where = esc(read_at.publisher)
        if read_at.url:
            where = f'<a href="{esc(read_at.url)}" rel="noopener">{where}</a>'
        facts.append(f"Read at {where}.")
    elif not source.url:
        facts.append("No address: not read online.")
    if source.note:
        facts.append(esc(one_line(source.note)))
    if places:
        facts.append(f"Cited in {_cited_in(places, src)}.")
    return [f'<details class="source" id="{source_anchor(sid)}" markdown><summary>{summary}</summary>', "",
            " ".join(facts), "", "</details>"]


def markdown(site: Site, src: str, index: CitationIndex) -> str:
    """Sources grouped by kind, then by publisher; each one line that unfolds, with the places
    that cite it (``index``: what every other page's writer returned)."""
    out = [f"{len(site.sources)} sources, grouped by kind and ordered by publisher. "
           "Open a line for its address, the copy we read if it was not the original, and where it is cited.", ""]
    for kind in SOURCE_KINDS:
        chosen = sorted((s for s in site.sources.values() if s.kind == kind),
                        key=lambda s: (fold(s.publisher), s.date, s.id))
        if not chosen:
            continue
        out += [f"## {SOURCE_KIND_HEADINGS[kind]} ({len(chosen)}) {{ #{kind} }}", "", SOURCE_KIND_MEANINGS[kind], ""]
        for source in chosen:
            out += entry(source, index.by_source.get(source.id, []), src)
        out.append("")
    return "\n".join(out)
