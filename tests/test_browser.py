"""What a reader does, in real Chromium: load every page, search, and check accessibility."""

from __future__ import annotations

import pytest

from browser import Watch, launch
from conftest import html_pages

pytestmark = pytest.mark.browser
playwright_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def chromium():
    with playwright_api.sync_playwright() as p:
        browser = launch(p)
        yield browser
        browser.close()


def addresses(site) -> list[str]:
    return [p.relative_to(site).parent.as_posix().strip(".") + "/" if p.parent != site else "" for p in html_pages(site)]


def open_page(chromium, server, path: str, scheme: str = "light", **context_options):
    watch = Watch(server.url)
    context = chromium.new_context(color_scheme=scheme, **context_options)
    watch.attach(context)
    page = watch.page(context)
    page.goto(server.url + path.lstrip("/"), wait_until="load")
    return context, page, watch


def test_every_page_loads_cleanly(chromium, server, built_site):
    bad = {}
    for address in addresses(built_site):
        context, page, watch = open_page(chromium, server, address)
        page.wait_for_load_state("networkidle")
        if watch.errors or watch.foreign:
            bad[address] = watch.errors + [f"foreign request: {u}" for u in watch.foreign]
        context.close()
    assert not bad, bad


def test_search_finds_a_word(chromium, server):
    context, page, watch = open_page(chromium, server, "")
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("Soleimani", delay=30)
    first = page.locator(".md-search-result__item").first
    first.wait_for(state="visible", timeout=10_000)
    assert "Soleimani" in page.locator(".md-search-result").inner_text()
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations(chromium, server, built_site, scheme):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    found = {}
    for address in addresses(built_site):
        context, page, _ = open_page(chromium, server, address, scheme)
        expected = "slate" if scheme == "dark" else "default"
        assert page.locator("body").get_attribute("data-md-color-scheme") == expected
        results = axe.run(page)
        if results.violations_count:
            found[address] = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in results.response["violations"]]
        context.close()
    assert not found, found
