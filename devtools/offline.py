"""``./run offline``: a copy of the site that opens from disk (file://) with navigation and search.

Built from mkdocs-offline.yml (Material's offline plugin, no search deferral, no instant
previews). The plugin would load its worker shim from a CDN; we point it at a local copy of the
npm package ``iframe-worker`` (tools/offline) instead, so the copy loads nothing from anywhere.

The copy keeps the site's Content-Security-Policy (a meta tag, which file:// honours). On file://
the shim runs search in a hidden frame and writes an inline script into it; the frame inherits
the policy, so that script needs its hash in mkdocs-offline.yml: ``shim_frame_hash`` computes it.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHIM = ROOT / "tools" / "offline" / "node_modules" / "iframe-worker" / "shim" / "index.js"
SHIM_IN_SITE = "assets/javascripts/iframe-worker-shim.js"  # named in mkdocs-offline.yml
CONFIG = "mkdocs-offline.yml"


def ensure_shim() -> None:
    if not SHIM.exists():
        subprocess.run(["npm", "ci", "--prefix", str(SHIM.parents[3]), "--no-audit", "--no-fund", "--silent"], check=True)


def build(out: Path, zip_it: bool = True, root: Path = ROOT, check: bool = True) -> Path:
    """Build the copy of the project at ``root`` (this one by default) into ``out``."""
    ensure_shim()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", CONFIG, "-d", str(out)],
                   cwd=root, env=env, check=check)
    shutil.copyfile(SHIM, out / SHIM_IN_SITE)
    if zip_it:
        shutil.make_archive(str(out), "zip", out)
    return out


def _sha256(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()


def shim_frame_hash(shim: str, worker_url: str) -> str:
    """The CSP hash of the inline script the shim writes into its frame for ``worker_url`` (the
    page's ``__config.search``, relative, so it differs by page depth). The shim builds it from a
    template holding two of its own functions' source text, ``${c}`` and ``${d}``."""
    template = re.search(r"write\(`<html><body><script>(.*?)<\\/script>", shim).group(1)
    functions = {name: re.search(r"function %s\(.*?\)\{.*?\}(?=function |var )" % name, shim).group(0) for name in "cd"}
    script = template.replace("${c}", functions["c"]).replace("${d}", functions["d"]).replace("${e}", worker_url)
    assert "${" not in script, "the shim's frame template changed: update shim_frame_hash"
    return _sha256(script)


def worker_url(page_html: str) -> str | None:
    """The search worker's address as the page's ``__config`` gives it to ``new Worker``."""
    match = re.search(r'<script id="__config" type="application/json">(.*?)</script>', page_html, re.DOTALL)
    return json.loads(match.group(1)).get("search") if match else None


if __name__ == "__main__":
    folder = build(Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "site-offline"))
    print(f"Offline copy: {folder}/index.html (and {folder}.zip); open it in a browser from disk.")
