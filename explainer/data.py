"""Load every data file, check it against its schema and check that references resolve.

``load_site(data_dir)`` returns a ``Site`` or raises ``ContentError`` listing every mistake
(file, line, message) found in one pass.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from . import schema as S
from . import daterefs, source_rules
from . import visuals
from . import claimreview
from .problems import ContentError, Problem
from .text import ACTOR_LINK  # defined once, in text.py
from .text import plain_text as _plain_text
from .yamlfile import Items, Record, load_yaml

# Files of records: file name -> (collection the ids go into, schema of one record).
LIST_FILES = {
    "sources.yml": ("source", S.SOURCE),
    "actors.yml": ("actor", S.ACTOR),
    "events.yml": ("event", S.EVENT),
    "relations.yml": ("relation", S.RELATION),
    "places.yml": ("place", S.PLACE),
    "corrections.yml": ("correction", S.CORRECTION),
}
PASSAGE_DIR = "passages"
READING_PAGES = ("background", "diplomacy-by-drones", "scenarios")



@dataclass
class Site:
    """Everything in data/, checked; records keep their file and line for later messages."""

    sources: dict = field(default_factory=dict)
    actors: dict = field(default_factory=dict)
    events: dict = field(default_factory=dict)
    relations: list = field(default_factory=list)
    places: dict = field(default_factory=dict)
    corrections: dict = field(default_factory=dict)
    pages: dict = field(default_factory=dict)  # reading page id -> its Record
    passages: dict = field(default_factory=dict)  # passage id -> Record (with "page" added)
    claims: dict = field(default_factory=dict)  # claim id -> Record (with "passage" added)
    forecasts: dict = field(default_factory=dict)
    references: list = field(default_factory=list)  # every S.Reference found
    files: dict = field(default_factory=dict)  # record id() -> shown file name
    visuals: dict = field(default_factory=dict)  # data/visuals.yml: editorial choices for the drawings
    article: dict = field(default_factory=dict)  # data/article.yml: the article as known


def without_marks(text: str) -> str:
    """The text without accents or apostrophes, keeping capitals and hyphens ("Asa'ib" -> "Asaib")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c) and c not in "'’ʼ‘`")


def fold(text: str) -> str:
    """Lowercase without accents, apostrophes or hyphens: how two spellings are compared."""
    return re.sub(r"[\s-]+", " ", without_marks(text)).strip().lower()


def plain_text(text: str, site: "Site") -> str:
    """Prose without link markup: [[id|shown]] -> shown, [[id]] -> the actor's name,
    [[date:event-id]] -> the event's date."""
    from .daterefs import plain

    return _plain_text(plain(text, site), {actor_id: actor["name"] for actor_id, actor in site.actors.items()})


def strings_in(value, line: int):
    """Every string in a record, with the line where its text starts."""
    if isinstance(value, Record):
        for key, child in value.items():
            yield from strings_in(child, value.text_starts.get(key, value.line_of(key)))
    elif isinstance(value, Items):
        for child, child_line in zip(value, value.item_lines):
            yield from strings_in(child, child_line)
    elif isinstance(value, str):
        yield value, line


