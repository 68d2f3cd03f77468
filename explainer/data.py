"""Load every data file, check it against its schema and check that references resolve.

``load_site(data_dir)`` returns a ``Site`` or raises ``ContentError`` listing every mistake
(file, line, message) found in one pass. Each record is checked as YAML (explainer/schema.py),
then built into its typed class (explainer/records.py, which says why dataclasses) for
everything after: the cross-checks here and every writer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from . import addresses, claimreview, fragments, markup, prose_rules, source_rules, visuals
from . import records as R
from . import schema as S
from .addresses import READING_PAGES
from .problems import ContentError, Problem
from .text import fold, without_marks  # noqa: F401 (glossary.py and the tests import them from here)
from .yamlfile import Items, Record, load_yaml, strings_in



@dataclass(frozen=True)
class DataFile:
    """One kind of file in data/: what one entry holds, and where its records go in the Site."""

    name: str  # inside data/; "passages/<page>.yml" stands for one file per reading page
    collection: str  # what one entry is, as messages and id namespaces name it ("source")
    into: str  # the Site attribute its records go into: a dict by id, a list, or one record
    schema: dict | None = None  # one entry's (explainer/schema.py)
    record: type | None = None  # one entry's class (explainer/records.py)
    required: bool = False  # a build without it stops ("this file is missing")
    many: bool = True  # a list of entries; else the file is one entry
    read: Callable | None = None  # a file of its own shape: read(data, file) -> (value, problems)
    what: str = ""  # a file that is one entry: how messages name it


PASSAGE_DIR = "passages"
# Every data file the site knows, the one table the loader reads. corrections.yml may be absent
# (no corrections yet); article.yml is required by claimreview.check_article once a reading page
# exists; fragments.yml maps paragraph numbers to words, no records (explainer/fragments.py).
DATA_FILES = (
    DataFile("sources.yml", "source", "sources", S.SOURCE, R.Source, required=True),
    DataFile("actors.yml", "actor", "actors", S.ACTOR, R.Actor, required=True),
    DataFile("events.yml", "event", "events", S.EVENT, R.Event, required=True),
    DataFile("relations.yml", "relation", "relations", S.RELATION, R.Relation, required=True),
    DataFile("places.yml", "place", "places", S.PLACE, R.Place, required=True),
    DataFile("corrections.yml", "correction", "corrections", S.CORRECTION, R.Correction),
    DataFile("outlets.yml", "outlet", "outlets", S.OUTLET, R.Outlet),
    DataFile("visuals.yml", "visuals", "visuals", S.VISUALS, R.Visuals, required=True, many=False,
             what="visuals.yml"),
    DataFile("article.yml", "article", "article", S.ARTICLE, R.Article, many=False, what="the article"),
    DataFile("fragments.yml", "fragments", "fragments", read=fragments.read),
    DataFile(f"{PASSAGE_DIR}/<page>.yml", "passage", "pages", S.PASSAGE_PAGE, R.ReadingPage, many=False),
)
FILES = {spec.name: spec for spec in DATA_FILES}
PROJECT_CONFIG = Path(__file__).resolve().parent.parent / "mkdocs.yml"  # the package is installed editable


@dataclass
class Site:
    """Everything in data/, checked, as typed records (explainer/records.py); each keeps its
