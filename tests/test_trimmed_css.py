"""The theme's CSS, trimmed by tools/purgecss/trim.py and committed: current, served, and complete."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

from conftest import require
from scripts import load_script

ROOT = Path(__file__).resolve().parents[1]
trim = load_script(ROOT / "tools" / "purgecss" / "trim.py")

COMMITTED = ROOT / "docs" / "assets" / "stylesheets"


def css_classes(css: str) -> set[str]:
    """Class names in the selectors of a stylesheet."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    found = set()
    for selector in re.findall(r"([^{}]+)\{", css):
        if not selector.strip().startswith("@"):
            found |= set(re.findall(r"\.(-?[_a-zA-Z][\w-]*)", re.sub(r"url\([^)]*\)|\"[^\"]*\"", "", selector)))
    return found


def html_classes(site: Path) -> set[str]:
    used = set()
    for path in site.rglob("*.html"):
        for value in re.findall(r'class="([^"]*)"', path.read_text(encoding="utf-8")):
            used |= set(value.split())
    return used


def split_rule(rule: str) -> tuple[str, list[str]]:
    """'a,b{x:1;--y:2}' -> ('a,b', ['x:1', '--y:2']) (values with quoted semicolons stay whole)."""
    selector, body = rule.strip().split("{", 1)
    return selector.strip(), [d.strip() for d in re.findall(r'(?:[^;"\']|"[^"]*"|\'[^\']*\')+', body.rstrip("}")) if d.strip()]


def read_properties() -> set[str]:
    """Custom properties something reads: var(--x) in the trimmed sheets or our own CSS."""
    text = "".join(p.read_text(encoding="utf-8") for p in [*committed().values(), *(ROOT / "docs" / "css").glob("*.css")])
    return set(re.findall(r"var\(\s*(--[\w-]+)", text))


def committed() -> dict[str, Path]:
    return {p.name: p for p in sorted(COMMITTED.glob("*.min.css"))}


def test_the_trimmed_files_are_of_the_installed_theme():
    originals = trim.originals()
    assert sorted(committed()) == sorted(p.name for p in originals.values()), "theme upgraded: run tools/purgecss/trim.py"
    for path in originals.values():
        text = (COMMITTED / path.name).read_text(encoding="utf-8")
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        assert f"original sha256 {digest}" in text.split("\n", 1)[0], f"{path.name}: stale, run tools/purgecss/trim.py"
        assert "sourceMappingURL" not in text
        assert text.startswith('@charset "UTF-8";') == path.read_text(encoding="utf-8").startswith('@charset "UTF-8";')


def test_the_site_serves_the_trimmed_files(built_site):
    for name, path in committed().items():
        assert (built_site / "assets" / "stylesheets" / name).read_bytes() == path.read_bytes(), name
        assert f"assets/stylesheets/{name}" in (built_site / "index.html").read_text(encoding="utf-8")


def test_no_class_the_pages_or_scripts_use_was_dropped(built_site):
    used = html_classes(built_site)
    scripts = "".join(p.read_text(encoding="utf-8") for p in trim.scripts(built_site))
    added = set(re.findall(r'["`](md-[\w-]+|focus-visible|js-focus-visible)["`]', scripts))
    assert {"md-search-result__item", "md-tooltip2--active", "md-dialog--active", "md-nav__link--passed"} <= added
    blocked = re.compile("|".join(trim.BLOCKLIST))
    # The main stylesheet: every class it styles that a page or script uses is still styled.
    # (The palette's classes come in rules per colour; it is checked by colour below.)
    for name, path in committed().items():
        if not name.startswith("main."):
            continue
        original = css_classes((trim.material_dir() / "assets" / "stylesheets" / name).read_text(encoding="utf-8"))
        kept = css_classes(path.read_text(encoding="utf-8"))
        assert (used & original) - kept == set(), f"{name}: rules for classes on the pages were trimmed; run tools/purgecss/trim.py"
        dropped = (added & original) - kept
        assert {c for c in dropped if not blocked.search(c)} == set(), f"{name}: classes the scripts add were trimmed"


