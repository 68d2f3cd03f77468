"""The verdict summary on the overview, and the corrections log."""

from __future__ import annotations

from .addresses import glossary_entry, passage_label, reading_page, scale_entry, verdict_group
from .data import Site
from .markup import plain
from .reading import badge
from .records import Claim, Forecast
from .scales import FORECAST_MEANINGS, FORECAST_SCORES, VERDICT_MEANINGS, VERDICTS
from .text import esc, human_date, link, one_line


def markdown(site: Site, src: str) -> str:
    """How many claims carry each verdict, each count followed by links to its claims."""
    if not site.claims:
        return "*No claims checked yet.*"
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
    return "\n".join(out)


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


def corrections_markdown(site: Site, src: str) -> str:
    if not site.corrections:
        return "No corrections so far."
    out = []
    for item in sorted(site.corrections.values(), key=lambda c: (c.date, c.id), reverse=True):
        out += [f'<div class="correction" id="{item.id}" markdown>', "",
                f'**<time datetime="{item.date}">{human_date(item.date)}</time>**: {target_link(site, item.target, src)}', "",
                f"- Was: {esc(one_line(item.was))}", f"- Now: {esc(one_line(item.now))}", "", "</div>", ""]
    return "\n".join(out)


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
