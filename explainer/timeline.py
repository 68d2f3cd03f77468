"""The timeline page (issue 18): dated events by year, one can move through.

- At the top, jumps to the article's publication and to each year.
- The article's own entry is marked, and events after it are set apart: a line saying so, a
  different rail and marker, and the words "After the article" on each (never colour alone).
- The years around the article (FOCUS) are open; the others are folded in <details>, so on a
  phone 2019-2021 are a few screens down, not a dozen. Each event's sources are folded too.
  A link to an event inside a folded year opens it (Chromium does without JavaScript;
  docs/js/site.js does it everywhere).
"""

from __future__ import annotations

from itertools import groupby

from . import dates
from .addresses import TIMELINE, glossary_entry, month_anchor, reading_page, year_anchor
from .citations import Citation, Written, cite, cited
from .data import Site
from .records import Event
from .text import human_date, link, one_line

# The article's publication: month known, day not (../shared/source/README.md).
ARTICLE_EVENT_ID = "article-published"
FOCUS = ("2019", "2020", "2021")  # years shown open
MONTH_SHORT = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def by_month(group: list[Event]) -> list[tuple[str, list[Event]]]:
    """A year's events under month headings ('' for those known only to the year, last)."""
    return [(month, list(events)) for month, events in groupby(group, key=lambda e: e.date[5:7])]


def ordered(site: Site) -> list[Event]:
    return sorted(site.events.values(), key=lambda e: (dates.sort_key(e.date), e.id))  # explainer/dates.py: the one order


ABBREVIATIONS = ("Gen", "Lt", "Col", "Maj", "Capt", "Mr", "Mrs", "Dr", "St", "U.S", "U.N", "No", "Sgt", "Adm")


def split_lead(text: str) -> tuple[str, str]:
    """The first sentence, and the rest ('' if one sentence). A full stop ends a sentence when a
    capital follows, it is not inside a [[link]], and the word before it is no abbreviation."""
    depth = 0
    for i, c in enumerate(text):
        if text.startswith("[[", i):
            depth += 1
        elif text.startswith("]]", i):
            depth -= 1
        elif c == "." and depth == 0 and text[i + 1:i + 2] == " " and text[i + 2:i + 3].isupper():
            word = text[:i].rsplit(" ", 1)[-1]
            if word not in ABBREVIATIONS and not (len(word) == 1 and word.isupper()):
                return text[: i + 1], text[i + 2:]
    return text, ""


def precision(date: str) -> str:
    return {1: "year", 2: "month", 3: "day"}[len(date.split("-"))]


def _event(site: Site, event: Event, src: str, after: bool) -> list[str]:
    article = event.id == ARTICLE_EVENT_ID
    classes = ["tl-event"] + (["tl-event--article"] if article else []) + (["tl-event--after"] if after else [])
    tag = ('<span class="tl-tag tl-tag--article">The article</span> ' if article
           else '<span class="tl-tag">After the article</span> ' if after else "")
    who = [f"[{site.actors[a].name}]({link(src, glossary_entry(a))})" for a in event.actors]
    extras = ["Who: " + ", ".join(who)] if who else []
    for passage_id in event.passages:
        passage = site.passages[passage_id]
        extras.append(f"In the reading: [{passage.title}]({link(src, reading_page(passage.page), passage_id)})")
    count = len(event.sources)
    extras.append("Sources: " + cite(event.sources, site, src).removeprefix("Sources: "))
    lead, rest = split_lead(one_line(event.text))
    # An <li> takes only inline Markdown (md_in_html), so its parts are written as HTML here.
    # The first sentence shows; the rest, who, where to read more and the sources are folded,
    # so a phone scrolls through events rather than footnotes.
    summary = f"More, and sources ({count})" if rest else f"Who and sources ({count})"
    lines = [
        f'<li class="{" ".join(classes)}" id="{event.id}" markdown="1">'
        f'<span class="tl-head">{tag}<time datetime="{event.date}" data-precision="{precision(event.date)}">'
        f'{human_date(event.date)}</time></span> {lead}',
        f'<details class="tl-sources" markdown="1"><summary>{summary}</summary>'
        + (f'<span class="tl-rest">{rest}</span>' if rest else "")
        + "".join(f'<span class="tl-links">{extra}</span>' for extra in extras) + "</details></li>",
    ]
    return lines


