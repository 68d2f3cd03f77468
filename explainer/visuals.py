"""data/visuals.yml: the editorial choices behind the drawings, checked with the data.

Loaded like every data file (explainer/data.py, DATA_FILES); the schema (schema.VISUALS) checks
each field and notes references to actors, events and passages (checked with every other
reference). What a schema cannot say is checked here: steps
name lanes that exist, every actor in relations.yml is in exactly one side, the inset is a box.
"""

from __future__ import annotations

from .problems import Problem

FILE = "visuals.yml"


def check(site) -> list[Problem]:
    """The file's own rules; it is built only once it passed its schema, so every value has its shape."""
    data = site.visuals
    if data is None:
        return []
    file = data.file
    problems: list[Problem] = []
    lanes = [lane.id for lane in data.argument.lanes]
    for step in data.argument.steps:
        ends = [step.from_] if step.from_ else []
        ends += list(step.to) + list(step.over)
        for lane in ends:
            if lane not in lanes:
                problems.append(Problem(file, step.line, f"argument step: unknown lane '{lane}' (lanes: {', '.join(lanes)})"))
        arrow = bool(step.from_) and bool(step.to)
        note = bool(step.over)
        if arrow == note:
            problems.append(Problem(file, step.line, "argument step: give either 'from' and 'to' (an arrow) or 'over' (a note), not both"))
        if not (step.event or step.passage):
            problems.append(Problem(file, step.line, "argument step: give the 'event' or 'passage' it links to"))
    placed: dict[str, int] = {}
    for side in data.sides:
        for actor_id in side.actors:
            if actor_id in placed:
                problems.append(Problem(file, side.line, f"sides: actor '{actor_id}' is already in the side at line {placed[actor_id]}"))
            placed.setdefault(actor_id, side.line)
    for relation in site.relations:
        for actor_id in (relation.from_, relation.to):
            if isinstance(actor_id, str) and actor_id in site.actors and actor_id not in placed:
                problems.append(Problem(relation.file, relation.line, f"relation: actor '{actor_id}' is in no side of data/{FILE} (add it to one, so the connections page can place it)"))
    inset = data.map.inset
    if not (inset.west < inset.east and inset.south < inset.north):
        problems.append(Problem(file, inset.line, "map inset: west must be less than east, and south less than north"))
    return problems
