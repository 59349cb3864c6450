"""Run the editors' `make` tasks in a throw-away copy of this repository, as an editor would in theirs."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from site_builder import REPO, copy_content, copy_machinery, make_fixture_site

# The virtual environment the tests run in, which the copy's Makefile uses instead of creating its own.
VENV = Path(sys.executable).parent.parent


def copy_repository(destination: Path, *fixture_layers: str, content: Path = REPO) -> Path:
    """A copy of the site (machinery, content, build script, Makefile) in `destination`: the content of `content`
    (the real site's, by default), or with `fixture_layers` that of the fixture site made of those layers."""
    if fixture_layers:
        make_fixture_site(destination, *fixture_layers)
    else:
        copy_machinery(destination)
        copy_content(content, destination)
    shutil.copytree(REPO / "scripts", destination / "scripts", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("Makefile", "requirements.txt", "requirements-test.txt"):
        shutil.copy2(REPO / name, destination / name)
    return destination


def make(project: Path, *arguments: str, unset: tuple[str, ...] = ()) -> subprocess.CompletedProcess:
    """`make ARGUMENTS` in `project`, without the environment variables `unset`; the environment's install
    step is taken as done (`-o`)."""
    env = {name: value for name, value in os.environ.items() if name not in unset}
    env["NO_MKDOCS_2_WARNING"] = "1"
    return subprocess.run(["make", "--no-print-directory", "-C", str(project), f"VENV={VENV}",
                           "-o", f"{VENV}/installed", *arguments],
                          env=env, capture_output=True, text=True, timeout=300)
