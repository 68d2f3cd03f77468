"""Prose is Markdown, not HTML: what data prose and hand-written pages may not hold.

Data prose (every string of data/*.yml that reaches a page): **no raw HTML at all**, no attribute
list (``{ #id .class key=value }`` sets HTML attributes), and every link target a same-site path,
a ``#fragment`` or an ``https://`` address. No data field needs HTML (there was none when this
check came), so there is no allow-list: emphasis, links and lists are Markdown, glossary links
and dates are ``[[...]]``. Outside links get ``rel="noopener"`` from explainer/outside_links.py.

Hand-written pages (docs/*.md) may use HTML, and do (the ``<!-- insert: ... -->`` markers), but
not what runs code, loads or sends something, or sends the reader elsewhere: ``<script>``,
frames, objects, forms, ``<meta>``, ``<base>``, ``<link>``, ``<style>``, ``on*=`` handlers and
``style=`` attributes, or ``javascript:``/``vbscript:``/``data:`` addresses. Their link targets
follow the data rule.

Neither may write the build's own moved-fragment markers (``moved-note``, ``data-moved-to``:
explainer/redirects.py writes them, docs/js/site.js follows them).

Refused, not escaped: the writer meant something by the markup, and an error at its file and
line says so; escaped, it would reach readers as stray ``<tags>`` nobody reviewed. And a check
on the text as written covers every field whichever writer renders it, where escaping would have
to be right in each of them.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from .markup import ACTOR_LINK
from .problems import Problem

RULE_HTML = "raw-html"
RULE_ATTRS = "attr-list"
RULE_LINK = "link-target"
RULE_PAGE = "page-html"

# Code is shown as text, so what is inside it is no markup: blanked before scanning.
FENCE = re.compile(r"^([ \t]*)(`{3,}|~{3,})[^\n]*\n.*?^\1?[ \t]*\2[ \t]*$", re.MULTILINE | re.DOTALL)
CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.DOTALL)
COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)

HTML_START = re.compile(r"(?<!\\)<(?=[A-Za-z/!?])")
TAG_NAME = re.compile(r"<(/?[A-Za-z][\w:-]*|!--|![A-Za-z]*|\?)")
TAG = re.compile(r"<([A-Za-z][\w:-]*)((?:[^<>\"']|\"[^\"]*\"|'[^']*')*)>")
AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]*:[^\s<>]*)>")
ATTR_LIST = re.compile(r"\{:?[ \t]*(?=[#.][\w-]|[\w:-]+[ \t]*=|[\w-]+[ \t]*\})[^{}\n]*\}")
ATTRIBUTE = re.compile(r"""([^\s"'=<>/{}]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>}]+))?""")
# Inline links and images: ](target ...); reference definitions: [ref]: target
INLINE_TARGET = re.compile(r"(!?)\[(?:[^\[\]]|\[[^\[\]]*\])*\]\(\s*<?((?:[^\s()<>]|\([^\s()<>]*\))*)")
REFERENCE_TARGET = re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*<?([^\s>]+)", re.MULTILINE)
SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")

PAGE_TAGS = {"script", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "meta",
             "base", "link", "style", "portal"}
CODE_SCHEMES = {"javascript", "vbscript", "data"}
MOVED_MARKERS = re.compile(r"\bmoved-note\b|\bdata-moved-to\b|\bmoved-anchor\b", re.IGNORECASE)
ALLOWED = "a same-site path, a #fragment or an https:// address"


# The rules this module reports (content_rules.RULES lists every rule of the build).
RULES = ("raw-html", "attr-list", "link-target", "page-html")

def _blank(text: str, pattern: re.Pattern) -> str:
    """Matches replaced by spaces (newlines kept), so offsets and lines hold."""
    return pattern.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def _without_code(text: str) -> str:
    return _blank(_blank(text, FENCE), CODE_SPAN)


def normalised_target(target: str) -> str:
    """A link target as a browser reads it: entities decoded, tabs and newlines dropped (browsers
    drop them anywhere in an address), control characters and spaces stripped, lower case."""
    value = html.unescape(html.unescape(target))
    value = re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", value)  # Markdown backslash escapes (ASCII punctuation)
    value = re.sub(r"[\t\n\r]", "", value)
    return value.strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14"
                       "\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f \u00a0").lower()


