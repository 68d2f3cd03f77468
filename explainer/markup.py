"""The site's own link markup in prose, parsed here and nowhere else.

- ``[[actor-id]]`` and ``[[actor-id|shown text]]``: a link to a glossary entry (the shown text
  may wrap onto the next line of a YAML or Markdown paragraph; the id may not);
- ``[[date:event-id]]``: the event's date as the timeline gives it ("3 January 2020"), linked to
  its timeline entry (explainer/daterefs.py explains why).

Usable in any prose field of data/ and on any page in docs/. ``expand_actors`` and
``expand_dates`` (called by explainer/pages.py's ``expand``) turn both into Markdown links,
``plain`` into words for places that hold no links, ``check`` reports unknown ids in data prose
with file and line.
"""

from __future__ import annotations

import difflib
import re

from . import addresses
from .problems import Problem
from .records import Event
from .text import human_date, link, one_line

ACTOR_LINK = re.compile(r"\[\[(?!date:)([^\]|\n]+?)(?:\|([^\]]+))?\]\]")
DATE_REF = re.compile(r"\[\[date:([^\]|\n]*)\]\]")
MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
EMPHASIS = re.compile(r"(\*\*|\*|__)(.+?)\1")


def linked_actors(text: str) -> set[str]:
    """The actor ids a text links to."""
    return {match.group(1).strip() for match in ACTOR_LINK.finditer(text)}


def date_link(event: Event, src: str) -> str:
    """Markdown for one date reference: the event's date, linked to its timeline entry."""
    return (f'[<time datetime="{event.date}">{human_date(event.date)}</time>]'
            f'({link(src, addresses.TIMELINE, event.id)})')


def expand_dates(markdown: str, src: str, site, shown_file: str, line_of) -> tuple[str, list[Problem]]:
    """Replace every [[date:event-id]]; ``line_of(offset)`` gives the file line of an offset."""
    problems: list[Problem] = []

    def replace(match: re.Match) -> str:
        event = site.events.get(match.group(1).strip())
        if event is None:
            problems.append(Problem(shown_file, line_of(match.start()), _unknown_event(match.group(1).strip(), site)))
            return match.group(1)
        return date_link(event, src)

    return DATE_REF.sub(replace, markdown), problems


def expand_actors(markdown: str, src: str, site, shown_file: str, line_of) -> tuple[str, list[Problem]]:
    """Replace every [[actor-id]] and [[actor-id|text]] with a link to the glossary entry."""
    problems: list[Problem] = []

    def replace(match: re.Match) -> str:
        actor_id = match.group(1).strip()
        actor = site.actors.get(actor_id)
        if actor is None:
            problems.append(Problem(shown_file, line_of(match.start()), f"link [[{actor_id}]]: unknown glossary id '{actor_id}'"))
            return match.group(2) or actor_id
        text = match.group(2) or actor.name
        return f"[{text}]({link(src, addresses.glossary_entry(actor_id))})"

    return ACTOR_LINK.sub(replace, markdown), problems


def plain(text: str, site) -> str:
    """Prose as plain words: [[date:event-id]] -> the event's date, then as ``plain_markdown``
    with the site's actor names."""
    def date(match: re.Match) -> str:
        event = site.events.get(match.group(1).strip())
        return human_date(event.date) if event else match.group(1)

    names = {actor_id: actor.name for actor_id, actor in site.actors.items()}
    return plain_markdown(DATE_REF.sub(date, text), names)


def plain_markdown(markdown: str, actor_names: dict[str, str] | None = None) -> str:
    """Markdown prose as plain text, for places that must not hold links (a link's own text,
    a summary line): [[id|text]] -> text, [[id]] -> the actor's name, [text](url) -> text,
    **strong** and *em* -> their words."""
    names = actor_names or {}
    text = ACTOR_LINK.sub(lambda m: m.group(2) or names.get(m.group(1).strip(), m.group(1).strip()), markdown)
    text = MD_LINK.sub(r"\1", text)
    text = EMPHASIS.sub(r"\2", text)
    return one_line(text)


def without_ids(text: str) -> str:
    """Date references blanked out (same length, so offsets hold): they cannot disagree."""
    return DATE_REF.sub(lambda m: " " * len(m.group(0)), text)


def check(site, strings, actors_known: bool = True, events_known: bool = True) -> list[Problem]:
    """Unknown ids in data prose: ``strings`` yields (text, file, line where the text starts).
    A collection whose file could not be read is not checked (that error is reported)."""
    problems = []
    for text, file, line in strings:
        if events_known:
            for match in DATE_REF.finditer(text):
                if match.group(1).strip() not in site.events:
                    problems.append(Problem(file, line + text.count("\n", 0, match.start()), _unknown_event(match.group(1).strip(), site)))
        if actors_known:
            for match in ACTOR_LINK.finditer(text):
                target = match.group(1).strip()
                if target not in site.actors:
                    # Exact for literal blocks (|) and one-line values; folded (>) text loses its breaks.
                    where = line + text.count("\n", 0, match.start())
                    problems.append(Problem(file, where, f"link [[{target}]]: unknown glossary id '{target}'{closest(target, site.actors)}"))
    return problems


def closest(target: str, known) -> str:
    """' (did you mean 'x'?)' for the nearest known id, or ''."""
    match = difflib.get_close_matches(target, list(known), n=1)
    return f" (did you mean '{match[0]}'?)" if match else ""


def _unknown_event(event_id: str, site) -> str:
    return f"date reference [[date:{event_id}]]: unknown timeline event id '{event_id}'{closest(event_id, site.events)}"
