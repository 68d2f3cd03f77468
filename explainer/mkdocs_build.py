"""The build steps the MkDocs hook calls: load data, render every page's Markdown, check links.

Kept out of the hook file so it is plain, testable Python. The Markdown comes from one pass,
``pages.site_markdown``, which ``./run markdown`` (explainer/export.py) also writes to a folder
for a generator that ignores hooks; what stays here is what only MkDocs can do: check links
against the rendered HTML, add structured data (it needs the page's canonical URL), and keep
moved addresses alive in the HTML.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from . import claimreview, content_rules, glossary, previews, redirects, search_index
from .data import Site, load_site
from .links import check_links, page_ids
from .pages import PageMarkdown, hand_written_prose_problems, site_markdown
from .problems import ContentError, Problem, report


class SiteBuild:
    def __init__(self):
        self.site: Site | None = None
        self.problems: list[Problem] = []
        self.root = Path(".")
        self.docs = "docs"
        self.links = []
        self.pages: dict[str, PageMarkdown] = {}
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
        self.redirects, problems = content_rules.record_files(self.root)
        self.site_name, self.site_url = config.site_name, config.site_url
        self.check_addresses = config.use_directory_urls  # the registry lists the served site's addresses
        self.indexed = 0  # search entries already amended (on_page_context)
        try:
            self.site = load_site(self.root / "data", self.root)
        except ContentError as error:
            # No page is written now, so the pages' prose is checked here, to list its mistakes
            # with the data's in one run (on sound data, site_markdown checks it in on_files).
            found = hand_written_prose_problems(Path(config.docs_dir), self.docs)
            raise PluginError(report(sorted(set(error.problems + problems + found)))) from None
        # Rules on sound data are reported with the pages' mistakes (on_env), all in one run.
        self.problems += problems + content_rules.data_rules(self.site, self.root)

    def on_files(self, files: Files, config) -> Files:
        rendered = site_markdown(self.site, Path(config.docs_dir), self.docs)
        self.pages = {page.path: page for page in rendered.pages}
        self.problems += rendered.problems + content_rules.page_rules(self.site, rendered, Path(config.docs_dir), self.docs)
        self.links += rendered.links
        if rendered.unreadable:  # MkDocs would stop with a traceback reading it: report everything now
            raise PluginError(report(sorted(set(self.problems))))
        for page in rendered.pages:
            if page.generated:  # MkDocs reads it like a file; on_page_markdown renders the expanded body
                files.append(File.generated(config, page.path, content=page.front + page.source))
        return files

    def on_page_markdown(self, markdown: str, page) -> str:
        file = page.file
        rendered = self.pages.get(file.src_uri)
        if rendered is None or rendered.source != markdown:
            # A page explainer.pages did not see, or read differently: the two outputs would drift.
            raise PluginError(f"{file.src_uri}: MkDocs read this page differently from explainer.pages.site_markdown")
        markdown = rendered.body
        page_id = file.src_uri[: -len(".md")]
        if page_id in self.site.pages and page.canonical_url:  # no site_url (offline copy): no JSON-LD
            items = claimreview.reviews(self.site, page_id, page.canonical_url, self.site_name, self.site_url)
            page.meta["structured_data"] = claimreview.script(items)
        return markdown

    def on_env(self, files: Files) -> None:
        # Glossary entries are outside the nav, so MkDocs gives them no footer links: chain them
        # in the index's order (explainer.glossary.neighbours) before any page is rendered.
        for src, (before, after) in glossary.neighbours(self.site).items():
            page = files.get_file_from_path(src).page
            page.previous_page = files.get_file_from_path(before).page
            page.next_page = files.get_file_from_path(after).page
        pages = {f.src_uri: page_ids(f.page.content or "") for f in files.documentation_pages() if f.page}
        others = {f.src_uri for f in files if not f.is_documentation_page()}
        self.problems += check_links(self.links, pages, others)
        if self.problems:
            raise PluginError(report(sorted(set(self.problems))))

    def on_page_context(self, page, config) -> None:
        """Right after Material's search plugin has indexed the page (hooks run after plugins):
        add what search should find but the result should not show (explainer/search_index.py)."""
        plugin = config.plugins.get("material/search")
        index = getattr(plugin, "search_index", None)
        if index is None:
            return
        fresh = index.entries[self.indexed:]
        index.entries[self.indexed:] = search_index.amend(fresh, page, self.site)
        self.indexed = len(index.entries)

    def on_post_page(self, output: str, page) -> str:
        output = previews.add_to_page(self.site, page.url, output)  # what docs/js/previews.js shows
        return redirects.add_fragment_anchors(self.redirects, page.url, output)

    def on_post_build(self, site_dir: str) -> None:
        redirects.write_page_redirects(self.redirects, Path(site_dir))
        if self.check_addresses:
            problems = content_rules.built_rules(self.root, Path(site_dir))
            if problems:
                raise PluginError(report(sorted(set(problems))))

