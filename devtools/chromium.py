"""Launch real Chromium for the benchmark: Debian's /usr/bin/chromium when present, else Playwright's."""

from __future__ import annotations

import os

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def launch(playwright):
    options = {"headless": True, "args": ARGS}
    if os.path.exists(CHROMIUM):
        options["executable_path"] = CHROMIUM
    return playwright.chromium.launch(**options)
