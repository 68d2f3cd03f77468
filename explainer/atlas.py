"""The connections diagram and the map (issue 7). For now: the relations and places as lists."""

from __future__ import annotations

from . import glossary
from .citations import cite
from .data import Site
from .text import esc, link, one_line

CONNECTIONS = "connections.md"
MAP = "map.md"


def connections_markdown(site: Site, src: str = CONNECTIONS) -> str:
    if not site.relations:
        return "*No relations yet.*"
    out = ["| Who | Relation | Whom | When | Sources |", "|---|---|---|---|---|"]
    for rel in site.relations:
        a, b = site.actors[rel["from"]], site.actors[rel["to"]]
        out.append(f"| [{a['name']}]({link(src, glossary.entry_src(a['id']))}) | {rel['relation'].replace('-', ' ')} | "
                   f"[{b['name']}]({link(src, glossary.entry_src(b['id']))}) | {esc(rel['period'])} | {cite(rel['sources'], site, src, 'See')} |")
    return "\n".join(out)


def map_markdown(site: Site, src: str = MAP) -> str:
    if not site.places:
        return "*No places yet.*"
    out = []
    for place in site.places.values():
        name = place["name"]
        if place.get("actor"):
            name = f"[{name}]({link(src, glossary.entry_src(place['actor']))})"
        out += [f"- {name} ({place['lat']:.3f}, {place['lon']:.3f}): {one_line(place['note'])} {cite(place['sources'], site, src)}{{ #{place['id']} }}"]
    return "\n".join(out)


def citations(site: Site):
    for rel in site.relations:
        yield rel["sources"], CONNECTIONS, "relations", f"Connections: {rel['from']} {rel['relation']} {rel['to']}"
    for place in site.places.values():
        yield place["sources"], MAP, place["id"], f"Map: {place['name']}"
