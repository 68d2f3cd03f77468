"""Readable everywhere, in real Chromium: lazy search, no JavaScript, keyboard, small screens,
print, reduced motion and the offline copy."""

from __future__ import annotations

import pytest

from test_browser import addresses, chromium, open_page  # noqa: F401

pytestmark = pytest.mark.browser


def is_search_asset(url: str) -> bool:
    return "search_index.json" in url or "/workers/search." in url


def test_search_loads_only_when_the_reader_reaches_for_it(chromium, server):  # noqa: F811
    context, page, watch = open_page(chromium, server, "background/")
    page.wait_for_load_state("networkidle")
    assert not [u for u in watch.requests if is_search_asset(u)]
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("Muhandis")
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    assert len([u for u in watch.requests if is_search_asset(u)]) == 2
    context.close()


def test_a_shared_search_link_opens_with_results(chromium, server):  # noqa: F811
    context, page, watch = open_page(chromium, server, "?q=Sistani")
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    assert "Sistani" in page.locator(".md-search-result").inner_text()
    assert not watch.errors
    context.close()


def test_every_page_reads_without_javascript(chromium, server, built_site):  # noqa: F811
    for address in addresses(built_site):
        context, page, _ = open_page(chromium, server, address, java_script_enabled=False)
        article = page.locator("article.md-content__inner")
        assert article.is_visible() and len(article.inner_text()) > 80, address
        for claim in page.locator(".claim").all()[:3]:
            assert claim.is_visible(), address
        context.close()
    context, page, _ = open_page(chromium, server, "background/", java_script_enabled=False)
    page.locator("article a[href*='glossary/sistani/']").first.click()
    assert page.url.endswith("/glossary/sistani/")
    context.close()


def test_keyboard_skip_link_focus_ring_and_no_trap(chromium, server):  # noqa: F811
    context, page, _ = open_page(chromium, server, "background/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('md-skip')")
    seen, kinds = [], set()
    for _ in range(400):
        page.keyboard.press("Tab")
        info = page.evaluate("""() => { const el = document.activeElement;
            const style = getComputedStyle(el);
            return {tag: el.tagName, cls: el.className || '', text: (el.textContent || '').trim().slice(0, 30),
                    outline: style.outlineStyle !== 'none' || style.boxShadow !== 'none' || !!el.closest('.md-tooltip2')}; }""")
        seen.append((info["tag"], info["text"]))
        if info["tag"] == "SUMMARY":
            kinds.add("summary")
        if "passage-copy" in str(info["cls"]):
            kinds.add("copy-link")
            assert info["outline"], "a focused link shows no focus ring"
        if info["tag"] == "A" and "Link to this section" not in info["text"] and page.evaluate("!!document.activeElement.closest('article')"):
            kinds.add("content-link")
    assert {"summary", "copy-link", "content-link"} <= kinds, kinds
    assert len(set(seen)) > 50, "focus stopped moving: a keyboard trap?"
    context.close()


@pytest.mark.parametrize("width", [320, 640])  # 640 CSS px = a 1280 px window at 200 % zoom
def test_no_horizontal_scrolling(chromium, server, built_site, width):  # noqa: F811
    wide = []
    for address in addresses(built_site):
        context, page, _ = open_page(chromium, server, address, viewport={"width": width, "height": 800})
        scroll = page.evaluate("document.documentElement.scrollWidth")
        if scroll > width:
            wide.append((address, scroll))
        context.close()
    assert not wide, wide


def test_print_expands_annotations_prints_urls_and_hides_navigation(chromium, server):  # noqa: F811
    context, page, _ = open_page(chromium, server, "background/")
    page.evaluate("document.querySelector('#pmf-origins-check').open = false")
    page.emulate_media(media="print")
    assert page.locator("#pmf-origins-check .claim").first.is_visible()
    assert not page.locator(".md-sidebar--primary").is_visible()
    assert not page.locator(".md-search").is_visible()
    context.close()
    context, page, _ = open_page(chromium, server, "sources/")
    page.emulate_media(media="print")
    after = page.evaluate("getComputedStyle(document.querySelector('a.source-url'), '::after').content")
    assert "https://" in after
    context.close()


@pytest.mark.parametrize("preference,moving", [("no-preference", True), ("reduce", False)])
def test_reduced_motion_is_respected(chromium, server, preference, moving):  # noqa: F811
    context, page, _ = open_page(chromium, server, "", reduced_motion=preference)
    durations = page.evaluate("""() => ['.md-header', '.md-search__inner', '.md-sidebar']
        .map(s => getComputedStyle(document.querySelector(s)).transitionDuration)""")
    assert any(d.strip("0s, .") for d in durations) == moving, durations
    assert page.evaluate("getComputedStyle(document.documentElement).scrollBehavior") == "auto"
    context.close()


def test_the_offline_copy_opens_from_disk_and_searches(chromium, tmp_path):  # noqa: F811
    from devtools import offline

    if not offline.SHIM.exists() and not __import__("shutil").which("npm"):
        pytest.skip("npm is needed once to install tools/offline")
    folder = offline.build(tmp_path / "offline", zip_it=True)
    assert (tmp_path / "offline.zip").stat().st_size > 10_000
    context = chromium.new_context()
    page = context.new_page()
    foreign = []
    page.on("request", lambda r: r.url.startswith("file:") or foreign.append(r.url))
    page.goto((folder / "index.html").as_uri())
    page.locator("article a[href='background.html']").first.click()
    assert page.url.endswith("/background.html")
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("Sistani")
    page.locator(".md-search-result__item").first.wait_for(timeout=15_000)
    assert not foreign, foreign
    context.close()
