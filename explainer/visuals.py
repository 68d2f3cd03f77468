"""data/visuals.yml: the editorial choices behind the drawings, read and checked with the data.

The schema (schema.VISUALS) checks each field and notes references to actors, events and
passages (checked with every other reference). What a schema cannot say is checked here: steps
name lanes that exist, every actor in relations.yml is in exactly one side, the inset is a box.
"""

from __future__ import annotations

from pathlib import Path

from . import schema as S
from .problems import Problem
from .yamlfile import Record, load_yaml

FILE = "visuals.yml"


def load(loader, path: Path) -> list[Problem]:
    """Read the file into ``loader.site.visuals``; return the problems found."""
    file = loader.shown(path)
    data, problems = load_yaml(path, file)
    if data is None:
        return problems
    checker = S.Checker(file)
    if checker.record(data, S.VISUALS, FILE, getattr(data, "line", 1)):
        loader.site.visuals = data
    loader.site.references += checker.references
    return problems + checker.problems


def check(site) -> list[Problem]:
    data = site.visuals
    if not isinstance(data, Record):
        return []
    file = data.file
    problems: list[Problem] = []
    argument = data.get("argument") or {}
    lanes = [lane.get("id") for lane in argument.get("lanes") or [] if isinstance(lane, Record)]
    for step in argument.get("steps") or []:
        if not isinstance(step, Record):
            continue
        ends = [step.get("from")] if step.get("from") else []
        ends += list(step.get("to") or []) + list(step.get("over") or [])
        for lane in ends:
            if lane not in lanes:
                problems.append(Problem(file, step.line, f"argument step: unknown lane '{lane}' (lanes: {', '.join(map(str, lanes))})"))
        arrow = bool(step.get("from")) and bool(step.get("to"))
        note = bool(step.get("over"))
        if arrow == note:
            problems.append(Problem(file, step.line, "argument step: give either 'from' and 'to' (an arrow) or 'over' (a note), not both"))
        if not (step.get("event") or step.get("passage")):
            problems.append(Problem(file, step.line, "argument step: give the 'event' or 'passage' it links to"))
    placed: dict[str, int] = {}
    for side in data.get("sides") or []:
        if not isinstance(side, Record):
            continue
        for actor_id in side.get("actors") or []:
            if actor_id in placed:
                problems.append(Problem(file, side.line, f"sides: actor '{actor_id}' is already in the side at line {placed[actor_id]}"))
            placed.setdefault(actor_id, side.line)
    for relation in site.relations:
        for end in ("from", "to"):
            actor_id = relation.get(end)
            if isinstance(actor_id, str) and actor_id in site.actors and actor_id not in placed:
                problems.append(Problem(relation.file, relation.line, f"relation: actor '{actor_id}' is in no side of data/{FILE} (add it to one, so the connections page can place it)"))
    inset = (data.get("map") or {}).get("inset")
    if isinstance(inset, Record) and all(isinstance(inset.get(k), (int, float)) for k in ("west", "east", "south", "north")):
        if not (inset["west"] < inset["east"] and inset["south"] < inset["north"]):
            problems.append(Problem(file, inset.line, "map inset: west must be less than east, and south less than north"))
    return problems
