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

import functools
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
NARROW = [390, 320, 640]  # a phone; the narrowest phone; a 1280 px window at 200 % zoom
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
_LOCK = threading.Lock()


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


def run(server, site: Path, pages: list[str] | None = None) -> SweepResult:
    """Sweep ``pages`` (default: every page of ``site``): one thread and one Chromium per colour
    scheme, so the two schemes load and run axe side by side on two cores."""
    pages = pages if pages is not None else addresses(site)
    result = SweepResult(findings={name: {} for name in CHECKS})
    result.visited = [(address, scheme) for scheme in SCHEMES for address in pages]
    failures = []

    def worker(scheme: str) -> None:
        try:
            _sweep_scheme(scheme, server, pages, result)
        except BaseException as error:  # noqa: BLE001 - re-raised in the calling thread
            failures.append(error)

    threads = [threading.Thread(target=worker, args=(scheme,), name=f"sweep-{scheme}") for scheme in SCHEMES]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        raise failures[0]
    return result


def _sweep_scheme(scheme: str, server, pages: list[str], result: SweepResult) -> None:
    from playwright.sync_api import sync_playwright

    from browser import launch

    ordered = sorted(CHECKS.values(), key=lambda c: (c.last, c.after_resize))
    with sync_playwright() as playwright:  # Playwright objects belong to the thread that made them
        browser = launch(playwright)
        watch = Watch(server.url)
        context = browser.new_context(color_scheme=scheme, viewport=WIDE)
        context.add_init_script(INIT)
        watch.attach(context)
        page = watch.page(context)
        for address in pages:
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
    with _LOCK:
        result.seconds[name] = result.seconds.get(name, 0) + time.perf_counter() - start


# ----- The checks every page gets --------------------------------------------------------------


@check("scheme")
def scheme_applied(visit: Visit) -> list:
    shown = visit.page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    return [] if shown == SCHEMES[visit.scheme] else [f"data-md-color-scheme={shown!r}"]


def _axe(visit: Visit, axe, key: str) -> list:
    results = axe.run(visit.page)
    with _LOCK:
        visit.info.setdefault(key, set()).add(results.response["testEngine"]["version"])
    return [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in results.response["violations"]]


@check("axe-bundled")
def axe_bundled(visit: Visit) -> list:
    """axe-core as bundled with axe-playwright-python (older)."""
    from axe_playwright_python.sync_playwright import Axe

    return _axe(visit, Axe(), "axe-bundled")


@check("axe-current")
def axe_current(visit: Visit) -> list:
    """The current axe-core from npm, pinned in tools/axe (runs after the bundled one and replaces
    window.axe). Injected with page.evaluate: the CSP blocks injected script elements."""
    if not AXE_CURRENT.exists():
        visit.info["axe-current-missing"] = True
        return []
    return _axe(visit, _current_axe(), "axe-current")


@functools.lru_cache(maxsize=1)
def _current_axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe.from_file(AXE_CURRENT)


@check("csp")
def csp_violations(visit: Visit) -> list:
    return visit.page.evaluate("window.__csp")


FRAMES = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"


@check("overflow", after_resize=True)
def horizontal_overflow(visit: Visit) -> list:
    """Narrow the window (no reload) and compare the document's width with the viewport's."""
    found = []
    for width in NARROW:
        visit.page.set_viewport_size({"width": width, "height": 800})
        visit.page.evaluate(FRAMES)  # let media-query listeners run
        scroll = visit.page.evaluate("document.documentElement.scrollWidth")
        if scroll > width:
            found.append(f"{scroll} px wide at {width} px")
    return found


@check("console", last=True)
def console_errors(visit: Visit) -> list:
    """Console and page errors since the page started loading (read last, after the other checks)."""
    return list(visit.watch.errors)


@check("third-party", last=True)
def third_party(visit: Visit) -> list:
    return list(visit.watch.foreign)
