"""A correct pull request passes: a copy of the real site with a new conference (in Qatar, in its own time zone),
a timed session of it and a new organisation — made with `make new-…` and filled in as CONTRIBUTING.md says —
passes the content check and every test of the real site, run on the copy (`pytest --project`).

The real site's browser tests are left out of that run (they check the same pages' rendering, and take minutes);
the machinery tests do not read the real content, so they pass on the copy when they pass here.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from conference_site.catalog import load_catalog
from editor_tasks import copy_repository, make
from site_builder import REPO

CONFERENCE, WORKSHOP, ORGANISATION = "doha-family-forum-2031", "doha-family-forum-2031-opening", \
    "doha-family-association"


def fill(file: Path, values: dict[str, str], body: str | None = None) -> None:
    """Give each field the value an editor would write (its comment kept), and the page its body."""
    text = file.read_text(encoding="utf-8")
    for name, value in values.items():
        pattern = re.compile(rf"(?m)^(\s*{re.escape(name)}:)[^#\n]*?(\s*(?:#.*)?)$")
        assert pattern.search(text), (file, name)
        text = pattern.sub(lambda match: f"{match[1]} {value}{match[2]}", text, count=1)
    if body is not None:
        text = text[:text.index("---\n", 4) + 4] + "\n" + body + "\n"
    file.write_text(text, encoding="utf-8")


def add_new_content(project: Path) -> None:
    for arguments in (["new-organisation", f"ID={ORGANISATION}"], ["new-conference", f"ID={CONFERENCE}"],
                      ["new-workshop", f"CONFERENCE={CONFERENCE}", f"ID={WORKSHOP}"]):
        result = make(project, *arguments)
        assert result.returncode == 0, result.stdout + result.stderr
    data, ar, en = project / "data", project / "docs" / "ar", project / "docs" / "en"
    source = "https://forum.example.net/announcement"

    fill(data / "organisations" / f"{ORGANISATION}.yml",
         {"kind": "ngo", "country": "QA", "website": "https://association.example.net/", "document": source})
    fill(ar / "organisations" / f"{ORGANISATION}.md",
         {"title": "جمعية الدوحة للأسرة", "short_name": "جدأ", "summary": "جمعية أهلية تعنى بالأسرة في قطر.",
          "main-source": "إعلان المنتدى على موقعه."},
         "جمعية أهلية في الدوحة تنظم [منتدى الأسرة](../conferences/doha-family-forum-2031.md).")
    fill(en / "organisations" / f"{ORGANISATION}.md",
         {"title": "Doha Family Association", "short_name": "DFA",
          "summary": "A non-governmental association for families in Qatar.",
          "main-source": "The forum's announcement on its website."},
         "An association in Doha that organises the [Family Forum](../conferences/doha-family-forum-2031.md).")

    conference = data / "conferences" / f"{CONFERENCE}.yml"
    fill(conference, {"edition": "2", "start": "2031-03-10", "end": "2031-03-11", "daily_start": '"09:30"',
                      "daily_end": '"15:00"', "timezone": "Asia/Qatar", "country": "QA", "address": "West Bay, Doha",
                      "public": "true", "website": "https://forum.example.net/", "document": source,
                      "facts": "[title, start, end, daily_start, daily_end, venue, themes, workshops]"})
    text = conference.read_text(encoding="utf-8")
    conference.write_text(re.sub(r"(?m)^organisations: \[\]", f"organisations:\n  - organisation: {ORGANISATION}\n"
                                 "    role: organiser", text, count=1), encoding="utf-8")
    fill(ar / "conferences" / f"{CONFERENCE}.md",
         {"title": "منتدى الدوحة للأسرة 2031", "slogan": "الأسرة أولًا", "summary": "منتدى سنوي عن الأسرة في الدوحة.",
          "venue_name": "مركز المؤتمرات", "city": "الدوحة", "themes": "[الأسرة, الشباب]",
          "main-source": "إعلان المنتدى على موقعه."},
         "## عن المنتدى\n\nتنظمه [جمعية الدوحة للأسرة](../organisations/doha-family-association.md).")
    fill(en / "conferences" / f"{CONFERENCE}.md",
         {"title": "Doha Family Forum 2031", "slogan": "Families first",
          "summary": "A yearly forum on families, in Doha.", "venue_name": "Convention Centre", "city": "Doha",
          "themes": "[Families, Young people]", "main-source": "The forum's announcement on its website."},
         "## About the forum\n\nOrganised by the [Doha Family Association](../organisations/doha-family-association.md).")

    fill(data / "workshops" / f"{WORKSHOP}.yml",
         {"format": "panel", "start": '"2031-03-10T10:00"', "end": '"2031-03-10T11:30"',
          "presenters": f"[{ORGANISATION}]", "document": source})
    fill(ar / "workshops" / f"{WORKSHOP}.md",
         {"title": "الجلسة الافتتاحية", "summary": "جلسة حوارية تفتتح المنتدى.",
          "main-source": "إعلان المنتدى على موقعه."},
         "تفتتح [المنتدى](../conferences/doha-family-forum-2031.md) بجلسة حوارية.")
    fill(en / "workshops" / f"{WORKSHOP}.md",
         {"title": "Opening panel", "summary": "A panel discussion opening the forum.",
          "main-source": "The forum's announcement on its website."},
         "A panel discussion opens the [forum](../conferences/doha-family-forum-2031.md).")


def test_a_copy_with_new_content_passes_the_check_and_the_real_site_tests(tmp_path: Path) -> None:
    project = copy_repository(tmp_path / "project")
    add_new_content(project)

    check = make(project, "check")
    assert check.returncode == 0, check.stdout + check.stderr
    assert check.stdout == ""
    catalog = load_catalog(project, project / "docs")
    conference, workshop = catalog.conferences[CONFERENCE], catalog.workshops[WORKSHOP]
    assert (conference.data.country, conference.data.timezone) == ("QA", "Asia/Qatar")
    assert workshop.data.start is not None and workshop.data.conference == CONFERENCE
    assert [part.conference.id for part in catalog.participations_of(ORGANISATION)] == [CONFERENCE, CONFERENCE]

    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-m", "real_site and not browser", "--project", str(project),
         "--basetemp", str(tmp_path / "tests"), "-p", "no:cacheprovider", "-q", "tests"],
        cwd=REPO, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    summary = result.stdout.strip().splitlines()[-1]
    assert re.search(r"\d+ passed", summary) and "skipped" not in summary and "error" not in summary, summary


def test_a_content_problem_stops_the_real_site_tests_with_one_line_each(tmp_path: Path) -> None:
    """Run on content with a mistake, the real site's tests list the problem once and stop without tracebacks."""
    project = copy_repository(tmp_path / "project")
    data_file = min((project / "data" / "conferences").glob("*.yml"))
    text = data_file.read_text(encoding="utf-8")
    data_file.write_text(re.sub(r"(?m)^timezone: .*$", "timezone: Asia/Doha", text, count=1), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-m", "real_site and not browser", "--project", str(project),
         "--basetemp", str(tmp_path / "tests"), "-p", "no:cacheprovider", "-q", "tests/test_site.py"],
        cwd=REPO, capture_output=True, text=True, timeout=300)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output and "AssertionError" not in output
    (problem,) = [line for line in output.splitlines() if line.startswith(f"data/conferences/{data_file.name}:")]
    assert "'timezone' is 'Asia/Doha' (not a time zone" in problem
    errors = [line for line in output.splitlines() if line.startswith("ERROR tests/test_site.py::")]
    briefly = f"1 problem in the content of {project.resolve()} (listed at the end; make check)"
    assert errors and output.splitlines().count(briefly) == len(errors), output[-3000:]
