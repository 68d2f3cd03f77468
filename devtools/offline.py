"""``./run offline``: a copy of the site that opens from disk (file://) with navigation and search.

Built from mkdocs-offline.yml (Material's offline plugin, no CSP, no search deferral). The
plugin would load its worker shim from a CDN; we point it at a local copy of the npm package
``iframe-worker`` (tools/offline) instead, so the copy loads nothing from anywhere.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHIM = ROOT / "tools" / "offline" / "node_modules" / "iframe-worker" / "shim" / "index.js"
SHIM_IN_SITE = "assets/javascripts/iframe-worker-shim.js"  # named in mkdocs-offline.yml


def ensure_shim() -> None:
    if not SHIM.exists():
        subprocess.run(["npm", "ci", "--prefix", str(SHIM.parents[3]), "--no-audit", "--no-fund", "--silent"], check=True)


def build(out: Path, zip_it: bool = True) -> Path:
    ensure_shim()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", "mkdocs-offline.yml", "-d", str(out)],
                   cwd=ROOT, env=env, check=True)
    shutil.copyfile(SHIM, out / SHIM_IN_SITE)
    if zip_it:
        shutil.make_archive(str(out), "zip", out)
    return out


if __name__ == "__main__":
    folder = build(Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "site-offline"))
    print(f"Offline copy: {folder}/index.html (and {folder}.zip); open it in a browser from disk.")
