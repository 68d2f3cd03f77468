"""Benchmark: what the site costs to build and to load, beside plain Material. Prints figures.

    .venv/bin/python tools/bench.py [--lighthouse] [--pages N] [--verbose]

1. Builds our site (mkdocs.yml) and "plain Material" of the same Markdown (a temporary config
   with the same nav, docs, Markdown extensions and hooks, but the stock theme: font off, the
   same light/dark toggle, no overrides, no extra CSS/JS, not our trimmed theme CSS in
   docs/assets/stylesheets, plugins [search]), 3 times each; the
   median wall-clock time is reported.
2. Serves each build on 127.0.0.1 (gzipping text, as a real static host does) and loads every
   page cold (a new browser context each) in
   Chromium; first load = every request until the network is idle after `load`. Requests to any
   other host are blocked and counted as third-party. gzip = gzip -6 of text bodies.
3. Prints each page (ours beside plain), totals by type, build times and our own CSS+JS size.

--pages N     load only the first N pages (top-level pages first, then glossary entries)
--lighthouse  also run Lighthouse (mobile preset, median of 5 runs) on 3 pages of our build and
              of plain Material, side by side with total blocking time and its ratio to the
              overview's; installs tools/bench/node_modules with `npm ci` when missing
--lighthouse-runs N   runs per page (default 5)
--verbose     list every request of every page
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

import yaml

from devtools.chromium import launch
from devtools.localserver import Server, free_port

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "tools" / "bench"

TYPES = ["HTML", "CSS", "JS", "index", "images", "other"]
IMAGES = {".svg", ".png", ".ico", ".jpg", ".jpeg", ".gif", ".webp", ".avif"}
TEXT = {"HTML", "CSS", "JS", "index"}
BUILDS = 3
LIGHTHOUSE_PAGES = ["", "background/", "glossary/soleimani/"]
LIGHTHOUSE_RUNS = 5
OWN_BUDGET = 10 * 1024  # README, "Benchmark": 5 KB until the preview layer (issue 27)
KB = 1024


# -- Building -------------------------------------------------------------------------------

def write_plain_config(path: Path, site_url: str) -> None:
    """Our mkdocs.yml reduced to content settings, with the stock theme (YAML tags kept)."""
    ours = yaml.compose((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    keep = {"site_name", "site_description", "copyright", "nav", "not_in_nav", "validation",
            "markdown_extensions", "hooks"}
    entries = {key.value: (key, value) for key, value in ours.value}
    theme = dict((k.value, v) for k, v in entries["theme"][1].value)
    plain = yaml.compose(
        f"docs_dir: {json.dumps(str(ROOT / 'docs'))}\nsite_url: {json.dumps(site_url)}\n"
        "theme: {name: material, font: false}\nplugins: [search]\n")
    plain_theme = next(v for k, v in plain.value if k.value == "theme")
    if "palette" in theme:
        plain_theme.value.append((yaml.ScalarNode("tag:yaml.org,2002:str", "palette"), theme["palette"]))
    plain.value = [entries[k] for k in entries if k in keep] + plain.value
    hooks = next(v for k, v in plain.value if k.value == "hooks")
    hooks.value.append(yaml.ScalarNode("tag:yaml.org,2002:str", str(Path(__file__).resolve())))
    path.write_text(yaml.serialize(plain), encoding="utf-8")


def on_files(files, config):
    """MkDocs hook of the plain build only (write_plain_config adds this file): the theme's own
    CSS, not our trimmed copies in docs/assets/stylesheets, which would shadow it (exclude_docs
    cannot: an excluded docs file still keeps the theme's file out)."""
    from mkdocs.structure.files import File
    docs = Path(config.docs_dir).resolve()
    for file in [f for f in files if f.src_uri.startswith("assets/stylesheets/")
                 and Path(f.abs_src_path).resolve().is_relative_to(docs)]:
        files.remove(file)
        theme_dir = next((d for d in config.theme.dirs if (Path(d) / file.src_uri).is_file()), None)
        if theme_dir:
            files.append(File(file.src_uri, theme_dir, config.site_dir, config.use_directory_urls))
    return files


def mkdocs_build(config: Path, out: Path, site_url: str) -> float:
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config), "-d", str(out)],
        cwd=ROOT, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode:
        sys.exit(f"mkdocs build --strict -f {config.name} failed:\n{result.stdout}{result.stderr}")
    return seconds


