"""A small parse of one built page: what the tests assert on, using only the standard library."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path


@dataclass
class Page:
    path: Path
    lang: str = ""
    title: str = ""
    meta: dict = field(default_factory=dict)  # name or property -> content
    links: dict = field(default_factory=dict)  # rel -> href
    ids: list = field(default_factory=list)
    headings: list = field(default_factory=list)  # (tag, id, has_permalink)
    anchors: list = field(default_factory=list)  # (href, attrs)
    scripts: list = field(default_factory=list)  # (src or None, type, text)
    text: str = ""


class _Parser(HTMLParser):
    def __init__(self, page: Page):
        super().__init__(convert_charrefs=True)
        self.page = page
        self.in_title = False
        self.heading = None
        self.script = None
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.page.ids.append(a["id"])
        if tag == "html":
            self.page.lang = a.get("lang", "")
        elif tag == "title":
            self.in_title = True
        elif tag == "meta":
            key = a.get("name") or a.get("property") or a.get("http-equiv")
            if key:
                self.page.meta[key] = a.get("content", "")
        elif tag == "link" and a.get("rel"):
            self.page.links[a["rel"]] = a.get("href", "")
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.heading = [tag, a.get("id"), False]
            self.page.headings.append(self.heading)
        elif tag == "a":
            self.page.anchors.append((a.get("href"), a))
            if self.heading is not None and "headerlink" in (a.get("class") or ""):
                self.heading[2] = True
        elif tag == "script":
            self.script = [a.get("src"), a.get("type"), ""]
            self.page.scripts.append(self.script)

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.heading = None
        elif tag == "script":
            self.script = None

    def handle_data(self, data):
        if self.in_title:
            self.page.title += data
        if self.script is not None:
            self.script[2] += data
        else:
            self.text.append(data)


def parse(path: Path) -> Page:
    page = Page(path)
    parser = _Parser(page)
    parser.feed(path.read_text(encoding="utf-8"))
    page.text = " ".join("".join(parser.text).split())
    return page
