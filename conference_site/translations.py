"""Which English pages still match the Arabic text they were translated from.

Arabic is the source language. Each English page records in its front matter, as `translated_from`, a short
hash of the Arabic page it was last brought up to date with. When the Arabic page changes, its hash changes
and the English page is reported as older than its Arabic — without needing the git history, so the check
works the same in a fresh clone, a CI checkout of one commit, or a copy of the files. The hash is of what the
page says (its front matter's fields and values, and its body), so comments, the order of the fields and
trailing spaces are no change.

A page written in both languages at once needs no record (`make new-…` writes none): an English page without
`translated_from` is up to date unless a commit changed its Arabic after its English (or the Arabic has changes
not committed yet and the English has none), as far as the git history tells; without a history it is up to date.

    python -m conference_site.translations status        # the table (`make translation-status`)
    python -m conference_site.translations done PAGE…    # record that PAGE's English now matches its Arabic
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import re
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from . import languages
from .problems import Problem
from .schema import DEFAULT_LANGUAGE, LANGUAGE_NAMES
from .limits import MAX_PAGE_BYTES
from .yaml_source import MarkdownSource, parse_markdown, read_text

SOURCE_LANGUAGE = DEFAULT_LANGUAGE
TRANSLATION_LANGUAGE = languages.TRANSLATED.code
FIELD = "translated_from"
HASH_PATTERN = r"^[0-9a-f]{12}$"

UP_TO_DATE = "up to date"
OUTDATED = f"{LANGUAGE_NAMES[TRANSLATION_LANGUAGE]} older than {LANGUAGE_NAMES[SOURCE_LANGUAGE]}"
UNREADABLE = "cannot be read"
STATUS_ORDER = (UNREADABLE, OUTDATED, "missing", UP_TO_DATE)


def _normalised(text: str) -> str:
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    return "\n".join(lines).strip("\n")


def _text_hash(text: str) -> str:
    return hashlib.sha256(_normalised(text).encode("utf-8")).hexdigest()[:12]


def source_hash(text: str) -> str:
    """The hash of what a source page says: its front matter's fields and values (not their comments, order or
    layout) and its body (line endings and trailing spaces do not count)."""
    source = parse_markdown(text, "", [])
    return _text_hash(text) if source is None else parsed_source_hash(source)


def parsed_source_hash(source: MarkdownSource) -> str:
    """`source_hash` of a page already read."""
    fields = json.dumps(source.front_matter.data, ensure_ascii=False, sort_keys=True, default=str)
    return _text_hash(f"{fields}\n---\n{_normalised(source.body)}")


def matches(recorded: str, source_text: str) -> bool:
    """Whether a recorded hash is that of the source text. Records made before comments stopped counting hashed
    the page's text as written; they still count until the page is next recorded."""
    return recorded in (source_hash(source_text), _text_hash(source_text))


@dataclass(frozen=True)
class PageStatus:
    uri: str
    languages: tuple[str, ...]
    status: str

    @property
    def is_current(self) -> bool:
        return self.status == UP_TO_DATE


def _pages(docs_dir: Path, language: str) -> dict[str, Path]:
    folder = docs_dir / language
    return {file.relative_to(folder).as_posix(): file for file in sorted(folder.rglob("*.md"))} if folder.is_dir() else {}


def recorded_hash(file: Path, path: str, problems: list[Problem], read: Mapping[str, MarkdownSource]) -> str | None:
    """The `translated_from` of a translated page, or None (adding a problem if it cannot be read)."""
    source = read.get(path)
    if source is None:
        text = read_text(file, path, problems, MAX_PAGE_BYTES)
        source = parse_markdown(text, path, problems) if text is not None else None
    if source is None:
        return None
    value = source.front_matter.data.get(FIELD)
    if value is not None and not (isinstance(value, str) and re.fullmatch(HASH_PATTERN, value)):
        problems.append(Problem(path, source.front_matter.line_of((FIELD,)), f"'{FIELD}' is {value!r}",
                                f'12 hexadecimal characters in quotes, as written by "make translation-done"'))
        return None
    return value


def last_changes(root: Path, folder: Path) -> dict[Path, float] | None:
    """How recently each file under `folder` changed, as git knows it: the higher, the later (its last commit's
    place in the history, newest highest; infinity for changes not committed yet). None without a git history."""
    def git(*arguments: str) -> str | None:
        try:
            result = subprocess.run(["git", "-C", str(root), *arguments, "--", str(folder)], capture_output=True,
                                    text=True, timeout=60)
        except (OSError, subprocess.TimeoutExpired):
            return None
        return result.stdout if result.returncode == 0 else None

    history = git("log", "--format=%x00", "--name-only", "--relative")
    uncommitted = git("ls-files", "--modified", "--others", "--exclude-standard")
    if history is None or uncommitted is None:
        return None
    changes: dict[Path, float] = {}
    moment = 0.0  # git log lists the newest commit first: each older one a step lower
    for line in history.splitlines():
        if line.startswith("\x00"):
            moment -= 1
        elif line:
            changes.setdefault((root / line).resolve(), moment)
    changes.update({(root / line).resolve(): math.inf for line in uncommitted.splitlines() if line})
    return changes


