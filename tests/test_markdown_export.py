"""./run markdown: the Markdown site without MkDocs, and the HTML reading behind addresses and redirects."""

from __future__ import annotations

import pytest

from conftest import ROOT, mkdocs_build
from explainer import htmlids
from explainer.published import promised_ids
from explainer.export import export
from explainer.redirects import add_fragment_anchors


def _ids_by_page(site):
    pages = {}
    for file in sorted(site.rglob("index.html")):
        read = htmlids.read(file.read_text(encoding="utf-8"))
        if not read.refresh:
            pages[file.relative_to(site).as_posix()] = set(promised_ids(read))
    return pages


def test_the_exported_markdown_builds_the_same_pages_without_hooks(built_site, tmp_path, site_port):
    out = tmp_path / "markdown"
    rendered = export(ROOT, out)
    config = (out / "mkdocs.yml").read_text(encoding="utf-8")
    assert "\nhooks:" not in config and "\nwatch:" not in config and "\nnav:" in config
    assert not list((out / "overrides").rglob("*.py"))
    assert (out / "docs" / "glossary" / "sistani.md").is_file()  # a generated page, written out
    assert (out / "docs" / "css" / "site.css").read_bytes() == (ROOT / "docs" / "css" / "site.css").read_bytes()
    text = "\n".join(page.markdown for page in rendered.pages)
    assert "<!-- insert:" not in text and "[[" not in text
    # Plain MkDocs, no hooks, on the exported folder: the same pages with the same published ids.
    result = mkdocs_build(out / "site", f"http://127.0.0.1:{site_port}/", config=str(out / "mkdocs.yml"))
    assert result.returncode == 0, result.stderr[-2000:]
    assert _ids_by_page(out / "site") == _ids_by_page(built_site)


def test_a_rerun_replaces_only_a_folder_it_wrote(tmp_path):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(SystemExit, match="not written by ./run markdown"):
        export(ROOT, tmp_path)
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_ids_are_read_with_a_parser():
    page = htmlids.read('<div data-id="decoy" class="claim"></div>\n<script>var s = \'<h2 id="in-script">\';</script>\n'
                        '<h2 class="x" id="real">A</h2><details id=bare class="annot other">')
    assert page.ids() == {"real", "bare"}
    assert promised_ids(page) == ["real", "bare"]
    assert not page.refresh and htmlids.read('<meta http-equiv="Refresh" content="0; url=x">').refresh


def test_a_moved_fragment_lands_before_its_new_element_not_a_data_id():
    redirects = {"pages": {}, "fragments": {"/a/#old": "/a/#new", "/a/#older": "/a/#new", "/a/#gone": "/b/#there"}}
    html = '<article><p data-id="new">decoy</p>\n<h2 id="new">New</h2></article>'
    out = add_fragment_anchors(redirects, "a/", html)
    assert out == ('<article><p data-id="new">decoy</p>\n<span id="old" class="moved-anchor"></span>'
                   '<span id="older" class="moved-anchor"></span><h2 id="new">New</h2>'
                   '<p id="gone" class="moved-note" data-moved-to="../b/#there">This part has moved: '
                   '<a href="../b/#there">continue to its new place</a>.</p></article>')
    assert add_fragment_anchors(redirects, "a/", out) == out  # the old ids are there: nothing added twice
