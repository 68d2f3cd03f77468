"""The registry of published addresses: every page and fragment the site has promised.

(How pages and anchors are named is explainer/addresses.py; this module reads a built site.)

A link someone shared must keep working. ``records/published.txt`` lists every published page
path and fragment; the build fails when the built site lacks one (``check``, rule
``published``, run after every build). When an id must move, a line in
``records/redirects.yml`` keeps the old address alive (explainer/redirects.py).

Run ``./run record`` to add the ids of a new build to the registry (it never removes any).
"""

from __future__ import annotations

import re
from pathlib import Path

from . import htmlids
from .problems import Problem
from .redirects import read_redirects
from .yamlfile import read_text

REGISTRY = Path("records/published.txt")
# Every id attribute of a built page, twenty times faster than the parser (this runs in every
# build): our HTML writes attributes with double quotes, and text never holds a raw `id="`.
ID_ATTRIBUTE = re.compile(r'\sid="([^"]+)"')
RULE = "published"
# Elements whose ids are promised besides headings: passages' annotations, claims, forecasts,
# timeline events (tl-event; timeline__event before the visuals rewrite), sources, corrections
# and relations on the connections page (the sources page links to each).
LINKABLE_CLASSES = frozenset({"annot", "claim", "forecast", "tl-event", "timeline__event", "source", "correction", "relation"})
LINKABLE_TAGS = frozenset({"details", "div", "li"})
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def page_address(site_dir: Path, file: Path) -> str:
    rel = file.relative_to(site_dir).as_posix()
    return "/" + rel[: -len("index.html")] if rel.endswith("index.html") else "/" + rel


def promised_ids(page: htmlids.PageIds) -> list[str]:
    """The ids of one page that are published: headings, and the linkable blocks."""
    return [element.id for element in page.elements
            if element.tag in HEADINGS or (element.tag in LINKABLE_TAGS and element.classes & LINKABLE_CLASSES)]


def collect(site_dir: Path) -> set[str]:
    """Every page path and promised fragment in a built site."""
    found = set()
    for file in sorted(site_dir.rglob("index.html")):
        page_ids = htmlids.read(file.read_text(encoding="utf-8"))
        if page_ids.refresh:
            continue  # a redirect page, not a page of ours
        page = page_address(site_dir, file)
        found.add(page)
        found.update(f"{page}#{element_id}" for element_id in promised_ids(page_ids))
    return found


def load_registry(root: Path) -> tuple[list[tuple[str, int]], list[Problem]]:
    """(address, line) for each address in records/published.txt (none when absent), and the
    lines that are not an address."""
    path = root / REGISTRY
    if not path.exists():
        return [], []
    text, problems = read_text(path, REGISTRY.as_posix())
    entries = []
    for number, line in enumerate((text or "").splitlines(), 1):
        address = line.strip()
        if not address or line.startswith("#"):
            continue
        if not address.startswith("/") or " " in address:
            problems.append(Problem(REGISTRY.as_posix(), number, f"{address!r} is not a site address such as /page/ or /page/#id "
                                    "(never edit this file by hand: ./run record adds to it)", rule=RULE))
            continue
        entries.append((address, number))
    return entries, problems


def read_registry(root: Path) -> list[str]:
    return [address for address, _ in load_registry(root)[0]]


def missing(root: Path, site_dir: Path) -> list[str]:
    """Registered addresses the built site no longer answers (redirects count as answers)."""
    return [address for address, _ in _lost(load_registry(root)[0], read_redirects(root)["pages"], site_dir)]


def _lost(entries, moved_pages: dict, site_dir: Path) -> list[tuple[str, int]]:
    ids_cache: dict[Path, set[str]] = {}
    lost = []
    for address, number in entries:
        page, _, fragment = address.partition("#")
        if page in moved_pages:
            fragment = ""  # the redirect page answers; it sends readers to the right page
        file = site_dir / page.lstrip("/") / "index.html" if page.endswith("/") else site_dir / page.lstrip("/")
        if not file.exists():
            lost.append((address, number))
            continue
        if fragment:
            if file not in ids_cache:
                ids_cache[file] = set(ID_ATTRIBUTE.findall(file.read_text(encoding="utf-8")))
            if fragment not in ids_cache[file]:
                lost.append((address, number))
    return lost


def check(root: Path, site_dir: Path) -> list[Problem]:
    """The registry as a build rule: each published address the built site no longer answers,
    at its line in records/published.txt, with the line of records/redirects.yml that keeps it
    alive (the new address guessed when the same page has exactly one new id, or one new page).
    The registry's own mistakes: load_registry."""
    entries, _ = load_registry(root)
    lost = _lost(entries, read_redirects(root)["pages"], site_dir)
    if not lost:
        return []
    problems = []
    new = collect(site_dir) - {address for address, _ in entries}
    for address, number in lost:
        page, _, fragment = address.partition("#")
        if fragment:
            section = "fragments"
            guesses = [a for a in new if a.partition("#")[0] == page and "#" in a]
        else:
            section = "pages"
            guesses = [a for a in new if "#" not in a]
        target = guesses[0] if len(guesses) == 1 else ("/new-page/#new-id" if fragment else "/new-page/")
        problems.append(Problem(REGISTRY.as_posix(), number, (
            f"the published address {address} is gone from the site; if it moved, add under "
            f"'{section}:' in records/redirects.yml the line  \"{address}\": \"{target}\""), rule=RULE))
    return problems


def update_registry(root: Path, site_dir: Path) -> tuple[int, int]:
    """Add the built site's addresses to the registry; returns (added, total)."""
    known = read_registry(root)
    new = sorted(collect(site_dir) - set(known))
    lines = sorted(set(known) | set(new))
    header = "# Every published address. Never delete a line: move it with records/redirects.yml.\n"
    (root / REGISTRY).parent.mkdir(exist_ok=True)
    (root / REGISTRY).write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    return len(new), len(lines)
