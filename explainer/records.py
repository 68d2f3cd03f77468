"""The data's records as typed classes: what a writer reads, by attribute, never by string key.

Each data file's records become one class here (``Source``, ``Actor``, ``Passage``, ``Claim``,
...), built by ``build`` from the YAML mapping once the schema (explainer/schema.py) has checked
it. The schema stays the one place that reports data mistakes with file and line; these classes
only give the checked data a shape: a field per key, nested blocks as records of their own,
and every optional list an empty tuple when absent (so ``x.claims`` is always iterable).

**Why dataclasses** (rather than pydantic or msgspec): the checking is already done, with the
site's own messages and lines, by the schema, so a second validating library would either
repeat it or be told to trust it; both libraries would also be a new dependency of the build.
Frozen, slotted dataclasses from the standard library give attribute access, a fixed set of
fields (a misspelt attribute is an error, not a silent ``None``) and records a writer cannot
change by accident.

Every record carries ``file`` and ``line`` (where it starts, as messages show them) and the
YAML mapping it was built from, ``yaml`` (explainer/yamlfile.py), which knows where each key
and each list item stands: ``line_of(key)``, ``item_lines(key)``, ``text_line(key)`` and
``strings()`` (every string in the record with its line) read it for messages.

Built leniently: a value of the wrong shape (already reported by the schema, which stops the
build) is kept as it is, so the checks that run on the loaded data before the build stops see
what the file holds. A field named like a Python keyword takes a trailing underscore
(``from`` -> ``from_``).
"""

from __future__ import annotations

import typing
from dataclasses import dataclass, field, fields
from functools import cache

from .yamlfile import Items, Record, strings_in


@dataclass(frozen=True, slots=True, kw_only=True)
class Located:
    """Where a record was written: ``file`` (as messages show it), ``line``, and its YAML."""

    file: str = field(default="?", compare=False, repr=False)
    line: int = field(default=0, compare=False, repr=False)
    yaml: Record | None = field(default=None, compare=False, repr=False)

    def line_of(self, key: str) -> int:
        """The line of one of the record's keys (the record's own line if it has none)."""
        return self.yaml.line_of(key) if self.yaml is not None else self.line

    def item_lines(self, key: str) -> list[int]:
        """The line of each item of a list field ([] when the field is no list)."""
        value = self.yaml.get(key) if self.yaml is not None else None
        return list(value.item_lines) if isinstance(value, Items) else []

    def text_line(self, key: str) -> int:
        """The line where a text field's first line stands (a block scalar's starts below its key)."""
        return self.yaml.text_starts.get(key, self.line_of(key)) if self.yaml is not None else self.line

    def strings(self):
        """Every string in the record as written, with the line where its text starts."""
        return strings_in(self.yaml, self.line) if self.yaml is not None else iter(())


# --- sources ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class ReadAt(Located):
    """The copy actually read, when it was not the original."""

    publisher: str
    url: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Source(Located):
    id: str
    kind: str
    publisher: str  # of the original
    title: str  # as published
    date: str  # of the original
    author: str | None = None
    url: str | None = None  # the original's address, only if seen
    read_at: ReadAt | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Outlet(Located):
    """A publisher in data/outlets.yml: its one name, kind and reliability class."""

    id: str
    name: str
    kind: str
    reliability: str  # reliable, attribution or unreliable
    why: str | None = None
    aliases: tuple[str, ...] = ()
    note: str | None = None


# --- the glossary -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class Native(Located):
    """A name in its own script."""

    lang: str
    script: str
    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class DatedText(Located):
    """One of an actor's key dates."""

    date: str
    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class FurtherReading(Located):
    """Not a source (Wikipedia, for one): a page for readers who want more."""

    title: str
    url: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Actor(Located):
    id: str
    kind: str
    name: str
    definition: str
    role: str
    fate: str
    fate_as_of: str
    fate_checked: str | None = None
    sources: tuple[str, ...] = ()
    article_name: str | None = None
    aliases: tuple[str, ...] = ()
    native: Native | None = None
    key_dates: tuple[DatedText, ...] = ()
    further_reading: tuple[FurtherReading, ...] = ()


