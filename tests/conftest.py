"""Build the real site once per test session; tests assert on what the build wrote."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))

from site_builder import REPO, build  # noqa: E402


@dataclass(frozen=True)
class BuiltSite:
    root: Path
    log: str

    def path(self, url_path: str) -> Path:
        """The file a URL path (such as `en/conferences/x/`) is served from."""
        file = self.root / url_path.lstrip("/")
        return file / "index.html" if url_path.endswith("/") or url_path == "" else file

    def html(self, url_path: str) -> BeautifulSoup:
        return BeautifulSoup(self.path(url_path).read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    site_dir = tmp_path_factory.mktemp("site")
    result = build(REPO, site_dir)
    assert result.returncode == 0, f"the real site does not build:\n{result.stdout}\n{result.stderr}"
    return BuiltSite(site_dir, result.stdout + result.stderr)
