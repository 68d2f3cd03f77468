"""Links are promises: every published address keeps answering, and moves leave redirects."""

from __future__ import annotations

import re

import yaml

from conftest import ROOT
from explainer.published import collect, missing, read_registry
from sitecopy import build_copy, copy_project


# That every published address still answers is a build rule now ("published", explainer/published.py):
# test_a_moved_page_and_fragments_keep_working_through_redirects sees it fire.


def test_every_address_of_the_site_is_registered(built_site):
    new = sorted(collect(built_site) - set(read_registry(ROOT)))
    assert not new, f"new addresses not yet registered; run ./run record: {new[:20]}"


def test_registry_is_large_and_covers_each_kind():
    registry = set(read_registry(ROOT))
    for address in ["/", "/background/", "/glossary/sistani/", "/background/#pmf-origins",
                    "/background/#pmf-origins-check", "/timeline/#soleimani-muhandis-killed", "/about/#verdicts"]:
        assert address in registry, address


def _copy_with_registry(tmp_path):
    root = copy_project(tmp_path / "copy")
    (root / "records").mkdir()
    for name in ("published.txt", "redirects.yml"):
        (root / "records" / name).write_text((ROOT / "records" / name).read_text(encoding="utf-8"), encoding="utf-8")
    return root


def test_a_moved_page_and_fragments_keep_working_through_redirects(tmp_path):
    root = _copy_with_registry(tmp_path)
    # Rename a page and two headings, without redirects: the registry check must notice.
    (root / "docs" / "corrections.md").rename(root / "docs" / "changes.md")
    mk = root / "mkdocs.yml"
    mk.write_text(mk.read_text(encoding="utf-8").replace("corrections.md", "changes.md"), encoding="utf-8")
    for md in (root / "docs").glob("*.md"):
        md.write_text(md.read_text(encoding="utf-8").replace("(corrections.md)", "(changes.md)"), encoding="utf-8")
    about = root / "docs" / "about.md"
    about.write_text(about.read_text(encoding="utf-8").replace("{ #dates }", "{ #dating }").replace("## Our own words { #quoting }", "## Our own words { #own-words }"), encoding="utf-8")
    result = build_copy(root)
    # The build fails (rule published), at each lost address's line in the registry, naming the
    # redirect to add (with the new address when it can tell: one new page).
    assert result.returncode != 0, "a renamed page and headings built without redirects"
    lines = {address: number for number, address in enumerate((root / "records/published.txt").read_text(encoding="utf-8").splitlines(), 1)}
    for address, target in [("/corrections/", "/changes/"), ("/about/#dates", "/new-page/#new-id"), ("/about/#quoting", "/new-page/#new-id")]:
        section = "fragments" if "#" in address else "pages"
        expected = (f"records/published.txt:{lines[address]}: the published address {address} is gone from the site; if it moved, "
                    f"add under '{section}:' in records/redirects.yml the line  \"{address}\": \"{target}\" [rule published]")
        assert expected in result.stderr, f"{expected!r} not in:\n{result.stderr[-3000:]}"
    assert "Traceback" not in result.stderr
    lost = missing(root, root / "site")
    assert "/corrections/" in lost and "/about/#dates" in lost and "/about/#quoting" in lost

    # Add redirects: a page move, a same-page fragment move, a move to another page.
    redirects_file = root / "records" / "redirects.yml"
    redirects = yaml.safe_load(redirects_file.read_text(encoding="utf-8"))
    redirects["pages"] = {**(redirects.get("pages") or {}), "/corrections/": "/changes/"}
    redirects["fragments"] = {**(redirects.get("fragments") or {}), "/about/#dates": "/about/#dating",
                              "/about/#quoting": "/background/#warning-by-drone"}
    redirects_file.write_text(yaml.safe_dump(redirects), encoding="utf-8")
    result = build_copy(root)
    assert result.returncode == 0, result.stderr[-2000:]
    assert missing(root, root / "site") == []
    moved_page = (root / "site" / "corrections" / "index.html").read_text(encoding="utf-8")
    assert 'http-equiv="refresh" content="0; url=../changes/"' in moved_page
    about_html = (root / "site" / "about" / "index.html").read_text(encoding="utf-8")
    # Same page: the old id sits right before the new target, so #dates lands on it without JS.
    assert re.search(r'<span id="dates" class="moved-anchor"></span><h2 id="dating"', about_html)
    # Other page: the old id is a visible note linking to the new place.
    assert re.search(r'<p id="quoting" class="moved-note" data-moved-to="\.\./background/#warning-by-drone">', about_html)
