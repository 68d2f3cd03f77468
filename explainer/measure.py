"""Text measuring and small geometry helpers for the drawings (connections, map).

The drawings are laid out at build time, without a browser, so the width of a label has to be
estimated from the font: the theme falls back to Arial / Liberation Sans / Helvetica (font: false
in mkdocs.yml), whose advance widths are below. Estimates err on the wide side, so a label that
fits here fits in any of those fonts; the browser tests measure the real boxes.
"""

from __future__ import annotations

import posixpath
import re

# Advance widths of Arial / Liberation Sans, in 1/1000 em.
_WIDTHS = dict(zip(
    " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz",
    [278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, *[556] * 10, 278, 278,
     584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667,
     778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556,
     278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500],
))


def text_width(text: str, size: float, bold: bool = False) -> float:
    """A generous estimate of how wide ``text`` renders at ``size`` px."""
    units = sum(_WIDTHS.get(c, 600) for c in text)
    return units / 1000 * size * (1.12 if bold else 1.06)


def wrap(text: str, size: float, width: float, bold: bool = False) -> list[str]:
    """Break text into lines no wider than ``width`` (a single long word stays whole)."""
    lines: list[str] = []
    for word in text.split():
        if lines and text_width(lines[-1] + " " + word, size, bold) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def num(value: float) -> str:
    """A coordinate with at most one decimal, and no '-0'."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def short_name(name: str) -> str:
    """'Erbil International Airport (coalition base)' -> 'Erbil International Airport'."""
    short = re.sub(r"\s*\([^)]*\)", "", name)
    return short.split(",")[0].strip() or name


def built_href(from_src: str, to_src: str, anchor: str = "") -> str:
    """The relative URL between two docs files as built (directory URLs: x.md -> x/).

    Links inside raw SVG are not rewritten by MkDocs, so they are written as built."""

    def folder(src: str) -> str:
        stem = src[:-3] if src.endswith(".md") else src
        if stem == "index" or stem.endswith("/index"):
            stem = stem[: -len("index")].rstrip("/")
        return stem

    here, there = folder(from_src), folder(to_src)
    if here == there:
        return f"#{anchor}" if anchor else "./"
    rel = posixpath.relpath(there or ".", here or ".")
    rel = "./" if rel == "." else rel + "/"
    return f"{rel}#{anchor}" if anchor else rel


Box = tuple[float, float, float, float]  # x0, y0, x1, y1


def overlap_area(a: Box, b: Box) -> float:
    w, h = min(a[2], b[2]) - max(a[0], b[0]), min(a[3], b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


class Boxes:
    """Axis-aligned boxes already taken, for label placement."""

    def __init__(self):
        self.taken: list[Box] = []

    def add(self, box: Box) -> None:
        self.taken.append(box)

    def overlap(self, box: Box) -> float:
        return sum(overlap_area(box, other) for other in self.taken)
