"""data/visuals.yml: the editorial choices behind the drawings, read and checked with the data.

The schema (schema.VISUALS) checks each field and notes references to actors, events and
passages (checked with every other reference). What a schema cannot say is checked here: steps
name lanes that exist, every actor in relations.yml is in exactly one side, the inset is a box.
"""

from __future__ import annotations

from pathlib import Path

from . import records as R
from . import schema as S
from .problems import Problem
from .yamlfile import load_yaml

FILE = "visuals.yml"


def load(loader, path: Path) -> list[Problem]:
    """Read the file into ``loader.site.visuals``; return the problems found."""
    file = loader.shown(path)
    data, problems = load_yaml(path, file)
    if data is None:
        return problems
    checker = S.Checker(file)
    if checker.record(data, S.VISUALS, FILE, getattr(data, "line", 1)):
        loader.site.visuals = R.build(R.Visuals, data)
    loader.site.references += checker.references
    return problems + checker.problems


def check(site) -> list[Problem]:
    data = site.visuals
    if not isinstance(data, R.Visuals):
        return []
    file = data.file
    problems: list[Problem] = []
    argument = data.argument if isinstance(data.argument, R.Argument) else R.Argument()
    lanes = [lane.id for lane in argument.lanes or [] if isinstance(lane, R.Lane)]
    for step in argument.steps or []:
        if not isinstance(step, R.Step):
            continue
        ends = [step.from_] if step.from_ else []
        ends += list(step.to or []) + list(step.over or [])
        for lane in ends:
            if lane not in lanes:
                problems.append(Problem(file, step.line, f"argument step: unknown lane '{lane}' (lanes: {', '.join(map(str, lanes))})"))
        arrow = bool(step.from_) and bool(step.to)
        note = bool(step.over)
        if arrow == note:
            problems.append(Problem(file, step.line, "argument step: give either 'from' and 'to' (an arrow) or 'over' (a note), not both"))
        if not (step.event or step.passage):
            problems.append(Problem(file, step.line, "argument step: give the 'event' or 'passage' it links to"))
    placed: dict[str, int] = {}
    for side in data.sides or []:
        if not isinstance(side, R.Side):
            continue
        for actor_id in side.actors or []:
            if actor_id in placed:
                problems.append(Problem(file, side.line, f"sides: actor '{actor_id}' is already in the side at line {placed[actor_id]}"))
            placed.setdefault(actor_id, side.line)
    for relation in site.relations:
        for actor_id in (relation.from_, relation.to):
            if isinstance(actor_id, str) and actor_id in site.actors and actor_id not in placed:
                problems.append(Problem(relation.file, relation.line, f"relation: actor '{actor_id}' is in no side of data/{FILE} (add it to one, so the connections page can place it)"))
    inset = data.map.inset if isinstance(data.map, R.MapConfig) else None
    if isinstance(inset, R.Inset) and all(isinstance(v, (int, float)) for v in (inset.west, inset.east, inset.south, inset.north)):
        if not (inset.west < inset.east and inset.south < inset.north):
            problems.append(Problem(file, inset.line, "map inset: west must be less than east, and south less than north"))
    return problems
