"""Check the site's content as the build does, without building it: `make check`, the pull request's first step.

    python -m conference_site check [--root DIR] [--github]

Each problem is printed once, as `path:line: what is wrong; expected …`, and the exit status is 1 if there is
any. With `--github` (`make check` sets it on GitHub Actions) each is printed as a workflow command
`::error file=…,line=…::path:line: …` instead, which GitHub shows as that line in the job's log and as an
annotation on that line of the pull request's diff, and the list is added to the job's summary page
($GITHUB_STEP_SUMMARY). Plain Python: no MkDocs, so it answers in a second.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .catalog import load_catalog
from .problems import ContentError, Problem

TITLE = "Content check"


def content_problems(root: Path) -> list[Problem]:
    """Every problem of the content of the site at `root` (none: it builds), in the build's order."""
    try:
        load_catalog(root, root / "docs")
    except ContentError as error:
        return error.problems
    return []


def _escaped(text: str, *, property_value: bool = False) -> str:
    """Text made safe for a workflow command (GitHub's escaping of `%`, line ends and, in properties, `:` `,`)."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property_value else text


def workflow_command(problem: Problem) -> str:
    """The `::error` command that annotates the problem's line in a pull request."""
    # The message keeps its `path:line:` start: the job's log shows the command as that line, once.
    return (f"::error file={_escaped(problem.path, property_value=True)},line={problem.line},"
            f"title={_escaped(TITLE, property_value=True)}::{_escaped(str(problem))}")


def summary(problems: list[Problem]) -> str:
    """The job summary's section, in GitHub's Markdown."""
    if not problems:
        return f"## {TITLE}\n\nNo problems: the content is ready to build.\n"
    count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
    lines = "\n".join(str(problem) for problem in problems)
    return (f"## {TITLE}: {count}\n\nOpen each file at its line and change it as the \"expected\" part says "
            f"(CONTRIBUTING.md, section 5).\n\n```\n{lines}\n```\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m conference_site check", description=__doc__.split("\n")[0])
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the site's folder (default: here)")
    parser.add_argument("--github", action="store_true",
                        help="also annotate the problems' lines and write the job summary (GitHub Actions)")
    arguments = parser.parse_args(argv)
    problems = content_problems(arguments.root.resolve())
    if problems:
        heading, *lines = ContentError(problems).report().splitlines()
        print(heading)
        print("\n".join(map(workflow_command, problems) if arguments.github else lines))
    if arguments.github:
        summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
        if summary_file:
            with open(summary_file, "a", encoding="utf-8") as stream:
                stream.write(summary(problems))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
