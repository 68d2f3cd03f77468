"""Draw the share card (og:image) offline: tools/og/card.html -> docs/assets/og-card.png, 1200 x 630.

    .venv/bin/python tools/og/make_card.py           # (re)make the card; commit the PNG
    .venv/bin/python tools/og/make_card.py --check   # exit 1 if the committed card is stale

The card's words come from mkdocs.yml (``site_name`` and ``extra.share_card.text``, which the
page head also uses for ``og:image:alt``). Chromium (Playwright, Debian's /usr/bin/chromium or
$EXPLAINER_CHROMIUM) renders the page with JavaScript and the network off. The PNG carries a
``tEXt`` chunk with the SHA-256 of its inputs (this template and those words), so
tests/test_meta.py can tell a stale card without a browser: pixels differ across font versions,
the inputs do not.
"""

from __future__ import annotations

import hashlib
import html
import os
import struct
import sys
import zlib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "tools" / "og" / "card.html"
OUTPUT = ROOT / "docs" / "assets" / "og-card.png"
WIDTH, HEIGHT = 1200, 630
KEY = "explainer-card-source"  # the tEXt keyword holding the inputs' hash


class _Loader(yaml.SafeLoader):
    """mkdocs.yml with its tags (!ENV ...) read as plain values."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)


def card_words(root: Path = ROOT) -> tuple[str, str]:
    config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    return config["site_name"], config["extra"]["share_card"]["text"]


def source_hash(root: Path = ROOT) -> str:
    title, text = card_words(root)
    digest = hashlib.sha256()
    for part in ((root / "tools" / "og" / "card.html").read_bytes(), title.encode(), text.encode()):
        digest.update(len(part).to_bytes(8, "big") + part)
    return digest.hexdigest()


def card_html(root: Path = ROOT) -> str:
    title, text = card_words(root)
    page = (root / "tools" / "og" / "card.html").read_text(encoding="utf-8")
    return page.replace("{{title}}", html.escape(title)).replace("{{text}}", html.escape(text))


# --- PNG chunks (the standard library has no PNG writer; these few lines are all that is needed)

def chunks(png: bytes):
    """(type, data) for every chunk of a PNG."""
    if png[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    at = 8
    while at < len(png):
        (length,) = struct.unpack(">I", png[at:at + 4])
        kind = png[at + 4:at + 8].decode("latin-1")
        yield kind, png[at + 8:at + 8 + length]
        at += 12 + length


def size(png: bytes) -> tuple[int, int]:
    kind, data = next(chunks(png))
    assert kind == "IHDR"
    return struct.unpack(">II", data[:8])


def text_chunks(png: bytes) -> dict[str, str]:
    return dict(data.decode("latin-1").split("\0", 1) for kind, data in chunks(png) if kind == "tEXt")


def with_text(png: bytes, key: str, value: str) -> bytes:
    """The PNG with a tEXt chunk right after IHDR."""
    data = key.encode("latin-1") + b"\0" + value.encode("latin-1")
    chunk = struct.pack(">I", len(data)) + b"tEXt" + data + struct.pack(">I", zlib.crc32(b"tEXt" + data))
    ihdr_end = 8 + 12 + struct.unpack(">I", png[8:12])[0]
    return png[:ihdr_end] + chunk + png[ihdr_end:]


def render(page: str) -> bytes:
    from playwright.sync_api import sync_playwright

    options = {"headless": True, "args": ["--no-sandbox", "--disable-gpu", "--font-render-hinting=none"]}
    chromium = os.environ.get("EXPLAINER_CHROMIUM", "/usr/bin/chromium")
    if chromium and os.path.exists(chromium):
        options["executable_path"] = chromium
    with sync_playwright() as p:
        browser = p.chromium.launch(**options)
        context = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT}, device_scale_factor=1,
                                      java_script_enabled=False, offline=True)
        page_ = context.new_page()
        page_.set_content(page, wait_until="load")
        png = page_.screenshot(type="png", full_page=False)
        browser.close()
    return png


def is_current(root: Path = ROOT) -> bool:
    path = root / "docs" / "assets" / "og-card.png"
    if not path.is_file():
        return False
    png = path.read_bytes()
    return size(png) == (WIDTH, HEIGHT) and text_chunks(png).get(KEY) == source_hash(root)


def main(argv: list[str]) -> int:
    if "--check" in argv:
        ok = is_current()
        print(f"{OUTPUT.relative_to(ROOT)}: {'up to date' if ok else 'stale: run tools/og/make_card.py'}")
        return 0 if ok else 1
    png = render(card_html())
    if size(png) != (WIDTH, HEIGHT):
        raise SystemExit(f"rendered {size(png)}, expected {(WIDTH, HEIGHT)}")
    OUTPUT.write_bytes(with_text(png, KEY, source_hash()))
    print(f"wrote {OUTPUT.relative_to(ROOT)} ({OUTPUT.stat().st_size} bytes, {WIDTH}x{HEIGHT})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
