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


def test_no_axe_violations_bundled_axe_core(sweep):
    assert sweep.problems("axe-bundled") == {}
    assert len(sweep.info["axe-bundled"]) == 1


def test_no_axe_violations_current_axe_core_from_npm(sweep):
    require(AXE_CURRENT.exists(), "tools/axe is not installed (./run test installs it: npm ci --prefix tools/axe)")
    assert sweep.info["axe-current"] == {AXE_PINNED}, "the sweep did not run the pinned axe-core"
    assert sweep.info["axe-current"] != sweep.info["axe-bundled"]
    assert sweep.problems("axe-current") == {}


def test_no_horizontal_scrolling_at_390_320_and_640_px(sweep):
    assert sweep.problems("overflow") == {}
