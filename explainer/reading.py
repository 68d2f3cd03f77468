"""The annotated reading: each passage a card, written as Markdown.

A card is the passage's ``###`` heading (its own id), the article's point retold and labelled as
the article's, then its annotations folded, each a ``<details>`` with its own id whose summary
tells the gist (verdict badges with counts, the forecast's score, the "as of" date), then the
passage's reference list and its dates on the timeline. Claims and forecasts sit *inside* their
block, so a link to one opens the block natively, without JavaScript (see ../shared/DESIGN.md,
"Linkable annotations"); print styles expand everything.
"""

from __future__ import annotations

import re
from collections import Counter

from . import freshness
from .addresses import ABOUT, READING_PAGES, TIMELINE, annotation_id, reading_page, scale_entry, sources_list_id
from .citations import Citation, Written, cite_short, cited, reference_list
from .fragments import paragraph_link
from .markup import ACTOR_LINK, linked_actors, plain
from .records import Claim, Event, Forecast, Passage, ReadingPage
from .scales import ANNOTATION_KINDS, FORECAST_SCORES, VERDICTS
from .text import esc, first_sentence, human_date, link, one_line
from .timeline import passage_events


def badge(kind: str, value: str, count: int = 1) -> str:
    """A verdict or forecast score as a text badge: a label and an icon (CSS), never colour alone."""
    labels = VERDICTS if kind == "verdict" else FORECAST_SCORES
    text = esc(labels[value]) if count == 1 else f"{count} × {esc(labels[value])}"
    return f'<span class="badge badge--{kind} badge--{value}">{text}</span>'


def badges(kind: str, values: list[str]) -> str:
    """One badge per distinct value, with its count, in the order the scale lists them."""
    labels = VERDICTS if kind == "verdict" else FORECAST_SCORES
    counts = Counter(values)
    return " ".join(badge(kind, value, counts[value]) for value in labels if value in counts)


# The retelling links the first mention of each actor it names (per passage: a passage is often
# reached by its own link). States and the capital are named in almost every passage and often
# stand for their governments ("Washington", "the Baghdad government"), so they are not linked.
UNLINKED_KINDS = {"state"}
UNLINKED_IDS = {"baghdad"}


def _names(site) -> re.Pattern:
    """One pattern for every name and alias of the actors the retelling links, longest first."""
    names = {}
    for actor in site.actors.values():
        if actor.kind in UNLINKED_KINDS or actor.id in UNLINKED_IDS:
            continue
        for name in (actor.name, actor.article_name, *actor.aliases):
            if name and (len(name) > 3 or name.isupper()) and name.isascii():  # "PMF", not "Iran"
                names.setdefault(name, actor.id)
    ordered = sorted(names, key=len, reverse=True)
    return names, re.compile(r"(?<![\w'-])(" + "|".join(map(re.escape, ordered)) + r")(?![\w-])")


def link_first_mentions(text: str, site) -> str:
    """``text`` with the first mention of each actor written as ``[[id|mention]]``; links
    already in the text count as mentions and are left as they are."""
    names, pattern = _names(site)
    done = linked_actors(text)
    taken = [m.span() for m in ACTOR_LINK.finditer(text)]
    out, last = [], 0
    for match in pattern.finditer(text):
        actor_id = names[match.group(1)]
        start, end = match.span()
        if actor_id in done or any(a < end and start < b for a, b in taken):
            continue
        done.add(actor_id)
        out += [text[last:start], f"[[{actor_id}|{match.group(1)}]]"]
        last = end
    return "".join(out) + text[last:]


def _paragraphs(numbers, site) -> str:
    """'Article paragraph 3', linked to those words in the original (explainer/fragments.py)."""
    numbers = list(numbers)
    text = f"paragraph {numbers[0]}" if len(numbers) == 1 else f"paragraphs {numbers[0]}–{numbers[-1]}"
    if not site.article:
        return f"Article {text}"
    href = paragraph_link(site.article.url, site.fragments, numbers[0], numbers[-1])
    return f'<a class="passage-original" href="{esc(href)}" rel="noopener">Article {text}, in the original</a>'


SEPARATOR = '<span class="sep" aria-hidden="true"> · </span>'  # hidden in print with what it separates


def _details(passage_id: str, kind: str, summary: str, body: list[str]) -> list[str]:
    """One of a passage's annotation boxes (kind: a key of scales.ANNOTATION_KINDS)."""
    block_id = annotation_id(passage_id, kind)
    return [
        f'<details class="annot annot--{kind} {ANNOTATION_KINDS[kind].theme_type}" id="{block_id}" markdown>',
        f'<summary>{summary}</summary>',
        "",
        *body,
        "",
        "</details>",
        "",
    ]


def _dated(checked: str, updated: str | None) -> str:
    text = f'Checked <time datetime="{checked}">{human_date(checked)}</time>'
    if updated:
        text += f'; updated <time datetime="{updated}">{human_date(updated)}</time>'
    return f'<span class="checked">{text}.</span>'


def _item(item: Claim | Forecast, kind: str, site, passage_id: str, src: str) -> list[str]:
    """One claim (kind 'verdict') or forecast (kind 'score'): the article's words, labelled as
    such, then our verdict (linked to its meaning on the method page), reason, evidence and
    short citations."""
    is_claim = kind == "verdict"
    text = item.claim if is_claim else item.forecast
    value = item.verdict if is_claim else item.score
    css = "claim" if is_claim else "forecast"
    said = "Claim in the article" if is_claim else "Forecast in the article"
    ours = "Our verdict" if is_claim else "How it turned out"
    lines = [
        f'<div class="{css}" id="{item.id}" markdown>',
        "",
        f'<span class="says-label">{said}</span> {one_line(text)}',
        "{: .item-says }",
        "",
        f'<span class="ours-label">{ours}</span> [{badge(kind, value)}]({link(src, ABOUT, scale_entry(kind, value))}){{ .badge-link }} {one_line(item.reason)}',
        "{: .item-verdict }",
        "",
    ]
    if item.evidence:
        lines += [item.evidence.strip(), ""]
    lines += [f'{cite_short(item.sources, site, passage_id)} {_dated(item.checked, item.updated)}',
              "{: .item-sources }", "", "</div>", ""]
    return lines


