"""The article's structure, read from its text at test time (the text is never in this repo)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass
class Structure:
    paragraphs: list[str]  # body paragraphs, numbered from 1
    crossheads: dict[int, str]  # paragraph number a crosshead comes before -> crosshead


def read_structure(path: Path) -> Structure:
    paragraphs: list[str] = []
    crossheads: dict[int, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line:
            continue
        if line.startswith("Disclaimer:"):
            break  # the publisher's disclaimer and footer are not body text
        if len(line.split()) < 8 and line[-1] not in ".?!\"”":
            crossheads[len(paragraphs) + 1] = line
            continue
        paragraphs.append(line)
    return Structure(paragraphs, crossheads)
