"""What each data file may hold, written as plain tables, and the checker that applies them.

A schema is a dict of field name -> Field. The checker reports every mistake it finds (never
stops at the first) and notes each reference to another record, so references can be checked
once everything is loaded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import dates
from .problems import Problem
from .scales import ACTOR_KINDS, CORRECTION_KINDS, FORECAST_SCORES, OUTLET_KINDS, RELATIONS, RELIABILITY, SOURCE_KINDS, VERDICTS
from .yamlfile import MAX_ID, Items, Record

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DATE_PATTERN = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")



SINGULAR = {"passages": "passage", "claims": "claim", "forecasts": "forecast", "sections": "section", "key_dates": "key date",
            "further_reading": "further reading"}


@dataclass(frozen=True)
class Field:
    kind: str  # id, text, date, url, enum, number, ref, refs, strs, record, records
    required: bool = True
    ref: str = ""  # for ref/refs: the collection referred to
    choices: tuple = ()
    schema: dict = field(default_factory=dict)
    low: float | None = None
    high: float | None = None


@dataclass
class Reference:
    collection: str
    target: str
    file: str
    line: int
    context: str


def optional(f: Field) -> Field:
    return Field(f.kind, False, f.ref, f.choices, f.schema, f.low, f.high)


TEXT = Field("text")
DATE = Field("date")
SOURCES = Field("refs", ref="source")

READ_AT = {"publisher": TEXT, "url": Field("url", required=False)}

SOURCE = {
    "id": Field("id"),
    "kind": Field("enum", choices=tuple(SOURCE_KINDS)),
    "publisher": TEXT,  # of the original
    "author": optional(TEXT),
    "title": TEXT,  # as published
    "date": DATE,  # of the original
    "url": Field("url", required=False),  # the original's address, only if seen
    "read_at": Field("record", required=False, schema=READ_AT),  # the copy actually read, if not the original
    "note": optional(TEXT),
}

FURTHER_READING = {"title": TEXT, "url": Field("url")}

# data/outlets.yml: every publisher once (checked further in explainer/outlets.py).
OUTLET = {
    "id": Field("id"),
    "name": TEXT,  # as every source writes it
    "kind": Field("enum", choices=OUTLET_KINDS),
    "reliability": Field("enum", choices=RELIABILITY),
    "why": optional(TEXT),  # required for any class but reliable
    "aliases": Field("strs", required=False),  # other spellings, to point a writer at the name
    "note": optional(TEXT),
}

NATIVE = {"lang": TEXT, "script": TEXT, "text": TEXT}
DATED_TEXT = {"date": DATE, "text": TEXT}

ACTOR = {
    "id": Field("id"),
    "kind": Field("enum", choices=tuple(ACTOR_KINDS)),
    "name": TEXT,
    "article_name": optional(TEXT),
    "aliases": Field("strs", required=False),
    "native": Field("record", required=False, schema=NATIVE),
    "definition": TEXT,
    "role": TEXT,
    "key_dates": Field("records", required=False, schema=DATED_TEXT),
    "fate": TEXT,
    "fate_as_of": DATE,  # the newest reporting the fate rests on
    "fate_checked": optional(DATE),  # the day we last looked
    "sources": SOURCES,
    "further_reading": Field("records", required=False, schema=FURTHER_READING),  # e.g. Wikipedia: not a source
}

CLAIM = {
    "id": Field("id"),
    "claim": TEXT,
    "verdict": Field("enum", choices=tuple(VERDICTS)),
    "reason": TEXT,
    "evidence": optional(TEXT),
    "sources": SOURCES,
    "about": optional(DATE),  # when what the claim concerns happened (required unless verdict is opinion)
    "known_from": optional(DATE),  # when the fact came out, if later than 'about' + 2 years
    "checked": DATE,
    "updated": optional(DATE),
}

FORECAST = {
    "id": Field("id"),
    "forecast": TEXT,
    "score": Field("enum", choices=tuple(FORECAST_SCORES)),
    "reason": TEXT,
    "evidence": optional(TEXT),
    "sources": SOURCES,
    "checked": DATE,
    "updated": optional(DATE),
}

SOURCED_TEXT = {"text": TEXT, "sources": SOURCES}
# as_of: the date of the newest reporting the text rests on; checked: the day we last looked.
NEXT = {"text": TEXT, "as_of": DATE, "checked": optional(DATE), "sources": SOURCES}

PASSAGE = {
    "id": Field("id"),
    "section": Field("id"),
    "title": TEXT,
    "paragraphs": Field("numbers", low=1, high=23),
    "says": TEXT,
    "context": Field("record", required=False, schema=SOURCED_TEXT),
    "claims": Field("records", required=False, schema=CLAIM),
    "forecasts": Field("records", required=False, schema=FORECAST),
    "next": Field("record", required=False, schema=NEXT),
}

SECTION = {"id": Field("id"), "title": TEXT}

PASSAGE_PAGE = {
    "page": Field("id"),
    "sections": Field("records", schema=SECTION),
    "passages": Field("records", schema=PASSAGE),
}

EVENT = {
    "id": Field("id"),
    "date": DATE,
    "text": TEXT,
    "actors": Field("refs", required=False, ref="actor"),
    "passages": Field("refs", required=False, ref="passage"),
    "sources": SOURCES,
}

RELATION = {
    "from": Field("ref", ref="actor"),
    "relation": Field("enum", choices=RELATIONS),
    "to": Field("ref", ref="actor"),
    "period": TEXT,
    "note": optional(TEXT),
    "sources": SOURCES,
}

PLACE = {
    "id": Field("id"),
    "name": TEXT,
    "aliases": Field("strs", required=False),  # other names a reader may search for (explainer/search_index.py)
    "actor": Field("ref", required=False, ref="actor"),
    "passages": Field("refs", required=False, ref="passage"),
    "lat": Field("number", low=-90, high=90),
    "lon": Field("number", low=-180, high=180),
    "approximate": optional(TEXT),  # when no gazetteer holds the place: how the point was placed, from what source
    "label": Field("enum", required=False, choices=("left", "right", "above", "below")),
    "why": TEXT,  # one line: why this place matters in the story (shown in the map's key)
    "events": Field("refs", required=False, ref="event"),  # its events on the timeline
    "note": TEXT,
    "sources": SOURCES,
}

# data/visuals.yml: editorial choices for the drawings (checked further in explainer/visuals.py).
LANE = {"id": Field("id"), "title": TEXT, "actors": Field("refs", ref="actor")}
STEP = {
    "kind": Field("enum", choices=("act", "forecast")),
    "from": optional(TEXT),  # a lane id
    "to": Field("strs", required=False),  # lane ids
    "over": Field("strs", required=False),  # lane ids, for a note spanning them
    "when": TEXT,
    "text": TEXT,
    "event": Field("ref", required=False, ref="event"),
    "passage": Field("ref", required=False, ref="passage"),
}
SIDE = {"title": TEXT, "actors": Field("refs", ref="actor")}
INSET = {"title": TEXT, **{k: Field("number", low=-180, high=180) for k in ("west", "east", "south", "north")}}
VISUALS = {
    "argument": Field("record", schema={"lanes": Field("records", schema=LANE), "steps": Field("records", schema=STEP)}),
    "sides": Field("records", schema=SIDE),
    "map": Field("record", schema={"inset": Field("record", schema=INSET)}),
}

# data/article.yml: the article itself, as known (what explainer/claimreview.py says of it).
ARTICLE = {
    "type": Field("enum", choices=("OpinionNewsArticle", "NewsArticle", "Article")),
    "headline": TEXT,
    "publisher": TEXT,
    "date": DATE,
    "url": Field("url"),
    "author": optional(TEXT),
}

CORRECTION = {
    "id": Field("id"),
    "date": DATE,
    "target": TEXT,  # a passage, claim or glossary id; checked in data.py
    "was": TEXT,
    "now": TEXT,
    # What kind of change, and why it was made (issue 26: the log says both for every entry).
    "kind": Field("enum", choices=tuple(CORRECTION_KINDS)),
    "why": TEXT,
    "sources": Field("refs", required=False, ref="source"),
}


def _is_real_date(text: str) -> bool:
    return dates.parse(text) is not None


class Checker:
    """Checks records against schemas; collects problems and references."""

    def __init__(self, file: str):
        self.file = file
        self.problems: list[Problem] = []
        self.references: list[Reference] = []

    def problem(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.file, line, message))

    def record(self, value, schema: dict, what: str, line: int) -> bool:
        """Check one mapping; ``what`` names it in messages ("actor 'soleimani'")."""
        if not isinstance(value, Record):
            self.problem(line, f"{what} should be a set of 'name: value' fields")
            return False
        if "id" in schema and isinstance(value.get("id"), str):
            what = f"{what} '{value['id']}'"
        for name in value:
            if name not in schema:
                known = ", ".join(schema)
                self.problem(value.line_of(name), f"{what}: unknown field '{name}' (expected one of: {known})")
        for name, spec in schema.items():
            if name not in value or value[name] is None or value[name] == "":
                if spec.required:
                    self.problem(value.line, f"{what}: the required field '{name}' is missing or empty")
                continue
            line = value.line_of(name)
            if spec.kind == "record":
                self.record(value[name], spec.schema, f"{what} › {name}", line)
            elif spec.kind == "records":
                self.records(value[name], spec.schema, SINGULAR.get(name, name), line)
            else:
                self.value(value[name], spec, f"{what}: '{name}'", line)
        return True

    def records(self, value, schema: dict, what: str, line: int) -> None:
        """Check a list of mappings; ``what`` names one item ("claim")."""
        if not isinstance(value, Items):
            self.problem(line, f"the {what} list should be a list, each item starting with '- '")
            return
        for item, item_line in zip(value, value.item_lines):
            self.record(item, schema, what, item_line)

    def value(self, value, spec: Field, what: str, line: int) -> None:
        kind = spec.kind
        if kind == "id":
            if isinstance(value, str) and len(value) > MAX_ID:
                self.problems.append(Problem(self.file, line, f"{what} is {len(value)} characters long; an id may have at most {MAX_ID}", rule="size"))
            elif not (isinstance(value, str) and ID_PATTERN.match(value)):
                self.problem(line, f"{what} must be lowercase letters, digits and hyphens, got {value!r}")
        elif kind == "text":
            if not isinstance(value, str) or not value.strip():
                self.problem(line, f"{what} must be text, got {value!r}")
        elif kind == "date":
            if not (isinstance(value, str) and DATE_PATTERN.match(value)):
                self.problem(line, f"{what} must be a date written YYYY-MM-DD, YYYY-MM or YYYY, got {value!r}")
            elif not _is_real_date(value):
                self.problem(line, f"{what}: {value!r} is not a real date (written YYYY-MM-DD, YYYY-MM or YYYY)")
        elif kind == "url":
            if not (isinstance(value, str) and re.match(r"^https://[^\s\"'<>]+$", value)):
                self.problem(line, f"{what} must be an https:// address, got {value!r}")
        elif kind == "enum":
            if value not in spec.choices:
                self.problem(line, f"{what} must be one of {', '.join(spec.choices)}; got {value!r}")
        elif kind == "number":
            ok = isinstance(value, (int, float)) and not isinstance(value, bool)
            if not ok or not (spec.low <= value <= spec.high):
                self.problem(line, f"{what} must be a number from {spec.low:g} to {spec.high:g}, got {value!r}")
        elif kind == "numbers":
            ok = isinstance(value, Items) and value and all(isinstance(v, int) for v in value)
            if not ok or not all(spec.low <= v <= spec.high for v in value):
                self.problem(line, f"{what} must be a list of whole numbers from {spec.low:g} to {spec.high:g}")
        elif kind == "strs":
            if not isinstance(value, Items) or not all(isinstance(v, str) and v.strip() for v in value):
                self.problem(line, f"{what} must be a list of names")
        elif kind == "ref":
            self._ref(value, spec.ref, what, line)
        elif kind == "refs":
            if not isinstance(value, Items) or (spec.required and not value):
                self.problem(line, f"{what} must be a list of {spec.ref} ids with at least one entry")
                return
            for item, item_line in zip(value, value.item_lines):
                self._ref(item, spec.ref, what, item_line)
        else:  # pragma: no cover - a schema typo, not a content mistake
            raise ValueError(f"unknown field kind {kind}")

    def _ref(self, value, collection: str, what: str, line: int) -> None:
        if not isinstance(value, str):
            self.problem(line, f"{what} must name a {collection} id, got {value!r}")
            return
        self.references.append(Reference(collection, value, self.file, line, what))
