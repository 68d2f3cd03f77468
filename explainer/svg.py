"""Drawings' markup, rendered from Jinja templates in explainer/templates/ (as Material's own
theme is): a drawing module computes where things stand, a template says how they are written.

Autoescaping is off so that the markup is byte for byte what the site has always written
(``text.esc`` escapes quotes as ``&quot;``, Jinja's as ``&#34;``): every value a template writes
goes through ``|esc`` (text) or ``|num`` (a coordinate). StrictUndefined makes a misspelt name
an error, never an empty string.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import jinja2

from .measure import num
from .text import esc

TEMPLATES = Path(__file__).resolve().parent / "templates"


@cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=False, trim_blocks=True,
                             lstrip_blocks=True, keep_trailing_newline=False, undefined=jinja2.StrictUndefined)
    env.filters.update(esc=esc, num=num)
    return env


def render(name: str, **values) -> str:
    """templates/<name> with ``values``, without a last line break: what a template writes
    stands among other lines of markup, joined with line breaks."""
    return _environment().get_template(name).render(**values).removesuffix("\n")
