"""Load every data file, check it against its schema and check that references resolve.

``load_site(data_dir)`` returns a ``Site`` or raises ``ContentError`` listing every mistake
(file, line, message) found in one pass. Each record is checked as YAML (explainer/schema.py),
then built into its typed class (explainer/records.py, which says why dataclasses) for
everything after: the cross-checks here and every writer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import addresses, claimreview, fragments, markup, prose_rules, source_rules, visuals
from . import records as R
from . import schema as S
from .addresses import READING_PAGES
from .problems import ContentError, Problem
from .text import fold, without_marks  # re-exported: writers compare spellings with data.fold
from .yamlfile import Items, Record, load_yaml

# Files of records: file name -> (collection the ids go into, schema of one record, its class).
LIST_FILES = {
    "sources.yml": ("source", S.SOURCE, R.Source),
    "actors.yml": ("actor", S.ACTOR, R.Actor),
    "events.yml": ("event", S.EVENT, R.Event),
    "relations.yml": ("relation", S.RELATION, R.Relation),
    "places.yml": ("place", S.PLACE, R.Place),
    "corrections.yml": ("correction", S.CORRECTION, R.Correction),
    "outlets.yml": ("outlet", S.OUTLET, R.Outlet),
}
PASSAGE_DIR = "passages"
# Files every build needs (corrections.yml may be absent: no corrections yet; article.yml is
# required by claimreview.check_article once a reading page exists).
REQUIRED_FILES = ("sources.yml", "actors.yml", "events.yml", "relations.yml", "places.yml", visuals.FILE)
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

    def load_list(self, path: Path, collection: str, record_schema: dict, record_class: type) -> None:
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
                record = R.build(record_class, record)
                if collection == "relation":
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
        self.problems += checker.problems
        self.site.references += checker.references

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
            relative = path.relative_to(self.data_dir)
            if path.suffix in (".yml", ".yaml") and len(relative.parts) == 1 and path.name in LIST_FILES:
                self.load_list(path, *LIST_FILES[path.name])
            elif path.name == visuals.FILE and len(relative.parts) == 1:
                self.problems += visuals.load(self, path)
            elif path.name == claimreview.ARTICLE_FILE and len(relative.parts) == 1:
                found = claimreview.load_article(self, path)
                self.problems += found
                if found:
                    self.unreadable.add("article")  # reported; "is missing" would say it wrongly
            elif path.name == fragments.FILE and len(relative.parts) == 1:
                self.problems += fragments.load(self, path)
            elif path.suffix == ".yml" and relative.parts[0] == PASSAGE_DIR and len(relative.parts) == 2:
                self.load_passage_page(path)
            else:
                expected = ", ".join(LIST_FILES) + f", {PASSAGE_DIR}/<page>.yml"
                self.problems.append(Problem(self.shown(path), 1, f"is not a data file the site knows (expected one of: {expected})"))
        for name in REQUIRED_FILES:
            if not (self.data_dir / name).is_file():
                self.problems.append(Problem(self.shown(self.data_dir / name), 1, "this file is missing; the site needs it (data/README.md describes it)"))
                self.unreadable.add(LIST_FILES[name][0] if name in LIST_FILES else name)
        self.check_references()
        self.check_links()
        self.check_aliases()
        self.check_corrections()
        self.check_source_rules()
        self.read_titles()
        self.problems += visuals.check(self.site)
        if "article" not in self.unreadable:
            self.problems += claimreview.check_article(self.site, self.shown(self.data_dir / claimreview.ARTICLE_FILE))
        return self.site

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
