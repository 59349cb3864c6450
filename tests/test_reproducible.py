"""Two clean builds of the same commit, with the same SOURCE_DATE_EPOCH, are identical byte for byte.

The second build runs later, into another folder, in another process (another hash seed), so a wall-clock
time, an absolute path or an unordered set leaking into any file — the gzipped sitemap included — shows.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

from conftest import BuiltSite
from editor_tasks import copy_repository, make
from site_builder import build


def files_of(root: Path) -> dict[str, bytes]:
    return {file.relative_to(root).as_posix(): file.read_bytes() for file in sorted(root.rglob("*")) if file.is_file()}


def test_two_builds_of_the_same_commit_are_identical(site: BuiltSite, project: Path, tmp_path: Path) -> None:
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    first, second = files_of(site.root), files_of(tmp_path / "site")
    assert "sitemap.xml.gz" in first and "en/index.html" in first
    assert sorted(first) == sorted(second)
    differing = [name for name in first if first[name] != second[name]]
    assert differing == []


def test_make_build_dates_the_site_by_the_last_commit(tmp_path: Path) -> None:
    """`make build` without SOURCE_DATE_EPOCH uses the last commit's time, so it too is reproducible."""
    project = copy_repository(tmp_path / "project")
    git = ["git", "-C", str(project), "-c", "user.name=Editor", "-c", "user.email=editor@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "content"], check=True,
                   env={"GIT_COMMITTER_DATE": "2024-02-03T12:00:00+00:00", "PATH": "/usr/bin:/bin"})
    result = make(project, "build", unset=("SOURCE_DATE_EPOCH", "SITE_URL"))
    assert result.returncode == 0, result.stdout + result.stderr
    # MkDocs writes the build's day (that of SOURCE_DATE_EPOCH, at 00:00 UTC) into sitemap.xml.gz's gzip header.
    header = (project / "site" / "sitemap.xml.gz").read_bytes()[:8]
    commit_day = int(dt.datetime(2024, 2, 3, tzinfo=dt.timezone.utc).timestamp())
    assert int.from_bytes(header[4:8], "little") == commit_day
