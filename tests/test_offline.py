"""The offline copy (``./run offline``, devtools/offline.py): opens from disk, searches, keeps the
site's Content-Security-Policy, logs no console error, and hostile markup is inert there too.

One build of a copy of the project (its own data plus an outside link in data prose), by
./run offline's own code in a new process; one browser context for the reader's visit and the
hostile page (test_hostile_input.py has the markup and the visit)."""

from __future__ import annotations

import re
import shutil

import pytest

from browser import Watch
from conftest import ROOT
from htmlpage import parse
from sitecopy import copy_project, edit
from test_csp import inline_script_hashes, policy_hashes
from test_hostile_input import hostile_visit, inject

pytestmark = pytest.mark.browser

OUTSIDE_LINK = "[a profile](https://example.org/soleimani)"
PAGES = ["index.html", "background.html", "glossary/soleimani.html", "timeline.html", "connections.html",
         "map.html", "sources.html", "glossary/index.html"]


def test_the_offline_copy_is_guarded_opens_from_disk_and_searches(chromium, tmp_path):
    from devtools import offline

    if not offline.SHIM.exists() and not shutil.which("npm"):
        pytest.skip("npm is needed once to install tools/offline")
    root = copy_project(tmp_path / "copy")
    shutil.copy2(ROOT / offline.CONFIG, root / offline.CONFIG)
    shutil.copytree(ROOT / "records", root / "records")
    edit(root / "data" / "actors.yml", "He managed Iran's ties", f"He ({OUTSIDE_LINK}) managed Iran's ties")
    folder = offline.build(tmp_path / "offline", zip_it=True, root=root)
    assert (tmp_path / "offline.zip").stat().st_size > 10_000

    # Every page: the policy first in its head, a hash for each of its inline scripts and for the
    # script the search shim writes into its frame; no instant previews (they fetch sitemap.xml).
    shim = (folder / offline.SHIM_IN_SITE).read_text(encoding="utf-8")
    pages = sorted(folder.rglob("*.html"))
    for path in pages:
        html = path.read_text(encoding="utf-8")
        page = parse(path)
        policy = page.meta.get("Content-Security-Policy", "")
        assert "default-src 'self'" in policy and "form-action 'self'" in policy and "unsafe-inline" not in policy, path
        head = html.split("<head>", 1)[1]
        assert head.index("Content-Security-Policy") < head.index("<script"), path
        needed = inline_script_hashes(page)
        worker = offline.worker_url(html)
        if worker and path.name != "404.html":  # a server's page, never shown from disk (its addresses are absolute)
            needed.add(offline.shim_frame_hash(shim, worker))
        missing = needed - policy_hashes(policy)
        assert not missing, f"{path}: scripts without a hash in mkdocs-offline.yml extra.csp: {missing}"
        assert "data-preview" not in html, path
    # The outside link written as plain Markdown in data prose got rel=noopener.
    entry = (folder / "glossary" / "soleimani.html").read_text(encoding="utf-8")
    assert '<a href="https://example.org/soleimani" rel="noopener">a profile</a>' in entry

    watch = Watch("file:///")
    context = chromium.new_context()
    watch.attach(context)
    page = watch.page(context)
    page.goto((folder / "index.html").as_uri())
    page.locator("article a[href='background.html']").first.click()
    assert page.url.endswith("/background.html")
    # Previews read their texts from the page, so they open from disk too (no request at all).
    link = page.locator("article a[href='glossary/muhandis.html']").first
    link.evaluate("a => { for (let d = a.closest('details'); d; d = d.parentElement.closest('details')) d.open = true; }")
    link.hover()
    page.locator("#pv").wait_for(timeout=5_000)
    shown = page.locator("#pv").inner_text()
    assert "Abu Mahdi al-Muhandis" in shown and "In this story:" in shown and "Open entry" in shown, shown
    assert page.url.endswith("/background.html")
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("Sistani")
    page.locator(".md-search-result__item").first.wait_for(timeout=15_000)
    for name in PAGES:
        page.goto((folder / name).as_uri(), wait_until="load")
    page.wait_for_timeout(300)
    assert not watch.errors and not watch.foreign, (watch.errors, watch.foreign)
    page.close()

    hostile = folder / "glossary" / "soleimani.html"
    hostile.write_text(inject(entry, "../background.html"), encoding="utf-8")
    wrong = hostile_visit(context, watch, hostile.as_uri(), folder.as_uri() + "/")
    context.close()
    assert not wrong, wrong