def markdown(site: Site, src: str = TIMELINE, args=(), index=None) -> Written:
    """Jumps, then the years: open around the article, folded elsewhere."""
    events = ordered(site)
    if not events:
        return Written("*No events yet.*")
    years = [(year, list(group)) for year, group in groupby(events, key=lambda e: e.date[:4])]
    article = site.events.get(ARTICLE_EVENT_ID)
    jumps = []
    if article:
        jumps.append(f'<a class="tl-jump tl-jump--article" href="#{ARTICLE_EVENT_ID}">The article ({human_date(article.date)})</a>')
    jumps += [f'<a class="tl-jump" href="#{year_anchor(year)}">{year}</a>' for year, _ in years]
    out = ['<nav class="tl-jumps" aria-labelledby="tl-jumps-title">',
           '<p id="tl-jumps-title" class="tl-jumps__title">Jump to</p>',
           "<ul>" + "".join(f"<li>{j}</li>" for j in jumps) + "</ul>"]
    # The article's year month by month: every month shown, those without events as plain text.
    by_year = dict(years)
    month_year = article.date[:4] if article else None
    if month_year in by_year:
        present = {month for month, _ in by_month(by_year[month_year]) if month}
        months = [f'<a class="tl-jump" href="#{month_anchor(month_year, f"{m:02d}")}">{MONTH_SHORT[m - 1]}</a>'
                  if f"{m:02d}" in present else
                  f'<span class="tl-jump tl-jump--empty" title="No events in this month">{MONTH_SHORT[m - 1]}</span>'
                  for m in range(1, 13)]
        out += [f'<p class="tl-jumps__title" id="tl-months-title">{month_year}, month by month</p>',
                '<ul aria-labelledby="tl-months-title">' + "".join(f"<li>{m}</li>" for m in months) + "</ul>"]
    out += ["</nav>", ""]
    citations: list[Citation] = []
    after = False
    for year, group in years:
        count = f"{len(group)} event{'s' if len(group) != 1 else ''}"
        open_year = year in FOCUS
        if open_year:
            out += [f'<section class="tl-year" markdown="1">', "", f"## {year} {{ #{year_anchor(year)} }}", ""]
        else:
            out += [f'<details class="tl-year tl-year--folded" markdown="1">',
                    f'<summary><span class="tl-year__title" id="{year_anchor(year)}">{year}</span> '
                    f'<span class="tl-year__count">{count}</span></summary>', ""]
        chunks = by_month(group) if year == month_year else [("", group)]
        for month, events_in in chunks:
            if month:
                n = len(events_in)
                out += [f'<h3 class="tl-month" id="{month_anchor(year, month)}">{human_date(f"{year}-{month}")} '
                        f'<span class="tl-year__count">{n} event{"s" if n != 1 else ""}</span></h3>', ""]
            out += ['<ol class="tl-list" markdown="1">', ""]
            for event in events_in:
                out += _event(site, event, src, after)
                citations += cited(event.sources, src, event.id, page="Timeline", item=human_date(event.date))
                if event.id == ARTICLE_EVENT_ID:
                    after = True
                    out += ['<li class="tl-divider" aria-hidden="true">After the article: what its author could not know</li>', ""]
            out += ["</ol>", ""]
        out += ["</section>" if open_year else "</details>", ""]
    return Written("\n".join(out), tuple(citations))


def passage_events(site: Site) -> dict[str, list[Event]]:
    found: dict[str, list] = {}
    for event in ordered(site):
        for passage_id in event.passages:
            found.setdefault(passage_id, []).append(event)
    return found


MARKERS = {"timeline": markdown}  # the insert marker this module writes (explainer/citations.py)
