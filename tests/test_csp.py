"""Content-Security-Policy: no third-party origin, no inline script but the theme's, by hash."""

from __future__ import annotations

import base64
import hashlib
import re

import pytest

from conftest import html_pages
from htmlpage import parse
from browser import Watch

# Runs in every document before its own scripts (as the sweep's does).
RECORD_VIOLATIONS = """window.__csp = [];
document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));"""


def inline_script_hashes(page) -> set[str]:
    return {base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()
            for src, kind, text in page.scripts if not src and kind not in ("application/json", "application/ld+json")}


def policy_hashes(policy: str) -> set[str]:
    return set(re.findall(r"'sha256-([^']+)'", policy))


def test_every_page_has_a_strict_policy_that_covers_its_inline_scripts(built_site):
    policies = set()
    for path in html_pages(built_site):
        page = parse(path)
        policy = page.meta.get("Content-Security-Policy", "")
        assert policy, path
        for directive in ("default-src 'self'", "style-src 'self'", "object-src 'none'", "base-uri 'self'"):
            assert directive in policy, (path, directive)
        assert "unsafe-inline" not in policy and "http" not in policy, path
        missing = inline_script_hashes(page) - policy_hashes(policy)
        assert not missing, f"{path}: inline scripts without a hash in extra.csp: {missing}"
        html = path.read_text(encoding="utf-8")
        head = html.split("<head>", 1)[1]
        assert head.index("Content-Security-Policy") < head.index("<script"), path
        policies.add(policy)
    # One policy for the whole site: what search does under it on one page, it does on any.
    assert len(policies) == 1, policies


@pytest.mark.browser
def test_no_policy_violation_while_reading(chromium, server, built_site):
    """One reader's visit (one browser context, page after page) doing what readers do."""
    watch = Watch(server.url)
    context = chromium.new_context()
    context.add_init_script(RECORD_VIOLATIONS)
    watch.attach(context)
    page = watch.page(context)
    violations = []
    page.on("console", lambda m: "Content Security Policy" in m.text and violations.append((page.url, m.text)))
    for address in ["", "background/", "glossary/soleimani/", "timeline/", "connections/", "map/", "sources/"]:
        watch.clear()
        page.goto(server.url + address, wait_until="load")
        # Palette toggle, search (on the first page: the same worker under the same policy
        # everywhere, and building its index is the slow part), an annotation, a glossary preview.
        page.locator("label.md-header__button[for^='__palette']:visible").first.click()
        if address == "":
            box = page.locator("input.md-search__input")
            box.click()
            box.press_sequentially("Sistani")
            page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
            page.keyboard.press("Escape")
        summaries = page.locator("details.annot > summary")
        if summaries.count():
            summaries.first.click()
        links = page.locator("article a[href*='glossary/']:not([href$='glossary/']):visible")
        if links.count():  # our preview (docs/js/previews.js)
            links.first.hover()
            page.locator("#pv").wait_for(state="visible", timeout=5_000)
        violations += [(address, v) for v in page.evaluate("window.__csp")]
        violations += [(address, e) for e in watch.errors]
    context.close()
    assert not violations, violations
