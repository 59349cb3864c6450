"""When each content file was first published and last changed, from the repository's history: the sitemap's
`lastmod` and the feed's `pubDate`.

The dates are the commits' (their committer time), so that two builds of one commit write the same values. A file
the history does not know — a copy without `.git` (a release tarball, a test's fixture site), or a file added or
changed since the last commit — is dated by SOURCE_DATE_EPOCH when it is set (the build's own date, which
`make build` takes from the last commit), else by the file's modification time.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from .catalog import LABELS_FILE, Catalog
from .kinds import AnyEntity

# The folders whose files are the content: the site's machinery (hooks, templates) does not date a page.
CONTENT_FOLDERS = ("docs", "data")


@dataclass(frozen=True)
class FileDates:
    first_published: dt.datetime
    last_changed: dt.datetime


def _from_timestamp(seconds: int | float) -> dt.datetime:
    return dt.datetime.fromtimestamp(int(seconds), dt.timezone.utc)


def _git(root: Path, *arguments: str) -> str | None:
    try:
        result = subprocess.run(["git", "-C", str(root), *arguments], capture_output=True, text=True, timeout=60,
                                check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout if result.returncode == 0 else None


def _committed_dates(root: Path) -> dict[str, FileDates]:
    """Each committed content file's first and last commit times (paths from `root`); empty without history."""
    # Only when `root` is the repository's top: a folder copied inside another repository is not its history.
    top = _git(root, "rev-parse", "--show-toplevel")
    if top is None or Path(top.strip()).resolve() != root.resolve():
        return {}
    log = _git(root, "-c", "core.quotePath=false", "log", "--format=%x00%ct", "--name-only", "--no-renames", "--",
               *CONTENT_FOLDERS)
    if log is None:
        return {}
    dates: dict[str, FileDates] = {}
    for commit in log.split("\0")[1:]:
        stamp, *paths = commit.strip().split("\n")
        moment = _from_timestamp(int(stamp))
        for path in filter(None, paths):
            known = dates.get(path)
            # Newest commit first: the first seen is the last change, the last seen the first publication.
            dates[path] = FileDates(moment, known.last_changed if known else moment)
    changed = _git(root, "-c", "core.quotePath=false", "status", "--porcelain", "--no-renames",
                   "--untracked-files=all", "--", *CONTENT_FOLDERS) or ""
    for line in changed.splitlines():
        dates.pop(line[3:].strip().strip('"'), None)
    return dates


class ContentDates:
    """The dates of the content files of the site at `root`, read once."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._committed = _committed_dates(root)
        epoch = os.environ.get("SOURCE_DATE_EPOCH")
        self._build_date = _from_timestamp(int(epoch)) if epoch else None

    def of(self, path: str) -> FileDates:
        """The dates of one content file (a path from the site's root, such as `docs/ar/index.md`)."""
        committed = self._committed.get(path)
        if committed is not None:
            return committed
        moment = self._build_date or _from_timestamp((self.root / path).stat().st_mtime)
        return FileDates(moment, moment)

    def last_changed(self, paths: list[str]) -> dt.datetime:
        return max(self.of(path).last_changed for path in paths)


def page_sources(catalog: Catalog, language: str, page_uri: str) -> list[str]:
    """The content files a page of `language` is made from: an entity's page and data file; for any other page
    (the home, a listing, a generated year page), which lists the entities, every content file of the language
    and every data file."""
    entity = catalog.entity_for_page(page_uri)
    if entity is not None:
        return [entity.translations[language].path, entity.data_path]
    every_entity: list[AnyEntity] = [*catalog.conferences.values(), *catalog.workshops.values(),
                                     *catalog.organisations.values()]
    return [*(pages[language].path for pages in catalog.general_pages.values()),
            *(entity.translations[language].path for entity in every_entity),
            *(entity.data_path for entity in every_entity), LABELS_FILE]
