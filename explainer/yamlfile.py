"""Read YAML and remember the line every mapping, key and list item came from.

Writers get messages such as ``data/actors.yml:12: ...``; that needs line numbers, which
plain ``yaml.safe_load`` throws away. Here the node tree is composed first, then turned into
``Record`` (a dict) and ``Items`` (a list) that keep the lines. The schema checks these; the
writers never see them: explainer/records.py builds typed records from them (each keeping its
``Record`` as ``.yaml`` for the lines of its keys).
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

import yaml

from .problems import Problem

# libyaml's parser when PyYAML has it (its wheels do): the same nodes and marks, several times faster.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Record(dict):
    """A YAML mapping with ``file`` (as messages show it), ``line`` (where it starts) and
    ``key_lines`` (where each key is)."""

    file: str = "?"
    line: int = 0
    key_lines: dict
    text_starts: dict  # key -> line where a text value's first line stands

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class Items(list):
    """A YAML sequence with ``file``, ``line`` and the line of each item in ``item_lines``."""

    file: str = "?"
    line: int = 0
    item_lines: list


def _scalar(loader: yaml.SafeLoader, node: yaml.ScalarNode):
    value = loader.construct_object(node, deep=True)
    # Dates are compared and printed as text: "2020-01-03" and 2020-01-03 mean the same.
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()[:10]
    return value


def _convert(loader, node, path: str, problems: list[Problem]):
    if isinstance(node, yaml.MappingNode):
        record = Record()
        record.file = path
        record.line = node.start_mark.line + 1
        record.key_lines = {}
        record.text_starts = {}
        for key_node, value_node in node.value:
            key = _scalar(loader, key_node) if isinstance(key_node, yaml.ScalarNode) else None
            line = key_node.start_mark.line + 1
            if not isinstance(key, (str, int)):
                problems.append(Problem(path, line, "a key here is not a plain name"))
                continue
            key = str(key)
            if key in record:
                problems.append(Problem(path, line, f"the key '{key}' appears twice in one entry"))
            record[key] = _convert(loader, value_node, path, problems)
            record.key_lines[key] = line
            if isinstance(value_node, yaml.ScalarNode):
                # A block scalar (| or >) starts on the line after its indicator.
                block = value_node.style in ("|", ">")
                record.text_starts[key] = value_node.start_mark.line + 1 + (1 if block else 0)
        return record
    if isinstance(node, yaml.SequenceNode):
        items = Items()
        items.file = path
        items.line = node.start_mark.line + 1
        items.item_lines = []
        for child in node.value:
            items.append(_convert(loader, child, path, problems))
            items.item_lines.append(child.start_mark.line + 1)
        return items
    return _scalar(loader, node)


def load_yaml(file: Path, shown_as: str) -> tuple[object, list[Problem]]:
    """Load one YAML file; return its data (None if unreadable) and the problems found."""
    problems: list[Problem] = []
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return None, [Problem(shown_as, 1, f"cannot be read: {error}")]
    loader = _LOADER(text)
    try:
        root = loader.get_single_node()
        data = None if root is None else _convert(loader, root, shown_as, problems)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        reason = error.problem or str(error)
        return None, [Problem(shown_as, line, f"is not valid YAML: {reason}")]
    except yaml.YAMLError as error:
        return None, [Problem(shown_as, 1, f"is not valid YAML: {error}")]
    finally:
        loader.dispose()
    return data, problems


def strings_in(value, line: int):
    """Every string in a record, with the line where its text starts."""
    if isinstance(value, Record):
        for key, child in value.items():
            yield from strings_in(child, value.text_starts.get(key, value.line_of(key)))
    elif isinstance(value, Items):
        for child, child_line in zip(value, value.item_lines):
            yield from strings_in(child, child_line)
    elif isinstance(value, str):
        yield value, line