def target_problem(target: str, image: bool = False) -> str | None:
    """Why a link (or image) target is refused, or None when it is fine."""
    value = normalised_target(target)
    scheme = SCHEME.match(value)
    if scheme:
        name = scheme.group(1)
        if image:
            return f"an image from '{name}:'; images come from this site (a path)"
        if name == "https":
            return None
        if name == "http":
            return "an http: address; use https:// (readers' connections stay encrypted)"
        return f"a '{name}:' address; link targets are {ALLOWED}"
    if value.replace("\\", "/").startswith("//"):  # browsers read \ as / in web addresses
        return f"an address on another host without a scheme; link targets are {ALLOWED}"
    return None


class _Locator:
    """The file line of an offset in a string that starts at a known line. YAML folds ``>``
    blocks and plain multi-line values, so counting the string's newlines is not enough: find
    the same characters in the file as written, from the string's first line on."""

    def __init__(self, root: Path | None):
        self.root = root
        self.files: dict[str, str | None] = {}

    def raw(self, file: str) -> str | None:
        if file not in self.files:
            try:
                self.files[file] = (self.root / file).read_text(encoding="utf-8") if self.root else None
            except OSError:
                self.files[file] = None
        return self.files[file]

    def line(self, text: str, file: str, first_line: int, offset: int) -> int:
        fallback = first_line + text.count("\n", 0, offset)
        raw = self.raw(file)
        token = re.match(r"\S{1,40}", text[offset:])
        if raw is None or token is None:
            return fallback
        token = token.group(0)
        nth = text.count(token, 0, offset)  # the same token earlier in the string
        lines = raw.split("\n")
        start = sum(len(line) + 1 for line in lines[: max(first_line - 1, 0)])
        at = start - 1
        for _ in range(nth + 1):
            at = raw.find(token, at + 1)
            if at == -1:
                return fallback
        return raw.count("\n", 0, at) + 1


def _inside_actor_link(text: str, offset: int) -> bool:
    return any(m.start() <= offset < m.end() for m in ACTOR_LINK.finditer(text))


def _link_targets(text: str):
    """(offset of the target, target, is an image) for every Markdown link and image."""
    for match in INLINE_TARGET.finditer(text):
        yield match.start(2), match.group(2), match.group(1) == "!"
    for match in REFERENCE_TARGET.finditer(text):
        yield match.start(1), match.group(1), False


def data_problems(text: str) -> list[tuple[int, str, str]]:
    """(offset, message, rule) for each thing data prose may not hold."""
    found = []
    scan = _without_code(text)
    starts = list(HTML_START.finditer(scan))
    if any(scan[m.start() + 1] != "/" for m in starts):  # report <b>, not its </b> too
        starts = [m for m in starts if scan[m.start() + 1] != "/"]
    for match in starts:
        autolink = AUTOLINK.match(scan, match.start())
        if autolink and re.search(r"\]\(\s*$", scan[max(0, match.start() - 40):match.start()]):
            continue  # [text](<target>): checked with the link targets below
        if autolink:
            why = target_problem(autolink.group(1))
            if why:
                found.append((match.start(), f"link <{autolink.group(1)}>: {why}", RULE_LINK))
            continue
        name = TAG_NAME.match(scan, match.start())
        shown = f"<{name.group(1)}>" if name else "<"
        where = " in the shown text of a [[id|text]] link" if _inside_actor_link(text, match.start()) else ""
        found.append((match.start(), (
            f"raw HTML {shown}{where}: data prose is Markdown, not HTML (links [text](https://...), "
            f"*emphasis*; write &lt; for a less-than sign)"), RULE_HTML))
    for match in ATTR_LIST.finditer(scan):
        found.append((match.start(), f"attribute list {match.group(0)}: data prose sets no HTML attributes", RULE_ATTRS))
    return found + _link_problems(scan)


