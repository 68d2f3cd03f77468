"""The timeline page: dated events as an ordered list grouped by year, with the article marked."""

from __future__ import annotations

from itertools import groupby

from . import glossary, reading
from .citations import cite
from .data import Site
from .text import human_date, link, one_line

PAGE = "timeline.md"
# The article's publication: month known, day not (../shared/source/README.md).
ARTICLE_EVENT_ID = "article-published"


def sort_key(date: str) -> str:
    """Events known only to the month (or year) go after the dated events of that month (or year)."""
    parts = date.split("-")
    return "-".join(parts + ["99"] * (3 - len(parts)))


def ordered(site: Site) -> list:
    return sorted(site.events.values(), key=lambda e: (sort_key(e["date"]), e["id"]))


def precision(date: str) -> str:
    return {1: "year", 2: "month", 3: "day"}[len(date.split("-"))]


def markdown(site: Site, src: str = PAGE) -> str:
    events = ordered(site)
    if not events:
        return "*No events yet.*"
    out = []
    for year, group in groupby(events, key=lambda e: e["date"][:4]):
        out += [f"## {year} {{ #y{year} }}", "", '<ol class="timeline">']
        for event in group:
            marked = " timeline__event--article" if event["id"] == ARTICLE_EVENT_ID else ""
            links = []
            for actor_id in event.get("actors") or []:
                actor = site.actors[actor_id]
                links.append(f'[{actor["name"]}]({link(src, glossary.entry_src(actor_id))})')
            out.append(f'<li class="timeline__event{marked}" id="{event["id"]}" markdown>')
            out.append(f'<time datetime="{event["date"]}" data-precision="{precision(event["date"])}">{human_date(event["date"])}</time>')
            out.append("")
            out.append(one_line(event["text"]))
            out.append("")
            extras = []
            if links:
                extras.append("Who: " + ", ".join(links))
            for passage_id in event.get("passages") or []:
                passage = site.passages[passage_id]
                extras.append(f'[In the reading: {passage["title"]}]({link(src, reading.page_src(passage["page"]), passage_id)})')
            if extras:
                out += [" · ".join(extras) + "\n{: .timeline__links }", ""]
            out += [cite(event["sources"], site, src) + "\n{: .timeline__sources }", "", "</li>"]
        out += ["</ol>", ""]
    return "\n".join(out)


def citations(site: Site):
    for event in site.events.values():
        yield event["sources"], PAGE, event["id"], f"Timeline: {human_date(event['date'])}"


def passage_events(site: Site) -> dict[str, list]:
    found: dict[str, list] = {}
    for event in ordered(site):
        for passage_id in event.get("passages") or []:
            found.setdefault(passage_id, []).append(event)
    return found
