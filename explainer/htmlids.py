"""The elements of a built page that carry an id, read with the standard library's HTML parser.

A parser, not regular expressions: ``data-id="x"`` is not an id, an id inside a script or a
comment is not an element, and attribute order and quoting do not matter.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser


@dataclass(frozen=True)
class Element:
    tag: str
    id: str
    classes: frozenset[str]
    offset: int  # where its start tag begins in the page's text


@dataclass
class PageIds:
    elements: list[Element]
    refresh: bool  # a <meta http-equiv="refresh">: a redirect page, not a page of ours

    def ids(self) -> set[str]:
        return {element.id for element in self.elements}

    def first(self, element_id: str) -> Element | None:
        return next((element for element in self.elements if element.id == element_id), None)


class _Reader(HTMLParser):
    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.line_starts = [0]
        for index, char in enumerate(text):
            if char == "\n":
                self.line_starts.append(index + 1)
        self.elements: list[Element] = []
        self.refresh = False

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "refresh":
            self.refresh = True
        element_id = values.get("id")
        if element_id:
            line, column = self.getpos()
            classes = frozenset((values.get("class") or "").split())
            self.elements.append(Element(tag, element_id, classes, self.line_starts[line - 1] + column))

    handle_startendtag = handle_starttag


def read(text: str) -> PageIds:
    reader = _Reader(text)
    reader.feed(text)
    reader.close()
    return PageIds(reader.elements, reader.refresh)
