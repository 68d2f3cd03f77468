#!/usr/bin/env python3
"""Counts for the sources model (issue 15): sources by kind, copies, entries without an address,
claims whose first source falls outside its window, and the other sources rules.

    python3 tools/source_stats.py            # the working tree
    python3 tools/source_stats.py --at REV   # a commit (before the new model too: old kinds are mapped)

Reads the YAML directly (not through the site's schema), so it also runs on old commits.
"""

from __future__ import annotations

import argparse
import collections
import subprocess
from pathlib import Path

import yaml

from explainer import source_rules as R  # installed editable in .venv (requirements.txt: -e .)
from explainer.scales import FIRST_HAND_KINDS

ROOT = Path(__file__).resolve().parents[1]

OLD_KINDS = {"news": "reporting", "research": "analysis"}  # before the new model
# Before the new model a copy showed only in the publisher's name: "X (via Y)", "Y (AP)", ...
OLD_COPY = __import__("re").compile(r"\((?:[^)]*\b(?:via|copy|mirror|summar\w*|republished|reproduced|aggregat\w*|as aggregated"
                                    r"|report|archived|translation)\b[^)]*|AP|AFP|Reuters|Xinhua|Financial Times|Khaleej Times"
                                    r"|Wikipedia text)\)|as republished|WikiMili|Piglix|HandWiki|Wikisum|Wiki7|wikibrief|zxc\.wiki"
                                    r"|frwiki|StateMaster", __import__("re").IGNORECASE)


def read(at: str | None, path: str):
    if at is None:
        file = ROOT / path
        return yaml.safe_load(file.read_text(encoding="utf-8")) if file.exists() else None
    shown = subprocess.run(["git", "show", f"{at}:{path}"], cwd=ROOT, capture_output=True, text=True)
    return yaml.safe_load(shown.stdout) if shown.returncode == 0 else None


def read_claims(at):
    claims = []
    for page in ("background", "diplomacy-by-drones", "scenarios"):
        for passage in (read(at, f"data/passages/{page}.yml") or {}).get("passages") or []:
            claims += [("claim", c) for c in passage.get("claims") or []]
            claims += [("forecast", f) for f in passage.get("forecasts") or []]
    return claims


