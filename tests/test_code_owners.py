"""CODEOWNERS makes a maintainer approve every file that runs in CI or shapes every page, and only those; the
guides say that branch protection must require it."""

from __future__ import annotations

import fnmatch

import pytest

from site_builder import REPO

MAINTAINERS = "@social-work-conferences/maintainers"
MACHINERY = ["scripts/build.py", "pyproject.toml", "package.json", "package-lock.json", "requirements.txt",
             "data/labels.yml", "hooks/content.py", "conference_site/schema.py", "overrides/main.html",
             "mkdocs.yml", ".github/workflows/pr-check.yml", ".github/CODEOWNERS", "Makefile", ".ci/run",
             "tests/conftest.py", "bench/run.py"]
CONTENT = ["docs/ar/index.md", "docs/en/conferences/x.md", "docs/en/images/hall.png", "data/conferences/x.yml",
           "data/workshops/x.yml", "data/organisations/x.yml"]


def owners_of(path: str) -> list[str]:
    """The owners of `path`: as GitHub reads CODEOWNERS, the last matching line wins."""
    owners: list[str] = []
    for line in (REPO / ".github" / "CODEOWNERS").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        pattern, *teams = line.split()
        anchored = pattern.lstrip("/")
        if anchored.endswith("/") and path.startswith(anchored) or fnmatch.fnmatchcase(path, anchored):
            owners = teams
    return owners


@pytest.mark.parametrize("path", MACHINERY)
def test_machinery_needs_a_maintainer(path: str) -> None:
    assert owners_of(path) == [MAINTAINERS]


@pytest.mark.parametrize("path", CONTENT)
def test_content_needs_no_maintainer(path: str) -> None:
    assert owners_of(path) == []


@pytest.mark.parametrize("guide", ["CONTRIBUTING.md", "CONTRIBUTING.ar.md"])
def test_the_guides_say_branch_protection_must_require_code_owners(guide: str) -> None:
    text = (REPO / guide).read_text(encoding="utf-8")
    assert "Require review from Code Owners" in text and "CODEOWNERS" in text
