"""The registry of published addresses: every page and fragment the site has promised.

(How pages and anchors are named is explainer/addresses.py; this module reads a built site.)

A link someone shared must keep working. ``records/published.txt`` lists every published page
path and fragment; a test fails when the built site lacks one. When an id must move, a line in
``records/redirects.yml`` keeps the old address alive (explainer/redirects.py).

Run ``./run record`` to add the ids of a new build to the registry (it never removes any).
"""

from __future__ import annotations

from pathlib import Path

from . import htmlids
from .redirects import read_redirects

REGISTRY = Path("records/published.txt")
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


def read_registry(root: Path) -> list[str]:
    path = root / REGISTRY
    if not path.exists():
        return []
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]


def missing(root: Path, site_dir: Path) -> list[str]:
    """Registered addresses the built site no longer answers (redirects count as answers)."""
    ids_cache: dict[Path, set[str]] = {}
    moved_pages = read_redirects(root)["pages"]
    lost = []
    for address in read_registry(root):
        page, _, fragment = address.partition("#")
        if page in moved_pages:
            fragment = ""  # the redirect page answers; it sends readers to the right page
        file = site_dir / page.lstrip("/") / "index.html" if page.endswith("/") else site_dir / page.lstrip("/")
        if not file.exists():
            lost.append(address)
            continue
        if fragment:
            if file not in ids_cache:
                ids_cache[file] = htmlids.read(file.read_text(encoding="utf-8")).ids()
            if fragment not in ids_cache[file]:
                lost.append(address)
    return lost


def update_registry(root: Path, site_dir: Path) -> tuple[int, int]:
    """Add the built site's addresses to the registry; returns (added, total)."""
    known = read_registry(root)
    new = sorted(collect(site_dir) - set(known))
    lines = sorted(set(known) | set(new))
    header = "# Every published address. Never delete a line: move it with records/redirects.yml.\n"
    (root / REGISTRY).parent.mkdir(exist_ok=True)
    (root / REGISTRY).write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    return len(new), len(lines)
