"""Every address on the site, named once: pages' docs paths, anchor ids, and page titles.

Writers never spell a page's file or an anchor themselves: they ask here, so a page that links
to a passage, a glossary entry or a source's line on the sources page cannot drift from the page
that writes it. Anchors are published (records/published.txt, explainer/published.py): change a
name here only with a line in records/redirects.yml.

Page titles come from the nav in mkdocs.yml, the one place they are written.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from .records import Passage

# --- pages (docs paths, as MkDocs names them) -----------------------------------------------

READING_PAGES = ("background", "diplomacy-by-drones", "scenarios")  # the article, annotated
GLOSSARY = "glossary/index.md"
TIMELINE = "timeline.md"
CONNECTIONS = "connections.md"
MAP = "map.md"
SOURCES = "sources.md"


def reading_page(page_id: str) -> str:
    """'background' -> 'background.md'."""
    return f"{page_id}.md"


def glossary_entry(actor_id: str) -> str:
    """A glossary entry's generated page."""
    return f"glossary/{actor_id}.md"


# --- anchors (ids inside a page) --------------------------------------------------------------
# Passages, claims, forecasts, timeline events, places and corrections are anchored by their
# own data id; what is named here is made from one.

ENTRY_SOURCES = "sources"  # a glossary entry's "Sources" heading


def annotation_id(passage_id: str, kind: str) -> str:
    """One of a passage's annotation blocks (kind: a key of scales.ANNOTATION_KINDS)."""
    return f"{passage_id}-{kind}"


def sources_list_id(passage_id: str) -> str:
    """A passage's reference list."""
    return f"{passage_id}-sources"


def reference_id(passage_id: str, source_id: str) -> str:
    """A source in a passage's reference list (published: never renumbered)."""
    return f"{passage_id}-src-{source_id}"


def source_anchor(source_id: str) -> str:
    """A source's line on the sources page."""
    return f"src-{source_id}"


ABOUT = "about.md"


def scale_entry(kind: str, value: str) -> str:
    """A verdict's (kind 'verdict') or forecast score's (kind 'score') meaning on the method page."""
    return f"{kind}-{value}"


def verdict_group(value: str) -> str:
    """A verdict's (or score's) group in the overview's verdict summary."""
    return f"summary-{value}"


def year_anchor(year: str) -> str:
    """A year on the timeline."""
    return f"y{year}"


def month_anchor(year: str, month: str) -> str:
    """A month heading on the timeline ('2020', '07' -> 'm2020-07')."""
    return f"m{year}-{month}"


def relation_anchor(kind: str) -> str:
    """A kind of relation's section on the connections page."""
    return kind


def relation_item(from_: str, relation: str, to: str) -> str:
    """One relation (every record of the same from, kind and to) in its kind's list on the connections page."""
    return f"rel-{from_}-{relation}-{to}"


def actor_section(actor_id: str) -> str:
    """One actor's relations, all at once, on the connections page."""
    return f"actor-{actor_id}"


# --- titles -----------------------------------------------------------------------------------


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml for its nav: tags MkDocs resolves (``!ENV``, ``!!python/name:``) are
    read as nothing rather than refused."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def nav_titles(config_file: Path) -> dict[str, str]:
    """docs path -> its title in the nav of ``config_file`` ({} when there is no such file)."""
    try:
        config = yaml.load(Path(config_file).read_text(encoding="utf-8"), Loader=_ConfigLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}  # MkDocs (or ./run markdown, explainer/export.py) reports an unreadable mkdocs.yml
    titles: dict[str, str] = {}

    def walk(items) -> None:
        if not isinstance(items, list):  # a slip in the nav: MkDocs' own config check reports it
            return
        for item in items:
            if isinstance(item, dict):
                for title, value in item.items():
                    if isinstance(value, str):
                        titles[value] = title
                    else:
                        walk(value)
    walk((config or {}).get("nav"))
    return titles


def passage_label(titles: dict[str, str], passage: Passage) -> str:
    """'Background: Force instead of finesse': a passage named with its page's nav title."""
    return f"{titles[reading_page(passage.page)]}: {passage.title}"
