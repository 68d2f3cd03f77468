"""The marker expansion in hand-written pages."""

from __future__ import annotations

import markdown

from conftest import ROOT
from explainer.data import load_site
from explainer.pages import expand


def test_a_generated_table_does_not_swallow_the_next_heading():
    # Regression: a table right before a heading made the heading a table row, and its
    # section vanished from the page (and from the published addresses).
    site = load_site(ROOT / "data", ROOT)
    text, problems = expand("<!-- insert: connections -->\n## After { #after }\n", "connections.md", site, "docs/connections.md")
    assert not problems
    html = markdown.markdown(text, extensions=["tables", "attr_list", "md_in_html"])
    assert '<h2 id="after">' in html


def test_an_unknown_marker_is_reported_with_its_line():
    site = load_site(ROOT / "data", ROOT)
    _, problems = expand("Intro.\n\n<!-- insert: verdict-table -->\n", "index.md", site, "docs/index.md")
    assert [str(p).split(" (known")[0] for p in problems] == ["docs/index.md:3: unknown insert marker '<!-- insert: verdict-table -->'"]
