"""What search engines and link previews read from a page's head: its meta description.

A description is shown under the page's title in search results and share cards, which cut it
at about 160 characters and treat one under 50 as missing. Glossary entries take theirs from
the actor's definition (explainer/glossary.py calls ``entry_description``); hand-written pages
set ``description:`` in their front matter, and tests/test_meta.py checks every built page.
"""

from __future__ import annotations

import re

from .markup import ACTOR_LINK
from .records import Actor
from .text import one_line

SHORTEST = 50
LONGEST = 160

_ASIDE = re.compile(r"\s*\([^()]*\)")  # a parenthesis, as in "(real name ...)"


def entry_description(actor: Actor) -> str:
    """A glossary entry's description: its definition, fitted to 50-160 characters.

    Too long: parentheses go first (then a last full stop, if that is enough), then the text is
    cut at a clause (or word) and ends "…".
    Too short: the entry's name goes in front ("Barack Obama: US president from ..."), then,
    if still short, "An entry in this explainer’s glossary." (what the page is; the build's
    test of every page's description catches anything shorter still).
    """
    text = ACTOR_LINK.sub(lambda m: m.group(2) or m.group(1).strip(), one_line(actor.definition))
    return fit(text, actor.name)


def fit(text: str, name: str = "") -> str:
    text = one_line(text)
    if len(text) > LONGEST:
        text = one_line(_ASIDE.sub("", text))
    if len(text) == LONGEST + 1 and text.endswith("."):
        text = text[:-1]  # a closing full stop is the cheapest character to lose
    if len(text) > LONGEST:
        text = _cut(text, LONGEST - 1) + "…"
    if len(text) < SHORTEST and name and not text.lower().startswith(name.lower()):
        text = f"{name}: {text}"
    if len(text) < SHORTEST:
        text = f"{text} An entry in this explainer’s glossary."
    return text


def _cut(text: str, limit: int) -> str:
    """The longest start of ``text`` within ``limit`` characters that ends at a clause, or else
    at a word; never so short that it says little (under two thirds of the limit)."""
    head = text[: limit + 1]
    for mark in (", ", "; ", " – ", " "):
        at = head.rfind(mark)
        if at >= limit * 2 // 3:
            return head[:at].rstrip(" ,;–")
    return head[:limit].rstrip()
