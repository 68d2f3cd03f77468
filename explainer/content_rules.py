"""The content rules every build checks, beyond the shape of each file (explainer/schema.py).

Each rule has a short name, shown as ``[rule NAME]`` after its message and listed in
data/README.md ("Rules the build checks"; a test holds the two equal). They run in
``mkdocs build --strict`` (so in ``./run serve``) and in ``./run markdown``, in three steps:

- ``record_files``: the three files of records/ read, each mistake at its line (with the data's);
- ``data_rules``: once the data loaded cleanly (the records file, the map, the glossary);
- ``page_rules``: once every page's Markdown is written (citations, hand-written dates);
- ``built_rules``: on the built HTML (the published addresses); MkDocs only.

The loading rules (``size``, ``no-aliases``: explainer/yamlfile.py and schema.py; ``redirects``:
explainer/redirects.py) and the sources rules (explainer/source_rules.py) report on their own.
"""

from __future__ import annotations

from pathlib import Path

from . import daterefs, geomap, glossary, published, redirects, verdicts
from .citations import CitationIndex
from .problems import Problem
from .prose_rules import RULES as PROSE_RULES
from .source_rules import RULES as SOURCE_RULES
from .yamlfile import MAX_ID, MAX_TEXT

# Rule name -> what it asks of the writer (data/README.md repeats this table).
RULES = {
    "size": f"a text field is at most {MAX_TEXT} characters and an id at most {MAX_ID}",
    "no-aliases": "no YAML anchors (&name) or aliases (*name) in data files",
    "redirects": "records/redirects.yml holds 'pages:' and 'fragments:' maps of old address: new address",
    "published": "every address in records/published.txt still answers, or has a line in records/redirects.yml",
    "verdict-record": "a verdict or score that differs from records/verdicts.txt has an 'updated:' date and a corrections entry",
    "date-conflict": "a date written by hand does not contradict the timeline's date for the same event",
    "cited": "every source in data/sources.yml is cited somewhere",
    "mentioned": "every glossary entry is linked ([[id]]) from at least one passage",
    "on-map": "every place lies inside the map's frame",
    **{name: "a sources rule (see 'Sources: kinds and rules')" for name in SOURCE_RULES},
    **{name: "a prose rule (see 'Prose is Markdown, not HTML')" for name in PROSE_RULES},
}


def record_files(root: Path) -> tuple[dict, list[Problem]]:
    """The moves of records/redirects.yml, and every mistake in the files of records/."""
    moves, problems = redirects.load_redirects(Path(root))
    problems += verdicts.load_record(Path(root))[1] + published.load_registry(Path(root))[1]
    return moves, problems


def data_rules(site, root: Path) -> list[Problem]:
    """Rules on the loaded data: the verdict record, glossary entries mentioned, places on the map."""
    problems = verdicts.check(site, Path(root))
    mentioned = glossary.mentions(site)
    for actor in site.actors.values():
        if actor.id not in mentioned:
            problems.append(Problem(actor.file, actor.line, f"glossary entry '{actor.id}' is linked from no passage: "
                                    f"write [[{actor.id}]] where a passage names it, or remove the entry", rule="mentioned"))
    basemap = geomap.load_basemap()
    bounds = basemap["bounds"]
    for place in site.places.values():
        if not geomap.in_frame(basemap, place.lat, place.lon):
            problems.append(Problem(place.file, place.line_of("lat"), (
                f"place '{place.id}' ({place.lat}, {place.lon}) is outside the map, which shows latitudes "
                f"{bounds['south']} to {bounds['north']} and longitudes {bounds['west']} to {bounds['east']}"), rule="on-map"))
    return problems


def page_rules(site, rendered, docs_dir: Path, docs_shown: str = "docs") -> list[Problem]:
    """Rules on the written pages: every source cited, no hand-written date against the timeline."""
    problems = []
    cited = CitationIndex(rendered.citations, site.titles).by_source
    for source in site.sources.values():
        if source.id not in cited:
            problems.append(Problem(source.file, source.line, f"source '{source.id}' is cited nowhere: "
                                    "cite it from a claim, passage or entry, or remove it", rule="cited"))
    for problem in daterefs.conflicts(site, daterefs.site_prose(site, Path(docs_dir), docs_shown)):
        problems.append(Problem(problem.file, problem.line, problem.message, rule="date-conflict"))
    return problems


def built_rules(root: Path, site_dir: Path) -> list[Problem]:
    """Rules on the built site: every published address still answers."""
    return published.check(Path(root), Path(site_dir))
