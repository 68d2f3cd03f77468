"""Redirects: old published addresses kept alive after a page or an id moved.

``records/redirects.yml`` has two maps (explainer/published.py keeps the registry they serve):

    pages:      {/old-page/: /new-page/}            -> a redirect page at the old path
    fragments:  {/background/#old-id: /background/#new-id}
                  same page: an anchor with the old id just before the new target
                  other page: a short "moved" note with the old id and a link (JS jumps on)
"""

from __future__ import annotations

import html
import posixpath
from pathlib import Path

from . import htmlids
from .problems import Problem
from .yamlfile import Record, load_yaml

REDIRECTS = Path("records/redirects.yml")
RULE = "redirects"


_ITEM_TAGS = {"li", "dt", "dd", "tr", "td", "th"}


def load_redirects(root: Path) -> tuple[dict, list[Problem]]:
    """The two maps of records/redirects.yml (empty when the file is absent), and its mistakes,
    read with the same line-keeping loader as data/: a slip is a ``file:line`` message."""
    path = root / REDIRECTS
    moves: dict = {"pages": {}, "fragments": {}}
    if not path.exists():
        return moves, []
    shown = REDIRECTS.as_posix()
    data, problems = load_yaml(path, shown)
    if data is None:
        return moves, problems
    if not isinstance(data, Record):
        return moves, [Problem(shown, getattr(data, "line", 1), "should hold 'pages:' and 'fragments:', each a map of old address: new address", rule=RULE)]
    for key in data:
        if key not in moves:
            problems.append(Problem(shown, data.line_of(key), f"unknown section '{key}' (expected pages, fragments)", rule=RULE))
    for kind in moves:
        section = data.get(kind)
        if section is None:
            continue
        if not isinstance(section, Record):
            problems.append(Problem(shown, data.line_of(kind), f"'{kind}' should be a map of old address: new address ('/old/': '/new/')", rule=RULE))
            continue
        for old, new in section.items():
            line = section.line_of(old)
            fragment = kind == "fragments"
            if not (isinstance(new, str) and new.startswith("/")) or not old.startswith("/") or (fragment and "#" not in old):
                shape = "'/page/#old-id': '/page/#new-id'" if fragment else "'/old-page/': '/new-page/'"
                problems.append(Problem(shown, line, f"{kind}: {old!r}: {new!r} is not a move written {shape}", rule=RULE))
                continue
            moves[kind][old] = new
    return moves, problems


def read_redirects(root: Path) -> dict:
    """The moves in records/redirects.yml that are well written (load_redirects reports the rest)."""
    return load_redirects(root)[0]


def redirect_page(target_url: str) -> str:
    """A page that sends readers on, with and without JavaScript."""
    url = html.escape(target_url, quote=True)
    return (
        '<!doctype html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n'
        f'<title>Moved</title>\n<meta http-equiv="refresh" content="0; url={url}">\n'
        f'<link rel="canonical" href="{url}">\n<meta name="robots" content="noindex">\n</head>\n'
        f'<body><p>This page has moved to <a href="{url}">{url}</a>.</p></body>\n</html>\n'
    )


def relative_url(old: str, new: str) -> str:
    """The address of page ``new`` as a link from page ``old`` (both site paths like /a/b/)."""
    depth = old.strip("/").count("/") + 1 if old.strip("/") else 0
    return "../" * depth + new.lstrip("/")


def write_page_redirects(redirects: dict, site_dir: Path) -> None:
    for old, new in redirects["pages"].items():
        target = site_dir / old.strip("/") / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(redirect_page(relative_url(old, new)), encoding="utf-8")


def add_fragment_anchors(redirects: dict, page_url: str, output: str) -> str:
    """Insert, into one page's HTML, the anchors that keep its moved fragments alive."""
    page = "/" + page_url.lstrip("/")
    moves = [(old.partition("#")[2], new) for old, new in redirects["fragments"].items() if old.partition("#")[0] == page]
    if not moves:
        return output
    found = htmlids.read(output)
    present = found.ids()
    anchors: dict[int, str] = {}  # offset of a target's start tag -> the old ids' anchors to put before it
    notes = ""
    for old_id, new in moves:
        new_page, _, new_id = new.partition("#")
        if old_id in present:
            continue
        present.add(old_id)
        if new_page == page:
            target = found.first(new_id)
            if target is None:
                continue  # the registry test reports the lost address
            # Before the target, or just inside it where a list or table allows no span between items.
            at = output.index(">", target.offset) + 1 if target.tag in _ITEM_TAGS else target.offset
            anchors[at] = anchors.get(at, "") + f'<span id="{html.escape(old_id)}" class="moved-anchor"></span>'
        else:
            href = posixpath.relpath(new_page, page) + "/" if new_page.endswith("/") else new_page
            href = html.escape(f"{href}#{new_id}" if new_id else href)
            notes += (f'<p id="{html.escape(old_id)}" class="moved-note" data-moved-to="{href}">'
                      f'This part has moved: <a href="{href}">continue to its new place</a>.</p>')
    for offset in sorted(anchors, reverse=True):
        output = output[:offset] + anchors[offset] + output[offset:]
    if notes:
        output = output.replace("</article>", notes + "</article>", 1)
    return output
