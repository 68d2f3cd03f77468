"""Every internal link and fragment in the built site resolves; external links are safe."""

from __future__ import annotations

import posixpath
import re
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from conftest import html_pages
from htmlpage import parse


def resolve(site: Path, page: Path, href: str):
    """(file, fragment) that a relative href on ``page`` points to, or None for external ones."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None
    base = page.relative_to(site).parent.as_posix()
    path = unquote(parts.path)
    target = posixpath.normpath(posixpath.join(base, path)) if path else page.relative_to(site).as_posix()
    file = site / target
    if path.endswith("/") or file.is_dir():
        file = file / "index.html"
    return file, unquote(parts.fragment)


def test_every_internal_link_and_fragment_resolves(built_site):
    ids = lru_cache(maxsize=None)(lambda p: set(parse(p).ids))
    broken = []
    for page in html_pages(built_site):
        parsed = parse(page)
        hrefs = [h for h, _ in parsed.anchors if h] + [v for v in parsed.links.values()]
        hrefs += [src for src, _, _ in parsed.scripts if src]
        for href in hrefs:
            if href.startswith(("javascript:", "mailto:", "data:")):
                continue
            resolved = resolve(built_site, page, href)
            if resolved is None:
                continue
            file, fragment = resolved
            if not file.exists():
                broken.append((page.relative_to(built_site).as_posix(), href, "no such file"))
            elif fragment and file.suffix == ".html" and fragment not in ids(file):
                broken.append((page.relative_to(built_site).as_posix(), href, "no such id"))
    assert not broken, broken[:20]


def test_external_links_are_safe_and_secure(built_site, site_port):
    own = f"http://127.0.0.1:{site_port}/"
    for page in html_pages(built_site):
        html = page.read_text(encoding="utf-8")
        for href, attrs in parse(page).anchors:
            if href and href.startswith(("http:", "https:")) and not href.startswith(own):
                assert href.startswith("https://"), (page, href)
                assert "noopener" in (attrs.get("rel") or ""), (page, href)
        # XML namespace names (SVG icons) are identifiers, not addresses to fetch.
        insecure = [u for u in re.findall(r"http://[^\s\"'<>]+", html)
                    if not u.startswith(own) and not u.startswith(("http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"))]
        assert not insecure, (page, insecure[:5])
