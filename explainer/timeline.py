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
    """Events as ordered lists grouped by year; every item one paragraph with its own id."""
    events = ordered(site)
    if not events:
        return "*No events yet.*"
    out = []
    for year, group in groupby(events, key=lambda e: e["date"][:4]):
        out += [f"## {year} {{ #y{year} }}", "", '<div class="timeline" markdown>', ""]
        for event in group:
            classes = ".timeline__event" + (" .timeline__event--article" if event["id"] == ARTICLE_EVENT_ID else "")
            who = [f"[{site.actors[a]['name']}]({link(src, glossary.entry_src(a))})" for a in event.get("actors") or []]
            extras = ["Who: " + ", ".join(who)] if who else []
            for passage_id in event.get("passages") or []:
                passage = site.passages[passage_id]
                extras.append(f"In the reading: [{passage['title']}]({link(src, reading.page_src(passage['page']), passage_id)})")
            item = (f'1. <time datetime="{event["date"]}" data-precision="{precision(event["date"])}">{human_date(event["date"])}</time> '
                    f'{one_line(event["text"])}')
            if extras:
                item += '<br><span class="timeline__links">' + " · ".join(extras) + "</span>"
            item += '<br><span class="timeline__sources">' + cite(event["sources"], site, src) + "</span>"
            out += [item, f"   {{: #{event['id']} {classes} }}"]
        out += ["", "</div>", ""]
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
