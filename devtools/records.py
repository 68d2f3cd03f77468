"""``./run record``: add new published addresses and the current verdicts to records/.

    python -m devtools.records SITE_DIR   (SITE_DIR: a fresh build of the site)

It records nothing while the data, or records/ itself, has a mistake (each printed as
``file:line: message``, as the build prints them).
"""

from __future__ import annotations

import sys
from pathlib import Path

from explainer import content_rules, published, verdicts
from explainer.data import load_site
from explainer.problems import ContentError, report


def main(site_dir: str) -> int:
    root = Path(".")
    _, problems = content_rules.record_files(root)
    try:
        site = load_site(root / "data", root)
    except ContentError as error:
        problems += error.problems
        site = None
    if site is not None:
        problems += verdicts.check(site, root)
    if problems:
        print("Nothing recorded. " + report(sorted(set(problems))), file=sys.stderr)
        return 1
    added, total = published.update_registry(root, Path(site_dir))
    count = verdicts.write_record(root, site)
    print(f"{added} new addresses added; {total} published in {published.REGISTRY}")
    print(f"{count} verdicts recorded in {verdicts.RECORD}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
