"""Links from each passage to its paragraphs in the original, on the publisher's site.

data/fragments.yml gives, for each article paragraph (numbered as in data/passages/), a few of
its first and last words: ``3: [While this may seem, in Baghdad in January]``. A passage's link
is the article's address with a text fragment (``#:~:text=start,end``) that a browser scrolls
to and highlights; one that does not support fragments, or a paragraph without words here,
opens the article's top. At most five words each side: never more of the article than a short
quotation (tests/test_fragments.py checks them against the article's text, which is not in
this repository).
"""

from __future__ import annotations

from urllib.parse import quote

from .problems import Problem
from .yamlfile import Items

MOST_WORDS = 5


def read(data, file: str) -> tuple[dict, list[Problem]]:
    """data/fragments.yml, as loaded (explainer/data.py): paragraph -> (first words, last words)."""
    if not isinstance(data, dict):
        return {}, [Problem(file, 1, "must map paragraph numbers to [first words, last words]")]
    problems = []
    found = {}
    for number, words in data.items():
        line = data.line_of(number) if hasattr(data, "line_of") else 1
        if not str(number).isdigit() or int(number) < 1:  # keys come as text (explainer/yamlfile.py)
            problems.append(Problem(file, line, f"'{number}': a key is an article paragraph number (1, 2, ...)"))
            continue
        number = int(number)
        if not (isinstance(words, Items) or isinstance(words, list)) or len(words) != 2 or not all(isinstance(w, str) and w.strip() for w in words):
            problems.append(Problem(file, line, f"paragraph {number}: give [first words, last words], two texts"))
            continue
        long = [w for w in words if len(w.split()) > MOST_WORDS]
        if long:
            problems.append(Problem(file, line, f"paragraph {number}: '{long[0]}' has {len(long[0].split())} words; at most {MOST_WORDS} of the article's words in a row"))
            continue
        found[number] = (" ".join(words[0].split()), " ".join(words[1].split()))
    return found, problems


def _encode(words: str) -> str:
    # Text-fragment syntax reserves '-', ',' and '&' (they must be percent-encoded).
    return quote(words, safe="").replace("-", "%2D")


def paragraph_link(article_url: str, fragments: dict, first: int, last: int) -> str:
    """The article's address, pointing at paragraphs ``first``..``last`` where the words are known."""
    if first not in fragments or last not in fragments:
        return article_url
    return f"{article_url}#:~:text={_encode(fragments[first][0])},{_encode(fragments[last][1])}"
