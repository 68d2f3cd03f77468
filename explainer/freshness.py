"""Honest dates (issue 26): a "what happened next" block or a fate shows two dates, kept apart.

``as_of`` (``fate_as_of``) is the date of the newest reporting the text rests on; ``checked``
(``fate_checked``) is the day we last looked. The build checks that they are in order:

- ``as-of-checked``: ``as_of`` is not later than ``checked`` (no reporting from after the check);
- ``as-of-sources``: a next block's ``as_of`` is not earlier than the newest source it cites (the
  text cannot rest on reporting newer than it claims; a glossary entry's sources back the whole
  entry, not only its fate, so fates are not compared);
- ``checked``: every block and fate has its checked date, once ``REQUIRE_CHECKED`` is on.

Partial dates ("2026-03") count as any day they may mean, so only a certain contradiction fails.
"""

from __future__ import annotations

import datetime as _dt

from . import dates
from . import records as R

RULES = ("as-of-checked", "as-of-sources", "checked")
# On: every next block and fate carries its checked date (filled in on 7 December 2026).
REQUIRE_CHECKED = True


def span(date) -> tuple[_dt.date, _dt.date] | None:
    """The first and last day a YYYY, YYYY-MM or YYYY-MM-DD date may mean (None if malformed)."""
    parsed = dates.parse(date)
    return (parsed.first_day, parsed.last_day) if parsed else None


def newest_source(site, ids) -> tuple[str, str] | None:
    """(id, date) of the cited source whose date may be the latest."""
    dated = [(span(site.sources[s].date), s) for s in ids or () if s in site.sources]
    dated = [(d, s) for d, s in dated if d]
    if not dated:
        return None
    _, sid = max(dated, key=lambda ds: (ds[0][0], ds[0][1]))
    return sid, site.sources[sid].date


def blocks(site):
    """(what, id, record, as_of key, checked key) for every next block and fate."""
    out = []
    for passage in site.passages.values():
        if isinstance(passage.next, R.Next):
            out.append(("what happened next", passage.id, passage.next, "as_of", "checked"))
    for actor in site.actors.values():
        out.append(("fate of", actor.id, actor, "fate_as_of", "fate_checked"))
    return out


def findings(site, add) -> None:
    """Report every date out of order through ``add(record_id, rule, file, line, message)``."""
    for what, rid, record, as_of_key, checked_key in blocks(site):
        as_of, checked = getattr(record, as_of_key), getattr(record, checked_key)
        as_of_span, checked_span = span(as_of), span(checked)
        line = record.line_of(as_of_key)
        if checked is None:
            if REQUIRE_CHECKED:
                add(rid, "checked", record.file, record.line,
                    f"{what} '{rid}': add '{checked_key}:' (the day you last checked it, YYYY-MM-DD)")
        elif as_of_span and checked_span and as_of_span[0] > checked_span[1]:
            add(rid, "as-of-checked", record.file, line,
                f"{what} '{rid}': {as_of_key} {as_of} is later than {checked_key} {checked}; as_of is the date of "
                "the newest reporting, which cannot postdate the check")
        # A glossary entry's sources back all of it, not only its fate, so only a next block's are compared.
        newest = newest_source(site, record.sources) if as_of_key == "as_of" else None
        if newest and as_of_span:
            sid, date = newest
            if as_of_span[1] < span(date)[0]:
                add(rid, "as-of-sources", record.file, line,
                    f"{what} '{rid}': {as_of_key} {as_of} is earlier than its newest source '{sid}' ({date}); "
                    f"set {as_of_key} to the date of the newest reporting it rests on")


def stamp(as_of: str, checked: str | None, html: bool = True, capital: bool = False) -> str:
    """The two dates as a reader sees them: "checked 7 December 2026 · reporting up to March 2026"
    ("as of March 2026" until the block has a checked date)."""
    from .text import human_date

    def shown(date):
        return f'<time datetime="{date}">{human_date(date)}</time>' if html else human_date(date)
    text = f"checked {shown(checked)} · reporting up to {shown(as_of)}" if checked else f"as of {shown(as_of)}"
    return text[0].upper() + text[1:] if capital else text
