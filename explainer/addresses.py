"""Published addresses: the registry of every page and fragment the site has promised, and redirects.

A link someone shared must keep working. ``records/published.txt`` lists every published page
path and fragment; a test fails when the built site lacks one. When an id must move, a line in
``records/redirects.yml`` keeps the old address alive:

    pages:      {/old-page/: /new-page/}            -> a redirect page at the old path
    fragments:  {/background/#old-id: /background/#new-id}
                  same page: an anchor with the old id just before the new target
                  other page: a short "moved" note with the old id and a link (JS jumps on)

Run ``./run record`` to add the ids of a new build to the registry (it never removes any).
"""

from __future__ import annotations

import html
import posixpath
import re
from pathlib import Path

import yaml

REGISTRY = Path("records/published.txt")
REDIRECTS = Path("records/redirects.yml")
# Elements whose ids are promised besides headings: passages' annotations, claims, forecasts,
# timeline events, sources and corrections.
LINKABLE_CLASSES = ("annot", "claim", "forecast", "timeline__event", "source", "correction")
_HEADING = re.compile(r"<h[1-6][^>]*\bid=\"([^\"]+)\"")
_ELEMENT = re.compile(r"<(?:details|div|li)\b[^>]*>")


def page_address(site_dir: Path, file: Path) -> str:
    rel = file.relative_to(site_dir).as_posix()
    return "/" + rel[: -len("index.html")] if rel.endswith("index.html") else "/" + rel


def collect(site_dir: Path) -> set[str]:
    """Every page path and promised fragment in a built site."""
    found = set()
    for file in sorted(site_dir.rglob("index.html")):
        text = file.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in text:
            continue  # a redirect page, not a page of ours
        page = page_address(site_dir, file)
        found.add(page)
        for element_id in _HEADING.findall(text):
            found.add(f"{page}#{element_id}")
        for tag in _ELEMENT.findall(text):
            classes = re.search(r'class="([^"]+)"', tag)
            element_id = re.search(r'\bid="([^"]+)"', tag)
            if classes and element_id and set(classes.group(1).split()) & set(LINKABLE_CLASSES):
                found.add(f"{page}#{element_id.group(1)}")
    return found


def read_registry(root: Path) -> list[str]:
    path = root / REGISTRY
    if not path.exists():
        return []
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]


def read_redirects(root: Path) -> dict:
    path = root / REDIRECTS
    data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else None
    data = data or {}
    return {"pages": data.get("pages") or {}, "fragments": data.get("fragments") or {}}


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
                ids_cache[file] = set(re.findall(r'\bid="([^"]+)"', file.read_text(encoding="utf-8")))
            if fragment not in ids_cache[file]:
                lost.append(address)
    return lost


def redirect_page(target_url: str) -> str:
    """A page that sends readers on, with and without JavaScript."""
    url = html.escape(target_url, quote=True)
    return (
        '<!doctype html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n'
        f'<title>Moved</title>\n<meta http-equiv="refresh" content="0; url={url}">\n'
        f'<link rel="canonical" href="{url}">\n<meta name="robots" content="noindex">\n</head>\n'
        f'<body><p>This page has moved to <a href="{url}">{url}</a>.</p></body>\n</html>\n'
    )


def write_page_redirects(redirects: dict, site_dir: Path) -> None:
    for old, new in redirects["pages"].items():
        target = site_dir / old.strip("/") / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        depth = old.strip("/").count("/") + 1 if old.strip("/") else 0
        relative = "../" * depth + new.lstrip("/")
        target.write_text(redirect_page(relative), encoding="utf-8")


def add_fragment_anchors(redirects: dict, page_url: str, output: str) -> str:
    """Insert, into one page's HTML, the anchors that keep its moved fragments alive."""
    page = "/" + page_url.lstrip("/")
    for old, new in redirects["fragments"].items():
        old_page, _, old_id = old.partition("#")
        new_page, _, new_id = new.partition("#")
        if old_page != page or f'id="{old_id}"' in output:
            continue
        if new_page == old_page:
            anchor = f'<span id="{html.escape(old_id)}" class="moved-anchor"></span>'
            output = re.sub(rf'(<[^>]*\bid="{re.escape(new_id)}")', anchor.replace("\\", "\\\\") + r"\1", output, count=1)
        else:
            href = posixpath.relpath(new_page, page) + "/" if new_page.endswith("/") else new_page
            href = html.escape(f"{href}#{new_id}" if new_id else href)
            note = (f'<p id="{html.escape(old_id)}" class="moved-note" data-moved-to="{href}">'
                    f'This part has moved: <a href="{href}">continue to its new place</a>.</p>')
            output = output.replace("</article>", note + "</article>", 1)
    return output


def update_registry(root: Path, site_dir: Path) -> tuple[int, int]:
    """Add the built site's addresses to the registry; returns (added, total)."""
    known = read_registry(root)
    new = sorted(collect(site_dir) - set(known))
    lines = sorted(set(known) | set(new))
    header = "# Every published address. Never delete a line: move it with records/redirects.yml.\n"
    (root / REGISTRY).parent.mkdir(exist_ok=True)
    (root / REGISTRY).write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    return len(new), len(lines)
