"""House rule 1: the site retells the article; ../shared/tools/own_words.py must pass."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT, SHARED, require

TOOL = SHARED / "tools" / "own_words.py"


@pytest.fixture(scope="module")
def tool():
    require(TOOL.is_file(), f"the own-words tool is not at {TOOL}")
    return TOOL


def run(tool, article_path, *paths):
    return subprocess.run([sys.executable, str(tool), "--article", str(article_path), *map(str, paths)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_sources_are_in_our_own_words(tool, article_path):
    """docs/, overrides/ and data/, as the tool scans them by default."""
    result = run(tool, article_path)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr


def test_built_pages_are_in_our_own_words(tool, article_path, built_site):
    """The generated pages too (search index included), since they are what readers see."""
    result = run(tool, article_path, built_site)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr


def test_the_repository_does_not_contain_the_article(article_path):
    article = article_path.read_text(encoding="utf-8")
    probe = " ".join(article.split()[40:52])
    for path in ROOT.rglob("*"):
        if path.is_file() and ".venv" not in path.parts and ".git" not in path.parts and path.suffix in (".md", ".yml", ".txt", ".html", ".py"):
            assert probe not in path.read_text(encoding="utf-8", errors="ignore"), path