def _link_problems(scan: str) -> list:
    """(offset, message, rule) for each link or image whose target data and pages may not hold."""
    found = []
    for offset, target, image in _link_targets(scan):
        why = target_problem(target, image)
        if why:
            found.append((offset, f"{'image' if image else 'link'} target '{target}': {why}", RULE_LINK))
    return found


def check_data(strings, root: Path | None = None) -> list[Problem]:
    """Data prose: ``strings`` yields (text, file as shown, line where the text starts); ``root``
    is what the shown file names are relative to (to find exact lines in folded text)."""
    locate = _Locator(root)
    problems = []
    for text, file, line in strings:
        if not isinstance(text, str) or not any(c in text for c in "<{]"):
            continue
        for offset, message, rule in data_problems(text):
            problems.append(Problem(file, locate.line(text, file, line, offset), message, rule=rule))
    return problems


def _attributes(body: str):
    """(name, value or None, offset in body) of each attribute in a tag's or attribute list's body."""
    for match in ATTRIBUTE.finditer(body):
        value = match.group(2)
        if value and value[0] in "\"'":
            value = value[1:-1]
        yield match.group(1), value, match.start()


def _attribute_problem(name: str, value: str | None) -> str | None:
    lower = name.lower()
    if lower.startswith("on") and len(lower) > 2:
        return f"an event handler {name}= (scripts are files in docs/js/)"
    if lower == "style":
        return "a style= attribute (the CSP refuses inline styles; put it in docs/css/)"
    if MOVED_MARKERS.search(name) or (lower == "class" and value and MOVED_MARKERS.search(value)):
        return "a moved-fragment marker (only the build writes them, from records/redirects.yml)"
    if value is not None:
        scheme = SCHEME.match(normalised_target(value))
        if scheme and scheme.group(1) in CODE_SCHEMES:
            return f"a '{scheme.group(1)}:' address in {name}="
    return None


def page_problems(markdown: str) -> list[tuple[int, str, str]]:
    """(offset, message, rule) for each thing a hand-written page may not hold."""
    found = []
    scan = _blank(_without_code(markdown), COMMENT)
    for match in TAG.finditer(scan):
        name = match.group(1).lower()
        if name in PAGE_TAGS:
            found.append((match.start(), f"<{name}> in a page: pages may not hold <{name}> (data/README.md, 'Prose')", RULE_PAGE))
            continue
        for attr, value, _ in _attributes(match.group(2)):
            why = _attribute_problem(attr, value)
            if why:
                found.append((match.start(), f"<{name} {attr}=...>: {why}", RULE_PAGE))
    for match in re.finditer(r"<\s*(script|iframe|style)\b", scan, re.IGNORECASE):  # unclosed or odd tags
        if not TAG.match(scan, match.start()):
            found.append((match.start(), f"<{match.group(1).lower()} in a page: pages may not hold <{match.group(1).lower()}> (data/README.md, 'Prose')", RULE_PAGE))
    for match in ATTR_LIST.finditer(scan):
        for attr, value, _ in _attributes(match.group(0).strip("{}:")):
            why = _attribute_problem(attr, value)
            if why:
                found.append((match.start(), f"attribute list {match.group(0)}: {why}", RULE_PAGE))
    return found + _link_problems(scan)


def check_page(markdown: str, file: str, first_line: int = 1) -> list[Problem]:
    """A hand-written page's body as written; ``first_line`` is the file line it starts on."""
    return [Problem(file, first_line + markdown.count("\n", 0, offset), message, rule=rule)
            for offset, message, rule in page_problems(markdown)]
