"""Trim the theme's CSS to the rules this site can use; the output is committed.

    .venv/bin/python tools/purgecss/trim.py            # build, trim, write docs/assets/stylesheets/
    .venv/bin/python tools/purgecss/trim.py --check    # exit 1 if the committed files are stale

Needs Node and `npm ci --prefix tools/purgecss` (PurgeCSS, pinned). It builds the site, then
keeps every rule of Material's main and palette stylesheets whose selector can match what the
built pages hold (tags, classes, ids, attributes; not their prose) or what the theme's JavaScript
and ours add at run time (every word of those scripts, plus SAFELIST below). The results are
written to docs/assets/stylesheets/ under the theme's own file names, so MkDocs serves them in
place of the theme's copies (files in docs/ win over the theme's). Each starts with a comment
naming the original and its SHA-256; tests/test_trimmed_css.py fails when the theme's file
changed, when a rule the built site needs is missing, or (with Node) when a fresh trim differs.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TOOL = ROOT / "tools" / "purgecss"
OUT = ROOT / "docs" / "assets" / "stylesheets"
SHEETS = ("main", "palette")

# Classes and states the theme's JavaScript (or ours) sets that a built page need not show in its
# HTML. Most are string literals in the scripts and kept anyway; these make the intent explicit
# and cover names the scripts build from parts. Regular expressions, as PurgeCSS reads them.
SAFELIST = {
    "standard": [
        r"^md-search", r"^md-tooltip", r"^md-dialog", r"^md-clipboard", r"^md-code__",  # search, previews and tooltips, dialogs, clipboard
        r"^md-nav", r"^md-sidebar", r"^md-overlay", r"^md-toggle", r"^md-header", r"^md-top",  # drawer, toc, header, back to top
        r"^md-typeset__(scrollwrap|table)$", r"focus-visible$", r"^no-js$", r"^js$",
    ],
    "deep": [],
    "greedy": [r"\[open\]", r"\[data-md-color-scheme", r"\[data-md-toggle", r"\[data-md-state"],  # folding, palette, drawer
}
# Rules for theme features this site does not switch on (mkdocs.yml): their class names are words
# in the bundle, so PurgeCSS alone would keep them. Turning one on puts its classes in the built
# HTML, and tests/test_trimmed_css.py then fails until it leaves this list.
BLOCKLIST = [
    r"^md-version", r"^md-annotation", r"^md-source", r"^md-status",  # versions, annotations, repository
    # (not md-tag: a search result shows its entry's tags as chips, "KH" on Kata'ib Hezbollah's)
    r"^tabbed-", r"^md-banner", r"^md-consent", r"^md-tabs",  # content tabs, banner, cookie consent, navigation tabs
]
# Whole rules dropped on purpose, each with its reason. The theme's palette script sets
# data-md-color-switching on <body> when every page loads; this rule, the only one that reads it,
# then makes the browser restyle every element of the page a second time (on /background/ about
# 2,100 elements: 110 of the bundle's 300 ms at Lighthouse's 4x slowdown; see issue 27). Without
# it a switch of colour scheme lets the few colour transitions (links, 125 ms) run once.
DROPPED_RULES = {
    "[data-md-color-switching] *,[data-md-color-switching] :after,[data-md-color-switching] :before"
    "{transition-duration:0s!important}": "restyles the whole page on every load",
}


def material_dir() -> Path:
    import material

    return Path(material.__file__).resolve().parent / "templates"


def originals() -> dict[str, Path]:
    found = {}
    for sheet in SHEETS:
        (path,) = (material_dir() / "assets" / "stylesheets").glob(f"{sheet}.*.min.css")
        found[sheet] = path
    return found


def header(original: Path) -> str:
    digest = hashlib.sha256(original.read_bytes()).hexdigest()
    return (f"/* {original.name} of Material for MkDocs {material_version()}, trimmed by tools/purgecss/trim.py "
            f"(PurgeCSS {purgecss_version()}); original sha256 {digest} */\n")


def material_version() -> str:
    from importlib.metadata import version

    return version("mkdocs-material")


def purgecss_version() -> str:
    return json.loads((TOOL / "package.json").read_text())["dependencies"]["purgecss"]


def build(out: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(out)], cwd=ROOT, env=env, check=True)


def scripts(site: Path) -> list[Path]:
    """The theme's bundle and our scripts (not the search worker or lunr: they touch no page)."""
    return sorted(p for p in site.rglob("*.js") if "lunr" not in p.parts and "workers" not in p.parts)


def trim(site: Path) -> dict[str, tuple[str, list[str]]]:
    """sheet file name -> (trimmed CSS with its header, rejected selectors)."""
    job = {
        "css": [{"name": path.name, "path": str(path)} for path in originals().values()],
        "html": [str(p) for p in sorted(site.rglob("*.html"))],
        "js": [str(p) for p in scripts(site)],
        "own_css": [str(p) for p in sorted((ROOT / "docs" / "css").glob("*.css"))],
        "safelist": SAFELIST,
        "blocklist": BLOCKLIST,
    }
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(job, f)
    try:
        result = subprocess.run(["node", str(TOOL / "trim.cjs"), f.name], cwd=TOOL, capture_output=True, text=True, check=True)
    finally:
        os.unlink(f.name)
    by_name = {path.name: path for path in originals().values()}
    out, dropped = {}, set()
    for item in json.loads(result.stdout):
        css = re.sub(r"/\*# sourceMappingURL=[^*]*\*/\s*$", "", item["css"]).strip() + "\n"
        charset = '@charset "UTF-8";'  # must stay first in the file
        has_charset = css.startswith(charset)
        body = css[len(charset):] if has_charset else css
        for rule in DROPPED_RULES:
            if rule in body:
                body = body.replace(rule, "")
                dropped.add(rule)
        out[item["name"]] = ((charset if has_charset else "") + header(by_name[item["name"]]) + body, item["rejected"])
    for rule in DROPPED_RULES.keys() - dropped:  # a theme upgrade changed it: look again
        raise SystemExit(f"the rule to drop is no longer in the theme's stylesheets: {rule}")
    return out


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 6, mtime=0))


def main(argv: list[str]) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        build(site)
        trimmed = trim(site)
    if "--check" in argv:
        stale = [name for name, (css, _) in trimmed.items() if not (OUT / name).is_file() or (OUT / name).read_text(encoding="utf-8") != css]
        print("stale: " + ", ".join(stale) if stale else "trimmed CSS up to date")
        return 1 if stale else 0
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.min.css"):
        if old.name not in trimmed:
            old.unlink()  # an older theme version's file name
    print(f"{'file':<28}{'before':>10}{'after':>10}{'gzip before':>14}{'gzip after':>12}  rules dropped")
    for name, (css, rejected) in trimmed.items():
        (OUT / name).write_text(css, encoding="utf-8")
        before = (material_dir() / "assets" / "stylesheets" / name).read_bytes()
        after = css.encode()
        print(f"{name:<28}{len(before):>10}{len(after):>10}{gz(before):>14}{gz(after):>12}  {len(rejected)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