# -- Serving and loading --------------------------------------------------------------------

def bucket(url: str) -> str:
    path = PurePosixPath(urlsplit(url).path)
    if path.name == "search_index.json":
        return "index"
    ext = path.suffix.lower() if "." in path.name else ""
    return {"": "HTML", ".html": "HTML", ".css": "CSS", ".js": "JS", ".mjs": "JS"}.get(
        ext, "images" if ext in IMAGES else "other")


def gzipped(body: bytes) -> int:
    return len(gzip.compress(body, compresslevel=6, mtime=0))


def first_load(browser, origin: str, path: str) -> dict:
    """One cold load: every local request until network idle after `load`, with its size."""
    host = urlsplit(origin).netloc
    foreign, errors, done = [], [], []

    def route(r):
        if urlsplit(r.request.url).netloc == host:
            r.continue_()
        else:
            foreign.append(r.request.url)
            r.abort()

    context = browser.new_context()
    context.route("**/*", route)
    context.on("requestfinished", lambda r: done.append(r))
    context.on("requestfailed", lambda r: done.append(r))
    page = context.new_page()
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(origin + path, wait_until="load")
    page.wait_for_load_state("networkidle")
    requests = []
    for request in list(done):
        if urlsplit(request.url).netloc != host:
            continue
        response = request.response()
        try:
            body = response.body() if response else b""
        except Exception:  # a redirect or an aborted request has no body
            body = b""
        kind = bucket(request.url)
        text = kind in TEXT or request.url.endswith((".svg", ".json", ".xml", ".txt"))
        requests.append({"url": request.url, "type": kind, "raw": len(body),
                         "gzip": gzipped(body) if text else len(body)})
    context.close()
    return {"requests": requests, "foreign": foreign, "errors": errors}


def sums(load: dict) -> dict:
    out = {"req": len(load["requests"]), "raw": 0, "gzip": 0,
           **{t: [0, 0, 0] for t in TYPES}}  # per type: requests, raw, gzip
    for r in load["requests"]:
        out["raw"] += r["raw"]
        out["gzip"] += r["gzip"]
        per = out[r["type"]]
        per[0] += 1
        per[1] += r["raw"]
        per[2] += r["gzip"]
    out["3p"], out["err"] = len(load["foreign"]), len(load["errors"])
    return out


def page_paths(site: Path) -> list[str]:
    pages = [p.relative_to(site).parent.as_posix() for p in site.rglob("index.html")]
    pages = ["" if p == "." else p + "/" for p in pages]
    return sorted(pages, key=lambda p: (p.startswith("glossary/") and p != "glossary/", p))


# -- Reporting ------------------------------------------------------------------------------

def kb(n: int) -> str:
    return f"{n / KB:.1f}"


def ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}" if b else "-"


def page_table(results: dict, verbose: bool) -> dict:
    width = max(len(p) + 1 for p in [*results, "page"])
    head = (f"{'page':{width}} {'site':5} {'req':>4} {'raw KB':>7} {'gz KB':>6} | "
            + " ".join(f"{t:>6}" for t in TYPES) + f" | {'3p':>3} {'err':>3} | {'req×':>5} {'gz×':>5}")
    print("First load, each page cold. gz = gzip -6 of text bodies; by type: gzip KB; "
          "3p = third-party requests (blocked); err = console errors; × = ours/plain")
    print(head)
    print("-" * len(head))
    totals = {site: defaultdict(int, {t: [0, 0, 0] for t in TYPES}) for site in ("ours", "plain")}
    for path, by_site in results.items():
        s = {site: sums(load) for site, load in by_site.items()}
        for site in ("ours", "plain"):
            row = s[site]
            for key in ("req", "raw", "gzip", "3p", "err"):
                totals[site][key] += row[key]
            for t in TYPES:
                totals[site][t] = [a + b for a, b in zip(totals[site][t], row[t])]
            label = ("/" + path) if site == "ours" else ""
            tail = (f"{ratio(row['req'], s['plain']['req']):>5} {ratio(row['gzip'], s['plain']['gzip']):>5}"
                    if site == "ours" else "")
            print(f"{label:{width}} {site:5} {row['req']:>4} {kb(row['raw']):>7} {kb(row['gzip']):>6} | "
                  + " ".join(f"{kb(row[t][2]) if row[t][0] else '-':>6}" for t in TYPES)
                  + f" | {row['3p']:>3} {row['err']:>3} | {tail}")
            if verbose:
                load = by_site[site]
                for r in load["requests"]:
                    print(f"{'':{width + 6}}{r['type']:7} {r['raw']:>8} B {r['gzip']:>7} B gz  {r['url']}")
                for url in load["foreign"]:
                    print(f"{'':{width + 6}}third-party (blocked)  {url}")
                for text in load["errors"]:
                    print(f"{'':{width + 6}}console error  {text}")
    return totals


