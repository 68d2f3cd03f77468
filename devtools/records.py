"""``./run record``: add new published addresses and the current verdicts to records/.

    python -m devtools.records SITE_DIR   (SITE_DIR: a fresh build of the site)
"""

from __future__ import annotations

import sys
from pathlib import Path

from explainer import published, verdicts
from explainer.data import load_site


def main(site_dir: str) -> int:
    root = Path(".")
    site = load_site(root / "data", root)
    problems = verdicts.unlogged_changes(site, verdicts.read_record(root))
    if problems:
        print("Not recorded: these verdicts changed without a correction:\n  " + "\n  ".join(problems))
        return 1
    added, total = published.update_registry(root, Path(site_dir))
    count = verdicts.write_record(root, site)
    print(f"{added} new addresses added; {total} published in {published.REGISTRY}")
    print(f"{count} verdicts recorded in {verdicts.RECORD}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
