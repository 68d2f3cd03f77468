"""A throwaway copy of the project, to seed mistakes into and build."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import ROOT, mkdocs_build

PARTS = ["mkdocs.yml", "docs", "overrides", "data", "explainer"]


def copy_project(dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for part in PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, dest / part)
    return dest


def build_copy(dest: Path):
    """Build the copy with the copy's own package and hooks."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "SITE_URL": "http://127.0.0.1:8000/", "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1764000000"}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(dest / "site")],
                          cwd=dest, env=env, capture_output=True, text=True, timeout=300)


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


__all__ = ["copy_project", "build_copy", "edit", "mkdocs_build"]
