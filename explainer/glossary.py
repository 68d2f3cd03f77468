"""The glossary: one generated page per actor, and the index grouped by kind."""

from __future__ import annotations

from . import dates, freshness, reading
from .addresses import ENTRY_SOURCES, GLOSSARY, TIMELINE, glossary_entry, passage_label, reading_page
from .citations import Written, cite, cited
from .connections import entry_relations
from .data import Site, fold, without_marks
from .markup import linked_actors, plain
from .meta import entry_description
from .records import Actor, Event
from .scales import ACTOR_KIND_SINGULAR, ACTOR_KINDS
from .text import esc, first_sentence, human_date, link, one_line


def spellings(actor: Actor) -> list[str]:
    """Every recorded name, then accent- and apostrophe-free forms, so search finds each."""
    names: list[str] = []
    for name in [actor.article_name, *actor.aliases]:
        if name and name != actor.name and name not in names:
            names.append(name)
    for name in [actor.name, *names]:
        plain = without_marks(name)
        if plain != name and plain not in names and plain != actor.name:
            names.append(plain)
    return names


def mentions(site: Site) -> dict[str, list[str]]:
    """actor id -> ids of the passages that link to it, in reading order."""
    found: dict[str, list[str]] = {}
    for passage_id, passage in site.passages.items():
        # The retelling links its first mentions itself (explainer/reading.py): those count too.
        texts = [text for text, _ in passage.strings()] + [reading.link_first_mentions(passage.says, site)]
        linked = set().union(*(linked_actors(text) for text in texts))
        for actor_id in sorted(linked):
            found.setdefault(actor_id, []).append(passage_id)
    return found


def entry_markdown(actor: Actor, site: Site, mentioned_in: list[str], events: list[Event] = ()) -> Written:
    """An entry in the order a reader asks: what it is, its role in this story, what became of
    it, then its dates and relations, then its other names and the sources.

    The spellings are not front-matter tags (Material draws tags as chips in every search result,
    Zensical under the title): search reads them from the index field ``spellings`` that
    explainer/search_index.py adds to the entry's first section, and the page folds them near the end.
    """
    src = glossary_entry(actor.id)
    out = [
        "---",
        f"title: {_yaml_str(actor.name)}",
        f"description: {_yaml_str(entry_description(actor))}",  # explainer/meta.py: 50-160 characters
        "search:",
        "  boost: 3",
        "---",
        "",
        f"# {actor.name}",
        "",
    ]
    # The definition comes first and alone in the entry's first search section: it is what a
    # search result and an instant preview of the entry show.
    out += [one_line(actor.definition), ""]
    facts = [f"**{ACTOR_KIND_SINGULAR[actor.kind]}**"]
    if actor.article_name:
        facts.append(f"In the article: *{actor.article_name}*")
    out += [" · ".join(facts), "{: .entry-kind data-search-exclude }", ""]
    out += ["## Role in this story { #role }", "", actor.role.strip(), ""]
    out += ["## What became of them { #fate }", "", f"{one_line(actor.fate)} *({freshness.stamp(actor.fate_as_of, actor.fate_checked, html=False, capital=True)}.)*", ""]
    dated = key_dates(actor, events, site, src)
    if dated:
        out += ["## Key dates { #key-dates }", "", *dated, ""]
    out += entry_relations(actor.id, site, src)
    out += ["## Mentioned in { #mentioned-in }", ""]
    if mentioned_in:
        for passage_id in mentioned_in:
            passage = site.passages[passage_id]
            out.append(f"- [{passage_label(site.titles, passage)}]({link(src, reading_page(passage.page), passage_id)})")
    else:
        out.append("No passage links here yet.")
    out.append("")
    out += names_markdown(actor)
    out += [f"## Sources {{ #{ENTRY_SOURCES} }}", "", cite(actor.sources, site, src).removeprefix("Sources: "), ""]  # under its heading: no second "Sources"
    if actor.further_reading:  # not sources (Wikipedia, for one): see explainer/source_rules.py
        out += ["## Further reading { #further-reading }", ""]
        out += [f'- <a href="{esc(item.url)}" class="source-url" rel="noopener">{esc(one_line(item.title))}</a>' for item in actor.further_reading]
        out.append("")
    return Written("\n".join(out), tuple(cited(actor.sources, src, ENTRY_SOURCES, page="Glossary", item=actor.name)))


