"""Partial dates, as the data writes them: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``. One parser,
one order, used by every module that reads a date (the schema, the timeline, the glossary, the
sources rules, the date-conflict rule).

The order: a date known only to the month (or year) comes after the dated days of that month
(or year). "Sometime in October 2020" has not ended before 11 October 2020 has passed; the
timeline's entry for the article itself ("2020-10") says it appeared after the truce of
11 October, and so it stands after it, on the timeline and on every glossary entry alike.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True)
class PartialDate:
    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    @property
    def first_day(self) -> _dt.date:
        return _dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> _dt.date:
        if self.day:
            return self.first_day
        if self.month:
            following = _dt.date(self.year + self.month // 12, self.month % 12 + 1, 1)
            return following - _dt.timedelta(days=1)
        return _dt.date(self.year, 12, 31)

    @property
    def sort_key(self) -> tuple[int, int, int]:
        """Known to the month: after the month's dated days; to the year: after its months."""
        return self.year, self.month or 13, self.day or 32


def parse(text) -> PartialDate | None:
    """The date a text writes, or None when it is not one (malformed, or no such day)."""
    match = PATTERN.match(text) if isinstance(text, str) else None
    if not match:
        return None
    year, month, day = (int(part) if part else None for part in match.groups())
    try:
        _dt.date(year, month or 1, day or 1)
    except ValueError:
        return None
    return PartialDate(year, month, day)


def sort_key(text: str) -> tuple[int, int, int]:
    """The order of dates that passed the schema (see the module's docstring)."""
    return parse(text).sort_key
