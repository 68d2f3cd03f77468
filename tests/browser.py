"""Launch real Chromium and watch what a page asks for; helpers shared by the browser tests.

Debian's /usr/bin/chromium when present (this machine); otherwise Playwright's own build, as on a
GitHub runner, where Ubuntu's chromium is a snap (`python -m playwright install --with-deps chromium`).
The ``chromium`` fixture (one browser per run) is in conftest.py."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from urllib.parse import urlsplit

# Debian's Chromium by default; EXPLAINER_CHROMIUM names another binary, and an empty value means
# Playwright's own build (the GitHub workflow sets it empty: the runner's /usr/bin/chromium is not
# the build this Playwright version was made for).
CHROMIUM = os.environ.get("EXPLAINER_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        # Nothing but the local server resolves: a request to another host fails at once (Watch reports it).
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]


def launch(playwright):
    options = {"headless": True, "args": ARGS}
    if CHROMIUM and os.path.exists(CHROMIUM):
        options["executable_path"] = CHROMIUM
    return playwright.chromium.launch(**options)


@dataclass
class Watch:
    """Console errors, page errors and any request to a host other than the local server."""

    origin: str
    errors: list = field(default_factory=list)
    foreign: list = field(default_factory=list)
    requests: list = field(default_factory=list)

    def attach(self, context) -> None:
        """Record every request of the context's pages and workers. Nothing is intercepted:
        routing each request through Playwright made a page load about 40 % dearer, and the
        browser cannot reach another host anyway (``launch`` resolves no host name)."""
        host = urlsplit(self.origin).netloc

        def seen(request):
            url = request.url
            parts = urlsplit(url)
            (self.requests if parts.scheme in ("data", "blob") or parts.netloc == host else self.foreign).append(url)

        context.on("request", seen)

    def clear(self) -> None:
        """Forget what was seen so far (between pages visited in one context)."""
        self.errors.clear()
        self.foreign.clear()
        self.requests.clear()

    def page(self, context):
        page = context.new_page()
        page.on("console", lambda m: m.type == "error" and self.errors.append(f"console: {m.text}"))
        page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))
        return page


# Runs before the page's scripts: counts the queries Material's search sends to its worker and the
# answers it gets back, in order (message types from Material's bundle: 2 = query, 3 = result).
# Results are drawn synchronously when the answer arrives, so once our query is answered the list
# on screen is the answer to it.
SEARCH_PROBE = """(() => {
  const Base = window.Worker;
  const log = window.__search = {sent: [], answered: []};
  window.Worker = class extends Base {
    constructor(url, options) {
      super(url, options);
      this.addEventListener('message', e => { if (e.data && e.data.type === 3) log.answered.push(log.sent.shift()); });
    }
    postMessage(message, ...rest) {
      if (message && message.type === 2) log.sent.push(message.data);
      return super.postMessage(message, ...rest);
    }
  };
})();"""

SEARCH_ANSWERED = "q => window.__search.sent.length === 0 && window.__search.answered.at(-1) === q"


def addresses(site) -> list[str]:
    """Every page of a built site as a path under the server root ("" for the home page)."""
    from conftest import html_pages

    return [p.relative_to(site).parent.as_posix().strip(".") + "/" if p.parent != site else "" for p in html_pages(site)]


def open_page(chromium, server, path: str, scheme: str = "light", **context_options):
    """A new context (third-party hosts blocked) with one page loaded; returns (context, page, watch)."""
    watch = Watch(server.url)
    context = chromium.new_context(color_scheme=scheme, **context_options)
    watch.attach(context)
    page = watch.page(context)
    page.goto(server.url + path.lstrip("/"), wait_until="load")
    return context, page, watch