def key_dates(actor: Actor, events: list[Event], site: Site, src: str) -> list[str]:
    """One dated list: the entry's key dates and its events on the timeline, in date order. A key
    date on the day of a timeline event is one line (the entry's own words, the date linking to
    the timeline), so the two never say the same thing twice."""
    lines: list[tuple[str, str]] = []
    unmatched = list(events)
    for item in actor.key_dates:
        event = next((e for e in unmatched if e.date == item.date), None)
        shown = f'<time datetime="{item.date}">{human_date(item.date)}</time>'
        if event is not None:
            unmatched.remove(event)
            shown = f"[{shown}]({link(src, TIMELINE, event.id)})"
        lines.append((item.date, f"- {shown}: {one_line(item.text)}"))
    for event in unmatched:
        # The date is the link; the sentence stays plain, since it may hold links of its own.
        lines.append((event.date, f"- [{human_date(event.date)}]({link(src, TIMELINE, event.id)}): {first_sentence(plain(event.text, site))}"))
    return [line for _, line in sorted(lines, key=lambda pair: dates.sort_key(pair[0]))]


FOLDED_AFTER = 5  # a longer list of spellings is folded


def names_markdown(actor: Actor) -> list[str]:
    """The entry's other names, after what it is and did: the native script, then every other
    spelling folded ("19 other spellings"), so they never fill the first screen."""
    out = ["## Names and spellings { #spellings }", ""]
    native = actor.native
    if native:
        out += [f'In {native.script}: <span lang="{esc(native.lang)}" dir="auto">{esc(native.text)}</span>', "{: .entry-native }", ""]
    others = spellings(actor)
    if len(others) > FOLDED_AFTER:
        out += [f'<details class="entry-aliases"><summary>{len(others)} other spellings</summary><p>{esc(", ".join(others))}.</p></details>', ""]
    elif others:
        out += [f"Also written: {esc(', '.join(others))}.", "{: .entry-aliases }", ""]
    if not native and not others:
        out += [f"Only as {esc(actor.name)}.", ""]
    return out


def entries_in_order(site: Site) -> list[str]:
    """Entry ids in the order the glossary index lists them (by kind, then name): the order of
    an entry's previous/next links."""
    return [actor.id for kind in ACTOR_KINDS
            for actor in sorted((a for a in site.actors.values() if a.kind == kind), key=lambda a: fold(a.name))]


def neighbours(site: Site) -> dict[str, tuple[str, str]]:
    """docs path of each entry -> (previous, next) docs paths; the first entry follows the
    glossary index and the last one leads back to it."""
    paths = [GLOSSARY, *(glossary_entry(actor_id) for actor_id in entries_in_order(site)), GLOSSARY]
    return {paths[i]: (paths[i - 1], paths[i + 1]) for i in range(1, len(paths) - 1)}


def index_markdown(site: Site, src: str = GLOSSARY, args=(), index=None) -> Written:
    """The grouped list of entries that replaces the glossary index's marker (no citations)."""
    out = []
    ordered = [site.actors[actor_id] for actor_id in entries_in_order(site)]
    for kind, heading in ACTOR_KINDS.items():
        actors = [a for a in ordered if a.kind == kind]
        if not actors:
            continue
        out += [f"## {heading} {{ #{kind} }}", ""]
        for actor in actors:
            out.append(f"[{actor.name}]({link(src, glossary_entry(actor.id))})")
            out.append(f":   {one_line(actor.definition)}")
            out.append("")
    return Written("\n".join(out) if out else "*No entries yet.*", ())


def _yaml_str(text: str) -> str:
    return '"' + one_line(text).replace("\\", "\\\\").replace('"', '\\"') + '"'


MARKERS = {"glossary-index": index_markdown}  # the insert marker this module writes (explainer/citations.py)