file and line for later messages (``record.file``, ``record.line``, ``record.line_of(key)``)."""

    sources: dict[str, R.Source] = field(default_factory=dict)
    actors: dict[str, R.Actor] = field(default_factory=dict)
    events: dict[str, R.Event] = field(default_factory=dict)
    relations: list[R.Relation] = field(default_factory=list)
    places: dict[str, R.Place] = field(default_factory=dict)
    corrections: dict[str, R.Correction] = field(default_factory=dict)
    outlets: dict[str, R.Outlet] = field(default_factory=dict)  # data/outlets.yml, by id
    pages: dict[str, R.ReadingPage] = field(default_factory=dict)  # reading page id -> its page
    passages: dict[str, R.Passage] = field(default_factory=dict)
    claims: dict[str, R.Claim] = field(default_factory=dict)
    forecasts: dict[str, R.Forecast] = field(default_factory=dict)
    references: list = field(default_factory=list)  # every S.Reference found
    visuals: R.Visuals | None = None  # data/visuals.yml: editorial choices for the drawings
    article: R.Article | None = None  # data/article.yml: the article as known
    fragments: dict = field(default_factory=dict)  # data/fragments.yml: paragraph -> (first, last words)
    titles: dict = field(default_factory=dict)  # docs path -> page title, from the nav in mkdocs.yml


class _Loader:
    def __init__(self, data_dir: Path, shown_root: Path):
        self.data_dir = data_dir
        self.shown_root = shown_root
        self.site = Site()
        self.problems: list[Problem] = []
        self.ids: dict[tuple[str, str], str] = {}  # (namespace, id) -> where first defined
        self.unreadable: set[str] = set()  # collections with a file that could not be read
        self.unbuilt: list[Record] = []  # one-record files that failed their schema: their strings are still checked

    def shown(self, path: Path) -> str:
        try:
            return path.relative_to(self.shown_root).as_posix()
        except ValueError:
            return path.as_posix()

    def register(self, namespace: str, record: R.Located, file: str, store: dict | None) -> None:
        rid = getattr(record, "id", None)
        if not isinstance(rid, str):
            return
        key = (namespace, rid)
        here = f"{file}:{record.line}"
        if key in self.ids:
            self.problems.append(Problem(file, record.line, f"the {namespace} id '{rid}' is already used at {self.ids[key]}"))
            return
        self.ids[key] = here
        if store is not None:
            store[rid] = record

    def load_file(self, path: Path, spec: DataFile) -> None:
        """Read one data file as its entry in DATA_FILES says, into the Site."""
        file = self.shown(path)
        data, problems = load_yaml(path, file)
        self.problems += problems
        if data is None:
            self.unreadable.add(spec.collection)
            return
        checker = S.Checker(file)
        if spec.read is not None:
            value, problems = spec.read(data, file)
            checker.problems += problems
            setattr(self.site, spec.into, value)
        elif spec.many:
            if not isinstance(data, Items):
                checker.problem(getattr(data, "line", 1), f"should be a list of {spec.collection} entries, each starting with '- '")
            else:
                checker.records(data, spec.schema, spec.collection, data.line)
                store = getattr(self.site, spec.into)
                for entry in data:
                    if not isinstance(entry, Record):
                        continue
                    record = R.build(spec.record, entry)
                    if isinstance(store, list):
                        store.append(record)
                    else:
                        self.register(spec.collection, record, file, store)
        elif spec.record is R.ReadingPage:
            self.load_passage_page(path, data, checker)
        elif checker.record(data, spec.schema, spec.what, getattr(data, "line", 1)) and not checker.problems:
            setattr(self.site, spec.into, R.build(spec.record, data))  # one entry: built only once it passed
        else:
            self.unreadable.add(spec.collection)  # reported; "is missing" would say it wrongly
            if isinstance(data, Record):
                self.unbuilt.append(data)
        self.problems += checker.problems
        self.site.references += checker.references

    def load_passage_page(self, path: Path, data, checker: S.Checker) -> None:
        file = checker.file
        if not checker.record(data, S.PASSAGE_PAGE, f"reading page {path.stem}", getattr(data, "line", 1)):
            return
        page = data.get("page")
        if page != path.stem or page not in READING_PAGES:
            checker.problem(data.line_of("page"), f"'page' must match the file name and be one of {', '.join(READING_PAGES)}; got {page!r}")
        reading = R.build(R.ReadingPage, data, passages=self.passages(data, page))
        self.site.pages[path.stem] = reading
        sections = {s.id for s in reading.sections if isinstance(s, R.Section)}
        for passage in reading.passages:
            if not isinstance(passage, R.Passage):
                continue
            self.register("anchor", passage, file, self.site.passages)
            if passage.section not in sections:
                checker.problem(passage.line_of("section"), f"passage '{passage.id}': section {passage.section!r} is not listed under 'sections'")
            for kind in ("claims", "forecasts"):
                for item in getattr(passage, kind):
                    if isinstance(item, (R.Claim, R.Forecast)):
                        self.register("anchor", item, file, getattr(self.site, kind))

    @staticmethod
    def passages(data: Record, page) -> tuple:
        """A reading page's passages, typed, each with its page and each claim and forecast
        with its passage (items of the wrong shape kept as they are: the schema reported them)."""
        items = data.get("passages")
        if not isinstance(items, Items):
            return () if items is None else items
        built = []
        for raw in items:
            if not isinstance(raw, Record):
                built.append(raw)
                continue
            pid = raw.get("id")
            parts = {}
            for kind, cls in (("claims", R.Claim), ("forecasts", R.Forecast)):
                value = raw.get(kind)
                if isinstance(value, Items):
                    value = tuple(R.build(cls, v, passage=pid) if isinstance(v, Record) else v for v in value)
                parts[kind] = () if value is None else value
            built.append(R.build(R.Passage, raw, page=page, **parts))
        return tuple(built)

    def load(self) -> Site:
        if not self.data_dir.is_dir():
            self.problems.append(Problem(self.shown(self.data_dir), 1, "the data folder is missing"))
            return self.site
        for path in sorted(self.data_dir.rglob("*")):
            if path.is_dir() or path.name == "README.md" or path == self.data_dir / source_rules.KNOWN_GAPS:
                continue
            spec = self.spec_of(path.relative_to(self.data_dir))
            if spec is not None:
                self.load_file(path, spec)
            else:
                expected = ", ".join(FILES)
                self.problems.append(Problem(self.shown(path), 1, f"is not a data file the site knows (expected one of: {expected})"))
        for spec in DATA_FILES:
            if spec.required and not (self.data_dir / spec.name).is_file():
                self.problems.append(Problem(self.shown(self.data_dir / spec.name), 1, "this file is missing; the site needs it (data/README.md describes it)"))
                self.unreadable.add(spec.collection)
        self.check_references()
        self.check_links()
        self.check_aliases()
        self.check_corrections()
        self.check_source_rules()
        self.read_titles()
        self.problems += visuals.check(self.site)
        if "article" not in self.unreadable:
            self.problems += claimreview.check_article(self.site, self.shown(self.data_dir / "article.yml"))
        return self.site

    @staticmethod
    def spec_of(relative: Path) -> DataFile | None:
        """The entry of DATA_FILES a file inside data/ is (None: not a data file)."""
        if len(relative.parts) == 2 and relative.parts[0] == PASSAGE_DIR and relative.suffix == ".yml":
            return FILES[f"{PASSAGE_DIR}/<page>.yml"]
        return FILES.get(relative.as_posix()) if len(relative.parts) == 1 else None

    def check_source_rules(self) -> None:
        shown = self.shown(self.data_dir / source_rules.KNOWN_GAPS)
        if not {"source", "passage"} & self.unreadable:
            self.problems += source_rules.check(self.site, self.data_dir, shown)
        else:  # the rules need both files; the list of gaps can still be read
            self.problems += source_rules.read_known_gaps(self.data_dir, shown)[1]

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
                hint = markup.closest(ref.target, stores[ref.collection])
                self.problems.append(Problem(ref.file, ref.line, f"{ref.context}: unknown {ref.collection} id '{ref.target}'{hint}"))

    def check_links(self) -> None:
        """[[actor-id]] and [[date:event-id]] in every prose field name known ids."""
        records = [*self.site.sources.values(), *self.site.actors.values(), *self.site.events.values(),
                   *self.site.places.values(), *self.site.pages.values(), *self.site.relations,
                   *self.site.corrections.values()]
        strings = [(text, record.file, line) for record in records for text, line in record.strings()]
        self.problems += markup.check(self.site, strings, actors_known="actor" not in self.unreadable,
                                      events_known="event" not in self.unreadable)
        # No raw HTML, safe link targets: in every string, the drawings' and the article's too.
        drawn = [(text, record.file, line) for record in (self.site.visuals, self.site.article) if record is not None
                 for text, line in record.strings()]
        drawn += [(text, entry.file, line) for entry in self.unbuilt for text, line in strings_in(entry, entry.line)]
        self.problems += prose_rules.check_data(strings + drawn, self.shown_root)

    def check_aliases(self) -> None:
        seen: dict[str, tuple[str, str]] = {}
        for actor in self.site.actors.values():
            file = actor.file
            names = [actor.name, actor.article_name, *(actor.aliases or [])]
            own = set()
            for name in names:
                if not isinstance(name, str):
                    continue
                key = fold(name)
                if key in own:
                    continue
                own.add(key)
                if key in seen and seen[key][0] != actor.id:
                    other, where = seen[key]
                    self.problems.append(Problem(file, actor.line_of("aliases"), f"actor '{actor.id}': the name '{name}' is already used by actor '{other}' ({where})"))
                else:
                    seen[key] = (actor.id, f"{file}:{actor.line}")

    def read_titles(self) -> None:
        """Page titles from the nav of the mkdocs.yml beside data/, or else of this project's
        (a data folder alone, such as the tests' fixture, is shown with the project's nav);
        a reading page needs one: it names the page's passages elsewhere."""
        config = self.data_dir.parent / "mkdocs.yml"
        self.site.titles = addresses.nav_titles(config if config.exists() else PROJECT_CONFIG)
        if not self.site.titles:
            return
        for page_id, page in self.site.pages.items():
            if addresses.reading_page(page_id) not in self.site.titles:
                self.problems.append(Problem(page.file, page.line_of("page"), f"reading page '{page_id}' is not in the nav of mkdocs.yml (its title comes from there)"))

    def check_corrections(self) -> None:
        targets = {**self.site.passages, **self.site.claims, **self.site.forecasts, **self.site.actors}
        for correction in self.site.corrections.values():
            target = correction.target
            if isinstance(target, str) and target not in targets:
                self.problems.append(Problem(correction.file, correction.line_of("target"), f"correction '{correction.id}': unknown target '{target}' (a passage, claim, forecast or glossary id)"))


def load_site(data_dir: Path, shown_root: Path | None = None) -> Site:
    """Load and check everything under ``data_dir``; raise ContentError with every mistake."""
    data_dir = Path(data_dir)
    loader = _Loader(data_dir, Path(shown_root) if shown_root else data_dir.parent)
    site = loader.load()
    if loader.problems:
        raise ContentError(loader.problems)
    return site
