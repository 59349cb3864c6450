"""Each broken fixture site fails with exactly the messages an editor needs, and no traceback.

A case is a folder in tests/fixtures/broken/: files that replace or add to the small valid site in
tests/fixtures/base/, an optional `delete.txt` (files to remove), and `expected.txt` (the problem lines).
Every case is checked in-process, as `make check` does (the build runs the same check first and stops at it);
a few are also built, to show that the build reports the same lines and leaves the previous site as it was.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from PIL import Image

from conference_site.check import content_problems
from site_builder import build, copy_content, copy_machinery

FIXTURES = Path(__file__).parent / "fixtures"
CASES = sorted(path.name for path in (FIXTURES / "broken").iterdir() if path.is_dir())
# Built as well: problems in data files, in pages and in images, in one file and in several.
BUILT_CASES = ["several-files", "event-handler-attribute", "big-image"]


def make_site(destination: Path, case: str | None = None) -> Path:
    copy_machinery(destination)
    copy_content(FIXTURES / "base", destination)
    if case is None:
        return destination
    case_dir = FIXTURES / "broken" / case
    copy_content(case_dir, destination)
    if (case_dir / "data" / "labels.yml").is_file():
        shutil.copy2(case_dir / "data" / "labels.yml", destination / "data" / "labels.yml")
    deletions = case_dir / "delete.txt"
    for line in deletions.read_text(encoding="utf-8").splitlines() if deletions.is_file() else []:
        (destination / line).unlink()
    return destination


def problem_lines(output: str) -> list[str]:
    """The `path:line: …` lines of a failed build's output."""
    lines = [line.split("-  ", 1)[-1] if line.startswith("ERROR") else line for line in output.splitlines()]
    return [line for line in lines if re.match(r"(?:data|docs)/\S+:\d+: ", line)]


def test_base_fixture_builds(tmp_path: Path) -> None:
    result = build(make_site(tmp_path / "project"), tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "en" / "workshops" / "spring-forum-2030-opening" / "index.html").is_file()


def test_every_case_has_expectations() -> None:
    assert len(CASES) >= 12
    for case in CASES:
        assert (FIXTURES / "broken" / case / "expected.txt").is_file(), case


def expected_lines(case: str) -> list[str]:
    return (FIXTURES / "broken" / case / "expected.txt").read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize("case", CASES)
def test_broken_site_fails_with_expected_messages(case: str, tmp_path: Path) -> None:
    assert [str(problem) for problem in content_problems(make_site(tmp_path / "project", case))] == \
        expected_lines(case)


@pytest.mark.parametrize("case", BUILT_CASES)
def test_the_build_reports_the_same_lines_and_keeps_the_previous_site(case: str, tmp_path: Path) -> None:
    # A previously published site, which a failed build must leave exactly as it was.
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("the previous site", encoding="utf-8")
    result = build(make_site(tmp_path / "project", case), tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Traceback" not in output
    assert problem_lines(output) == expected_lines(case)
    assert [path.name for path in (tmp_path / "site").iterdir()] == ["index.html"]
    assert (tmp_path / "site" / "index.html").read_text(encoding="utf-8") == "the previous site"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["project", "site"], "no half-built site left"


def test_an_image_with_alt_text_in_the_language_images_folder_is_published(tmp_path: Path) -> None:
    project = make_site(tmp_path / "project")
    for language, alt in (("ar", "القاعة الرئيسية"), ("en", "The main hall")):
        (project / "docs" / language / "images").mkdir()
        Image.new("RGB", (16, 9), "teal").save(project / "docs" / language / "images" / "hall.png")
        page = project / "docs" / language / "conferences" / "spring-forum-2030.md"
        page.write_text(page.read_text(encoding="utf-8") + f"\n![{alt}](../images/hall.png)\n", encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    for prefix in ("", "en/"):
        assert (tmp_path / "site" / prefix / "images" / "hall.png").is_file()
        html = (tmp_path / "site" / prefix / "conferences" / "spring-forum-2030" / "index.html").read_text()
        assert 'src="../../images/hall.png"' in html
