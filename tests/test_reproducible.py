"""Two builds with the same SOURCE_DATE_EPOCH and SITE_URL are byte-identical."""

from __future__ import annotations

import filecmp

from conftest import mkdocs_build


def test_two_builds_are_identical(tmp_path, built_site, site_port):
    again = tmp_path / "again"
    result = mkdocs_build(again, f"http://127.0.0.1:{site_port}/")
    assert result.returncode == 0, result.stderr
    first = sorted(p.relative_to(built_site) for p in built_site.rglob("*") if p.is_file())
    second = sorted(p.relative_to(again) for p in again.rglob("*") if p.is_file())
    assert first == second
    _, mismatch, errors = filecmp.cmpfiles(built_site, again, [str(p) for p in first], shallow=False)
    assert not mismatch and not errors, mismatch[:10]
