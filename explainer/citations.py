"""How a list of source ids is shown where it is cited, and where each source is cited from."""

from __future__ import annotations

from dataclasses import dataclass

from .text import human_date, link, one_line

SOURCES_PAGE = "sources.md"


def source_label(source) -> str:
    return f"{source['publisher']}, “{one_line(source['title'])}”, {human_date(source['date'])}"


def cite(ids, site, from_src: str, label: str = "Sources") -> str:
    """One line of Markdown: 'Sources: A; B.', each linking to its entry on the sources page."""
    if not ids:
        return ""
    items = [f"[{_md_text(source_label(site.sources[i]))}]({link(from_src, SOURCES_PAGE, 'src-' + i)})"
             for i in ids if i in site.sources]
    return f"{label}: " + "; ".join(items) + "."


def _md_text(text: str) -> str:
    return text.replace("[", "\\[").replace("]", "\\]")


@dataclass(frozen=True)
class Citation:
    """A place on the site that cites a source: the page file, the fragment, and its label."""

    src: str
    anchor: str
    label: str


class CitationIndex:
    """Collects where each source is cited while pages are written."""

    def __init__(self):
        self.by_source: dict[str, list[Citation]] = {}

    def add(self, ids, src: str, anchor: str, label: str) -> None:
        for source_id in ids or []:
            places = self.by_source.setdefault(source_id, [])
            citation = Citation(src, anchor, label)
            if citation not in places:
                places.append(citation)
