"""Check the links a writer types in Markdown, and say where each broken one is (file and line).

MkDocs' own validation reports a missing page or anchor without a line number; this runs on
the hand-written Markdown before it is expanded, and checks targets once every page is rendered.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

from .problems import Problem

# [text](target) or [text](target "title"); images too. Not inside code spans (rare in prose).
INLINE = re.compile(r"!?\[[^\]\n]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.MULTILINE)
ID_ATTR = re.compile(r"""\bid=["']([^"']+)["']""")


@dataclass(frozen=True)
class Link:
    file: str  # as shown to the writer, e.g. docs/index.md
    line: int
    src: str  # the page's path inside docs/
    target: str


def find_links(markdown: str, shown_file: str, src: str, first_line: int = 1) -> list[Link]:
    found = []
    for pattern in (INLINE, REFERENCE):
        for match in pattern.finditer(markdown):
            target = match.group(1)
            if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I) or target.startswith("//"):
                continue  # external (http:, mailto:) links are not ours to check here
            line = first_line + markdown.count("\n", 0, match.start())
            found.append(Link(shown_file, line, src, target))
    return found


def page_ids(html: str) -> set[str]:
    return set(ID_ATTR.findall(html))


def check_links(links: list[Link], pages: dict[str, set[str]], other_files: set[str]) -> list[Problem]:
    """``pages``: docs path of each page -> ids in its HTML; ``other_files``: assets in docs/."""
    problems = []
    for link in links:
        path, _, fragment = link.target.partition("#")
        if path:
            target = posixpath.normpath(posixpath.join(posixpath.dirname(link.src), path))
            if target.endswith("/") or not posixpath.splitext(target)[1]:
                target = posixpath.join(target, "index.md")
        else:
            target = link.src
        if target not in pages and target not in other_files:
            problems.append(Problem(link.file, link.line, f"link to '{link.target}': there is no page or file '{target}' in docs/"))
        elif fragment and target in pages and fragment not in pages[target]:
            problems.append(Problem(link.file, link.line, f"link to '{link.target}': '{target}' has no heading or anchor '#{fragment}'"))
    return problems
