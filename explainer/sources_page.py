"""The sources page: every source once, grouped by kind, one line each that unfolds to its address,
the copy read (if any), its note and links back to each place that cites it."""

from __future__ import annotations

import re

from .addresses import source_anchor
from .citations import CitationIndex, Written
from .data import Site, fold
from .records import Source
from .scales import ANNOTATION_KINDS, SOURCE_KIND_HEADINGS, SOURCE_KIND_MEANINGS, SOURCE_KINDS
from .text import esc, human_date, link, one_line



def _cited_in(places, src: str) -> str:
    """'Background: Force instead of finesse (context, check); Timeline: 3 January 2020, 12 March
    2020': places grouped by page, and a passage's annotations after its title."""
    groups: dict[str, dict[str, list[str]]] = {}
    for c in places:
        title, part = c.item or c.page, ANNOTATION_KINDS[c.part].part if c.part else ""
        target = link(src, c.src, c.anchor)
        items = groups.setdefault(c.page, {}).setdefault(title, [])
        items.append(f"[{esc(part)}]({target})" if part else f"[{esc(title)}]({target})")
    shown = []
    for page, titles in groups.items():
        parts = [f"{esc(title)} ({', '.join(items)})" if not items[0].startswith(f"[{esc(title)}]") else ", ".join(items)
                 for title, items in titles.items()]
        shown.append(f"{page}: {', '.join(parts)}")
    return "; ".join(shown)


def _named(note: str, known: dict | None) -> str:
    """A note that names another source by its id names it by its publisher and date instead,
    linking to it (no raw id shows on the page)."""
    if not known:
        return note
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(i) for i in sorted(known, key=len, reverse=True)) + r")(?![\w-])")
    return pattern.sub(lambda m: f'<a href="#{source_anchor(m.group(1))}">{esc(known[m.group(1)].publisher)}, '
                                 f"{human_date(known[m.group(1)].date)}</a>", note)


def entry(source: Source, places, src: str, known: dict | None = None) -> list[str]:
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
        facts.append(_named(esc(one_line(source.note)), known))
    if places:
        facts.append(f"Cited in {_cited_in(places, src)}.")
    return [f'<details class="source" id="{source_anchor(sid)}" markdown><summary>{summary}</summary>', "",
            " ".join(facts), "", "</details>"]


def publisher_key(publisher: str) -> str:
    """How a reader looks a publisher up: 'The Washington Post' under W."""
    folded = fold(publisher)
    return folded[4:] if folded.startswith("the ") else folded


def initial(publisher: str) -> str:
    first = publisher_key(publisher)[:1].upper()
    return first if first.isalpha() else "#"


def initial_anchor(letter: str) -> str:
    return "pub-" + ("other" if letter == "#" else letter.lower())


def publishers_markdown(site: Site) -> tuple[str, str]:
    """The jump list (one link per initial) and the publishers A to Z it leads to: each
    publisher once, linking to its first source in each kind it appears in."""
    by_publisher: dict[str, dict[str, list[Source]]] = {}
    for source in sorted(site.sources.values(), key=lambda s: (fold(s.publisher), s.date, s.id)):
        by_publisher.setdefault(source.publisher, {}).setdefault(source.kind, []).append(source)
    letters: dict[str, list[str]] = {}
    for publisher in sorted(by_publisher, key=lambda p: (publisher_key(p), p)):
        kinds = by_publisher[publisher]
        if len(kinds) == 1:
            ((kind, sources),) = kinds.items()
            item = f'<a href="#{source_anchor(sources[0].id)}">{esc(publisher)}</a> ({len(sources)})'
        else:
            links = ", ".join(f'<a href="#{source_anchor(kinds[k][0].id)}">{esc(SOURCE_KIND_HEADINGS[k].lower())} {len(kinds[k])}</a>'
                              for k in SOURCE_KINDS if k in kinds)
            item = f"{esc(publisher)} ({links})"
        letters.setdefault(initial(publisher), []).append(item)
    order = sorted(letters, key=lambda l: (l == "#", l))
    jumps = ('<nav class="src-jumps" aria-labelledby="src-jumps-title"><p id="src-jumps-title" class="src-jumps__title">'
             "Publishers by initial</p><ul>"
             + "".join(f'<li><a href="#{initial_anchor(l)}">{esc(l)}</a></li>' for l in order) + "</ul></nav>")
    body = ['<dl class="src-publishers">']
    for letter in order:
        body.append(f'<dt id="{initial_anchor(letter)}">{esc(letter)}</dt><dd>{" · ".join(letters[letter])}</dd>')
    body.append("</dl>")
    return jumps, "\n".join(body)


def markdown(site: Site, src: str, args=(), index: CitationIndex | None = None) -> Written:
    """Sources grouped by kind, then by publisher; each one line that unfolds, with the places
    that cite it (``index``: what every other page's writer returned). First a jump list by
    publisher's initial; the publishers A to Z it leads to come last."""
    index = index or CitationIndex([], site.titles)
    jumps, publishers = publishers_markdown(site)
    out = [f"{len(site.sources)} sources, grouped by kind and ordered by publisher. "
           "Open a line for its address, the copy we read if it was not the original, and where it is cited. "
           "To find a publisher, pick its initial: the publishers A to Z are [at the end](#publishers).", "",
           jumps, ""]
    for kind in SOURCE_KINDS:
        chosen = sorted((s for s in site.sources.values() if s.kind == kind),
                        key=lambda s: (fold(s.publisher), s.date, s.id))
        if not chosen:
            continue
        out += [f"## {SOURCE_KIND_HEADINGS[kind]} ({len(chosen)}) {{ #{kind} }}", "", SOURCE_KIND_MEANINGS[kind], ""]
        for source in chosen:
            out += entry(source, index.by_source.get(source.id, []), src, site.sources)
        out.append("")
    out += ["## Publishers A to Z { #publishers }", "", "Each publisher links to its first source in each kind.", "",
            publishers, ""]
    return Written("\n".join(out))


# The insert marker this module writes (explainer/citations.py); its page is written after every
# other, from their citations (``index``).
MARKERS = {"sources": markdown}
