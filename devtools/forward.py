"""``./run forward``: build the Markdown site with Zensical and compare it with the MkDocs build.

    python -m devtools.forward [--zensical PATH] [--keep DIR]

1. ``mkdocs build --strict`` of the project, as published;
2. ``./run markdown`` (explainer.export) into a folder, and ``zensical build`` of that folder
   (Zensical from requirements-forward.txt, in its own virtual environment);
3. compares the two builds: the same pages, and on each page the same published ids, by kind
   (headings and passages, annotations, claims, forecasts, glossary entries, timeline events,
   sources, corrections); then what else differs that a move would have to deal with
   (structured data, inline scripts the Content-Security-Policy does not allow, the search index).

It prints what differs and exits 0 whatever it finds (1 only when a build could not run). It is a
look ahead, not a test: it is not part of the test suite or CI.
"""

from __future__ import annotations

import argparse
import base64
import difflib
import hashlib
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

from explainer import htmlids
from explainer.published import HEADINGS, promised_ids
from explainer.export import export
from explainer.problems import ContentError
from explainer.redirects import read_redirects

ROOT = Path(__file__).resolve().parents[1]
ZENSICAL = ROOT / ".venv-forward" / "bin" / "zensical"
SHOWN = 8  # ids listed per page and kind; the rest are counted
KINDS = {  # class of a linkable block -> what the report calls it
    "annot": "annotations", "claim": "claims", "forecast": "forecasts", "tl-event": "timeline events",
    "timeline__event": "timeline events",
    "source": "sources", "correction": "corrections",
}
CSP = re.compile(r"""<meta http-equiv="Content-Security-Policy" content="([^"]*)">""")
INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)


class _ArticleText(HTMLParser):
    """The words of a page's <article> (the content, without the theme's header, nav and footer)."""

    def __init__(self):
        super().__init__()
        self.depth = 0
        self.words: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.depth += tag == "article"

    def handle_endtag(self, tag):
        self.depth -= tag == "article" and self.depth > 0

    def handle_data(self, data):
        if self.depth:
            self.words += data.split()


class Page:
    """What the comparison needs from one built page."""

    def __init__(self, text: str):
        article = _ArticleText()
        article.feed(text)
        self.words = article.words
        read = htmlids.read(text)
        self.refresh = read.refresh
        self.ids: dict[str, str] = {}  # published id -> its kind
        by_id = {element.id: element for element in read.elements}
        for element_id in promised_ids(read):
            element = by_id[element_id]
            kind = "headings" if element.tag in HEADINGS else next(KINDS[c] for c in sorted(element.classes) if c in KINDS)
            self.ids.setdefault(element_id, kind)
        self.all_ids = read.ids()
        self.structured_data = 'type="application/ld+json"' in text
        policy = CSP.search(text)
        self.csp = policy is not None
        allowed = set(re.findall(r"'sha256-([^']+)'", policy.group(1))) if policy else set()
        scripts = INLINE_SCRIPT.findall(text)
        self.blocked_scripts = [s for s in scripts if _sha256(s) not in allowed] if policy else []


def _sha256(script: str) -> str:
    return base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()


def read_site(site: Path) -> dict[str, Page]:
    pages = {}
    for file in sorted(site.rglob("*.html")):
        if file.name == "404.html":
            continue
        address = "/" + file.relative_to(site).as_posix().removesuffix("index.html")
        page = Page(file.read_text(encoding="utf-8"))
        if not page.refresh:
            pages[address] = page
    return pages


def run(command: list[str], cwd: Path, env: dict) -> tuple[float, subprocess.CompletedProcess]:
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    return time.perf_counter() - start, result


def build_both(work: Path, zensical: Path) -> tuple[Path, Path, list[str]]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.setdefault("SITE_URL", "http://127.0.0.1:8000/")
    notes = []
    seconds, result = run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(work / "mkdocs")], ROOT, env)
    if result.returncode:
        raise SystemExit(f"mkdocs build --strict failed:\n{result.stdout}{result.stderr}")
    notes.append(f"MkDocs build: {seconds:.1f} s")
    try:
        rendered = export(ROOT, work / "markdown")
    except ContentError as error:
        raise SystemExit(str(error)) from None
    notes.append(f"./run markdown: {len(rendered.pages)} pages ({sum(p.generated for p in rendered.pages)} generated)")
    seconds, result = run([str(zensical), "build", "--clean", "-f", "mkdocs.yml"], work / "markdown", env)
    output = (result.stdout + result.stderr).strip()
    if result.returncode:
        raise SystemExit(f"zensical build failed ({zensical}):\n{output}")
    version = subprocess.run([str(zensical), "--version"], capture_output=True, text=True).stdout.strip()
    notes.append(f"Zensical build ({version}): {seconds:.1f} s; it said: " + " / ".join(line for line in output.splitlines() if line.strip()))
    return work / "mkdocs", work / "markdown" / "site", notes


