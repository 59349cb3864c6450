"""Two clean builds of the same commit, with the same SOURCE_DATE_EPOCH, are identical byte for byte.

The second build runs later, into another folder, in another process (another hash seed), so a wall-clock
time, an absolute path or an unordered set leaking into any file — the gzipped sitemap included — shows.
"""

from __future__ import annotations

from pathlib import Path

from conftest import BuiltSite
from site_builder import REPO, build


def files_of(root: Path) -> dict[str, bytes]:
    return {file.relative_to(root).as_posix(): file.read_bytes() for file in sorted(root.rglob("*")) if file.is_file()}


def test_two_builds_of_the_same_commit_are_identical(site: BuiltSite, tmp_path: Path) -> None:
    result = build(REPO, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    first, second = files_of(site.root), files_of(tmp_path / "site")
    assert "sitemap.xml.gz" in first and "en/index.html" in first
    assert sorted(first) == sorted(second)
    differing = [name for name in first if first[name] != second[name]]
    assert differing == []
