"""What a fresh machine needs: the README names every package a fresh Debian lacks, and `make` stops with one
line when python3 is too old or cannot make a virtual environment, before it creates anything."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from site_builder import REPO

PYTHON_NEEDED = re.search(r"(?m)^PYTHON_NEEDED := (\S+)$", (REPO / "Makefile").read_text(encoding="utf-8"))[1]


def test_the_readme_names_what_a_fresh_debian_needs() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    line = " ".join(readme.split("\nRequirements", 1)[1].split("\n\n", 1)[0].split())
    command = re.search(r"`(apt-get install [^`]+)`", line)[1]
    assert set(command.split()[2:]) >= {"python3", "python3-venv", "make", "git", "nodejs", "npm", "chromium",
                                        "libfribidi0"}
    assert f"Python {PYTHON_NEEDED}" in line
    workflow = (REPO / ".github" / "workflows" / "pr-check.yml").read_text(encoding="utf-8")
    assert f'python-version: "{PYTHON_NEEDED}"' in workflow, "CI runs the oldest Python the README names"


def fake_python(folder: Path, version: str, has_venv: bool) -> Path:
    """A `python3` that says it is `version` and answers the Makefile's two questions as that Python would."""
    major, minor = (int(part) for part in version.split(".")[:2])
    needed = tuple(int(part) for part in PYTHON_NEEDED.split("."))
    script = folder / "python3"
    script.write_text(f"""#!/bin/sh
case "$*" in
  -V) echo "Python {version}" ;;
  *ensurepip*) exit {0 if has_venv else 1} ;;
  *version_info*) exit {1 if (major, minor) < needed else 0} ;;
  *) exit 3 ;;
esac
""", encoding="utf-8")
    script.chmod(0o755)
    return folder


@pytest.mark.parametrize("version,has_venv,message", [
    ("3.9.2", True, f"Python {PYTHON_NEEDED} or newer is needed: python3 is Python 3.9.2 (README: Requirements)"),
    (f"{PYTHON_NEEDED}.4", False, "python3 cannot make a virtual environment: install python3-venv "
                                  "(README: Requirements)"),
], ids=["too-old", "no-venv"])
def test_make_stops_with_one_line_when_python3_cannot_do(tmp_path: Path, version: str, has_venv: bool,
                                                        message: str) -> None:
    project = tmp_path / "project"
    project.mkdir()
    for name in ("Makefile", "requirements.txt", "requirements-test.txt"):
        shutil.copy2(REPO / name, project / name)
    bin_folder = fake_python(tmp_path, version, has_venv)
    result = subprocess.run(["make", "--no-print-directory", "test"], cwd=project, capture_output=True, text=True,
                            env={"PATH": f"{bin_folder}:/usr/bin:/bin"}, timeout=60)
    assert result.returncode != 0
    (line,) = result.stderr.splitlines()
    assert re.fullmatch(r"Makefile:\d+: \*\*\* (.*)\.  Stop\.", line)[1] == message
    assert sorted(path.name for path in project.iterdir()) == ["Makefile", "requirements-test.txt", "requirements.txt"]
