"""The outlet registry's rules (issue 26), run with the sources rules (explainer/source_rules.py).

data/outlets.yml names every publisher once (Wikipedia's perennial-sources list is the model), with
its kind and a reliability class: ``reliable``, ``attribution`` (use with attribution) or
``unreliable``. Each rule's message ends ``[rule NAME]``; ``data/known_gaps.yml`` may excuse a record.

- ``outlet``: every source's publisher, and the publisher of the copy read (``read_at``), is a
  registered name; an alias or a near miss is answered with the registered name. A copy's name may
  carry a trailing descriptor ("Asharq Al-Awsat (full text)"); a joint statement may name two
  registered publishers ("US Department of State and Government of Iraq").
- ``outlet-why``: an outlet in any class but reliable says why.
- ``unreliable-first``: no claim, timeline event, glossary entry (its fate included), place, relation
  or passage context or "what happened next" block rests first on an unreliable outlet (the
  original's publisher counts; an unreliable copy read is allowed).
- ``attribution``: a claim, event, glossary entry or passage block resting only on outlets to be used with attribution (or unreliable
  ones) names one of them in its text, so the reader sees whose report it is.
"""

from __future__ import annotations

import difflib
import re

from . import records as R
from .text import fold

RULES = ("outlet", "outlet-why", "unreliable-first", "attribution")
DESCRIPTOR = re.compile(r"\s*\([^()]*\)$")  # "Asharq Al-Awsat (full text)" -> "Asharq Al-Awsat"
JOINT = " and "


class Registry:
    """The registered names, and every alias pointing at one."""

    def __init__(self, outlets):
        self.by_name: dict[str, R.Outlet] = {}
        self.aliases: dict[str, str] = {}  # folded alias or name -> registered name
        for outlet in outlets:
            if not isinstance(outlet.name, str):
                continue
            self.by_name[outlet.name] = outlet
            for alias in (outlet.name, *(a for a in outlet.aliases if isinstance(a, str))):
                self.aliases.setdefault(fold(alias), outlet.name)

    def outlets(self, name) -> list[R.Outlet] | None:
        """The outlet(s) a publisher field names exactly, or None."""
        if not isinstance(name, str):
            return None
        if name in self.by_name:
            return [self.by_name[name]]
        parts = name.split(JOINT)
        if len(parts) > 1 and all(p in self.by_name for p in parts):
            return [self.by_name[p] for p in parts]
        return None

    def hint(self, name: str) -> str:
        """How to write an unregistered name: its registered form, or the closest names."""
        for candidate in (name, DESCRIPTOR.sub("", name)):
            if fold(candidate) in self.aliases:
                return f"; write it '{self.aliases[fold(candidate)]}' (the registered name)"
        close = difflib.get_close_matches(fold(name), list(self.aliases), n=2, cutoff=0.75)
        names = list(dict.fromkeys(self.aliases[c] for c in close))
        if names:
            return "; did you mean " + " or ".join(f"'{n}'" for n in names) + "?"
        return "; add it to data/outlets.yml (kind, reliability, and why if not reliable)"


def _records(site):
    """(what, id, record, text) for every record that states facts and cites sources."""
    out = [("claim", c.id, c, " ".join(filter(None, (c.claim, c.reason, c.evidence)))) for c in site.claims.values()]
    out += [("timeline event", e.id, e, e.text) for e in site.events.values()]
    out += [("glossary entry", a.id, a, " ".join(filter(None, (a.definition, a.role, a.fate)))) for a in site.actors.values()]
    out += [("place", p.id, p, " ".join(filter(None, (p.why, p.note)))) for p in site.places.values()]
    out += [("relation", f"{r.from_}-{r.relation}-{r.to}", r, r.note or "") for r in site.relations]
    for passage in site.passages.values():
        for part in ("context", "next"):
            block = getattr(passage, part)
            if isinstance(block, R.Located):
                out.append((f"passage {part}", f"{passage.id}-{part}", block, block.text))
    return out


# Records whose text a reader reads as the site's own statement of fact (a place's note or a relation
# on the connections drawing is a label, not a report).
ATTRIBUTED = ("claim", "timeline event", "glossary entry", "passage context", "passage next")


def _names_one(text: str, outlets) -> bool:
    folded = fold(text or "")
    for outlet in outlets:
        for name in (outlet.name, *outlet.aliases):
            if isinstance(name, str) and re.search(rf"(?<!\w){re.escape(fold(DESCRIPTOR.sub('', name)))}(?!\w)", folded):
                return True
    return False


def findings(site, add) -> None:
    """Report every broken outlet rule through ``add(record_id, rule, file, line, message)``."""
    registry = Registry(site.outlets.values())
    for outlet in site.outlets.values():
        if outlet.reliability in ("attribution", "unreliable") and not outlet.why:
            add(outlet.id, "outlet-why", outlet.file, outlet.line,
                f"outlet '{outlet.id}' is {outlet.reliability}: add 'why' (one line: what a reader should know)")
    for sid, source in site.sources.items():
        if isinstance(source.publisher, str) and registry.outlets(source.publisher) is None:
            add(sid, "outlet", source.file, source.line_of("publisher"),
                f"source '{sid}': publisher '{source.publisher}' is not in data/outlets.yml{registry.hint(source.publisher)}")
        copy = source.read_at
        if isinstance(copy, R.ReadAt) and isinstance(copy.publisher, str):
            name = copy.publisher
            if registry.outlets(name) is None and registry.outlets(DESCRIPTOR.sub("", name)) is None:
                add(sid, "outlet", source.file, copy.line_of("publisher"),
                    f"source '{sid}': read_at publisher '{name}' is not in data/outlets.yml{registry.hint(name)}")
    for what, rid, record, text in _records(site):
        ids = [s for s in record.sources or () if s in site.sources]
        if not ids:
            continue
        outlets = [registry.outlets(site.sources[s].publisher) or [] for s in ids]
        first = outlets[0]
        if any(o.reliability == "unreliable" for o in first):
            line = (record.item_lines("sources") or [record.line_of("sources")])[0]
            add(rid, "unreliable-first", record.file, line,
                f"{what} '{rid}': its first source '{ids[0]}' is from {first[0].name}, an unreliable outlet "
                f"({first[0].why}); put a reliable source first, or cite the original it copies")
        cited = [o for group in outlets for o in group]
        if what in ATTRIBUTED and cited and len(cited) == sum(map(len, outlets)) and all(o.reliability != "reliable" for o in cited) \
                and not _names_one(text, cited) and all(outlets):
            names = ", ".join(dict.fromkeys(o.name for o in cited))
            add(rid, "attribution", record.file, record.line_of("sources"),
                f"{what} '{rid}' rests only on outlets to be used with attribution ({names}): say whose report it is "
                "(name the outlet in the text), or add a reliable source")
