"""The core passes `mypy --strict` (pyproject.toml's [tool.mypy]: its modules, and the few exceptions it lists)."""

from __future__ import annotations

import subprocess
import sys

from site_builder import REPO


def test_the_core_passes_mypy_strict() -> None:
    result = subprocess.run([sys.executable, "-m", "mypy", "--no-error-summary"], cwd=REPO, capture_output=True,
                            text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
