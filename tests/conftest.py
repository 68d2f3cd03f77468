"""Shared fixtures: one strict build of the real site per test run, served on localhost."""

from __future__ import annotations

import functools
import http.server
import os
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def mkdocs_build(out: Path, site_url: str, config: str = "mkdocs.yml", extra_env: dict | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1", **(extra_env or {})}
    env.setdefault("SOURCE_DATE_EPOCH", "1764000000")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", config, "-d", str(out)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )


class Server:
    """A quiet static server for the built site on 127.0.0.1."""

    def __init__(self, directory: Path, port: int):
        handler = functools.partial(_QuietHandler, directory=str(directory))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
        self.url = f"http://127.0.0.1:{port}/"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


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
    if not candidate.is_file():
        message = f"the article text is not at {candidate} (set ARTICLE_TEXT)"
        if os.environ.get("EXPLAINER_CI"):
            pytest.fail(message + "; CI requires it")
        pytest.skip(message)
    return candidate
