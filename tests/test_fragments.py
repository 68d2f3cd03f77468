"""Each passage links to its paragraphs in the original with a text fragment (explainer/fragments.py):
the words in data/fragments.yml must be the start and end of their paragraph in the article's
text (which is not in this repository: skipped without it, a failure under .ci/run)."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

from article import read_structure
from explainer import fragments
from explainer.yamlfile import load_yaml

ROOT = Path(__file__).resolve().parents[1]


def words(text: str) -> list[str]:
    return text.replace("’", "'").split()


def test_each_fragment_is_the_start_and_end_of_its_paragraph(site, article_path):
    paragraphs = read_structure(article_path).paragraphs
    assert sorted(site.fragments) == list(range(1, len(paragraphs) + 1))  # every paragraph, no other
    wrong = []
    for number, (first, last) in site.fragments.items():
        text = " ".join(words(paragraphs[number - 1]))
        start, end = " ".join(words(first)), " ".join(words(last))
        # Whole words: the start ends where a word does (a comma may follow), the end is the last
        # words before the closing punctuation.
        if not re.match(re.escape(start) + r"(?!\w)", text) or not re.search(r"(?<!\w)" + re.escape(end) + r"[.?!\"”]*$", text):
            wrong.append((number, first, last))
        assert max(len(start.split()), len(end.split())) <= fragments.MOST_WORDS
    assert wrong == []


def test_a_passage_links_to_its_words_in_the_original(built_site, site):
    html = (built_site / "background" / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'<a class="passage-original" href="([^"]+)" rel="noopener">Article (paragraphs? [0-9–]+), in the original</a>', html)
    assert len(links) == len(site.pages["background"].passages)
    href, label = links[0]
    first, last = site.fragments[1]
    assert label == "paragraph 1"
    assert href == f"{site.article.url}#:~:text={first.replace(' ', '%20')},{last.replace(' ', '%20')}"
    # A range runs from the first words of its first paragraph to the last words of its last.
    href = fragments.paragraph_link("https://example.org/a", {8: ("A b-c", "x, y"), 9: ("p", "q & r")}, 8, 9)
    assert href == "https://example.org/a#:~:text=A%20b%2Dc,q%20%26%20r"
    assert unquote(href.split("=", 1)[1]) == "A b-c,q & r"
    assert fragments.paragraph_link("https://example.org/a", {}, 8, 9) == "https://example.org/a"  # no words: the top


def test_a_fragment_longer_than_five_words_is_reported_at_its_line(tmp_path):
    path = tmp_path / "fragments.yml"
    path.write_text('1: ["US drone strikes have", "too far in Iraq"]\n'
                    '2: ["It is not as though diplomacy", "what Washington expects"]\n'
                    'x: ["a", "b"]\n3: ["only one"]\n', encoding="utf-8")
    data, problems = load_yaml(path, "data/fragments.yml")
    found, problems = fragments.read(data, "data/fragments.yml")
    problems = [f"{p.file}:{p.line}: {p.message}" for p in problems]
    assert problems == [
        "data/fragments.yml:2: paragraph 2: 'It is not as though diplomacy' has 6 words; at most 5 of the article's words in a row",
        "data/fragments.yml:3: 'x': a key is an article paragraph number (1, 2, ...)",
        "data/fragments.yml:4: paragraph 3: give [first words, last words], two texts",
    ]
    assert found == {1: ("US drone strikes have", "too far in Iraq")}
