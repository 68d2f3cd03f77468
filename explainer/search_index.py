"""What the site's search finds beyond a page's visible text: the names a reader may type.

Material's search plugin (material/plugins/search/plugin.py) makes one index entry per section of
a page (a heading with an id and the text under it: ``location``, ``title``, ``text``, and the
page's front-matter ``tags`` and ``search.boost``). Results draw an entry's title, its text and its
tags (as chips), nothing else, while the search worker indexes every field that mkdocs.yml's
``plugins: search: fields`` names. So the spellings go in a field of their own, ``spellings``,
weighed there like a title and never drawn: "Mohandes" finds Abu Mahdi al-Muhandis's entry first,
and its result shows the entry's definition, not twenty spellings.

Two kinds of page get it (``amend``, called from the build hook right after the search plugin
has indexed the page, explainer/mkdocs_build.py):

- a glossary entry: its first section (title, definition) carries every other name of the actor;
- the map: each place's line in the key (``<li id="place-id">``) becomes an entry of its own,
  ``map/#place-id``, titled with the place's name and carrying its other names, so "Ain al-Asad"
  or "Camp Taji" lands on that line rather than on a glossary entry that shares "al" or "camp".
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from .addresses import MAP, glossary_entry
from .data import Site, without_marks
from .records import Actor, Place

FIELD = "spellings"  # the index field (mkdocs.yml: plugins: search: fields)
# A place's line is a section of the map page, and Material's ranking gives a section 2/5 of the
# weight of a page's first section; glossary entries weigh 3 (their front matter). So a place
# without an entry weighs 3 x 5/2, level with an entry; one with an entry keeps the page's weight,
# and its entry comes first.
PLACE_BOOST = 7.5


def actor_spellings(actor: Actor) -> list[str]:
    """Every other name of an actor a reader may type: the article's, the aliases, the native
    script, each also without accents and apostrophes (explainer/glossary.py lists them on the
    page). A possessive goes first ("Sistani's call" -> "Sistani call", not "Sistanis call"), as
    search's word separator drops it (mkdocs.yml)."""
    names = [n for n in [actor.article_name, *actor.aliases] if n and n != actor.name]
    names += [without_marks(_POSSESSIVE.sub("", n)) for n in [actor.name, *names]]
    names += [actor.native.text] if actor.native else []
    return [n for n in dict.fromkeys(names) if n != actor.name]


_POSSESSIVE = re.compile(r"['’]s\b")


def place_spellings(place: Place, site: Site) -> list[str]:
    """A place's names: its own (so a place matches its name twice, title and spellings, and
    beats an entry that only lists it among its aliases: "Tehran" is the city before Iran), its
    aliases, its glossary entry's names when it has one, each also without accents and
    apostrophes ("Al-Qa'im" -> "Al-Qaim")."""
    names = [place.name, *place.aliases, *(actor_spellings(site.actors[place.actor]) if place.actor else [])]
    names += [without_marks(_POSSESSIVE.sub("", n)) for n in [place.name, *names]]
    return list(dict.fromkeys(names))


def shorter_name_first(name: str) -> float:
    """A boost factor of at most 1.1 that falls with the number of words in the name. Material's
    ranking counts no field lengths, so "Baghdad" would tie with "Embassy of the United States,
    Baghdad" (both have the word in their title and spellings), and the word in some definition
    would decide; the entry the word names outright should come first."""
    return 1 + 0.1 / max(len(_words(name)), 1)


_PARTICLES = {"al", "ul", "el", "the", "of", "and", "a", "an"}  # dropped by search's separator too (mkdocs.yml)


def _words(name: str) -> list[str]:
    return [w for w in re.split(r"[\s\-–—,;:()]+", name) if w and w.lower() not in _PARTICLES]


def field_text(names: list[str]) -> str:
    """The spellings as the field holds them: each word once (in the order first met), so an
    entry whose aliases repeat a word ("US embassy in Baghdad", "Baghdad embassy") does not
    outrank the one named by it ("Baghdad") for that word alone."""
    words = [w for name in names for w in _words(name)]
    first: dict[str, str] = {}
    for word in words:
        first.setdefault(word.lower(), word)
    return " ".join(first.values())


@dataclass(frozen=True)
class _Item:
    id: str
    inner: str  # the list item's HTML


_ITEM = re.compile(r'<li(?: class="[^"]*")? id="(?P<id>[^"]+)">(?P<inner>.*?)</li>', re.S)
_LEAD = re.compile(r"^\s*<strong>.*?</strong>\s*:?\s*", re.S)  # the place's name, shown as the entry's title


