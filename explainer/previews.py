"""What the preview layer (docs/js/previews.js) shows for a link, written into the page itself.

A glossary link previews the entry's definition and the actor's role in this story; a date
link (``[[date:…]]``) previews its timeline event in one line (only a link that is a date: markup.date_link). Both come from data, as plain
text, in one ``<script type="application/json" id="previews">`` after the page's content: read
by the script only (the CSP runs no inline script, and a data block is not run), outside the
article so search does not index it twice, and on the page so nothing is fetched (it works from
``file://`` in the offline copy). Keys are the links' ``href`` values as written in the page,
so the script matches them without resolving addresses. A short citation needs nothing here:
it links to its passage's reference list on the same page, which the script shows in place.
"""

from __future__ import annotations

import html
import json
import re
from urllib.parse import urljoin, urlsplit

from .markup import plain
from .text import first_sentence, human_date

ARTICLE = re.compile(r"<article\b.*?</article>", re.DOTALL)
HREF = re.compile(r'<a\b[^>]*?\bhref="([^"#][^"]*)"[^>]*>(<time\b)?')
ENTRY = re.compile(r"/glossary/([a-z0-9-]+)(?:/|\.html)$")
TIMELINE = re.compile(r"/timeline(?:/|\.html)$")


def previews(site, page_url: str, page_html: str) -> dict[str, dict]:
    """href -> what its preview shows, for every glossary and timeline-event link in the page's
    article. ``page_url`` is the page's URL relative to the site root (MkDocs' page.url)."""
    article = ARTICLE.search(page_html)
    found: dict[str, dict] = {}
    base = "/" + page_url
    for match in HREF.finditer(article.group(0) if article else ""):
        href = html.unescape(match.group(1))
        if href in found:
            continue
        target = urlsplit(urljoin(base, href))
        entry = ENTRY.search(target.path)
        if entry and not target.fragment and entry.group(1) in site.actors and target.path != base:
            actor = site.actors[entry.group(1)]
            found[href] = {"k": "g", "t": actor.name, "d": plain(actor.definition, site),
                           "r": plain(actor.role, site) if actor.role else ""}
        elif match.group(2) and TIMELINE.search(target.path) and target.fragment in site.events:
            # A date reference (markup.date_link: the link holds the date); other links to the
            # timeline ("Timeline: …" on the sources page) say where they go already.
            event = site.events[target.fragment]
            found[href] = {"k": "d", "t": human_date(event.date), "d": first_sentence(plain(event.text, site))}
    return found


def script(data: dict[str, dict]) -> str:
    """The data block; '<' is escaped so no text can close the script element."""
    if not data:
        return ""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return '<script type="application/json" id="previews">' + text.replace("<", "\\u003c") + "</script>"


def add_to_page(site, page_url: str, output: str) -> str:
    """The page's HTML with its preview data before ``</body>``."""
    block = script(previews(site, page_url, output))
    if not block or "</body>" not in output:
        return output
    head, tail = output.rsplit("</body>", 1)
    return f"{head}{block}</body>{tail}"
