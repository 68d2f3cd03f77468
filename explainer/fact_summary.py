"""The verdict summary on the overview, and the corrections log."""

from __future__ import annotations

from .addresses import MAP, glossary_entry, passage_label, reading_page, scale_entry, verdict_group
from .citations import Written
from .data import Site
from .markup import plain
from .reading import badge
from .records import Claim, Forecast
from .scales import CORRECTION_KINDS, FORECAST_MEANINGS, FORECAST_SCORES, VERDICT_MEANINGS, VERDICTS
from .text import esc, human_date, link, one_line


def markdown(site: Site, src: str, args=(), index=None) -> Written:
    """How many claims carry each verdict, each count followed by links to its claims."""
    if not site.claims:
        return Written("*No claims checked yet.*")
    out = ['<div class="verdict-summary" markdown>', "",
           f"{len(site.claims)} claims checked and {len(site.forecasts)} forecasts scored. Open a label to list its claims.", ""]
    for kind, labels, items, field in (("verdict", VERDICTS, site.claims, "verdict"),
                                        ("score", FORECAST_SCORES, site.forecasts, "score")):
        for value in labels:
            chosen = [i for i in items.values() if getattr(i, field) == value]
            if not chosen:
                continue
            out += [f'<details class="verdict-group" id="{verdict_group(value)}" markdown>',
                    f"<summary>{badge(kind, value)} {len(chosen)} {_noun(kind, len(chosen))}</summary>", ""]
            out += [f"- [{_short(item, site)}]({link(src, reading_page(site.passages[item.passage].page), item.id)})" for item in chosen]
            out += ["", "</details>", ""]
    out += ["", "</div>"]
    return Written("\n".join(out))


def _noun(kind: str, count: int) -> str:
    noun = "claim" if kind == "verdict" else "forecast"
    return noun if count == 1 else noun + "s"


def _short(item: Claim | Forecast, site: Site) -> str:
    """The claim as plain text (it becomes a link's text, so it must hold no links), shortened."""
    text = plain(item.claim if isinstance(item, Claim) else item.forecast, site)
    return text if len(text) <= 70 else text[:67].rsplit(" ", 1)[0] + "…"


def target_link(site: Site, target: str, src: str) -> str:
    if target in site.actors:
        return f"[Glossary: {site.actors[target].name}]({link(src, glossary_entry(target))})"
    item = site.passages.get(target) or site.claims.get(target) or site.forecasts.get(target)
    passage = item if target in site.passages else site.passages[item.passage]
    return f"[{passage_label(site.titles, passage)}]({link(src, reading_page(passage.page), target)})"


def _label_before(text: str, labels: dict) -> str | None:
    """The scale value a 'was' text starts with ("Needs context: ..." -> needs-context)."""
    head = text.split(":", 1)[0].strip().lower()
    return next((value for value, label in labels.items() if label.lower() == head), None)


def verdict_change(site: Site, item) -> str:
    """Old label → new label, as badges, for a verdict or score change ('' if the old one is not named)."""
    target = site.claims.get(item.target) or site.forecasts.get(item.target)
    if target is None:
        return ""
    kind, labels, now = (("verdict", VERDICTS, target.verdict) if isinstance(target, Claim)
                         else ("score", FORECAST_SCORES, target.score))
    was = _label_before(item.was, labels)
    now = _label_before(item.now, labels) or now  # as logged; else the label the item carries today
    return f"{badge(kind, was)} → {badge(kind, now)}" if was else ""


def corrections_markdown(site: Site, src: str, args=(), index=None) -> Written:
    """The log: verdict changes first, then facts, updates, sources and map points; newest first in each."""
    if not site.corrections:
        return Written("No corrections so far.")
    order = list(CORRECTION_KINDS)
    out = []
    items = sorted(site.corrections.values(), key=lambda c: (c.date, c.id), reverse=True)
    for item in sorted(items, key=lambda c: order.index(c.kind) if c.kind in order else len(order)):
        label = "Score changed" if item.kind == "verdict" and item.target in site.forecasts else CORRECTION_KINDS.get(item.kind, item.kind)
        kind = f'<span class="correction-kind correction-kind--{item.kind}">{label}</span>'
        change = verdict_change(site, item) if item.kind == "verdict" else ""
        where = target_link(site, item.target, src)
        if item.kind == "map":
            where += f" · [see the map]({link(src, MAP)})"
        out += [f'<div class="correction correction--{item.kind}" id="{item.id}" markdown>', "",
                f'**<time datetime="{item.date}">{human_date(item.date)}</time>** · {kind}: {where}'
                + (f" {change}" if change else ""), "",
                f"- Was: {esc(one_line(item.was))}", f"- Now: {esc(one_line(item.now))}",
                f"- Why: {esc(one_line(item.why))}", "", "</div>", ""]
    return Written("\n".join(out))


def verdict_scale(site: Site, src: str, args=(), index=None) -> Written:
    return Written(scale_markdown(site, src, "verdict"))


def forecast_scale(site: Site, src: str, args=(), index=None) -> Written:
    return Written(scale_markdown(site, src, "score"))


def scale_markdown(site: Site, src: str, kind: str) -> str:
    """The verdict (or forecast) scale as a list (it reads better than a table on a phone):
    label, meaning, and an example from the site."""
    labels, meanings, items, field = (
        (VERDICTS, VERDICT_MEANINGS, site.claims, "verdict") if kind == "verdict"
        else (FORECAST_SCORES, FORECAST_MEANINGS, site.forecasts, "score"))
    out = ['<div class="verdict-scale" markdown>', ""]
    for value, label in labels.items():
        example = next((i for i in items.values() if getattr(i, field) == value), None)
        shown = "none yet"
        if example:
            page = reading_page(site.passages[example.passage].page)
            shown = f"[{_short(example, site)}]({link(src, page, example.id)})"
        # Each meaning has its own id: a verdict badge in a fact-check links here.
        out.append(f'- <span class="scale-term" id="{scale_entry(kind, value)}">{badge(kind, value)}</span> {meanings[value]} Example: {shown}')
    return "\n".join([*out, "", "</div>"])


# The insert markers this module writes (explainer/citations.py: every writer's signature).
MARKERS = {"verdict-summary": markdown, "corrections": corrections_markdown,
           "verdict-scale": verdict_scale, "forecast-scale": forecast_scale}
