"""The build steps the MkDocs hook calls: load data, add generated pages, expand markers.

Kept out of the hook file so it is plain, testable Python (and survives a move to a
generator that ignores hooks: the same functions can write the Markdown to a folder).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from . import addresses, claimreview
from .data import Site, load_site
from .links import check_links, find_links, page_ids
from .pages import expand, generated_pages
from .problems import ContentError, Problem, report


class SiteBuild:
    def __init__(self):
        self.site: Site | None = None
        self.problems: list[Problem] = []
        self.root = Path(".")
        self.docs = "docs"
        self.links = []
        self.serving = False

    def on_startup(self, command: str) -> None:
        self.serving = command == "serve"

    def on_config(self, config) -> None:
        if self.serving:
            # `mkdocs serve` injects an inline live-reload script that the CSP would block;
            # the policy is for the published site (built, and tested, by `mkdocs build`).
            config.extra["csp"] = False
        self.root = Path(config.config_file_path).parent
        self.problems = []
        self.links = []
        self.docs = Path(config.docs_dir).resolve().relative_to(self.root.resolve()).as_posix()
        self.redirects = addresses.read_redirects(self.root)
        self.site_name, self.site_url = config.site_name, config.site_url
        try:
            self.site = load_site(self.root / "data", self.root)
        except ContentError as error:
            raise PluginError(str(error)) from None

    def on_files(self, files: Files, config) -> Files:
        for path, content in generated_pages(self.site).items():
            files.append(File.generated(config, path, content=content))
        return files

    def on_page_markdown(self, markdown: str, page) -> str:
        file = page.file
        if file.generated_by:
            shown, first_line = file.src_uri, 1
        else:
            shown = f"{self.docs}/{file.src_uri}"
            first_line = _body_start(Path(file.abs_src_path), markdown)
            self.links += find_links(markdown, shown, file.src_uri, first_line)
        markdown, problems = expand(markdown, file.src_uri, self.site, shown, first_line)
        page_id = file.src_uri[: -len(".md")]
        if page_id in self.site.pages and page.canonical_url:  # no site_url (offline copy): no JSON-LD
            items = claimreview.reviews(self.site, page_id, page.canonical_url, self.site_name, self.site_url)
            page.meta["structured_data"] = claimreview.script(items)
        self.problems += problems
        return markdown

    def on_env(self, files: Files) -> None:
        pages = {f.src_uri: page_ids(f.page.content or "") for f in files.documentation_pages() if f.page}
        others = {f.src_uri for f in files if not f.is_documentation_page()}
        self.problems += check_links(self.links, pages, others)
        if self.problems:
            raise PluginError(report(sorted(set(self.problems))))

    def on_post_page(self, output: str, page) -> str:
        return addresses.add_fragment_anchors(self.redirects, page.url, output)

    def on_post_build(self, site_dir: str) -> None:
        addresses.write_page_redirects(self.redirects, Path(site_dir))


def _body_start(path: Path, markdown: str) -> int:
    """The line in the file where MkDocs' Markdown starts (after any front matter)."""
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError:
        return 1
    head = raw[: len(raw) - len(markdown)] if raw.endswith(markdown) else ""
    return head.count("\n") + 1
