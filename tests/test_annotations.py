"""Annotations as a reader uses them, in real Chromium: links, keyboard, touch, no JavaScript."""

from __future__ import annotations

import pytest

from browser import open_page

pytestmark = pytest.mark.browser

TARGET = "pmf-origins-check"  # an annotation on /background/


def in_view(page, element_id: str) -> bool:
    return page.evaluate("""id => { const el = document.getElementById(id);
        const r = el.getBoundingClientRect();
        return el.checkVisibility() && r.top >= 40 && r.top < innerHeight; }""", element_id)


def test_a_link_from_another_page_opens_the_annotation(chromium, server):
    context, page, watch = open_page(chromium, server, "sources/")
    link = page.locator(f"a[href$='background/#{TARGET}'], a[href*='background/#pmf-origins']").first
    # The sources page folds each entry's details: open the one that holds the link.
    link.evaluate("a => { for (let d = a.closest('details'); d; d = d.parentElement.closest('details')) d.open = true; }")
    href = link.get_attribute("href")
    link.click()
    page.wait_for_load_state("load")
    target = href.split("#", 1)[1]
    assert page.evaluate("id => { let el = document.getElementById(id); while (el && el.tagName !== 'DETAILS') el = el.parentElement; return !el || el.open; }", target)
    assert in_view(page, target)
    assert not watch.errors
    context.close()


def test_a_collapsed_annotation_reopens_when_linked(chromium, server):
    context, page, _ = open_page(chromium, server, "background/")
    page.evaluate("id => document.getElementById(id).open = false", TARGET)
    page.evaluate("id => { location.hash = id; }", TARGET)
    page.wait_for_function("id => document.getElementById(id).open", arg=TARGET, timeout=3000)
    assert in_view(page, TARGET)
    context.close()


def test_without_javascript_a_linked_claim_is_visible(chromium, server):
    # Boxes start folded; a claim sits inside its box, so Chromium opens the box for its link.
    claim_id = "pmf-origins-check"
    context, page, _ = open_page(chromium, server, "background/", java_script_enabled=False)
    claim_id = page.evaluate("id => document.querySelector('#' + id + ' .claim').id", claim_id)
    page.goto(f"{server.url}background/#{claim_id}")
    claim = page.locator(f"#{claim_id}")
    assert claim.is_visible()
    assert in_view(page, claim_id)
    assert len(claim.inner_text()) > 40
    context.close()


def test_keyboard_enter_toggles_and_escape_closes(chromium, server):
    context, page, _ = open_page(chromium, server, "background/")
    summary = page.locator(f"#{TARGET} > summary")
    summary.focus()
    assert not page.evaluate("id => document.getElementById(id).open", TARGET)  # boxes start folded
    page.keyboard.press("Enter")
    assert page.evaluate("id => document.getElementById(id).open", TARGET)
    # Escape from inside the annotation folds it and returns focus to its summary.
    page.locator(f"#{TARGET} a").first.focus()
    page.keyboard.press("Escape")
    assert not page.evaluate("id => document.getElementById(id).open", TARGET)
    assert page.evaluate("id => document.activeElement === document.querySelector('#' + id + ' > summary')", TARGET)
    # Closed, its text stays in the DOM for screen readers.
    assert "Sources" in page.evaluate("id => document.getElementById(id).textContent", TARGET)
    context.close()


def test_tap_toggles_on_a_phone(chromium, server):
    context, page, _ = open_page(chromium, server, "background/", viewport={"width": 390, "height": 844},
                                 has_touch=True, is_mobile=True)
    summary = page.locator(f"#{TARGET} > summary")
    summary.scroll_into_view_if_needed()
    summary.tap()
    assert page.evaluate("id => document.getElementById(id).open", TARGET)
    summary.tap()
    assert not page.evaluate("id => document.getElementById(id).open", TARGET)
    context.close()


def test_copy_link_copies_the_passage_address(chromium, server):
    context, page, _ = open_page(chromium, server, "background/", permissions=["clipboard-read", "clipboard-write"])
    page.locator("#pmf-origins ~ p.passage-meta a.passage-copy, a.passage-copy[href='#pmf-origins']").first.click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == f"{server.url}background/#pmf-origins"
    context.close()