def test_the_palette_keeps_the_schemes_and_colours_the_toggle_offers(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    offered = set(re.findall(r'data-md-color-(scheme|primary|accent)="([\w-]+)"', html))
    assert {("scheme", "default"), ("scheme", "slate"), ("primary", "indigo"), ("accent", "indigo")} <= offered
    name = next(n for n in committed() if n.startswith("palette."))
    original = (trim.material_dir() / "assets" / "stylesheets" / name).read_text(encoding="utf-8")
    kept = (COMMITTED / name).read_text(encoding="utf-8")
    # Every rule whose colour conditions are all ones the toggle offers is kept, with every
    # declaration but those of custom properties nothing reads (rules for images marked light- or
    # dark-only are dropped: the site has none).
    needed = [rule for rule in re.findall(r"[^{}]*\[data-md-color-[^{}]*\{[^}]*\}", original)
              if set(re.findall(r"data-md-color-(scheme|primary|accent)=([\w-]+)", rule)) <= offered and "[src" not in rule
              and rule not in trim.DROPPED_RULES]
    assert len(needed) >= 3
    kept_rules = dict(split_rule(rule) for rule in re.findall(r"[^{}]*\{[^{}]*\}", kept))
    read = read_properties()
    for selector, declarations in map(split_rule, needed):
        assert selector in kept_rules, selector
        assert [d for d in declarations if not d.startswith("--") or d.split(":")[0] in read] == kept_rules[selector], selector
    assert "[data-md-color-primary=red]" in original and "[data-md-color-primary=red]" not in kept
    # The rule that restyled every element on each load is gone, and nothing else reads its attribute.
    (switching,) = trim.DROPPED_RULES
    assert switching in original and "data-md-color-switching" not in kept
    # What the trimming is for: the theme's features this site does not switch on are gone.
    main = next(p for n, p in committed().items() if n.startswith("main."))
    classes = css_classes(main.read_text(encoding="utf-8"))
    assert not {c for c in classes if c.startswith(("md-version", "tabbed-", "md-annotation"))}
    assert {"md-tag", "md-search-result__terms", "md-tooltip2__inner", "md-clipboard"} <= classes  # search tags, previews, clipboard


def test_a_fresh_trim_of_the_built_site_matches_the_committed_files(built_site):
    require(shutil.which("node") is not None and (trim.TOOL / "node_modules" / "purgecss").is_dir(),
            "PurgeCSS is not installed (npm ci --prefix tools/purgecss)")
    fresh = trim.trim(built_site)
    assert sorted(fresh) == sorted(committed())
    for name, (css, _) in fresh.items():
        assert css == (COMMITTED / name).read_text(encoding="utf-8"), f"{name}: stale, run tools/purgecss/trim.py"


def test_custom_properties_nothing_reads_are_gone_and_the_rest_stay():
    """The trim also drops the theme's custom properties that no kept rule, page, script or our
    own CSS reads (most are icons for features not switched on)."""
    originals = "".join(p.read_text(encoding="utf-8") for p in trim.originals().values())
    kept = "".join(p.read_text(encoding="utf-8") for p in committed().values())
    declared = lambda css: set(re.findall(r"[{;](--[\w-]+):", css))  # noqa: E731
    ours = set(re.findall(r"var\(\s*(--md-[\w-]+)", (ROOT / "docs" / "css" / "site.css").read_text(encoding="utf-8")))
    assert len(ours) > 10
    assert (ours & declared(originals)) - declared(kept) == set(), "a property our CSS reads was dropped"
    assert (read_properties() & declared(originals)) - declared(kept) == set()
    assert {"--md-version-icon", "--md-tasklist-icon", "--md-source-forks-icon"} <= declared(originals) - declared(kept)
    assert {"--md-primary-fg-color", "--md-details-icon", "--md-search-result-icon"} <= declared(kept)
