"""What a reader does first, in real Chromium: type into search.

Loading every page (errors, third-party requests, axe in both schemes, overflow) is the sweep's
job: tests/sweep.py and tests/test_sweep.py.
"""

from __future__ import annotations

import pytest

from browser import open_page

pytestmark = pytest.mark.browser


def test_search_finds_a_word_typed_key_by_key(chromium, server):
    context, page, watch = open_page(chromium, server, "")
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("Soleimani", delay=30)
    first = page.locator(".md-search-result__item").first
    first.wait_for(state="visible", timeout=10_000)
    assert "Soleimani" in page.locator(".md-search-result").inner_text()
    assert not watch.errors and not watch.foreign
    context.close()