def amend(entries: list[dict], page, site: Site) -> list[dict]:
    """The search entries of one page (as the plugin made them from ``page.content``), with the
    site's changes: drawings left out, spellings added, the map's places made entries."""
    content = _BETWEEN_TAGS.sub(r"\1 ", _SVG.sub("", page.content))
    if content != page.content:
        entries = _reindex(page, content)
    src = page.file.src_uri
    actor_id = src.removeprefix("glossary/").removesuffix(".md")
    if actor_id in site.actors and glossary_entry(actor_id) == src:
        for entry in entries:
            if entry["location"] == page.url:
                actor = site.actors[actor_id]
                entry[FIELD] = field_text(actor_spellings(actor))
                entry["boost"] = entry.get("boost", 1) * shorter_name_first(actor.name)
                # A group's or agreement's short forms ("USA" would win "US embassy"). One of three
                # to six letters ("IRGC") joins the result's title, so it outranks an entry that
                # only lists it among other names ("IRGC Quds Force"). One of two ("KH") is the
                # start of many names (Khamenei, Khalil): typed, it matches them all by prefix, and
                # their entries, holding several such words, outscore the one it names; as a tag
                # (a chip in the result, weighed above any other field) it decides.
                forms = [a for a in actor.aliases if SHORT_FORM.match(a)] if actor.kind in ("group", "agreement") else []
                in_title = [a for a in forms if len(a) > 2 and a not in entry["title"]][:2]
                if in_title and "(" not in entry["title"]:
                    entry["title"] += f" ({', '.join(in_title)})"
                if two_letters := [a for a in forms if len(a) == 2]:
                    entry["tags"] = two_letters
    elif src == MAP:
        entries = _places_as_entries(entries, page.url, content, site)
    # A heading over subsections and nothing else ("Pressure and the militias' answer") would be a
    # result with no excerpt: its subsections are the results.
    return [e for e in entries if "#" not in e["location"] or e["text"].strip()]


SHORT_FORM = re.compile(r"^[A-Z]{2,6}$")  # "KH", "IRGC"
# A drawing's words (map labels, diagram boxes) are no text to search or to show as an excerpt:
# the page says the same in words, and each place has its own entry.
_SVG = re.compile(r"<svg\b.*?</svg>", re.S)
# Material's parser joins the text of adjacent elements as it finds it: labels set on lines of
# their own by CSS ("Who: …</span><span>In the reading: …") would run together in an excerpt.
_BETWEEN_TAGS = re.compile(r"(</[a-z][a-z0-9]*>)(?=<[a-z])")


@dataclass
class _Page:
    """What Material's SearchIndex reads of a page."""

    url: str
    title: str
    meta: dict
    toc: object
    content: str


def _reindex(page, content: str) -> list[dict]:
    from material.plugins.search.plugin import SearchIndex

    index = SearchIndex()
    index.add_entry_from_context(_Page(page.url, page.title, page.meta, page.toc, content))
    return index.entries


def _places_as_entries(entries: list[dict], page_url: str, content: str, site: Site) -> list[dict]:
    """Each place's line in the map's key as an entry of its own, after the section that holds it;
    that section keeps what is left of its text (and goes when nothing is)."""
    from material.plugins.search.plugin import Parser

    items = {m["id"]: _Item(m["id"], m["inner"]) for m in _ITEM.finditer(content) if m["id"] in site.places}
    if not items:
        return entries
    out = []
    for entry in entries:
        location = entry["location"]
        section_id = location.split("#", 1)[1] if "#" in location else ""
        held = [item for item in items.values() if _section_of(content, item.id) == section_id]
        if not held:
            out.append(entry)
            continue
        rest = _text(Parser, _without_items(_section_html(content, section_id), held))
        if rest:
            out.append({**entry, "text": rest})
        for item in held:
            place = site.places[item.id]
            shown = _FOLDED.sub("", _LEAD.sub("", item.inner, count=1))  # the folded sources are not the answer
            text = _text(Parser, "<p>" + shown + "</p>")
            made = {k: v for k, v in entry.items() if k not in ("location", "title", "text", "boost")}
            if not place.actor:
                made["boost"] = PLACE_BOOST * shorter_name_first(place.name)
            out.append({"location": f"{page_url}#{item.id}", "title": html.escape(place.name, quote=False), "text": text,
                        **made, FIELD: field_text(place_spellings(place, site))})
    return out


_FOLDED = re.compile(r"<details class=\"map-key__sources\".*?</details>", re.S)  # written by geomap.py
_HEADING = re.compile(r'<h([1-6]) id="([^"]+)"')


def _section_of(content: str, item_id: str) -> str:
    """The id of the last heading before the element with ``item_id`` ("" for the page's top)."""
    item = re.search(rf'<li\b[^>]*\bid="{re.escape(item_id)}"', content)
    at = item.start() if item else len(content)
    found = ""
    for m in _HEADING.finditer(content, 0, at):
        found = m[2] if m[1] != "1" else ""
    return found


def _section_html(content: str, section_id: str) -> str:
    """The HTML from the section's heading to the next heading."""
    if section_id:
        start = content.find(f' id="{section_id}"')
        start = content.find(">", content.find("</h", start)) + 1
    else:
        start = 0
    following = _HEADING.search(content, start)
    return content[start: following.start() if following else len(content)]


def _without_items(section: str, items: list[_Item]) -> str:
    ids = {item.id for item in items}
    return _ITEM.sub(lambda m: "" if m["id"] in ids else m[0], section)


def _text(parser_class, fragment: str) -> str:
    """The fragment's text as Material's search plugin indexes it (the same parser)."""
    parser = parser_class()
    parser.feed(fragment)
    parser.close()
    return "".join(part for section in parser.data for part in section.text).strip()
