"""A Markdown extension: every link to another site gets ``rel="noopener"``.

Writers link outside as plain Markdown, ``[text](https://...)``, in data prose and pages alike;
the page it opens then gets no handle on ours (``window.opener``), the site's rule for every
outside link (tests/test_links.py). Links written with their own ``rel`` keep it, with
``noopener`` added. Listed in mkdocs.yml under ``markdown_extensions``, so it also works for a
generator that reads that list but not the hook.
"""

from __future__ import annotations

from markdown import Extension
from markdown.treeprocessors import Treeprocessor


class _OutsideLinks(Treeprocessor):
    def run(self, root):
        for link in root.iter("a"):
            href = (link.get("href") or "").strip().lower()
            if href.startswith(("https://", "http://", "//")):
                rel = (link.get("rel") or "").split()
                if "noopener" not in rel:
                    link.set("rel", " ".join([*rel, "noopener"]))


class OutsideLinksExtension(Extension):
    def extendMarkdown(self, md):
        # After the inline links exist and attribute lists ({ rel=... }, priority 8) are applied.
        md.treeprocessors.register(_OutsideLinks(md), "outside_links", 7)


def makeExtension(**kwargs):
    return OutsideLinksExtension(**kwargs)
