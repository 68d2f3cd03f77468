"""The review list for the next check (issue 26): ``./run review``.

Prints every "what happened next" block, fate, claim and forecast with the day it was checked and
the date of its newest source, the longest unchecked first, and flags wording that goes stale
("caretaker", "ongoing", "not confirmed", "as of November" ...). It prints; it is not a test.

    ./run review            # everything, oldest check first
    ./run review --flagged  # only items with stale wording or dates out of order
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from explainer import freshness
from explainer.data import load_site
from explainer.problems import ContentError

ROOT = Path(__file__).resolve().parents[1]

# Words that are true on the day they are written and wrong a few months later.
STALE = re.compile(
    r"\b(caretaker|ongoing|still|so far|yet to|not yet|under way|underway|remains?|continues?|pending|"
    r"not confirmed|could not confirm|unconfirmed|no reliable report\w*|we found no|no report|"
    r"as of (?:january|february|march|april|may|june|july|august|september|october|november|december)|"
    r"this (?:week|month|year)|currently|at present|recently|latest)\b", re.IGNORECASE)


def _items(site):
    """(kind, id, where, checked, as_of, text, source ids) for everything a check revisits."""
    for what, rid, record, as_of_key, checked_key in freshness.blocks(site):
        text = record.text if as_of_key == "as_of" else record.fate
        kind = "next" if as_of_key == "as_of" else "fate"
        yield kind, rid, f"{record.file}:{record.line_of(as_of_key)}", getattr(record, checked_key), \
            getattr(record, as_of_key), text, record.sources
    for kind, items in (("claim", site.claims), ("forecast", site.forecasts)):
        for item in items.values():
            text = " ".join(filter(None, (item.reason, item.evidence)))
            yield kind, item.id, f"{item.file}:{item.line}", item.checked, None, text, item.sources


def rows(site):
    out = []
    for kind, rid, where, checked, as_of, text, sources in _items(site):
        newest = freshness.newest_source(site, sources)
        flags = sorted({m.group(0).lower() for m in STALE.finditer(text or "")})
        notes = []
        if as_of and newest and freshness.span(as_of)[0] > freshness.span(newest[1])[1]:
            notes.append(f"as_of {as_of} is later than the newest source ({newest[1]})")
        if checked is None and kind in ("next", "fate"):
            notes.append("no checked date")
        out.append({"kind": kind, "id": rid, "where": where, "checked": checked, "as_of": as_of,
                    "newest": newest[1] if newest else None, "newest_id": newest[0] if newest else None,
                    "flags": flags, "notes": notes})
    # The longest unchecked first; among equals, the one resting on the oldest reporting.
    out.sort(key=lambda r: (r["checked"] or "0000", r["newest"] or "0000", r["kind"], r["id"]))
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--flagged", action="store_true", help="only items with stale wording or dates to look at")
    args = parser.parse_args(argv)
    try:
        site = load_site(ROOT / "data", ROOT)
    except ContentError as error:
        print(error, file=sys.stderr)
        return 1
    listed = [r for r in rows(site) if not args.flagged or r["flags"] or r["notes"]]
    print(f"{'checked':<10}  {'newest src':<10}  {'kind':<8}  id  (where)")
    for r in listed:
        print(f"{r['checked'] or '—':<10}  {r['newest'] or '—':<10}  {r['kind']:<8}  {r['id']}  ({r['where']})")
        if r["as_of"]:
            print(f"{'':<34}as of {r['as_of']}; newest source {r['newest_id']}")
        for note in r["notes"]:
            print(f"{'':<34}! {note}")
        if r["flags"]:
            print(f"{'':<34}stale wording: " + ", ".join(f'"{f}"' for f in r["flags"]))
    flagged = sum(1 for r in listed if r["flags"] or r["notes"])
    print(f"\n{len(listed)} items; {flagged} with stale wording or dates to look at.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
