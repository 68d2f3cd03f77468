"""A content mistake, with where it is, and the error that stops a build listing them all."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    message: str
    # The rule's short name, shown as "[rule NAME]" so a writer can look it up in data/README.md
    # ("Rules the build checks"). Empty for plain format mistakes (YAML, schema).
    rule: str = ""

    def __str__(self) -> str:
        tag = f" [rule {self.rule}]" if self.rule else ""
        return f"{self.file}:{self.line}: {self.message}{tag}"


class ContentError(Exception):
    """Raised once, with every problem found, so a writer can fix them all in one go."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__(report(self.problems))


def report(problems: list[Problem]) -> str:
    count = len(problems)
    head = f"{count} content mistake{'s' if count != 1 else ''} found; the site was not built:"
    return "\n".join([head, *(f"  {p}" for p in problems)])