def compare(mkdocs_site: Path, zensical_site: Path) -> list[str]:
    ours, theirs = read_site(mkdocs_site), read_site(zensical_site)
    out = []
    only_ours, only_theirs = sorted(set(ours) - set(theirs)), sorted(set(theirs) - set(ours))
    out.append(f"Pages: MkDocs {len(ours)}, Zensical {len(theirs)}; in both {len(set(ours) & set(theirs))}")
    if only_ours:
        out.append(f"  only in the MkDocs build: {', '.join(only_ours)}")
    if only_theirs:
        out.append(f"  only in the Zensical build: {', '.join(only_theirs)}")

    totals: dict[str, list[int]] = {}
    differing = []
    for address in sorted(set(ours) & set(theirs)):
        a, b = ours[address], theirs[address]
        for element_id, kind in a.ids.items():
            totals.setdefault(kind, [0, 0])[0] += 1
        for element_id, kind in b.ids.items():
            totals.setdefault(kind, [0, 0])[1] += 1
        missing = {i: k for i, k in a.ids.items() if i not in b.all_ids}
        extra = {i: k for i, k in b.ids.items() if i not in a.all_ids}
        moved = {i: (k, b.ids.get(i, "another element")) for i, k in a.ids.items() if i in b.ids and b.ids[i] != k}
        if missing or extra or moved:
            differing.append((address, missing, extra, moved))
    out.append("Published ids on the pages in both builds (MkDocs / Zensical):")
    for kind in dict.fromkeys(["headings", *KINDS.values()]):
        if kind in totals:
            mk, zs = totals[kind]
            out.append(f"  {kind:<16} {mk:>5} / {zs:<5}{'' if mk == zs else '  DIFFERENT'}")
    entries = [a for a in ours if a.startswith("/glossary/") and a != "/glossary/"]
    out.append(f"  glossary entries {len(entries):>5} / {sum(1 for a in entries if a in theirs):<5}")
    if not differing:
        out.append("  every page has the same published ids in both builds")
    for address, missing, extra, moved in differing:
        out.append(f"  {address}:")
        for label, found in (("missing under Zensical", missing), ("only under Zensical", extra)):
            for kind, count in sorted(Counter(found.values()).items()):
                ids = [i for i, k in found.items() if k == kind]
                more = f" and {len(ids) - SHOWN} more" if len(ids) > SHOWN else ""
                out.append(f"    {label}: {count} {kind}: {', '.join('#' + i for i in ids[:SHOWN])}{more}")
        for element_id, (was, now) in moved.items():
            out.append(f"    #{element_id}: {was} under MkDocs, {now} under Zensical")

    both = sorted(set(ours) & set(theirs))
    changed = [a for a in both if ours[a].words != theirs[a].words]
    out.append(f"Text of the article on each page: the same on {len(both) - len(changed)} of {len(both)} pages")
    for address in changed[:3]:
        diff = difflib.SequenceMatcher(None, ours[address].words, theirs[address].words, autojunk=False)
        first = next(op for op in diff.get_opcodes() if op[0] != "equal")
        _, i1, i2, j1, j2 = first
        out.append(f"  {address}: first difference: MkDocs '{' '.join(ours[address].words[i1:i2][:12]) or '(nothing)'}' / "
                   f"Zensical '{' '.join(theirs[address].words[j1:j2][:12]) or '(nothing)'}'")
    if len(changed) > 3:
        out.append(f"  ... and {len(changed) - 3} more pages: {', '.join(changed[3:10])}{' ...' if len(changed) > 10 else ''}")

    out.append("Beyond ids (pages in both builds, MkDocs / Zensical):")
    for label, test in (("with structured data (JSON-LD)", lambda p: p.structured_data),
                        ("with the Content-Security-Policy", lambda p: p.csp),
                        ("with an inline script the CSP blocks", lambda p: bool(p.blocked_scripts))):
        out.append(f"  {label:<38} {sum(test(ours[a]) for a in both):>3} / {sum(test(theirs[a]) for a in both)}")
    for name, site in (("MkDocs", ours), ("Zensical", theirs)):
        blocked = {_sha256(s): s for a in both for s in site[a].blocked_scripts}
        for digest, script in blocked.items():
            out.append(f"    blocked under {name}: sha256-{digest} {script[:50]!r}...")
    moved = [old.partition("#") for old in read_redirects(ROOT)["fragments"]]
    answered = [sum(1 for page, _, i in moved if page in site and i in site[page].all_ids) for site in (ours, theirs)]
    out.append(f"  {'moved ids kept alive (redirects.yml)':<38} {answered[0]:>3} / {answered[1]}  (of {len(moved)})")
    for name in ("search/search_index.json", "search.json"):
        out.append(f"  {name:<38} {'yes' if (mkdocs_site / name).exists() else 'no':>3} / {'yes' if (zensical_site / name).exists() else 'no'}")
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--zensical", type=Path, default=ZENSICAL, help="the zensical command (default: .venv-forward/bin/zensical)")
    parser.add_argument("--keep", type=Path, help="build into this folder and keep it (default: a temporary folder)")
    args = parser.parse_args(argv)
    if not args.zensical.exists():
        print(f"No Zensical at {args.zensical}: run ./run forward (it installs requirements-forward.txt).", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="forward-") as temporary:
        work = args.keep or Path(temporary)
        work.mkdir(parents=True, exist_ok=True)
        mkdocs_site, zensical_site, notes = build_both(work.resolve(), args.zensical.absolute())
        print("\n".join(notes + compare(mkdocs_site, zensical_site)))
        if args.keep:
            print(f"Builds kept: {work}/mkdocs (MkDocs), {work}/markdown (the Markdown site), {work}/markdown/site (Zensical)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
