"""How sources are shown where they are cited.

Inside an annotation a source is a short label (publisher, date) that links to the reference
list at the end of its passage; that list gives each source once in full and links on to its
entry on the sources page. Glossary entries and other pages keep one full "Sources:" line.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from . import addresses
from .addresses import SOURCES, reference_id, source_anchor
from .records import Source
from .text import esc, human_date, link, one_line, short_date


def source_label(source: Source) -> str:
    return f"{source.publisher}, “{one_line(source.title)}”, {human_date(source.date)}"


def short_label(source: Source) -> str:
    """'The Guardian, 3 Jan 2020': enough to recognise a source inside an annotation."""
    return f"{source.publisher}, {short_date(source.date)}"


def cite(ids, site, from_src: str, label: str = "Sources") -> str:
    """One line of Markdown: 'Sources: A; B.', each linking to its entry on the sources page
    (no label when ``label`` is empty: under a heading or summary that already says it)."""
    if not ids:
        return ""
    items = [f"[{_md_text(source_label(site.sources[i]))}]({link(from_src, SOURCES, source_anchor(i))})"
             for i in ids if i in site.sources]
    return (f"{label}: " if label else "") + "; ".join(items) + "."


def cite_short(ids, site, passage_id: str) -> str:
    """Inline HTML: 'Sources: Publisher, date; ...' linking into the passage's reference list,
    which docs/js/previews.js shows in place (tap, hover, keyboard focus)."""
    items = []
    for source_id in ids or []:
        source = site.sources.get(source_id)
        if source is None:
            continue
        items.append(f'<a class="cite" href="#{reference_id(passage_id, source_id)}">{esc(short_label(source))}</a>')
    if not items:
        return ""
    return '<span class="cites">Sources: ' + "; ".join(items) + ".</span>"


def reference_list(ids, site, passage_id: str, from_src: str) -> list[str]:
    """The passage's sources as a Markdown list, each once and in full, in order of first
    citation; each item has its own id and links on to its sources-page entry."""
    out = ['<div class="refs" markdown>', ""]
    for number, source_id in enumerate(ids, 1):
        source = site.sources[source_id]
        title = esc(one_line(source.title))
        if source.url:
            title = f'<a class="source-url" href="{esc(source.url)}" rel="noopener">{title}</a>'
        entry = link(from_src, SOURCES, source_anchor(source_id))
        author = f"by {esc(source.author)}, " if source.author else ""
        out += [f'{number}. {esc(source.publisher)}, “{title}”, {author}'
                f'<time datetime="{source.date}">{human_date(source.date)}</time>. '
                f'[Entry on the sources page]({entry}){{ .refs__entry }}',
                f'{{: #{reference_id(passage_id, source_id)} }}']
    return [*out, "", "</div>"]


def _md_text(text: str) -> str:
    return text.replace("[", "\\[").replace("]", "\\]")


@dataclass(frozen=True)
class Citation:
    """A place on the site that cites sources: the page file and the fragment, and how the
    sources page names it: the page ("Background"), the item on it (a passage's title, "3 January
    2020") and, inside a passage, the part (a key of scales.ANNOTATION_KINDS: "check")."""

    sources: tuple[str, ...]
    src: str
    anchor: str
    page: str
    item: str
    part: str = ""


def cited(ids, src: str, anchor: str, *, page: str = "", item: str = "", part: str = "") -> list[Citation]:
    """The citation a writer records where it writes a cite line (none without sources)."""
    return [Citation(tuple(ids), src, anchor, page, item, part)] if ids else []


@dataclass(frozen=True)
class Written:
    """What a page writer returns: its Markdown, and every place in it that cites sources,
    made in the same pass (the sources page lists them; nothing derives them again)."""

    markdown: str
    citations: tuple[Citation, ...] = ()


# A writer is what an insert marker runs (explainer/pages.py); every writer has one signature,
#     writer(site, src, args=(), index=None) -> Written, or None when the marker's arguments are wrong,
# (src: the page's docs path; args: the marker's words after its name; index: every other page's
# citations, a CitationIndex, for the page that lists them) and is registered beside its module,
# in that module's MARKERS (marker name -> writer).


class CitationIndex:
    """Where each source is cited: a source's places in the order of the nav (a glossary entry
    where the glossary stands), then of the page."""

    def __init__(self, citations, titles: dict[str, str]):
        nav = list(titles)

        def page_rank(src: str) -> int:
            src = addresses.GLOSSARY if src.startswith(addresses.GLOSSARY.rsplit("/", 1)[0] + "/") else src
            return nav.index(src) if src in nav else len(nav)

        self.by_source: dict[str, list[Citation]] = {}
        for citation in sorted(citations, key=lambda c: page_rank(c.src)):  # stable: page order kept
            for source_id in citation.sources:
                places = self.by_source.setdefault(source_id, [])
                place = replace(citation, sources=())
                if place not in places:
                    places.append(place)
