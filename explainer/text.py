"""Small text helpers shared by the page writers: dates, links between pages, escaping, folding."""

from __future__ import annotations

import html
import posixpath
import re
import unicodedata

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def human_date(value: str) -> str:
    """'2020-01-03' -> '3 January 2020'; '2020-01' -> 'January 2020'; '2020' -> '2020'."""
    parts = value.split("-")
    if len(parts) == 1:
        return parts[0]
    month = MONTHS[int(parts[1]) - 1]
    if len(parts) == 2:
        return f"{month} {parts[0]}"
    return f"{int(parts[2])} {month} {parts[0]}"


def link(from_src: str, to_src: str, anchor: str = "") -> str:
    """A Markdown link target from one docs file to another (MkDocs checks .md targets)."""
    if from_src == to_src:
        return f"#{anchor}" if anchor else posixpath.basename(to_src)
    target = posixpath.relpath(to_src, posixpath.dirname(from_src) or ".")
    return f"{target}#{anchor}" if anchor else target


def esc(text: str) -> str:
    """Escape text that goes into raw HTML inside generated Markdown."""
    return html.escape(str(text), quote=True)


def one_line(text: str) -> str:
    return " ".join(str(text).split())


def short_date(value: str) -> str:
    """'2020-01-03' -> '3 Jan 2020'; '2020-01' -> 'Jan 2020'; '2020' -> '2020'."""
    parts = value.split("-")
    if len(parts) == 1:
        return parts[0]
    month = MONTHS[int(parts[1]) - 1][:3]
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{int(parts[2])} {month} {parts[0]}"


def first_sentence(text: str) -> str:
    text = one_line(text)
    end = text.find(". ")
    return text if end == -1 else text[: end + 1]


def without_marks(text: str) -> str:
    """The text without accents or apostrophes, keeping capitals and hyphens ("Asa'ib" -> "Asaib")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c) and c not in "'’ʼ‘`")


def fold(text: str) -> str:
    """Lowercase without accents, apostrophes or hyphens: how two spellings are compared."""
    return re.sub(r"[\s-]+", " ", without_marks(text)).strip().lower()
