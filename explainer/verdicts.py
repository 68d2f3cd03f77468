"""The committed record of verdicts: a verdict may change only with a corrections entry.

``records/verdicts.txt`` holds one line per claim or forecast: its id and its label. When the
data's label differs from the record, the claim must carry ``updated`` and ``corrections.yml``
must have an entry for it; then ``./run record`` writes the new label into the record.
"""

from __future__ import annotations

from pathlib import Path

RECORD = Path("records/verdicts.txt")


def current(site) -> dict[str, str]:
    labels = {cid: c.verdict for cid, c in site.claims.items()}
    labels.update({fid: f.score for fid, f in site.forecasts.items()})
    return labels


def read_record(root: Path) -> dict[str, str]:
    path = root / RECORD
    if not path.exists():
        return {}
    pairs = (line.split() for line in path.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#"))
    return {pair[0]: pair[1] for pair in pairs}


def unlogged_changes(site, record: dict[str, str]) -> list[str]:
    """Claims whose label changed without an 'updated' date and a corrections entry."""
    corrected = {c.target for c in site.corrections.values()}
    problems = []
    for item_id, label in current(site).items():
        before = record.get(item_id)
        if before is None or before == label:
            continue
        item = site.claims.get(item_id) or site.forecasts.get(item_id)
        if item_id not in corrected:
            problems.append(f"{item_id}: {before} -> {label} has no entry in data/corrections.yml")
        if not item.updated:
            problems.append(f"{item_id}: {before} -> {label} but the claim has no 'updated' date")
    return problems


def write_record(root: Path, site) -> int:
    labels = current(site)
    header = "# Claim or forecast id and its label. Change a label only with a corrections entry (see explainer/verdicts.py).\n"
    (root / RECORD).parent.mkdir(exist_ok=True)
    (root / RECORD).write_text(header + "".join(f"{k} {v}\n" for k, v in sorted(labels.items())), encoding="utf-8")
    return len(labels)
