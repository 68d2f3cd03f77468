"""The committed record of verdicts: a verdict may change only with a corrections entry.

``records/verdicts.txt`` holds one line per claim or forecast: its id and its label. When the
data's label differs from the record, the claim must carry ``updated`` and ``corrections.yml``
must have an entry for it, or the build fails (``check``, rule ``verdict-record``); then
``./run record`` writes the new label into the record.
"""

from __future__ import annotations

from pathlib import Path

from .problems import Problem
from .scales import FORECAST_SCORES, VERDICTS
from .schema import ID_PATTERN
from .yamlfile import read_text

RECORD = Path("records/verdicts.txt")
RULE = "verdict-record"


def current(site) -> dict[str, str]:
    labels = {cid: c.verdict for cid, c in site.claims.items()}
    labels.update({fid: f.score for fid, f in site.forecasts.items()})
    return labels


def load_record(root: Path) -> tuple[dict[str, tuple[str, int]], list[Problem]]:
    """id -> (label, line) from records/verdicts.txt (empty when absent), and its malformed lines."""
    path = root / RECORD
    if not path.exists():
        return {}, []
    shown = RECORD.as_posix()
    text, problems = read_text(path, shown)
    record: dict[str, tuple[str, int]] = {}
    labels = {*VERDICTS, *FORECAST_SCORES}
    for number, line in enumerate((text or "").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        words = line.split()
        if len(words) != 2 or words[1] not in labels or not ID_PATTERN.match(words[0]):
            problems.append(Problem(shown, number, f"{line.strip()!r} is not 'claim-id label' (a label is one of: {', '.join(sorted(labels))}); "
                                    "./run record rewrites this file", rule=RULE))
        elif words[0] in record:
            problems.append(Problem(shown, number, f"'{words[0]}' is already recorded at line {record[words[0]][1]}", rule=RULE))
        else:
            record[words[0]] = (words[1], number)
    return record, problems


def read_record(root: Path) -> dict[str, str]:
    return {item_id: label for item_id, (label, _) in load_record(root)[0].items()}


def check(site, root: Path) -> list[Problem]:
    """The verdict record as a build rule: the record's own mistakes, and each changed label
    that lacks its 'updated' date or its corrections entry, at the label's line in data/
    (the record's own mistakes: load_record)."""
    record, _ = load_record(root)
    problems = []
    corrected = {c.target for c in site.corrections.values()}
    for item_id, label in current(site).items():
        before, record_line = record.get(item_id, (None, 0))
        if before is None or before == label:
            continue
        item = site.claims.get(item_id) or site.forecasts.get(item_id)
        key = "verdict" if item_id in site.claims else "score"
        was = f"'{item_id}' was {before} ({RECORD.as_posix()}:{record_line}), now {label}"
        if not item.updated:
            problems.append(Problem(item.file, item.line_of(key), f"{was}: give the {key} an 'updated:' date", rule=RULE))
        if item_id not in corrected:
            problems.append(Problem(item.file, item.line_of(key), f"{was}: add an entry for it to data/corrections.yml", rule=RULE))
    return problems


def write_record(root: Path, site) -> int:
    labels = current(site)
    header = "# Claim or forecast id and its label. Change a label only with a corrections entry (see explainer/verdicts.py).\n"
    (root / RECORD).parent.mkdir(exist_ok=True)
    (root / RECORD).write_text(header + "".join(f"{k} {v}\n" for k, v in sorted(labels.items())), encoding="utf-8")
    return len(labels)
