"""The benchmark's own check: its generated text varies as the real site's does."""

from __future__ import annotations

from pathlib import Path

import visitor
from conftest import BuiltSite
from generate import generate
from site_builder import build, copy_machinery


def test_the_generated_text_varies_as_the_real_site_text(site: BuiltSite, tmp_path: Path) -> None:
    project = tmp_path / "project"
    copy_machinery(project)
    generate(project, 10)
    assert build(project, tmp_path / "site").returncode == 0
    ratios = visitor.variety(site.root, tmp_path / "site")
    for measure in ("pages (each alone)", "search records (each alone)"):
        real, generated = ratios[measure]
        assert abs(generated / real - 1) <= 0.25, (measure, real, generated)
