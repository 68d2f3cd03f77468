"""The annotated reading: passages, their annotations and claims, written as Markdown.

Each passage is a ``###`` heading with its own id; each annotation a ``<details>`` that starts
open and has its own id (see ../shared/DESIGN.md, "Linkable annotations"): links to either work
with JavaScript on and off, print expanded, and keep their text in the DOM.
"""

from __future__ import annotations

from .citations import cite
from .schema import FORECAST_SCORES, VERDICTS
from .text import esc, human_date, link, one_line

PAGE_TITLES = {
    "background": "Background",
    "diplomacy-by-drones": "Diplomacy by drones",
    "scenarios": "Scenarios",
}
ANNOTATIONS = ("context", "check", "forecast", "next")


def page_src(page: str) -> str:
    return f"{page}.md"


def annotation_id(passage_id: str, kind: str) -> str:
    return f"{passage_id}-{kind}"


def passage_link_label(passage, site) -> str:
    return f"{PAGE_TITLES[passage['page']]}: {passage['title']}"


def badge(kind: str, value: str) -> str:
    """A verdict or forecast score as a text badge (never colour alone)."""
    labels = VERDICTS if kind == "verdict" else FORECAST_SCORES
    return f'<span class="badge badge--{kind} badge--{value}">{esc(labels[value])}</span>'


def _paragraphs(numbers) -> str:
    numbers = list(numbers)
    if len(numbers) == 1:
        return f"Article paragraph {numbers[0]}"
    return f"Article paragraphs {numbers[0]}–{numbers[-1]}"


# Material's admonition types give each kind of annotation its icon and colour.
THEME_TYPE = {"context": "info", "check": "question", "forecast": "example", "next": "tip"}


def _details(block_id: str, kind: str, summary: str, body: list[str]) -> list[str]:
    return [
        f'<details class="annot annot--{kind} {THEME_TYPE[kind]}" id="{block_id}" open markdown>',
        f'<summary>{summary}</summary>',
        "",
        *body,
        "",
        "</details>",
        "",
    ]


def _dated(checked: str, updated: str | None) -> str:
    text = f'Checked <time datetime="{checked}">{human_date(checked)}</time>'
    if updated:
        text += f'; updated <time datetime="{updated}">{human_date(updated)}</time>'
    return f'<span class="checked">{text}.</span>'


def _item(item, kind: str, site, src: str) -> list[str]:
    """One claim (kind 'verdict') or forecast (kind 'score') with its evidence and sources."""
    text = item["claim"] if kind == "verdict" else item["forecast"]
    value = item["verdict"] if kind == "verdict" else item["score"]
    css = "claim" if kind == "verdict" else "forecast"
    lines = [
        f'<div class="{css}" id="{item["id"]}" markdown>',
        "",
        f'{badge(kind, value)} **{one_line(text)}** {one_line(item["reason"])}',
        "",
    ]
    if item.get("evidence"):
        lines += [item["evidence"].strip(), ""]
    lines += [f'{cite(item["sources"], site, src)} {_dated(item["checked"], item.get("updated"))}', "", "</div>", ""]
    return lines


def passage_markdown(passage, site, events=()) -> list[str]:
    pid = passage["id"]
    src = page_src(passage["page"])
    meta = [_paragraphs(passage["paragraphs"])]
    if events:
        meta.append("On the timeline: " + ", ".join(
            f"[{human_date(e['date'])}]({link(src, 'timeline.md', e['id'])})" for e in events))
    meta.append(f"[Link to this passage](#{pid}){{ .passage-copy }}")
    out = [
        f"### {passage['title']} {{ #{pid} }}",
        "",
        " · ".join(meta),
        "{: .passage-meta }",
        "",
        f'**What the article says.** {one_line(passage["says"])}',
        "{: .passage-says }",
        "",
    ]
    context = passage.get("context")
    if context:
        out += _details(annotation_id(pid, "context"), "context", "Context",
                        [context["text"].strip(), "", cite(context["sources"], site, src)])
    claims = passage.get("claims") or []
    if claims:
        badges = " ".join(badge("verdict", c["verdict"]) for c in claims)
        count = f"{len(claims)} claim{'s' if len(claims) != 1 else ''}"
        body = [line for claim in claims for line in _item(claim, "verdict", site, src)]
        out += _details(annotation_id(pid, "check"), "check", f"Fact-check: {count} {badges}", body)
    forecasts = passage.get("forecasts") or []
    if forecasts:
        badges = " ".join(badge("score", f["score"]) for f in forecasts)
        body = [line for forecast in forecasts for line in _item(forecast, "score", site, src)]
        out += _details(annotation_id(pid, "forecast"), "forecast", f"Forecast, scored {badges}", body)
    following = passage.get("next")
    if following:
        as_of = f'*As of <time datetime="{following["as_of"]}">{human_date(following["as_of"])}</time>.*'
        out += _details(annotation_id(pid, "next"), "next", "What happened next",
                        [following["text"].strip(), "", f"{cite(following['sources'], site, src)} {as_of}"])
    return out


def page_markdown(page, site) -> str:
    """All passages of one reading page, under their section headings."""
    from .timeline import passage_events

    events = passage_events(site)
    titles = {s["id"]: s["title"] for s in page["sections"]}
    items = [i for p in page["passages"] for i in [*(p.get("claims") or []), *(p.get("forecasts") or [])]]
    out: list[str] = []
    if items:
        latest = max(i.get("updated") or i["checked"] for i in items)
        what = "Forecasts scored and claims checked" if any(p.get("forecasts") for p in page["passages"]) else "Claims checked"
        out += [f'{what} as of <time datetime="{latest}">{human_date(latest)}</time>; each check shows its own date.',
                "{: .page-as-of }", ""]
    section = None
    for passage in page["passages"]:
        if passage["section"] != section:
            section = passage["section"]
            out += [f"## {titles[section]} {{ #{section} }}", ""]
        out += passage_markdown(passage, site, events.get(passage["id"], []))
    return "\n".join(out)


def citations(site):
    """(source ids, page file, fragment, label) for every place a reading page cites sources."""
    for passage in site.passages.values():
        src = page_src(passage["page"])
        label = passage_link_label(passage, site)
        if passage.get("context"):
            yield passage["context"]["sources"], src, annotation_id(passage["id"], "context"), label + " (context)"
        for item in [*(passage.get("claims") or []), *(passage.get("forecasts") or [])]:
            yield item["sources"], src, item["id"], label + " (check)"
        if passage.get("next"):
            yield passage["next"]["sources"], src, annotation_id(passage["id"], "next"), label + " (what happened next)"