def statuses(root: Path, docs_dir: Path | None = None,
             read: Mapping[str, MarkdownSource] = MappingProxyType({})) -> tuple[list[PageStatus], list[Problem]]:
    """The status of every page of the site at `root`, most urgent first, and the pages that cannot be read.
    `read`: pages already read, by their path from `root` (a build's catalog holds every page); the others are
    read from their files."""
    docs_dir = docs_dir or root / "docs"
    source_pages = _pages(docs_dir, SOURCE_LANGUAGE)
    translated_pages = _pages(docs_dir, TRANSLATION_LANGUAGE)
    problems: list[Problem] = []
    result = []
    history: list[dict[Path, float] | None] = []  # read once, when a page without a record needs it
    for uri in sorted(set(source_pages) | set(translated_pages)):
        languages = tuple(lang for lang, pages in ((SOURCE_LANGUAGE, source_pages),
                                                   (TRANSLATION_LANGUAGE, translated_pages)) if uri in pages)
        if len(languages) < 2:
            missing = SOURCE_LANGUAGE if SOURCE_LANGUAGE not in languages else TRANSLATION_LANGUAGE
            result.append(PageStatus(uri, languages, f"missing: no {LANGUAGE_NAMES[missing]} page"))
            continue
        translated = translated_pages[uri]
        found = len(problems)
        source = source_pages[uri].relative_to(root).as_posix()
        recorded = recorded_hash(translated, translated.relative_to(root).as_posix(), problems, read)
        if recorded is not None and source in read and recorded == parsed_source_hash(read[source]):
            result.append(PageStatus(uri, languages, UP_TO_DATE))
            continue
        source_text = read_text(source_pages[uri], source, problems, MAX_PAGE_BYTES)
        if len(problems) > found or source_text is None:
            result.append(PageStatus(uri, languages, UNREADABLE))
        elif recorded is None:
            # Written together with its Arabic, unless the history shows the Arabic changed after it.
            if not history:
                history.append(last_changes(root, docs_dir))
            changes = history[0] or {}
            arabic, english = (changes.get(page.resolve(), -math.inf) for page in (source_pages[uri], translated))
            result.append(PageStatus(uri, languages, OUTDATED if arabic > english else UP_TO_DATE))
        else:
            result.append(PageStatus(uri, languages, UP_TO_DATE if matches(recorded, source_text) else OUTDATED))
    result.sort(key=lambda page: (next(i for i, s in enumerate(STATUS_ORDER) if page.status.startswith(s)),
                                  page.uri))
    return result, problems


def table(pages: list[PageStatus]) -> str:
    """The report as a plain-text table, one page per line."""
    rows: list[tuple[str, ...]] = [("page", LANGUAGE_NAMES[SOURCE_LANGUAGE], LANGUAGE_NAMES[TRANSLATION_LANGUAGE],
                                    "status")]
    for page in pages:
        rows.append((page.uri, *("yes" if lang in page.languages else "NO"
                                 for lang in (SOURCE_LANGUAGE, TRANSLATION_LANGUAGE)), page.status))
    widths = [max(len(row[column]) for row in rows) for column in range(3)]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row[:3], widths)) + "  " + row[3] for row in rows]
    current = sum(page.is_current for page in pages)
    lines.append(f"{len(pages)} pages: {current} up to date, {len(pages) - current} to look at")
    return "\n".join(lines)


def mark_translated(root: Path, uri: str) -> str:
    """Record in the English page of `uri` that it matches the Arabic page as it is now; its hash."""
    source = root / "docs" / SOURCE_LANGUAGE / uri
    translated = root / "docs" / TRANSLATION_LANGUAGE / uri
    for file in (source, translated):
        if not file.is_file():
            raise FileNotFoundError(f"{file.relative_to(root).as_posix()}: there is no such page")
    problems: list[Problem] = []
    source_text, translated_text = (read_text(file, file.relative_to(root).as_posix(), problems, MAX_PAGE_BYTES)
                                    for file in (source, translated))
    if problems or source_text is None or translated_text is None:
        raise ValueError(str(problems[0]) if problems else f"{uri}: the pages cannot be read")
    digest = source_hash(source_text)
    lines = translated_text.splitlines(keepends=True)
    closing = next((index for index in range(1, len(lines)) if lines[index].rstrip() == "---"), None)
    if not lines or lines[0].rstrip() != "---" or closing is None:
        raise ValueError(f"{translated.relative_to(root).as_posix()}:1: the page has no front matter; "
                         "expected the page to start with a '---' line, its fields, and another '---' line")
    entry = f'{FIELD}: "{digest}"\n'
    existing = [index for index in range(1, closing) if lines[index].startswith(f"{FIELD}:")]
    if existing:
        # Only the value changes: a comment after it stays.
        lines[existing[0]] = re.sub(rf"^{FIELD}:[^#\n]*?(?=\s*(?:#|$))", entry.rstrip("\n"), lines[existing[0]],
                                    count=1, flags=re.MULTILINE)
    else:
        lines.insert(closing, entry)
    translated.write_text("".join(lines), encoding="utf-8")
    return digest


def page_uri(argument: str) -> str:
    """A page given as `conferences/x.md` or as its path `docs/ar/conferences/x.md` / `docs/en/…`."""
    match = re.fullmatch(rf"(?:docs/)?(?:{SOURCE_LANGUAGE}|{TRANSLATION_LANGUAGE})/(.+)", argument)
    return match.group(1) if match else argument


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m conference_site.translations", description=__doc__.split("\n")[0])
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the site's folder (default: here)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("status", help="print every page and whether its English matches its Arabic")
    done = commands.add_parser("done", help="record that the English of these pages matches their Arabic")
    done.add_argument("pages", nargs="+", metavar="PAGE", help="e.g. conferences/x.md or docs/en/conferences/x.md")
    arguments = parser.parse_args(argv)
    root = arguments.root.resolve()
    if arguments.command == "status":
        pages, problems = statuses(root)
        print(table(pages))
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1 if problems else 0
    for argument in arguments.pages:
        try:
            digest = mark_translated(root, page_uri(argument))
        except (FileNotFoundError, ValueError) as error:
            print(error, file=sys.stderr)
            return 1
        print(f"docs/{TRANSLATION_LANGUAGE}/{page_uri(argument)}: {FIELD} {digest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