def totals_table(totals: dict, pages: int) -> None:
    o, p = totals["ours"], totals["plain"]
    print(f"\nTotals over {pages} pages, each loaded cold")
    print(f"{'type':8} {'ours req':>9} {'raw KB':>8} {'gz KB':>7} | {'plain req':>9} {'raw KB':>8} {'gz KB':>7}")
    for t in TYPES:
        print(f"{t:8} {o[t][0]:>9} {kb(o[t][1]):>8} {kb(o[t][2]):>7} | "
              f"{p[t][0]:>9} {kb(p[t][1]):>8} {kb(p[t][2]):>7}")
    print(f"{'total':8} {o['req']:>9} {kb(o['raw']):>8} {kb(o['gzip']):>7} | "
          f"{p['req']:>9} {kb(p['raw']):>8} {kb(p['gzip']):>7}")
    print(f"per page {o['req'] / pages:>9.1f} {kb(o['raw'] / pages):>8} {kb(o['gzip'] / pages):>7} | "
          f"{p['req'] / pages:>9.1f} {kb(p['raw'] / pages):>8} {kb(p['gzip'] / pages):>7}")
    print(f"ours/plain: requests {ratio(o['req'], p['req'])}, gzip bytes {ratio(o['gzip'], p['gzip'])}; "
          f"third-party requests {o['3p']} / {p['3p']}; console errors {o['err']} / {p['err']}")


def own_assets() -> None:
    files = sorted((ROOT / "docs" / "css").glob("*.css")) + sorted((ROOT / "docs" / "js").glob("*.js"))
    sizes = {f.relative_to(ROOT / "docs").as_posix(): gzipped(f.read_bytes()) for f in files}
    total = sum(sizes.values())
    detail = ", ".join(f"{name} {kb(n)}" for name, n in sizes.items())
    verdict = "within" if total <= OWN_BUDGET else "OVER"
    print(f"Our own CSS+JS gzip: {kb(total)} KB ({detail}); budget {kb(OWN_BUDGET)} KB: {verdict}")


def install_lighthouse() -> None:
    if not (BENCH / "node_modules" / "lighthouse").is_dir():
        print("Installing Lighthouse (npm ci --prefix tools/bench) ...", flush=True)
        subprocess.run(["npm", "ci", "--prefix", str(BENCH), "--no-audit", "--no-fund", "--loglevel=error"],
                       check=True, stdout=subprocess.DEVNULL)


