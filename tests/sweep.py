"""The browser sweep: every page of the built site loaded ONCE per colour scheme, with every
registered check run on it. Loading pages is what costs time in the browser tests, so a
per-page check joins this sweep instead of loading every page again.

To add a check (say, in your own test file or here):

    from sweep import check

    @check("smallest-text")
    def smallest_text(visit):            # visit.page is loaded, at 1280 px, in visit.scheme
        size = visit.page.evaluate("...")
        return [] if size >= 12 else [f"{size} px"]   # findings: [] means fine

and assert on it in a test:  ``assert sweep.problems("smallest-text") == {}``. Register before
the ``sweep`` fixture first runs (at import of a test module is fine: test modules are imported
before any test runs). Checks with ``after_resize=True`` run after the page has been narrowed
(see ``overflow``); the others run first, at 1280 px. Each returns a list of findings (anything
printable) or raises; an exception becomes a finding, so one broken check never hides the others.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from browser import Watch, addresses

ROOT = Path(__file__).resolve().parents[1]
SCHEMES = {"light": "default", "dark": "slate"}  # browser preference -> Material's scheme name
WIDE = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
# A 1280 px window at 200 % zoom; the narrowest phone; a phone (last: the phone checks follow).
NARROW = [{"width": 640, "height": 800}, {"width": 320, "height": 800}, PHONE]
AXE_CURRENT = ROOT / "tools" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
AXE_PINNED = json.loads((ROOT / "tools" / "axe" / "package.json").read_text(encoding="utf-8"))["dependencies"]["axe-core"]

# Runs in every document before its own scripts (not subject to the page's CSP).
INIT = """window.__csp = [];
document.addEventListener('securitypolicyviolation',
  e => window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + (e.sourceFile || '') + ':' + e.lineNumber));"""


@dataclass
class Visit:
    page: object
    address: str
    scheme: str
    server: object
    watch: Watch
    info: dict  # shared notes across the sweep (e.g. the axe versions that ran)


@dataclass
class Check:
    name: str
    run: Callable[[Visit], list]
    after_resize: bool = False
    last: bool = False


CHECKS: dict[str, Check] = {}


def check(name: str, after_resize: bool = False, last: bool = False):
    """Register a per-page check under ``name`` (see the module docstring)."""
    def register(function):
        CHECKS[name] = Check(name, function, after_resize, last)
        return function
    return register


@dataclass
class SweepResult:
    visited: list = field(default_factory=list)  # (address, scheme), in order
    findings: dict = field(default_factory=dict)  # check name -> {(address, scheme): [findings]}
    info: dict = field(default_factory=dict)
    seconds: dict = field(default_factory=dict)  # check name (or "load") -> time spent in it

    def problems(self, name: str) -> dict:
        """{(address, scheme): findings} for every page where check ``name`` found something."""
        assert name in self.findings, f"check {name!r} did not run (registered: {sorted(self.findings)})"
        ran = self.findings[name]
        assert len(ran) == len(self.visited), f"check {name!r} ran on {len(ran)} of {len(self.visited)} page loads"
        return {where: found for where, found in ran.items() if found}


def run(server, site: Path, pages: list[str] | None = None, stop: threading.Event | None = None) -> SweepResult:
    """Sweep ``pages`` (default: every page of ``site``), one colour scheme after the other, each
    with its own Chromium, in the calling thread (conftest runs it in a thread of its own, beside
    the other tests). Setting ``stop`` ends it after the page in hand (the run was cut short)."""
    pages = pages if pages is not None else addresses(site)
    stop = stop or threading.Event()
    result = SweepResult(findings={name: {} for name in CHECKS})
    result.visited = [(address, scheme) for scheme in SCHEMES for address in pages]
    for scheme in SCHEMES:
        _sweep_scheme(scheme, server, pages, result, stop)
    return result


def _sweep_scheme(scheme: str, server, pages: list[str], result: SweepResult, stop: threading.Event) -> None:
    from playwright.sync_api import sync_playwright

    from browser import launch

    ordered = sorted(CHECKS.values(), key=lambda c: (c.last, c.after_resize))
    with sync_playwright() as playwright:  # Playwright objects belong to the thread that made them
        browser = launch(playwright)
        watch = Watch(server.url)
        context = browser.new_context(color_scheme=scheme, viewport=WIDE)
        context.add_init_script(INIT)
        if AXE_CURRENT.exists():  # before the page's own scripts, and not subject to its CSP
            context.add_init_script(path=AXE_CURRENT)
        watch.attach(context)
        page = watch.page(context)
        for address in pages:
            if stop.is_set():
                break
            watch.clear()
            page.set_viewport_size(WIDE)
            start = time.perf_counter()
            page.goto(server.url + address, wait_until="load")
            _spent(result, "load", start)
            visit = Visit(page, address, scheme, server, watch, result.info)
            for c in ordered:
                start = time.perf_counter()
                try:
                    found = list(c.run(visit))
                except Exception as error:  # noqa: BLE001 - reported as a finding of that check
                    found = [f"the check failed: {type(error).__name__}: {str(error)[:300]}"]
                result.findings[c.name][(address, scheme)] = found
                _spent(result, c.name, start)
        context.close()
        browser.close()


def _spent(result: SweepResult, name: str, start: float) -> None:
    result.seconds[name] = result.seconds.get(name, 0) + time.perf_counter() - start


FRAMES = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"


# ----- The checks every page gets --------------------------------------------------------------


@check("scheme")
def scheme_applied(visit: Visit) -> list:
    shown = visit.page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    return [] if shown == SCHEMES[visit.scheme] else [f"data-md-color-scheme={shown!r}"]


def _axe(visit: Visit, options: str = "{resultTypes: ['violations']}") -> list:
    """Run axe-core (pinned in tools/axe, put in every document by the sweep's context): it runs
    every rule of the older copy axe-playwright-python bundles, and more (test_sweep.py checks
    that), so only it runs."""
    results = visit.page.evaluate(f"axe.run({options})")
    visit.info.setdefault("axe", set()).add(results["testEngine"]["version"])
    return [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in results["violations"]]


# Every axe rule runs at a phone's width, where most readers are (axe-phone, below). At 1280 px
# the rules whose outcome depends on layout run again on the whole page (the sidebars show there;
# colours over other colours, target sizes): the other rules read the document, the same at any width.
LAYOUT_RULES = ["color-contrast", "link-in-text-block", "target-size", "scrollable-region-focusable"]


@check("axe")
def axe_at_1280(visit: Visit) -> list:
    if not AXE_CURRENT.exists():
        visit.info["axe-missing"] = True
        return []
    return _axe(visit, f"{{runOnly: {{type: 'rule', values: {json.dumps(LAYOUT_RULES)}}}, resultTypes: ['violations']}}")


@check("csp")
def csp_violations(visit: Visit) -> list:
    return visit.page.evaluate("window.__csp")


@check("overflow", after_resize=True)
def horizontal_overflow(visit: Visit) -> list:
    """Narrow the window (no reload) and compare the document's width with the viewport's. It
    ends at a phone's size, where the checks after it (axe-phone) run."""
    found = []
    for size in NARROW:
        visit.page.set_viewport_size(size)
        visit.page.evaluate(FRAMES)  # let media-query listeners run
        scroll = visit.page.evaluate("document.documentElement.scrollWidth")
        if scroll > size["width"]:
            found.append(f"{scroll} px wide at {size['width']} px")
    return found


@check("axe-phone", after_resize=True)
def axe_on_a_phone(visit: Visit) -> list:
    if not AXE_CURRENT.exists():
        return []
    if visit.page.viewport_size != PHONE:
        visit.page.set_viewport_size(PHONE)
        visit.page.evaluate(FRAMES)
    return _axe(visit)


@check("overflow-open", after_resize=True)
def overflow_with_every_box_open(visit: Visit) -> list:
    """Overflow again at a phone's width (where ``overflow`` ends) with every box of the page
    open: what a folded box holds is not laid out. The boxes fold again after."""
    if visit.page.viewport_size != PHONE:
        visit.page.set_viewport_size(PHONE)
    shut, scroll = visit.page.evaluate("""() => { const shut = [...document.querySelectorAll('details:not([open])')];
        shut.forEach(d => d.open = true);
        const scroll = document.documentElement.scrollWidth;  // reading it lays the page out
        shut.forEach(d => d.open = false);
        return [shut.length, scroll]; }""")
    return [f"{scroll} px wide at {PHONE['width']} px with {shut} boxes opened"] if scroll > PHONE["width"] else []


@check("console", last=True)
def console_errors(visit: Visit) -> list:
    """Console and page errors since the page started loading (read last, after the other checks)."""
    return list(visit.watch.errors)


@check("third-party", last=True)
def third_party(visit: Visit) -> list:
    return list(visit.watch.foreign)
