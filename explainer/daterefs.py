"""One fact, one place: prose names an event's date by reference to its timeline entry.

``[[date:event-id]]`` in any prose (a page in docs/ or a text field in data/) renders as the
event's date as the timeline gives it ("3 January 2020"), linked to ``/timeline/#event-id``
(explainer/markup.py parses and expands it). When the timeline's date changes, every page
follows. An unknown event id is a build error with file and line.

``conflicts(site, docs)`` looks for the opposite mistake, a date written by hand that gives an
event another date than the timeline: a sentence that names one of the event's actors, whose clause
around the date shares words with the event's text, and that gives a date near the event's (within
two months) but not equal to it, nor to the date of another event that clause fits.
"""

from __future__ import annotations

import datetime as _dt
import re
from pathlib import Path

from . import dates
from .markup import ACTOR_LINK, without_ids
from .problems import Problem
from .yamlfile import read_text
from .text import MONTHS, human_date

# --- hand-written dates that contradict the timeline ------------------------------------------

_MONTH = "|".join(MONTHS)
_SHORT = "|".join(m[:3] for m in MONTHS)
# "3 January 2020", "3-4 January 2020" (first day), "January 3, 2020", "January 2020", "3 Jan 2020".
WRITTEN_DATE = re.compile(
    rf"\b(?:(?P<day>\d{{1,2}})(?:\s*[-–]\s*\d{{1,2}})?\s+(?P<month>{_MONTH}|{_SHORT})\.?,?\s+(?P<year>(?:19|20)\d\d)"
    rf"|(?P<month2>{_MONTH})\s+(?P<day2>\d{{1,2}}),\s+(?P<year2>(?:19|20)\d\d)"
    rf"|(?P<month3>{_MONTH})\s+(?P<year3>(?:19|20)\d\d))\b")
_WORD = re.compile(r"[a-z][a-z'-]{3,}")
STOP = set("""that this with from their there they were have been which when what into over after before about
also than then them these those would could should other some more most such only against under while where
said says told according reported report during since until between among first last later year years month
months january february march april may june july august september october november december""".split())


def _month_number(name: str) -> int:
    return next(i for i, m in enumerate(MONTHS, 1) if m.lower().startswith(name.lower()[:3]))


def written_dates(sentence: str):
    """(YYYY-MM[-DD], offset) for each date written out in a sentence."""
    for m in WRITTEN_DATE.finditer(sentence):
        if m.group("year"):
            yield f"{m.group('year')}-{_month_number(m.group('month')):02d}-{int(m.group('day')):02d}", m.start()
        elif m.group("year2"):
            yield f"{m.group('year2')}-{_month_number(m.group('month2')):02d}-{int(m.group('day2')):02d}", m.start()
        else:
            yield f"{m.group('year3')}-{_month_number(m.group('month3')):02d}", m.start()


def _words(text: str) -> set[str]:
    text = ACTOR_LINK.sub(lambda m: " " + m.group(1).replace("-", " ") + " " + (m.group(2) or ""), text)
    return {w for w in _WORD.findall(text.lower()) if w not in STOP}


def _start(date: str) -> _dt.date:
    return dates.parse(date).first_day


def _agrees(written: str, event_date: str) -> bool:
    """A written date agrees when it says the same thing at its own precision (or less)."""
    short = min(len(written), len(event_date))
    return written[:short] == event_date[:short]


def _sentences(text: str):
    """(sentence, offset) pairs; [[date:...]] references are dropped (they cannot disagree)."""
    text = without_ids(text)
    start = 0
    for m in re.finditer(r"(?<=[.!?])\s+(?=[A-Z\"“(\[])|\n\s*\n", text):
        yield text[start:m.start()], start
        start = m.end()
    yield text[start:], start


_CLAUSE_BREAK = re.compile(r"[;,:()]|\s(?:and|after|before|when|while|until|but|then|since)\s")


def _clause(sentence: str, at: int) -> str:
    """The clause of a sentence around an offset: dates in one sentence often date different things."""
    starts = [m.end() for m in _CLAUSE_BREAK.finditer(sentence, 0, at)]
    end = _CLAUSE_BREAK.search(sentence, at)
    return sentence[(starts[-1] if starts else 0):(end.start() if end else len(sentence))]


def conflicts(site, prose) -> list[Problem]:
    """Hand-written dates that give a timeline event another date. ``prose`` yields (text, file,
    first line, the events it may date or None for any, the event it belongs to or None)."""
    events = [(e, _words(e.text), set(e.actors)) for e in site.events.values()]
    problems = []
    for text, file, line, candidates, own in prose:
        for sentence, offset in _sentences(text):
            found = list(written_dates(sentence))
            if not found:
                continue
            actors = {m.group(1).strip() for m in ACTOR_LINK.finditer(sentence)}
            for written, at in found:
                if dates.parse(written) is None:  # "31 February 2020"
                    where = line + text.count("\n", 0, offset + at)
                    problems.append(Problem(file, where, f"'{human_date(written)}' here is not a real date"))
                    continue
                words = _words(_clause(sentence, at))
                if len(words) < 3:  # "..., on 26 June 2020." says nothing alone: read the sentence
                    words = _words(sentence)
                fitting = []
                for event, ewords, eactors in events:
                    shared = len(actors & eactors)
                    common = len(words & ewords)
                    if candidates is not None and event.id not in candidates or event.id == own:
                        continue
                    if shared and common >= 2 and shared + common >= 3:
                        fitting.append((shared + common, event))
                if any(_agrees(written, e.date) for _, e in fitting):
                    continue  # the clause dates an event it fits, correctly
                near = [(score, e) for score, e in fitting if abs((_start(written) - _start(e.date)).days) <= 62]
                if near:
                    event = max(near, key=lambda se: se[0])[1]
                    where = line + text.count("\n", 0, offset + at)
                    problems.append(Problem(file, where, (
                        f"'{human_date(written)}' here, but the timeline dates '{event.id}' "
                        f"{human_date(event.date)}; write [[date:{event.id}]] (or correct one of them)")))
    return problems


def site_prose(site, docs: Path, shown_docs: str = "docs"):
    """Every prose string in the data and every hand-written page, as (text, file, line,
    candidate events, own event): a passage's prose may date the events the timeline links to
    it, a glossary entry's the events of its actor; pages and other prose any event."""
    by_passage: dict[str, set] = {}
    by_actor: dict[str, set] = {}
    for event in site.events.values():
        for passage_id in event.passages:
            by_passage.setdefault(passage_id, set()).add(event.id)
        for actor_id in event.actors:
            by_actor.setdefault(actor_id, set()).add(event.id)
    for actor in site.actors.values():
        file = actor.file
        for text, line in actor.strings():
            yield text, file, line, by_actor.get(actor.id, set()), None
    for record in [*site.places.values(), *site.relations, *site.corrections.values()]:
        file = record.file
        for text, line in record.strings():
            yield text, file, line, None, None
    for passage in site.passages.values():
        file = passage.file
        for text, line in passage.strings():
            yield text, file, line, by_passage.get(passage.id, set()), None
    for event in site.events.values():  # an event's text may date another event
        file = event.file
        yield event.text, file, event.text_line("text"), None, event.id
    for path in sorted(Path(docs).rglob("*.md")):
        shown = f"{shown_docs}/{path.relative_to(docs).as_posix()}"
        text, unreadable = read_text(path, shown)
        if text is not None:  # else explainer.pages reports it
            yield text, shown, 1, None, None
