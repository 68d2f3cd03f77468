"""A record's shape is written once: the schema (explainer/schema.py), the typed record
(explainer/records.py) and the table in data/README.md must name the same fields, so a key the
schema allows is never dropped silently on its way into a record."""

from __future__ import annotations

import re
from dataclasses import MISSING, fields

from conftest import ROOT
from explainer import data
from explainer import records as R

# Fields a record has that its YAML does not hold: set from where the record stands.
GIVEN = {R.Claim: {"passage"}, R.Forecast: {"passage"}, R.Passage: {"page"}}


def files():
    """Data file -> (schema of one entry, its record class), from the loader's table."""
    return {spec.name: (spec.schema, spec.record) for spec in data.DATA_FILES if spec.schema is not None}


def pairs():
    """(where, schema, record class) for every record the data files hold, nested ones too:
    from the loader's table down through each record and records field."""
    todo = [(name, schema, cls) for name, (schema, cls) in files().items()]
    seen = set()
    while todo:
        where, schema, cls = todo.pop()
        if cls in seen:
            continue
        seen.add(cls)
        yield where, schema, cls
        nested = {key: record_class for _, key, record_class, _ in R._shape(cls) if record_class}
        for key, spec in schema.items():
            if spec.kind in ("record", "records") and key in nested:
                todo.append((f"{where} › {key}", spec.schema, nested[key]))


def attributes(cls) -> dict[str, object]:
    """YAML key -> the dataclass field, for the fields a YAML mapping fills."""
    return {f.name.rstrip("_"): f for f in fields(cls)
            if f.name not in ("file", "line", "yaml") and f.name not in GIVEN.get(cls, ())}


def test_every_schema_key_is_a_record_field_and_back():
    found = list(pairs())
    assert len(found) >= 25, [w for w, _, _ in found]  # every nested record is reached
    for where, schema, cls in found:
        assert set(schema) == set(attributes(cls)), (
            f"{where}: only in the schema {sorted(set(schema) - set(attributes(cls)))}, "
            f"only in records.{cls.__name__} {sorted(set(attributes(cls)) - set(schema))}")


def test_a_nested_record_field_is_a_record_class():
    for where, schema, cls in pairs():
        nested = {key: (record_class, many) for _, key, record_class, many in R._shape(cls)}
        for key, spec in schema.items():
            if spec.kind in ("record", "records"):
                record_class, many = nested[key]
                assert record_class is not None and many == (spec.kind == "records"), f"{where} › {key}: records.{cls.__name__}"


def test_an_optional_key_has_a_default():
    """A key the schema lets a writer leave out has a default in the record (None, or () for a list)."""
    for where, schema, cls in pairs():
        for key, field in attributes(cls).items():
            if not schema[key].required:
                assert field.default is not MISSING or field.default_factory is not MISSING, f"{where} › {key}"


def readme_rows() -> dict[str, str]:
    """data/README.md's table of files: file name -> the row's description."""
    rows = {}
    for line in (ROOT / "data" / "README.md").read_text().splitlines():
        match = re.match(r"^\| `([^`]+)` \| (.*) \| [^|]* \|$", line)
        if match:
            rows[match.group(1)] = match.group(2)
    return rows


def test_the_readme_table_names_every_field():
    rows = readme_rows()
    for name, (schema, cls) in files().items():
        assert name in rows, f"data/README.md: no row for {name}"
        named = set(re.findall(r"`([a-z_]+)`", rows[name]))
        keys = set(schema)
        assert keys <= named, f"data/README.md, row {name}: missing {sorted(keys - named)}"
        known = {key for where, nested, _ in pairs() if where.split(" › ")[0] == name for key in nested}
        assert named <= known, f"data/README.md, row {name}: names {sorted(named - known)}, which the schema does not hold"


def test_a_one_record_file_that_failed_its_schema_still_has_its_prose_checked(tmp_path):
    """visuals.yml is built only once it passed its schema; its strings are checked all the same."""
    import shutil

    import pytest

    from explainer.problems import ContentError

    root = tmp_path / "data"
    shutil.copytree(ROOT / "data", root)
    path = root / "visuals.yml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("title: Iraq's government,", "title: Iraq's <b>government</b>, colour: red,", 1)
    path.write_text(text, encoding="utf-8")
    line = next(k for k, row in enumerate(text.splitlines(), 1) if "<b>government</b>" in row)
    with pytest.raises(ContentError) as error:
        data.load_site(root, tmp_path)
    found = [f"{p.file}:{p.line}: {p.message}" for p in error.value.problems]
    assert any(f.startswith(f"data/visuals.yml:{line}: ") and "unknown field 'colour'" in f for f in found), found
    assert any(f.startswith(f"data/visuals.yml:{line}: ") and "<b>" in f for f in found), found
