"""Problems found in the content, reported to editors as `path:line: what is wrong; expected …`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    message: str
    expected: str = ""

    def __str__(self) -> str:
        text = f"{self.path}:{self.line}: {self.message}"
        return f"{text}; expected {self.expected}" if self.expected else text


class ContentError(Exception):
    """Every problem found in one pass over the content, so an editor can fix them all at once."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        heading = f"{count} problem{'s' if count != 1 else ''} in the site's content:"
        return "\n".join([heading, *(str(problem) for problem in self.problems)])
