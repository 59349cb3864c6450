"""Build a site the way an editor or CI does: the real `mkdocs build` command, in a subprocess."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures"
# The site's machinery: everything a copy of the site needs besides its content. The Python package
# conference_site/ is not copied: the copy's hooks import this repository's, which the environment's .pth file
# (Makefile, .venv/installed) puts on the path, as an installed library would be.
MACHINERY = ("mkdocs.yml", "hooks", "overrides", "data/labels.yml")
# 2023-05-01: on the sample fixture site (tests/fixtures/sample/) the Lakeside congress (21–24 May 2023) and the
# Spring forum (2030) are then upcoming and the Harbour conference (26–27 April 2023) past.
TEST_EPOCH = "1682899200"


def build(project: Path, site_dir: Path, *extra_args: str, epoch: str = TEST_EPOCH,
          site_url: str | None = None, repository: str | None = None) -> subprocess.CompletedProcess:
    """Build the project at `project` into `site_dir` (for `site_url`, with edit links to `repository`, if given)
    as `make build` does: `mkdocs build --strict`, one process per language (scripts/build.py)."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": epoch, "NO_MKDOCS_2_WARNING": "1"}
    for name, value in (("SITE_URL", site_url), ("SITE_REPOSITORY", repository)):
        env.pop(name, None)
        if value is not None:
            env[name] = value
    return subprocess.run(
        [sys.executable, str(REPO / "scripts" / "build.py"), "-f", str(project / "mkdocs.yml"),
         "-d", str(site_dir), *extra_args],
        cwd=project, env=env, capture_output=True, text=True, timeout=600)


def copy_machinery(destination: Path) -> None:
    """Copy the configuration, hooks and templates of this repository into `destination`."""
    for name in MACHINERY:
        source = REPO / name
        target = destination / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target)


def copy_content(source: Path, destination: Path) -> None:
    """Copy a content tree (its `docs/` and `data/` folders) over `destination`."""
    for folder in ("docs", "data"):
        if (source / folder).is_dir():
            shutil.copytree(source / folder, destination / folder, dirs_exist_ok=True)


def make_fixture_site(destination: Path, *layers: str) -> Path:
    """A site of this repository's machinery and the content of tests/fixtures/base/, with each of `layers`
    (folders of tests/fixtures/, such as "sample") copied over it in turn."""
    copy_machinery(destination)
    for layer in ("base", *layers):
        copy_content(FIXTURES / layer, destination)
    return destination