# --- the annotated reading --------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class Claim(Located):
    id: str
    claim: str
    verdict: str
    reason: str
    checked: str
    passage: str  # the id of the passage it annotates (not in the YAML: where it stands)
    sources: tuple[str, ...] = ()
    evidence: str | None = None
    about: str | None = None
    known_from: str | None = None
    updated: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Forecast(Located):
    id: str
    forecast: str
    score: str
    reason: str
    checked: str
    passage: str  # the id of the passage it annotates (not in the YAML: where it stands)
    sources: tuple[str, ...] = ()
    evidence: str | None = None
    updated: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class SourcedText(Located):
    """A passage's context block."""

    text: str
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Next(Located):
    """A passage's "what happened next" block."""

    text: str
    as_of: str
    checked: str | None = None
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Passage(Located):
    id: str
    section: str
    title: str
    says: str
    page: str  # the reading page it is on (not in the YAML: its file's name)
    paragraphs: tuple[int, ...] = ()
    context: SourcedText | None = None
    claims: tuple[Claim, ...] = ()
    forecasts: tuple[Forecast, ...] = ()
    next: Next | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Section(Located):
    id: str
    title: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ReadingPage(Located):
    """data/passages/<page>.yml."""

    page: str
    sections: tuple[Section, ...] = ()
    passages: tuple[Passage, ...] = ()


# --- timeline, connections, map, corrections ---------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class Event(Located):
    id: str
    date: str
    text: str
    actors: tuple[str, ...] = ()
    passages: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Relation(Located):
    from_: str  # an actor id
    relation: str
    to: str  # an actor id
    period: str
    note: str | None = None
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Place(Located):
    id: str
    name: str
    lat: float
    lon: float
    why: str
    note: str
    aliases: tuple[str, ...] = ()  # searched, not shown (explainer/search_index.py)
    actor: str | None = None
    passages: tuple[str, ...] = ()
    approximate: str | None = None
    label: str | None = None
    events: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Correction(Located):
    id: str
    date: str
    target: str  # a passage, claim, forecast or glossary id
    was: str
    now: str
    kind: str  # verdict, fact, update, source or map
    why: str
    sources: tuple[str, ...] = ()


# --- data/visuals.yml and data/article.yml ----------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class Lane(Located):
    id: str
    title: str
    actors: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Step(Located):
    kind: str  # act or forecast
    when: str
    text: str
    from_: str | None = None  # a lane id
    to: tuple[str, ...] = ()  # lane ids
    over: tuple[str, ...] = ()  # lane ids, for a note spanning them
    event: str | None = None
    passage: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Argument(Located):
    lanes: tuple[Lane, ...] = ()
    steps: tuple[Step, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Side(Located):
    title: str
    actors: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Inset(Located):
    title: str
    west: float
    east: float
    south: float
    north: float


@dataclass(frozen=True, slots=True, kw_only=True)
class MapConfig(Located):
    inset: Inset | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Visuals(Located):
    """data/visuals.yml: editorial choices for the drawings."""

    argument: Argument | None = None
    sides: tuple[Side, ...] = ()
    map: MapConfig | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Article(Located):
    """data/article.yml: the article itself, as known."""

    type: str
    headline: str
    publisher: str
    date: str
    url: str
    author: str | None = None


# --- building ---------------------------------------------------------------------------------

_POSITION = ("file", "line", "yaml")


@cache
def _shape(cls) -> tuple[tuple[str, str, object, bool], ...]:
    """(attribute, YAML key, record class or None, is a list) for each of the class's fields."""
    hints = typing.get_type_hints(cls)
    out = []
    for f in fields(cls):
        if f.name in _POSITION:
            continue
        hint = hints[f.name]
        many = typing.get_origin(hint) is tuple
        inner = typing.get_args(hint)[0] if many else hint
        kinds = [t for t in (typing.get_args(inner) or (inner,)) if isinstance(t, type) and issubclass(t, Located)]
        out.append((f.name, f.name.rstrip("_"), kinds[0] if kinds else None, many))
    return tuple(out)


def build(cls, raw: Record, **given):
    """A ``cls`` from a checked YAML mapping; ``given`` sets fields the YAML does not hold
    (a passage's page) or that were built already (its claims)."""
    values = {}
    for name, key, record_class, many in _shape(cls):
        if name in given:
            continue
        value = raw.get(key)
        if many:
            if isinstance(value, Items):
                # A list of names holds no mapping or list (the schema reported any): later
                # checks look names up, and a mapping cannot be looked up.
                value = tuple(build(record_class, v) if record_class and isinstance(v, Record) else v for v in value
                              if record_class or not isinstance(v, (Record, Items)))
            else:
                value = ()  # absent, or not a list: the schema reported the wrong shape
        elif record_class and isinstance(value, Record):
            value = build(record_class, value)
        values[name] = value
    return cls(file=raw.file, line=raw.line, yaml=raw, **values, **given)
