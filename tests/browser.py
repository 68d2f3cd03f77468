"""Launch real Chromium (Debian's when present) and watch what a page asks for."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from urllib.parse import urlsplit

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def launch(playwright):
    options = {"headless": True, "args": ARGS}
    if os.path.exists(CHROMIUM):
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
        host = urlsplit(self.origin).netloc

        def route(r):
            url = r.request.url
            parts = urlsplit(url)
            if parts.scheme in ("data", "blob") or parts.netloc == host:
                self.requests.append(url)
                r.continue_()
            else:
                self.foreign.append(url)
                r.abort()

        context.route("**/*", route)

    def page(self, context):
        page = context.new_page()
        page.on("console", lambda m: m.type == "error" and self.errors.append(f"console: {m.text}"))
        page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))
        return page