def text(value) -> str:
    return "" if value is None else str(value)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--at", help="a git revision (default: the working tree)")
    args = parser.parse_args()
    sources = {s["id"]: s for s in read(args.at, "data/sources.yml") or []}
    claims = read_claims(args.at)
    # An old commit has no 'about' dates: borrow today's for the same claim, to place its window.
    today = {c["id"]: c for _, c in read_claims(None)}
    borrowed = 0
    for _, c in claims:
        if not c.get("about") and today.get(c["id"], {}).get("about"):
            c["about"] = today[c["id"]]["about"]
            c["known_from"] = today[c["id"]].get("known_from")
            borrowed += 1

    def kind(s):
        k = text(s.get("kind"))
        if k == "news" and text(s.get("publisher")).split(" (")[0] in ("Associated Press", "Reuters", "AFP", "apnews.com"):
            return "wire"
        return OLD_KINDS.get(k, k)

    def read_at(s):
        return s.get("read_at") if isinstance(s.get("read_at"), dict) else {}

    def address(s):
        return s.get("url") or read_at(s).get("url")

    new_model = any(s.get("kind") in ("reporting", "wire", "analysis", "opinion") for s in sources.values())

    def is_copy(s):
        return bool(read_at(s)) if new_model else bool(OLD_COPY.search(text(s.get("publisher"))))

    def is_wiki(s):
        names = text(s.get("publisher")) + " " + text(read_at(s).get("publisher"))
        hosts = [R._host(s.get("url")), R._host(read_at(s).get("url"))]
        return bool(R.WIKI_NAMES.search(names)) or any(R._on(h, R.WIKI_HOSTS) for h in hosts)

    def is_repost(s):
        hosts = [R._host(s.get("url")), R._host(read_at(s).get("url"))]
        blogged = "blog" in text(s.get("publisher")).lower() or "blog" in text(read_at(s).get("publisher")).lower()
        return blogged or R._on(hosts[1], R.REPOST_HOSTS) or (R._on(hosts[0], R.REPOST_HOSTS) and not
                                                              any(b in hosts[0] for b in ("blogspot", "wordpress")))

    by_kind = collections.Counter(kind(s) for s in sources.values())
    print(f"Sources at {args.at or 'the working tree'}: {len(sources)}")
    print("  by kind: " + ", ".join(f"{k} {n}" for k, n in sorted(by_kind.items(), key=lambda kv: -kv[1])))
    print(f"  copies (what was read is not the original's own page): {sum(map(is_copy, sources.values()))}")
    print(f"  Wikipedia, or a copy or mirror of it: {sum(map(is_wiki, sources.values()))}")
    print(f"  blog or scraper reposts: {sum(map(is_repost, sources.values()))}")
    print(f"  without an address (no url, no read_at url): {sum(1 for s in sources.values() if not address(s))}")
    seen, duplicates = {}, 0
    for sid, s in sources.items():
        keys = [R._url_key(u) for u in (s.get("url"), read_at(s).get("url")) if isinstance(u, str)]
        keys.append(f"{R._key(s.get('title'))}|{s.get('date')}")
        if s.get("author"):
            keys.append(f"{R._key(s.get('publisher'))}|{R._key(s.get('author'))}|{s.get('date')}")
        if any(k in seen for k in keys):
            duplicates += 1
        for k in keys:
            seen.setdefault(k, sid)
    print(f"  entered twice (same address, title and date, or publisher, author and date): {duplicates}")

    # Publishers (issue 26): one name per outlet, each in data/outlets.yml with a reliability class.
    names = collections.Counter(text(s.get("publisher")) for s in sources.values())
    used = set(names) | {text(read_at(s).get("publisher")) for s in sources.values() if read_at(s)}
    # Spellings are grouped by the working tree's registry (its names and aliases), so old commits count too.
    registry = read(None, "data/outlets.yml") or []
    canonical = {}
    for o in registry:
        for alias in [o.get("name"), *(o.get("aliases") or [])]:
            canonical[R._key(alias)] = o.get("name")
    spellings = collections.defaultdict(set)
    for name in used:
        bare = __import__("re").sub(r"\s*\([^()]*\)$", "", name)
        home = canonical.get(R._key(name)) or canonical.get(R._key(bare)) or name
        spellings[home].add(bare if bare == home else name)  # "X (full text)" describes a copy of X
    twice = sorted(" / ".join(sorted(v)) for v in spellings.values() if len(v) > 1)
    print(f"Publishers: {len(names)} names of originals; outlets written more than one way: {len(twice)}")
    for group in twice:
        print(f"    {group}")
    outlets = read(args.at, "data/outlets.yml")
    if outlets:
        classes = collections.Counter(o.get("reliability") for o in outlets)
        by_name = {o.get("name"): o for o in outlets}
        unreliable = [sid for sid, s in sources.items() if by_name.get(s.get("publisher"), {}).get("reliability") == "unreliable"]
        print(f"  outlets registered (data/outlets.yml): {len(outlets)} ("
              + ", ".join(f"{k} {classes[k]}" for k in ("reliable", "attribution", "unreliable")) + ")")
        print(f"  originals from an unreliable outlet: {len(unreliable)} {unreliable if unreliable else ''}")

    factual = [c for what, c in claims if what == "claim" and c.get("verdict") != "opinion"]
    with_about = [c for c in factual if c.get("about")]
    wrong_kind, outside, address_less, first_address_less = [], [], [], []
    for what, c in claims:
        ids = [i for i in c.get("sources") or [] if i in sources]
        if ids and not any(address(sources[i]) for i in ids):
            address_less.append(c["id"])
        if ids and not address(sources[ids[0]]):
            first_address_less.append(c["id"])
    for c in factual:
        ids = [i for i in c.get("sources") or [] if i in sources]
        if not ids:
            continue
        first = sources[ids[0]]
        if kind(first) not in FIRST_HAND_KINDS:
            wrong_kind.append(c["id"])
        start = c.get("known_from") or c.get("about")
        if start and not R.in_window(text(first.get("date")), text(start)):
            outside.append(c["id"])
    print(f"Claims: {len(factual)} factual (not opinion), {sum(1 for w, _ in claims if w == 'forecast')} forecasts")
    print(f"  factual claims with 'about': {len(with_about)}; with 'known_from': {sum(1 for c in factual if c.get('known_from'))}"
          + (f" ({borrowed} borrowed from the working tree)" if borrowed else ""))
    print(f"  first source not primary/reporting/wire: {len(wrong_kind)} {wrong_kind if wrong_kind else ''}")
    print(f"  first source dated outside [about, about + 2 years]: {len(outside)} {outside if outside else ''}"
          + ("" if with_about else " (no claim records 'about')"))
    print(f"  claims/forecasts whose FIRST source has no address: {len(first_address_less)}; "
          f"resting ONLY on sources without one: {len(address_less)} {address_less if address_less else ''}")
    gaps = read(args.at, "data/known_gaps.yml")
    if gaps is not None:
        rules = collections.Counter(g.get("rule") for g in gaps or [])
        print(f"Known gaps (data/known_gaps.yml): {len(gaps or [])}" + (" (" + ", ".join(f"{r} {n}" for r, n in rules.items()) + ")" if rules else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