class _Loader:
    def __init__(self, data_dir: Path, shown_root: Path):
        self.data_dir = data_dir
        self.shown_root = shown_root
        self.site = Site()
        self.problems: list[Problem] = []
        self.ids: dict[tuple[str, str], str] = {}  # (namespace, id) -> where first defined
        self.unreadable: set[str] = set()  # collections with a file that could not be read

    def shown(self, path: Path) -> str:
        try:
            return path.relative_to(self.shown_root).as_posix()
        except ValueError:
            return path.as_posix()

    def register(self, namespace: str, record: Record, file: str, store: dict | None, extra=None) -> None:
        rid = record.get("id")
        if not isinstance(rid, str):
            return
        key = (namespace, rid)
        here = f"{file}:{record.line}"
        if key in self.ids:
            self.problems.append(Problem(file, record.line, f"the {namespace} id '{rid}' is already used at {self.ids[key]}"))
            return
        self.ids[key] = here
        self.site.files[id(record)] = file
        if extra:
            record.update(extra)
        if store is not None:
            store[rid] = record

    def load_list(self, path: Path, collection: str, record_schema: dict) -> None:
        file = self.shown(path)
        data, problems = load_yaml(path, file)
        self.problems += problems
        if data is None:
            self.unreadable.add(collection)
            return
        checker = S.Checker(file)
        if not isinstance(data, Items):
            checker.problem(getattr(data, "line", 1), f"should be a list of {collection} entries, each starting with '- '")
        else:
            checker.records(data, record_schema, collection, data.line)
            for record in data:
                if not isinstance(record, Record):
                    continue
                if collection == "relation":
                    self.site.files[id(record)] = file
                    self.site.relations.append(record)
                else:
                    self.register(collection, record, file, getattr(self.site, collection + "s"))
        self.problems += checker.problems
        self.site.references += checker.references

    def load_passage_page(self, path: Path) -> None:
        file = self.shown(path)
        data, problems = load_yaml(path, file)
        self.problems += problems
        if data is None:
            self.unreadable.add("passage")
            return
        checker = S.Checker(file)
        if not checker.record(data, S.PASSAGE_PAGE, f"reading page {path.stem}", getattr(data, "line", 1)):
            self.problems += checker.problems
            return
        page = data.get("page")
        if page != path.stem or page not in READING_PAGES:
            checker.problem(data.line_of("page"), f"'page' must match the file name and be one of {', '.join(READING_PAGES)}; got {page!r}")
        self.site.pages[path.stem] = data
        sections = {s.get("id") for s in data.get("sections") or [] if isinstance(s, Record)}
        for passage in data.get("passages") or []:
            if not isinstance(passage, Record):
                continue
            self.register("anchor", passage, file, self.site.passages, {"page": page})
            if passage.get("section") not in sections:
                checker.problem(passage.line_of("section"), f"passage '{passage.get('id')}': section {passage.get('section')!r} is not listed under 'sections'")
            for kind in ("claims", "forecasts"):
                for item in passage.get(kind) or []:
                    if isinstance(item, Record):
                        self.register("anchor", item, file, getattr(self.site, kind), {"passage": passage.get("id")})
        self.problems += checker.problems
        self.site.references += checker.references

    def load(self) -> Site:
        if not self.data_dir.is_dir():
            self.problems.append(Problem(self.shown(self.data_dir), 1, "the data folder is missing"))
            return self.site
        for path in sorted(self.data_dir.rglob("*")):
            if path.is_dir() or path.name == "README.md" or path == self.data_dir / source_rules.KNOWN_GAPS:
                continue
            relative = path.relative_to(self.data_dir)
            if path.suffix in (".yml", ".yaml") and len(relative.parts) == 1 and path.name in LIST_FILES:
                self.load_list(path, *LIST_FILES[path.name])
            elif path.name == visuals.FILE and len(relative.parts) == 1:
                self.problems += visuals.load(self, path)
            elif path.name == claimreview.ARTICLE_FILE and len(relative.parts) == 1:
                self.problems += claimreview.load_article(self, path)
            elif path.suffix == ".yml" and relative.parts[0] == PASSAGE_DIR and len(relative.parts) == 2:
                self.load_passage_page(path)
            else:
                expected = ", ".join(LIST_FILES) + f", {PASSAGE_DIR}/<page>.yml"
                self.problems.append(Problem(self.shown(path), 1, f"is not a data file the site knows (expected one of: {expected})"))
        self.check_references()
        self.check_actor_links()
        self.check_aliases()
        self.check_corrections()
        self.check_source_rules()
        self.problems += visuals.check(self.site)
        self.problems += claimreview.check_article(self.site, self.shown(self.data_dir / claimreview.ARTICLE_FILE))
        return self.site

    def check_source_rules(self) -> None:
        if not {"source", "passage"} & self.unreadable:
            self.problems += source_rules.check(self.site, self.data_dir, self.shown(self.data_dir / source_rules.KNOWN_GAPS))

    def check_references(self) -> None:
        stores = {
            "source": self.site.sources,
            "actor": self.site.actors,
            "passage": self.site.passages,
            "event": self.site.events,
            "place": self.site.places,
        }
        for ref in self.site.references:
            if ref.collection in self.unreadable:
                continue  # its ids are unknown until the file reads; that error is reported
            if ref.target not in stores[ref.collection]:
                hint = _closest(ref.target, stores[ref.collection])
                self.problems.append(Problem(ref.file, ref.line, f"{ref.context}: unknown {ref.collection} id '{ref.target}'{hint}"))

    def check_actor_links(self) -> None:
        if "actor" in self.unreadable:
            return
        records = [*self.site.sources.values(), *self.site.actors.values(), *self.site.events.values(),
                   *self.site.places.values(), *self.site.pages.values(), *self.site.relations,
                   *self.site.corrections.values()]
        for record in records:
            file = self.site.files.get(id(record))
            if file is None:  # pages are registered by their passages
                file = next((self.site.files[id(p)] for p in record.get("passages") or [] if id(p) in self.site.files), "?")
            strings = list(strings_in(record, record.line))
            if "event" not in self.unreadable:
                self.problems += daterefs.check_strings(self.site, ((text, file, line) for text, line in strings))
            for text, line in strings:
                for match in ACTOR_LINK.finditer(text):
                    target = match.group(1).strip()
                    if target not in self.site.actors:
                        hint = _closest(target, self.site.actors)
                        # Exact for literal blocks (|) and one-line values; folded (>) text loses its breaks.
                        where = line + text.count("\n", 0, match.start())
                        self.problems.append(Problem(file, where, f"link [[{target}]]: unknown glossary id '{target}'{hint}"))

    def check_aliases(self) -> None:
        seen: dict[str, tuple[str, str]] = {}
        for actor in self.site.actors.values():
            file = self.site.files[id(actor)]
            names = [actor.get("name"), actor.get("article_name"), *(actor.get("aliases") or [])]
            own = set()
            for name in names:
                if not isinstance(name, str):
                    continue
                key = fold(name)
                if key in own:
                    continue
                own.add(key)
                if key in seen and seen[key][0] != actor["id"]:
                    other, where = seen[key]
                    self.problems.append(Problem(file, actor.line_of("aliases"), f"actor '{actor['id']}': the name '{name}' is already used by actor '{other}' ({where})"))
                else:
                    seen[key] = (actor["id"], f"{file}:{actor.line}")

    def check_corrections(self) -> None:
        targets = {**self.site.passages, **self.site.claims, **self.site.forecasts, **self.site.actors}
        for correction in self.site.corrections.values():
            target = correction.get("target")
            if isinstance(target, str) and target not in targets:
                self.problems.append(Problem(self.site.files[id(correction)], correction.line_of("target"), f"correction '{correction.get('id')}': unknown target '{target}' (a passage, claim, forecast or glossary id)"))


def _closest(target: str, known: dict) -> str:
    import difflib

    match = difflib.get_close_matches(target, list(known), n=1)
    return f" (did you mean '{match[0]}'?)" if match else ""


def load_site(data_dir: Path, shown_root: Path | None = None) -> Site:
    """Load and check everything under ``data_dir``; raise ContentError with every mistake."""
    data_dir = Path(data_dir)
    loader = _Loader(data_dir, Path(shown_root) if shown_root else data_dir.parent)
    site = loader.load()
    if loader.problems:
        raise ContentError(loader.problems)
    return site
