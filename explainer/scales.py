"""The site's scales, each with its labels, in one place: verdicts, forecast scores, kinds of
actor, kinds of source, kinds of relation, kinds of annotation.

The schema (explainer/schema.py) takes its allowed values from here; the writers take their
labels, headings and meanings from here. A new value is added once, here, with every label it
needs; a test (tests/test_factcheck.py) checks the labels the site shows against these tables.
"""

from __future__ import annotations

from dataclasses import dataclass

VERDICTS = {
    "accurate": "Accurate",
    "needs-context": "Needs context",
    "partly-accurate": "Partly accurate",
    "inaccurate": "Inaccurate",
    "unproven": "Unproven",
    "opinion": "Opinion or forecast",
}
# The verdict summary and the method page explain each verdict with one sentence.
VERDICT_MEANINGS = {
    "accurate": "The claim matches the record.",
    "needs-context": "True as far as it goes, but a reader would draw a wrong conclusion without more.",
    "partly-accurate": "Some elements hold, some do not (a wrong date, number or actor).",
    "inaccurate": "The record contradicts it; we give the correct fact.",
    "unproven": "Reported but not confirmed by a second independent source, or denied; we say who reported it.",
    "opinion": "Not a checkable fact: a characterisation or a forecast. Forecasts are scored on the scenarios page.",
}
FORECAST_MEANINGS = {
    "borne-out": "What followed matches the forecast.",
    "partly": "Some of it happened, or it happened differently or for other reasons.",
    "not-borne-out": "What followed contradicts it.",
    "too-early": "Reliable sources do not yet settle it.",
    "condition-never-arose": "A conditional forecast whose condition did not happen; the reason may say what followed when a similar condition arose later.",
}
FORECAST_SCORES = {
    "borne-out": "Borne out",
    "partly": "Partly borne out",
    "not-borne-out": "Not borne out",
    "too-early": "Too early to say",
    "condition-never-arose": "Condition never arose",
}
# Where a verdict sits on schema.org's five-point scale (5 = accurate), for ClaimReview.
# Unproven has no place on it (explainer/claimreview.py says why), nor has opinion.
RATING = {"accurate": 5, "needs-context": 4, "partly-accurate": 3, "inaccurate": 1}

# Kinds of actor: the glossary index's headings (plural), and an entry's label (singular).
ACTOR_KINDS = {
    "person": "People",
    "group": "Groups and institutions",
    "state": "States",
    "agreement": "Agreements and policies",
    "place": "Places",
}
ACTOR_KIND_SINGULAR = {"person": "Person", "group": "Group or institution", "state": "State",
                       "agreement": "Agreement or policy", "place": "Place"}
# What a source is (the original, not the copy read): see data/README.md.
SOURCE_KINDS = {
    "primary": "Primary record",  # a government, court, UN, party or group's own statement or document
    "reporting": "Reporting",  # original reporting by a news organisation
    "wire": "Wire story",  # a wire service's story (AP, Reuters, AFP, ...)
    "analysis": "Analysis",  # research or analysis: think tanks, journals, academics
    "opinion": "Opinion",  # opinion or commentary
    "reference": "Reference work",  # an encyclopaedia or reference work (never Wikipedia: see further_reading)
}
# The sources page: one section per kind, its heading and what the kind means.
SOURCE_KIND_HEADINGS = {"primary": "Primary records", "reporting": "Reporting", "wire": "Wire stories",
                        "analysis": "Analysis", "opinion": "Opinion", "reference": "Reference works"}
SOURCE_KIND_MEANINGS = {
    "primary": "Statements and documents of governments, courts, the UN, parties and groups themselves.",
    "reporting": "Original reporting by news organisations.",
    "wire": "Stories of wire services (AP, Reuters, AFP and others), often read where a news site carried them.",
    "analysis": "Research and analysis: think tanks, journals, academics.",
    "opinion": "Opinion and commentary, cited for what their authors argue.",
    "reference": "Reference works. Wikipedia is not among them: it is listed as further reading only.",
}
# Kinds that may stand first under a factual claim, dated from its 'about' to two years after.
FIRST_HAND_KINDS = ("primary", "reporting", "wire")


