"""``./run markdown DIR``: the whole site as plain Markdown in DIR, built without MkDocs.

DIR gets a project any MkDocs-compatible generator can build without our hooks:

    DIR/mkdocs.yml     our config, minus ``hooks:`` and ``watch:`` (nothing left to run)
    DIR/docs/          every page, generated or hand-written, with every marker and [[id]]
                       link expanded; the assets (CSS, JS, favicon) copied as they are
    DIR/overrides/     the theme overrides, minus the hooks

The pages come from ``pages.site_markdown``, the same pass the MkDocs hook renders, so the two
cannot drift. What only the hook can do is not in DIR: the structured data (JSON-LD) of the
reading pages, the anchors that keep moved fragments alive, and the check of every link against
the rendered pages. Redirect pages for moved pages are written as static files.

    python -m explainer.export DIR
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import yaml

from . import redirects
from . import content_rules
from .data import load_site
from .pages import SiteMarkdown, site_markdown
from .problems import ContentError, Problem, report
from .yamlfile import read_text

MARKER = ".explainer-markdown"  # DIR holds this file, so a rerun may replace what is there
DROPPED_KEYS = ("hooks", "watch")  # MkDocs-only: the hooks, and the folders `serve` watches


def export(root: Path, out: Path) -> SiteMarkdown:
    """Write the Markdown site of the project at ``root`` into ``out``; returns what was written.

    Raises ContentError (every mistake, with file and line) when the data or a page is wrong.
    """
    _, problems = content_rules.record_files(root)
    problems += config_problems(root / "mkdocs.yml")
    if problems and any(p.file == "mkdocs.yml" for p in problems):
        raise ContentError(problems)
    try:
        site = load_site(root / "data", root)
    except ContentError as error:
        raise ContentError([*error.problems, *problems]) from None
    rendered = site_markdown(site, root / "docs", "docs")
    problems += rendered.problems + content_rules.data_rules(site, root) + content_rules.page_rules(site, rendered, root / "docs")
    if problems:
        raise ContentError(problems)
    _prepare(out)
    docs = out / "docs"
    shutil.copytree(root / "docs", docs, ignore=shutil.ignore_patterns("*.md", ".*"))
    for page in rendered.pages:
        target = docs / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.markdown, encoding="utf-8")
    for old, new in redirects.read_redirects(root)["pages"].items():
        target = docs / old.strip("/") / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(redirects.redirect_page(redirects.relative_url(old, new)), encoding="utf-8")
    shutil.copytree(root / "overrides", out / "overrides", ignore=shutil.ignore_patterns("hooks", "__pycache__"))
    (out / "mkdocs.yml").write_text(config_text(root / "mkdocs.yml"), encoding="utf-8")
    (out / MARKER).write_text("Written by ./run markdown; rerunning it replaces this folder's contents.\n", encoding="utf-8")
    return rendered


def config_problems(config: Path) -> list[Problem]:
    """What MkDocs would say of an unreadable mkdocs.yml, as a file:line message."""
    text, problems = read_text(config, "mkdocs.yml")
    if text is None:
        return problems
    try:
        node = yaml.compose(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        return [Problem("mkdocs.yml", mark.line + 1 if mark else 1, f"is not valid YAML: {error.problem or error}")]
    if not isinstance(node, yaml.MappingNode):
        return [Problem("mkdocs.yml", 1, "should be a mapping of settings (site_name:, nav:, ...)")]
    return []


def config_text(config: Path) -> str:
    """Our mkdocs.yml without the MkDocs-only keys; YAML tags such as !ENV are kept."""
    node = yaml.compose(config.read_text(encoding="utf-8"))
    node.value = [(key, value) for key, value in node.value if key.value not in DROPPED_KEYS]
    head = ("# Written by ./run markdown from the project's mkdocs.yml, without hooks: every page in\n"
            "# docs/ is already complete. Build with `mkdocs build` or `zensical build` in this folder.\n")
    return head + yaml.serialize(node, allow_unicode=True, width=100)


def _prepare(out: Path) -> None:
    if out.exists() and any(out.iterdir()):
        if not (out / MARKER).exists():
            raise SystemExit(f"{out} is not empty and was not written by ./run markdown; choose an empty or new folder.")
        for name in ("docs", "overrides", "mkdocs.yml", "site"):
            path = out / name
            if path.is_dir():
                shutil.rmtree(path)
            elif path.exists():
                path.unlink()
    out.mkdir(parents=True, exist_ok=True)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m explainer.export DIR", file=sys.stderr)
        return 2
    out = Path(argv[0])
    try:
        rendered = export(Path("."), out)
    except ContentError as error:
        print(report(error.problems), file=sys.stderr)
        return 1
    generated = sum(page.generated for page in rendered.pages)
    print(f"{len(rendered.pages)} pages ({generated} generated) written to {out}/docs; config {out}/mkdocs.yml")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
