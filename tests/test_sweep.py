"""Every page, light and dark, in real Chromium: one sweep (tests/sweep.py), one test per check.

The sweep loads each page once per colour scheme; these tests only read what it found.
"""

from __future__ import annotations

import pytest

from browser import addresses
from conftest import require
from sweep import AXE_CURRENT, AXE_PINNED, SCHEMES

pytestmark = pytest.mark.browser


def test_the_sweep_loaded_every_page_in_both_schemes(sweep, built_site):
    pages = addresses(built_site)
    assert len(pages) > 40
    assert sweep.visited == [(a, s) for s in SCHEMES for a in pages]
    print("seconds per check, both schemes together:", {k: round(v, 1) for k, v in sorted(sweep.seconds.items())})


def test_each_scheme_is_the_one_the_reader_prefers(sweep):
    assert sweep.problems("scheme") == {}


def test_no_console_or_page_errors(sweep):
    assert sweep.problems("console") == {}


def test_nothing_is_requested_from_another_host(sweep):
    assert sweep.problems("third-party") == {}


def test_no_content_security_policy_violation_on_load(sweep):
    assert sweep.problems("csp") == {}


def test_no_axe_violations_on_a_phone(sweep):
    """Every rule, every page, both schemes, at 390 px."""
    require(AXE_CURRENT.exists(), "tools/axe is not installed (./run test installs it: npm ci --prefix tools/axe)")
    assert sweep.info["axe"] == {AXE_PINNED}, "the sweep did not run the pinned axe-core"
    assert sweep.problems("axe-phone") == {}


def test_no_axe_violations_of_the_layout_rules_at_1280_px(sweep):
    require(AXE_CURRENT.exists(), "tools/axe is not installed")
    assert sweep.problems("axe") == {}


# Run in both axe copies' own sandboxes (a blank page): which rules a plain axe.run() runs. axe
# leaves out disabled rules and those tagged "experimental" unless asked.
RULES_RUN_BY_DEFAULT = """() => [axe.version, axe._audit.rules
    .filter(r => r.enabled !== false && !r.tags.includes('experimental')).map(r => r.id)]"""


def test_the_current_axe_core_runs_every_rule_of_the_bundled_one(chromium):
    """Why the sweep runs one axe-core, not two: the copy bundled with axe-playwright-python is
    older; the pinned one from npm runs each of its rules (with later fixes) and more."""
    require(AXE_CURRENT.exists(), "tools/axe is not installed")
    from axe_playwright_python.sync_playwright import Axe

    page = chromium.new_page()
    runs = {}
    for name, script in (("bundled", Axe().axe_script), ("current", AXE_CURRENT.read_text(encoding="utf-8"))):
        page.goto("about:blank")
        page.evaluate(script)
        runs[name] = page.evaluate(RULES_RUN_BY_DEFAULT)
    page.close()
    (old_version, old_rules), (new_version, new_rules) = runs["bundled"], runs["current"]
    assert new_version == AXE_PINNED and old_version != new_version
    assert len(old_rules) > 80
    assert sorted(set(old_rules) - set(new_rules)) == []


def test_no_horizontal_scrolling_at_390_320_and_640_px(sweep):
    assert sweep.problems("overflow") == {}


def test_no_horizontal_scrolling_with_every_box_open(sweep):
    assert sweep.problems("overflow-open") == {}