def lighthouse(origins: dict, site: Path, runs: int = LIGHTHOUSE_RUNS) -> None:
    """Lighthouse on the same pages of each build ({"ours": origin, "plain": origin}), in one run
    so the figures compare: category medians, and total blocking time beside the overview's."""
    version = json.loads((BENCH / "node_modules" / "lighthouse" / "package.json").read_text())["version"]
    paths = [p for p in LIGHTHOUSE_PAGES if (site / p / "index.html").exists()]
    if len(paths) < len(LIGHTHOUSE_PAGES):  # the named entry is gone: take another glossary entry
        paths.append(next(p for p in page_paths(site) if p.startswith("glossary/") and p != "glossary/"))
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    cats = ["performance", "accessibility", "best-practices", "seo"]
    print(f"\nLighthouse {version}, mobile preset, median of {runs} runs; TBT = total blocking time (ms), "
          "× = TBT over the overview's TBT in the same build")
    print(f"{'build':6} {'page':24} {'perf':>5} {'a11y':>5} {'bp':>5} {'SEO':>5} {'TBT':>6} {'×':>5}   performance runs")
    for name, origin in origins.items():
        result = subprocess.run(["node", str(BENCH / "lh.mjs"), str(runs), *[origin + p for p in paths]],
                                env=env, capture_output=True, text=True)
        if result.returncode:
            sys.exit(f"Lighthouse failed:\n{result.stderr}")
        scores = json.loads(result.stdout.strip().splitlines()[-1])
        overview = None
        for url, page_runs in scores.items():
            med = [round(statistics.median(r[c] for r in page_runs)) for c in cats]
            tbt = statistics.median(r["tbt"] for r in page_runs)
            overview = tbt if overview is None else overview  # the first page is the overview
            times = f"{tbt / overview:.2f}" if overview else "-"
            print(f"{name:6} {'/' + url[len(origin):]:24} " + " ".join(f"{m:>5}" for m in med)
                  + f" {tbt:>6.0f} {times:>5}   " + ", ".join(str(r["performance"]) for r in page_runs))


# -- Main -----------------------------------------------------------------------------------

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lighthouse", action="store_true", help="also run Lighthouse on both builds")
    parser.add_argument("--lighthouse-runs", type=int, default=LIGHTHOUSE_RUNS, help="Lighthouse runs per page (median)")
    parser.add_argument("--pages", type=int, default=0, help="load only the first N pages (default: all)")
    parser.add_argument("--verbose", "-v", action="store_true", help="list every request")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    if args.lighthouse:
        install_lighthouse()
    print(f"Machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} "
          "(timings and Lighthouse performance are noisy under load)")

    ports = {"ours": free_port(), "plain": free_port()}
    urls = {site: f"http://127.0.0.1:{port}/" for site, port in ports.items()}
    plain_config = ROOT / f".bench-plain-{os.getpid()}.yml"  # next to mkdocs.yml: hooks resolve
    servers = []
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        try:
            write_plain_config(plain_config, urls["plain"])
            configs = {"ours": ROOT / "mkdocs.yml", "plain": plain_config}
            times = defaultdict(list)
            out = {}
            print(f"Building each site {BUILDS} times ...", flush=True)
            for i in range(BUILDS):  # alternate, so drift in machine load hits both alike
                for site in ("ours", "plain"):
                    out[site] = Path(tmp) / f"{site}-{i}"
                    times[site].append(mkdocs_build(configs[site], out[site], urls[site]))
            plain_config.unlink()

            # Gzip like a real host (GitHub Pages): Lighthouse's simulated network counts bytes sent.
            servers = [Server(out[site], ports[site], compress=True) for site in ("ours", "plain")]
            paths = page_paths(out["ours"])
            if args.pages:
                paths = paths[: args.pages]
            print(f"Loading {len(paths)} pages from each build in Chromium ...\n", flush=True)
            results = {}
            with sync_playwright() as p:
                browser = launch(p)
                for path in paths:
                    results[path] = {site: first_load(browser, urls[site], path) for site in ("ours", "plain")}
                browser.close()

            totals = page_table(results, args.verbose)
            totals_table(totals, len(paths))
            print()
            for site in ("ours", "plain"):
                med = statistics.median(times[site])
                built = sum(1 for _ in out[site].rglob("*.html"))
                runs = ", ".join(f"{t:.2f}" for t in times[site])
                print(f"Build {site:5}: median {med:.2f} s of {BUILDS} ({runs}); "
                      f"{built} HTML pages, {med * 1000 / built:.0f} ms per page")
            own_assets()
            if args.lighthouse:
                lighthouse(urls, out["ours"], args.lighthouse_runs)
        finally:
            for server in servers:
                server.close()
            plain_config.unlink(missing_ok=True)


if __name__ == "__main__":
    main()
