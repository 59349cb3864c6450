"""The translation status: each English page records the Arabic text it was translated from.

Editing an Arabic page makes its English page show as older than its Arabic, in `make translation-status`
and in the build's summary, until `make translation-done` records the new Arabic text. A page written in both
languages at once needs no record; comments and the layout of the front matter are no change.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from conference_site.translations import OUTDATED, UP_TO_DATE, mark_translated, source_hash, statuses
from conftest import BuiltSite
from editor_tasks import copy_repository, make
from site_builder import build

PAGE = "workshops/spring-forum-2030-opening.md"


def status_rows(output: str) -> dict[str, str]:
    """The table's rows: page → status."""
    rows = {}
    for line in output.splitlines()[1:-1]:
        page, arabic, english, status = re.split(r"\s{2,}", line.strip(), maxsplit=3)
        rows[page] = status
    return rows


def status_of(project: Path, page: str = PAGE) -> str:
    return {status.uri: status.status for status in statuses(project)[0]}[page]


def append(file: Path, text: str) -> None:
    file.write_text(file.read_text(encoding="utf-8") + text, encoding="utf-8")


def git(project: Path, *arguments: str) -> None:
    subprocess.run(["git", "-C", str(project), "-c", "user.name=Editor", "-c", "user.email=editor@example.org",
                    *arguments], check=True, capture_output=True)


def test_every_page_of_the_site_has_both_languages_and_a_readable_record(project: Path) -> None:
    pages, problems = statuses(project)
    assert problems == []
    assert pages and all(page.languages == ("ar", "en") for page in pages)


def test_the_build_summarises_the_translation_status(site: BuiltSite) -> None:
    summaries = [line for line in site.log.splitlines() if "Translation status:" in line]
    assert len(summaries) >= 1
    assert re.search(r"Translation status: \d+ of \d+ pages up to date", summaries[0])


def test_an_edited_arabic_page_shows_its_english_as_outdated_until_marked_done(tmp_path: Path) -> None:
    project = copy_repository(tmp_path / "project", "sample")
    assert make(project, "translation-done", f"PAGE={PAGE}").returncode == 0
    before = make(project, "translation-status")
    assert before.returncode == 0, before.stderr
    assert status_rows(before.stdout)[PAGE] == UP_TO_DATE

    append(project / "docs" / "ar" / PAGE, "\nفقرة جديدة أضافها محرر.\n")

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


def test_comments_and_the_layout_of_the_front_matter_are_no_change(tmp_path: Path) -> None:
    project = copy_repository(tmp_path / "project", "sample")
    mark_translated(project, PAGE)
    arabic = project / "docs" / "ar" / PAGE
    text = arabic.read_text(encoding="utf-8")
    front_matter, body = text.split("---\n")[1:3]
    lines = front_matter.splitlines()
    # The fields in another order, a comment on a line of its own and after a value, spaces at line ends.
    rewritten = "\n".join([lines[1] + "   # shown in the lists", "# checked by the editor", lines[0] + "  ",
                           *lines[2:]])
    arabic.write_text(f"---\n{rewritten}\n---\n{body}", encoding="utf-8")
    assert source_hash(arabic.read_text(encoding="utf-8")) == source_hash(text)
    assert status_of(project) == UP_TO_DATE
    arabic.write_text(text.replace("ورشة الافتتاح", "ورشة الافتتاح الكبرى"), encoding="utf-8")
    assert status_of(project) == OUTDATED


def test_a_page_written_in_both_languages_at_once_needs_no_record(tmp_path: Path) -> None:
    """Without `translated_from`, git's history tells whether the Arabic changed after the English."""
    project = copy_repository(tmp_path / "project", "sample")
    assert "translated_from" not in (project / "docs" / "en" / PAGE).read_text(encoding="utf-8")
    assert status_of(project) == UP_TO_DATE, "no history: written together"
    git(project, "init", "-q")
    git(project, "add", ".")
    git(project, "commit", "-q", "-m", "both languages")
    assert status_of(project) == UP_TO_DATE

    append(project / "docs" / "ar" / PAGE, "\nفقرة جديدة.\n")
    assert status_of(project) == OUTDATED, "the Arabic changed, not yet committed"
    git(project, "commit", "-q", "-am", "the Arabic alone")
    assert status_of(project) == OUTDATED, "the Arabic committed after the English"
    append(project / "docs" / "en" / PAGE, "\nA new paragraph.\n")
    assert status_of(project) == UP_TO_DATE, "the English updated too"


def test_a_page_without_its_english_is_reported(tmp_path: Path) -> None:
    project = copy_repository(tmp_path / "project", "sample")
    (project / "docs" / "ar" / "about.md").write_text("---\ntitle: عن الموقع\nsummary: نبذة.\n---\n",
                                                     encoding="utf-8")
    rows = status_rows(make(project, "translation-status").stdout)
    assert rows["about.md"] == "missing: no English page"


def test_marking_an_unknown_page_fails_with_a_clear_message(tmp_path: Path) -> None:
    project = copy_repository(tmp_path / "project", "sample")
    result = make(project, "translation-done", "PAGE=workshops/no-such-workshop.md")
    assert result.returncode != 0
    assert "docs/ar/workshops/no-such-workshop.md: there is no such page" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_unreadable_page_is_reported_at_its_line_without_a_traceback(tmp_path: Path) -> None:
    project = copy_repository(tmp_path / "project", "sample")
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
