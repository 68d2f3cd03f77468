"""Shared fixtures: one strict build of the real site per test run, served on localhost."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

from devtools.localserver import Server, free_port


def mkdocs_build(out: Path, site_url: str, config: str = "mkdocs.yml", extra_env: dict | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1", **(extra_env or {})}
    env.setdefault("SOURCE_DATE_EPOCH", "1764000000")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", config, "-d", str(out)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )


@pytest.fixture(scope="session")
def site_port() -> int:
    return free_port()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, site_port) -> Path:
    """The real site, built once with --strict for the whole run."""
    out = tmp_path_factory.mktemp("site")
    result = mkdocs_build(out, f"http://127.0.0.1:{site_port}/")
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}"
    return out


@pytest.fixture(scope="session")
def server(built_site, site_port):
    srv = Server(built_site, site_port)
    yield srv
    srv.close()


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")


@pytest.fixture(scope="session")
def article_path() -> Path:
    """The article's text: $ARTICLE_TEXT or ../shared/source/article.txt (never in this repo)."""
    candidate = Path(os.environ.get("ARTICLE_TEXT") or SHARED / "source" / "article.txt")
    require(candidate.is_file(), f"the article text is not at {candidate} (set ARTICLE_TEXT)")
    return candidate


def require(available: bool, reason: str) -> None:
    """Skip a test whose outside input is missing; under .ci/run (EXPLAINER_CI) fail instead."""
    if available:
        return
    if os.environ.get("EXPLAINER_CI"):
        pytest.fail(reason + "; .ci/run requires it")
    pytest.skip(reason)
