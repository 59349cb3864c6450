"""The benchmark's own checks: its generated text varies as the real site's does, and the site's search keys
close the gap its measure of Pagefind's Arabic stemmer finds."""

from __future__ import annotations

from pathlib import Path

import pytest

import search_gap
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


@pytest.mark.browser
def test_the_search_keys_find_every_form_pagefind_alone_misses() -> None:
    misses = search_gap.measure()
    assert misses["alone"], "Pagefind alone finds every form: the site's keys may no longer be needed"
    assert misses["keyed"] == []
