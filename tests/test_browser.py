"""What a reader does first, in real Chromium: type into search.

Loading every page (errors, third-party requests, axe in both schemes, overflow) is the sweep's
job: tests/sweep.py and tests/test_sweep.py.
"""

from __future__ import annotations

import pytest

from browser import SEARCH_ANSWERED, SEARCH_PROBE, Watch

pytestmark = pytest.mark.browser


def test_search_finds_a_word_typed_key_by_key(chromium, server):
    watch = Watch(server.url)
    context = chromium.new_context()
    context.add_init_script(SEARCH_PROBE)
    watch.attach(context)
    page = watch.page(context)
    page.goto(server.url, wait_until="load")
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("Soleimani", delay=30)  # a query per key: wait for the last one's answer
    page.wait_for_function(SEARCH_ANSWERED, arg="Soleimani", timeout=10_000)
    first = page.locator(".md-search-result__item").first
    assert first.is_visible() and "Soleimani" in first.inner_text()
    assert not watch.errors and not watch.foreign
    context.close()


def test_a_request_to_another_host_is_reported_and_goes_nowhere(chromium, server):
    """What the sweep's third-party check rests on: Watch sees a request to another host, and
    the test browser resolves no host name, so it fails at once instead of leaving the machine."""
    watch = Watch(server.url)
    context = chromium.new_context()
    watch.attach(context)
    page = watch.page(context)
    failed = []
    page.on("requestfailed", lambda r: failed.append((r.url, r.failure)))
    page.set_content('<img src="https://cdn.example.com/pixel.png">', wait_until="load")
    page.goto(server.url, wait_until="load")
    context.close()
    assert watch.foreign == ["https://cdn.example.com/pixel.png"]
    assert failed == [("https://cdn.example.com/pixel.png", "net::ERR_NAME_NOT_RESOLVED")]
    assert server.url + "search/search_index.json" not in watch.requests and server.url in watch.requests