@dataclass(frozen=True)
class RelationKind:
    """A kind of relation: how a sentence names it, and how the connections page draws it."""

    label: str  # "A <label> B"
    inverse: str  # "B <inverse> A"
    dash: str  # stroke-dasharray ("" = solid)
    width: float
    head: str  # end marker: arrow, open, bar, ring, dot, square, diamond, cross, chevron, hollow, half
    family: str  # colour family (a third cue): structure, support, hostile
    heading: str  # the section heading on the connections page


# Kinds of relation. Order: the connections page's and its key's. Each has its own line pattern
# *and* its own end marker (and a colour family, a third cue): explainer/connections.py draws them.
RELATION_KINDS = {
    "commands": RelationKind("commands", "commanded by", "", 2.6, "arrow", "structure", "Commands"),
    "part-of": RelationKind("is part of", "includes", "2 2", 1.6, "ring", "structure", "Is part of"),
    "backs": RelationKind("backs", "backed by", "9 4", 2.0, "open", "support", "Backs"),
    "allied-with": RelationKind("is allied with", "allied with", "9 3 2 3", 2.0, "dot", "support", "Is allied with"),
    "fights": RelationKind("fights", "fought by", "5 3", 2.4, "cross", "hostile", "Fights"),
    "sanctions": RelationKind("sanctions", "sanctioned by", "1.5 3.5", 2.4, "bar", "hostile", "Sanctions"),
    "designates-terrorist": RelationKind("designates as terrorist", "designated as terrorist by", "12 3 2 3 2 3", 1.8,
                                         "square", "hostile", "Designates as terrorist"),
    "strikes": RelationKind("strikes", "struck by", "14 3", 2.6, "diamond", "hostile", "Strikes"),
    "launches": RelationKind("launches", "launched by", "6 2 1 2", 2.2, "chevron", "structure", "Launches"),
    "gives-rise-to": RelationKind("gives rise to", "arose from", "4 1.5", 2.2, "hollow", "structure", "Gives rise to"),
    "negotiates": RelationKind("negotiates", "negotiated by", "7 2 7 6", 2.0, "half", "support", "Negotiates"),
}
RELATIONS = tuple(RELATION_KINDS)


@dataclass(frozen=True)
class AnnotationKind:
    """One of a passage's annotation boxes (its id is ``<passage>-<kind>``, addresses.annotation_id)."""

    part: str  # how the sources page names it after its passage's title: "Force instead of finesse (check)"
    theme_type: str  # Material's admonition type: the box's icon (site.css keeps every box one neutral colour)


# Kinds of annotation, in the order a passage shows them.
ANNOTATION_KINDS = {
    "context": AnnotationKind("context", "info"),
    "check": AnnotationKind("check", "question"),
    "forecast": AnnotationKind("forecast", "example"),
    "next": AnnotationKind("what happened next", "tip"),
}

for _labels, _other in ((ACTOR_KINDS, ACTOR_KIND_SINGULAR), (SOURCE_KINDS, SOURCE_KIND_HEADINGS),
                        (SOURCE_KINDS, SOURCE_KIND_MEANINGS), (VERDICTS, VERDICT_MEANINGS),
                        (FORECAST_SCORES, FORECAST_MEANINGS)):
    assert list(_labels) == list(_other), "a scale's tables must list the same values in the same order"

# data/outlets.yml (issue 26): what kind of publisher an outlet is, and how far it is trusted.
OUTLET_KINDS = ("wire", "paper", "broadcaster", "magazine", "digital", "regional", "state-media", "government",
                "intergovernmental", "party", "research", "journal", "advocacy", "blog", "reference", "data",
                "aggregator")
RELIABILITY = {
    "reliable": "Reliable",
    "attribution": "Use with attribution",  # say whose report it is
    "unreliable": "Unreliable",  # never a first source; a copy read at most
}

# data/corrections.yml: what kind of change an entry is, in the order the log shows them.
CORRECTION_KINDS = {
    "verdict": "Verdict changed",
    "fact": "Fact corrected",
    "update": "Brought up to date",
    "source": "Source replaced",
    "map": "Map point moved",
}