def _sources_of(passage: Passage) -> list[str]:
    """Every source the passage cites, once, in order of first citation."""
    ids: list[str] = []
    parts = [passage.context, *passage.claims, *passage.forecasts, passage.next]
    for part in parts:
        for source_id in part.sources if part else ():
            if source_id not in ids:
                ids.append(source_id)
    return ids


def passage_markdown(passage: Passage, site, events: list[Event] = ()) -> tuple[list[str], list[Citation]]:
    """One passage's card, and the places in it that cite sources."""
    pid = passage.id
    src = reading_page(passage.page)
    place = {"page": site.titles[reading_page(passage.page)], "item": passage.title}  # how the sources page names it
    citations: list[Citation] = []
    out = [
        f'<section class="passage" markdown>',
        "",
        f"### {passage.title} {{ #{pid} }}",
        "",
        f'{_paragraphs(passage.paragraphs, site)}{SEPARATOR}[Link to this passage](#{pid}){{ .passage-copy }}',
        "{: .passage-meta }",
        "",
        '<div class="passage-says" markdown>',
        "",
        f'<span class="says-label">The article’s point, in our words</span> {one_line(link_first_mentions(passage.says, site))}',
        "",
        "</div>",
        "",
    ]
    context = passage.context
    if context:
        citations += cited(context.sources, src, annotation_id(pid, "context"), **place, part="context")
        out += _details(pid, "context", "Context",
                        [context.text.strip(), "", cite_short(context.sources, site, pid)])
    claims = passage.claims
    forecasts = passage.forecasts
    for item in [*claims, *forecasts]:
        citations += cited(item.sources, src, item.id, **place, part="check")
    if claims:
        count = f"{len(claims)} claim{'s' if len(claims) != 1 else ''}"
        body = [line for claim in claims for line in _item(claim, "verdict", site, pid, src)]
        summary = f'Fact-check: {count} <span class="badges">{badges("verdict", [c.verdict for c in claims])}</span>'
        out += _details(pid, "check", summary, body)
    if forecasts:
        count = f"{len(forecasts)} forecast{'s' if len(forecasts) != 1 else ''}"
        body = [line for forecast in forecasts for line in _item(forecast, "score", site, pid, src)]
        summary = f'Scored: {count} <span class="badges">{badges("score", [f.score for f in forecasts])}</span>'
        out += _details(pid, "forecast", summary, body)
    following = passage.next
    if following:
        citations += cited(following.sources, src, annotation_id(pid, "next"), **place, part="next")
        when = freshness.stamp(following.as_of, following.checked)  # the check and the news, apart
        out += _details(pid, "next", f'What happened next <span class="as-of">{when}</span>',
                        [following.text.strip(), "", cite_short(following.sources, site, pid)])
    sources = _sources_of(passage)
    if sources:
        out += [f'<details class="passage-more passage-sources" id="{sources_list_id(pid)}" markdown>',
                f"<summary>Sources for this passage ({len(sources)})</summary>", "",
                *reference_list(sources, site, pid, src), "", "</details>", ""]
    if events:
        dates = "".join(f"- [{human_date(e.date)}]({link(src, TIMELINE, e.id)}): {esc(first_sentence(plain(e.text, site)))}\n"
                        for e in events)
        noun = "date" if len(events) == 1 else "dates"
        out += ['<details class="passage-more passage-dates" markdown>',
                f"<summary>On the timeline: {len(events)} {noun}</summary>", "", dates, "</details>", ""]
    out += ["</section>", ""]
    return out, citations


def passages_markdown(site, src: str, args=(), index=None) -> Written | None:
    """The marker ``passages <page id>``: that reading page's passages."""
    if len(args) != 1 or args[0] not in READING_PAGES:
        return None
    if args[0] not in site.pages:
        return Written("*The annotated passages of this page are being written.*")
    return page_markdown(site.pages[args[0]], site)


def page_markdown(page: ReadingPage, site) -> Written:
    """All passages of one reading page, under their section headings."""
    events = passage_events(site)
    titles = {s.id: s.title for s in page.sections}
    items = [i for p in page.passages for i in [*p.claims, *p.forecasts]]
    out: list[str] = []
    if items:
        latest = max(i.updated or i.checked for i in items)
        what = "Forecasts scored and claims checked" if any(p.forecasts for p in page.passages) else "Claims checked"
        out += [f'{what} as of <time datetime="{latest}">{human_date(latest)}</time>; each check shows its own date. '
                '<span class="screen-only">Open a box to read it; every passage, box and claim has its own link.</span>',
                "{: .page-as-of }", ""]
    citations: list[Citation] = []
    section = None
    for passage in page.passages:
        if passage.section != section:
            section = passage.section
            out += [f"## {titles[section]} {{ #{section} }}", ""]
        lines, cites = passage_markdown(passage, site, events.get(passage.id, []))
        out += lines
        citations += cites
    return Written("\n".join(out), tuple(citations))


MARKERS = {"passages": passages_markdown}  # the insert marker this module writes (explainer/citations.py)
