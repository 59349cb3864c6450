"""The translation status: each English page records the Arabic text it was translated from.

Editing an Arabic page makes its English page show as older than its Arabic, in `make translation-status`
and in the build's summary, until `make translation-done` records the new Arabic text.
"""

from __future__ import annotations

import re
from pathlib import Path

from conference_site.translations import OUTDATED, UP_TO_DATE, statuses
from conftest import BuiltSite
from editor_tasks import copy_repository, make
from site_builder import REPO, build

PAGE = "workshops/sharjah-14-opening-panel.md"


def status_rows(output: str) -> dict[str, str]:
    """The table's rows: page → status."""
    rows = {}
    for line in output.splitlines()[1:-1]:
        page, arabic, english, status = re.split(r"\s{2,}", line.strip(), maxsplit=3)
        rows[page] = status
    return rows


def test_every_page_of_the_site_has_both_languages_and_a_readable_record() -> None:
    pages, problems = statuses(REPO)
    assert problems == []
    assert len(pages) >= 24
    assert all(page.languages == ("ar", "en") for page in pages)


def test_the_build_summarises_the_translation_status(site: BuiltSite) -> None:
    summaries = [line for line in site.log.splitlines() if "Translation status:" in line]
    assert len(summaries) >= 1
    assert re.search(r"Translation status: \d+ of \d+ pages up to date", summaries[0])


def test_an_edited_arabic_page_shows_its_english_as_outdated_until_marked_done(tmp_path: Path) -> None:
    project = copy_repository(tmp_path / "project")
    before = make(project, "translation-status")
    assert before.returncode == 0, before.stderr
    assert status_rows(before.stdout)[PAGE] == UP_TO_DATE

    arabic = project / "docs" / "ar" / PAGE
    arabic.write_text(arabic.read_text(encoding="utf-8") + "\nفقرة جديدة أضافها محرر.\n", encoding="utf-8")

    after = make(project, "translation-status")
    rows = status_rows(after.stdout)
    assert rows[PAGE] == OUTDATED
    assert [page for page, status in rows.items() if status != UP_TO_DATE] == [PAGE]
    assert after.stdout.splitlines()[1].startswith(PAGE), "the pages to look at come first"

    built = build(project, tmp_path / "site")
    assert built.returncode == 0, built.stderr
    assert f"Translation status: {PAGE}: {OUTDATED}" in built.stderr

    done = make(project, "translation-done", f"PAGE=docs/en/{PAGE}")
    assert done.returncode == 0, done.stderr
    assert status_rows(make(project, "translation-status").stdout)[PAGE] == UP_TO_DATE


def test_a_page_without_a_record_or_without_its_english_is_reported(tmp_path: Path) -> None:
    project = copy_repository(tmp_path / "project")
    english = project / "docs" / "en" / PAGE
    english.write_text(re.sub(r'(?m)^translated_from: .*\n', "", english.read_text(encoding="utf-8")),
                       encoding="utf-8")
    (project / "docs" / "ar" / "about.md").write_text("---\ntitle: عن الموقع\nsummary: نبذة.\n---\n",
                                                     encoding="utf-8")
    rows = status_rows(make(project, "translation-status").stdout)
    assert rows[PAGE] == "not recorded (no translated_from)"
    assert rows["about.md"] == "missing: no English page"


def test_marking_an_unknown_page_fails_with_a_clear_message(tmp_path: Path) -> None:
    project = copy_repository(tmp_path / "project")
    result = make(project, "translation-done", "PAGE=workshops/no-such-workshop.md")
    assert result.returncode != 0
    assert "docs/ar/workshops/no-such-workshop.md: there is no such page" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_unreadable_page_is_reported_at_its_line_without_a_traceback(tmp_path: Path) -> None:
    project = copy_repository(tmp_path / "project")
    english = project / "docs" / "en" / PAGE
    english.write_bytes(b"\xef\xbb\xbf" + english.read_bytes())
    result = make(project, "translation-status")
    assert result.returncode != 0
    assert status_rows(result.stdout)[PAGE] == "cannot be read"
    assert f"docs/en/{PAGE}:1: the file starts with a byte-order mark (BOM)" in result.stderr
    marked = make(project, "translation-done", f"PAGE={PAGE}")
    assert marked.returncode != 0
    assert f"docs/en/{PAGE}:1: the file starts with a byte-order mark (BOM)" in marked.stderr
    assert "Traceback" not in result.stderr + marked.stderr
