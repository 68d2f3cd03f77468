"""The sources page: every source once, with links back to each place that cites it."""

from __future__ import annotations

from . import glossary, reading
from .citations import CitationIndex
from .data import Site, fold
from .text import esc, human_date, link, one_line

from .schema import SOURCE_KINDS as KIND_LABELS


def citation_index(site: Site) -> CitationIndex:
    """Where each source is cited, worked out from the data (so it is the same on every build)."""
    from . import atlas, timeline

    index = CitationIndex()
    for ids, src, anchor, label in reading.citations(site):
        index.add(ids, src, anchor, label)
    for actor in site.actors.values():
        index.add(actor["sources"], glossary.entry_src(actor["id"]), "sources", f"Glossary: {actor['name']}")
    for ids, src, anchor, label in [*timeline.citations(site), *atlas.citations(site)]:
        index.add(ids, src, anchor, label)
    return index


def markdown(site: Site, src: str) -> str:
    index = citation_index(site)
    ordered = sorted(site.sources.values(), key=lambda s: (fold(s["publisher"]), s["date"], s["id"]))
    out = [f"{len(ordered)} sources, ordered by publisher.", ""]
    for source in ordered:
        sid = source["id"]
        title = esc(one_line(source["title"]))
        if source.get("url"):
            title = f'<a href="{esc(source["url"])}" rel="noopener" class="source-url">{title}</a>'
        out.append(f'<div class="source" id="src-{sid}" markdown>')
        out.append("")
        out.append(f'**{esc(source["publisher"])}**, “{title}”, <time datetime="{source["date"]}">{human_date(source["date"])}</time>. '
                   f'<span class="source-kind">{KIND_LABELS[source["kind"]]}.</span>')
        if source.get("note"):
            out += ["", esc(one_line(source["note"]))]
        places = index.by_source.get(sid, [])
        if places:
            out += ["", "Cited in: " + "; ".join(f"[{esc(c.label)}]({link(src, c.src, c.anchor)})" for c in places) + "."]
        out += ["", "</div>", ""]
    return "\n".join(out)
