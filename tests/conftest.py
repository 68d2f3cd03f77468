"""Shared fixtures (all of them live here): one strict build of the real site per run, served on
localhost; one Chromium per run; the browser sweep; the article's text.

Builds run in this process (``build_site``): the same ``mkdocs build --strict`` without a new
Python each time. A subprocess is used only where it is the point (``mkdocs_build``: the
command line's own output, or a second process for the reproducibility test).
"""

from __future__ import annotations

import contextlib
import logging
import os
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
BUILD_EPOCH = "1764000000"  # SOURCE_DATE_EPOCH for every test build

from devtools.localserver import Server, free_port  # noqa: E402


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="rewrite tests/golden/ from the fixture data instead of comparing (test_golden.py)")


# ----- Building --------------------------------------------------------------------------------


@dataclass
class BuildResult:
    """What a build said. Shaped like subprocess.CompletedProcess so callers read it the same way."""

    returncode: int
    stdout: str
    stderr: str


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record):
        self.lines.append(f"{record.levelname:<8}-  {record.getMessage()}")


@contextlib.contextmanager
def _environment(values: dict):
    old = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in old.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def build_site(project: Path, out: Path, site_url: str = "http://127.0.0.1:8000/",
               config: str = "mkdocs.yml", extra_env: dict | None = None) -> BuildResult:
    """``mkdocs build --strict -q -d out`` of ``project``, in this process.

    A content mistake comes back as returncode 1 with the build's messages in ``stderr`` (what
    the command line prints; a PluginError is a click error there, printed without traceback).
    Careful: MkDocs caches a hook module per path, so a project built twice shares its hook's
    state (SiteBuild resets what matters in on_config). Packages come from this checkout.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, MkDocsException

    env = {"SITE_URL": site_url, "SOURCE_DATE_EPOCH": BUILD_EPOCH, "NO_MKDOCS_2_WARNING": "1", **(extra_env or {})}
    logger = logging.getLogger("mkdocs")
    collect = _Collect()
    logger.addHandler(collect)
    saved_site_module = sys.modules.get("site")  # MkDocs registers the hook file under its stem
    code = 0
    try:
        with _environment(env), contextlib.chdir(project):
            cfg = load_config(config_file=str(project / config), site_dir=str(out), strict=True)
            cfg.plugins.on_startup(command="build", dirty=False)
            try:
                build(cfg)
            finally:
                cfg.plugins.on_shutdown()
    except Abort as error:
        collect.lines.append(f"Aborted: {error}")
        code = 1
    except MkDocsException as error:  # e.g. a config error, raised before the build starts
        collect.lines.append(f"Error: {error.format_message()}")
        code = 1
    finally:
        logger.removeHandler(collect)
        if saved_site_module is not None:
            sys.modules["site"] = saved_site_module
    return BuildResult(code, "", "\n".join(collect.lines))


def mkdocs_build(out: Path, site_url: str, config: str = "mkdocs.yml", extra_env: dict | None = None,
                 cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """The command line itself, in a new process (for what only a separate process shows)."""
    # The same SOURCE_DATE_EPOCH as the in-process builds, whatever the caller's environment
    # (./run exports the last commit's date), so the two can be compared byte for byte.
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": BUILD_EPOCH,
           **(extra_env or {})}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", config, "-d", str(out)],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=300,
    )


@pytest.fixture(scope="session")
def site_port() -> int:
    return free_port()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, site_port) -> Path:
    """The real site, built once with --strict for the whole run."""
    out = tmp_path_factory.mktemp("site")
    result = build_site(ROOT, out, f"http://127.0.0.1:{site_port}/")
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stderr}"
    return out


@pytest.fixture(scope="session")
def server(built_site, site_port):
    srv = Server(built_site, site_port)
    yield srv
    srv.close()


@pytest.fixture(scope="session")
def site():
    """The real data, loaded and checked once (explainer.data.Site); treat it as read-only."""
    from explainer.data import load_site

    return load_site(ROOT / "data", ROOT)


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")


# ----- Outside inputs ------------------------------------------------------------------------


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


# ----- The browser ---------------------------------------------------------------------------


@pytest.fixture(scope="session")
def chromium():
    """One headless Chromium for the whole run (Debian's, else Playwright's own; see browser.py).
    While it is open no other sync_playwright() may start in this thread: use this fixture. (The
    sweep starts its own, one per thread.)"""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        require(False, "Playwright is not installed (requirements-test.txt)")
    from browser import launch

    with sync_playwright() as p:
        browser = launch(p)
        yield browser
        browser.close()


def _wants_sweep(item) -> bool:
    return "sweep" in getattr(item, "fixturenames", ())


def pytest_collection_modifyitems(session, config, items):
    """The tests that read the browser sweep run last: the sweep starts with the run, in its own
    thread and browser, and loads pages on one core while the other tests run on the other."""
    items.sort(key=_wants_sweep)  # stable: the order within each part is unchanged


@pytest.fixture(scope="session", autouse=True)
def _sweep_in_background(request):
    """Start the sweep at the first test if any collected test reads it (see ``sweep``)."""
    if not any(_wants_sweep(item) for item in request.session.items):
        yield None
        return
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        yield None  # the ``sweep`` fixture skips (or fails under CI)
        return
    import sweep as sweep_module

    server, site = request.getfixturevalue("server"), request.getfixturevalue("built_site")
    stop = threading.Event()
    pool = ThreadPoolExecutor(1, thread_name_prefix="sweep")
    running = pool.submit(sweep_module.run, server, site, stop=stop)
    yield running
    stop.set()  # a run cut short (-x, Ctrl-C) need not wait for the remaining pages
    pool.shutdown(wait=True)


@pytest.fixture(scope="session")
def sweep(_sweep_in_background):
    """Every page loaded once per colour scheme, every check of tests/sweep.py run on it."""
    if _sweep_in_background is None:
        require(False, "Playwright is not installed (requirements-test.txt)")
    return _sweep_in_background.result()
