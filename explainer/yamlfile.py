"""Read YAML and remember the line every mapping, key and list item came from.

Writers get messages such as ``data/actors.yml:12: ...``; that needs line numbers, which
plain ``yaml.safe_load`` throws away. Here the node tree is composed first, then turned into
``Record`` (a dict) and ``Items`` (a list) that keep the lines. The schema checks these; the
writers never see them: explainer/records.py builds typed records from them (each keeping its
``Record`` as ``.yaml`` for the lines of its keys).
"""

from __future__ import annotations

from pathlib import Path

import yaml

from .problems import Problem

# libyaml's parser when PyYAML has it (its wheels do): the same nodes and marks, several times faster.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
TIMESTAMP = "tag:yaml.org,2002:timestamp"
# Bounded input (a 100 KB field or a 10 KB id builds nothing useful and may hide a paste
# accident). The longest text in data/ was 982 characters and the longest id 51 (December 2026):
# the limits leave room for four times that text and half as long again for an id.
MAX_TEXT = 4000
MAX_ID = 80


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


def _scalar(loader: yaml.SafeLoader, node: yaml.ScalarNode, path: str, problems: list[Problem]):
    # Dates stay text, as written: "2020-01-03" and 2020-01-03 mean the same, and the schema,
    # not PyYAML's timestamp constructor, says what is wrong with 2014-06-31.
    if node.tag == TIMESTAMP:
        return node.value
    try:
        value = loader.construct_object(node, deep=True)
    except (ValueError, TypeError, OverflowError, yaml.YAMLError):  # e.g. !!int abc, !!python/object
        line = node.start_mark.line + 1
        if node.tag.startswith("tag:yaml.org,2002:") and "/" not in node.tag:
            problems.append(Problem(path, line, f"cannot read {node.value!r} as {node.tag.rsplit(':', 1)[-1]}"))
        else:
            problems.append(Problem(path, line, f"the YAML tag {node.tag!r} is not allowed; write a plain value"))
        return node.value
    if isinstance(value, str) and len(value) > MAX_TEXT:
        problems.append(Problem(path, node.start_mark.line + 1, f"this text is {len(value)} characters long; "
                                f"the limit is {MAX_TEXT} (split it, or link to a source)", rule="size"))
    return value


def _convert(loader, node, path: str, problems: list[Problem]):
    if isinstance(node, yaml.MappingNode):
        record = Record()
        record.file = path
        record.line = node.start_mark.line + 1
        record.key_lines = {}
        record.text_starts = {}
        for key_node, value_node in node.value:
            key = _scalar(loader, key_node, path, problems) if isinstance(key_node, yaml.ScalarNode) else None
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
    return _scalar(loader, node, path, problems)


def _anchors(text: str, shown_as: str) -> list[Problem]:
    """Every YAML anchor (&name) and alias (*name), refused: an alias repeats another part of the
    file, so a few lines can stand for billions of values (an "alias bomb"); data is written out."""
    if "&" not in text and "*" not in text:
        return []
    problems = []
    loader = _LOADER(text)
    try:
        while loader.check_event():
            event = loader.get_event()
            name = getattr(event, "anchor", None)
            if name is None:
                continue
            line = event.start_mark.line + 1
            if isinstance(event, yaml.AliasEvent):
                problems.append(Problem(shown_as, line, f"YAML alias '*{name}' is not allowed in data files; write the value out", rule="no-aliases"))
            else:
                problems.append(Problem(shown_as, line, f"YAML anchor '&{name}' is not allowed in data files; write the value out", rule="no-aliases"))
    except yaml.YAMLError:
        return []  # the full read below reports it, with its line
    finally:
        loader.dispose()
    return problems


def _syntax_message(error: yaml.MarkedYAMLError, text: str) -> str:
    reason = error.problem or str(error)
    mark = error.problem_mark
    lines = text.splitlines()
    at = lines[mark.line][mark.column:mark.column + 1] if mark and mark.line < len(lines) else ""
    if at == "\t" or "'\\t'" in reason or "tab character" in reason:  # libyaml does not always name the tab
        return "is not valid YAML: a tab character here; indent with spaces"
    if ("expected key" in reason or "expected <block end>" in reason) and mark and mark.line < len(lines):
        # The slip is usually on an earlier line: name the nearest one indented differently.
        indent = len(lines[mark.line]) - len(lines[mark.line].lstrip(" "))
        for number in range(mark.line - 1, -1, -1):
            before = lines[number]
            if before.strip() and not before.lstrip().startswith("#"):
                other = len(before) - len(before.lstrip(" "))
                if other != indent:
                    return (f"is not valid YAML: {reason}: this line is indented {indent} spaces, line {number + 1} "
                            f"{other}; the keys of one block need the same indentation")
                break
    if error.context and error.problem:
        return f"is not valid YAML: {error.context}, {error.problem}"
    return f"is not valid YAML: {reason}"


def read_text(file: Path, shown_as: str) -> tuple[str | None, list[Problem]]:
    """A writer's text file as text, or a message: missing, unreadable or not UTF-8 (with the line)."""
    try:
        raw = file.read_bytes()
    except FileNotFoundError:
        return None, [Problem(shown_as, 1, "this file is missing")]
    except OSError as error:
        return None, [Problem(shown_as, 1, f"cannot be read: {error.strerror or error}")]
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [Problem(shown_as, line, f"is not UTF-8 text (byte 0x{raw[error.start]:02x} here); save it as UTF-8")]


def load_yaml(file: Path, shown_as: str, empty_ok: bool = False) -> tuple[object, list[Problem]]:
    """Load one YAML file; return its data (None if unreadable or empty) and the problems found.
    An empty file (or only comments) is a mistake unless ``empty_ok``."""
    text, problems = read_text(file, shown_as)
    if text is None:
        return None, problems
    problems = _anchors(text, shown_as)
    if problems:
        return None, problems  # never composed, so never expanded
    loader = _LOADER(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return None, [] if empty_ok else [Problem(shown_as, 1, "this file is empty (an empty list is written [])")]
        data = _convert(loader, root, shown_as, problems)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        return None, [Problem(shown_as, line, _syntax_message(error, text))]
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
