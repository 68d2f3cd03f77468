"""A throwaway copy of the project, to seed mistakes into and build."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import ROOT, build_site, mkdocs_build

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


def build_copy(dest: Path, site_url: str = "http://127.0.0.1:8000/"):
    """``mkdocs build --strict`` of the copy into dest/site, in this process (see conftest.build_site).

    The copy's data, pages, templates and hook are its own; the Python package is this checkout's."""
    return build_site(dest, dest / "site", site_url)


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


__all__ = ["copy_project", "build_copy", "build_site", "edit", "mkdocs_build"]
