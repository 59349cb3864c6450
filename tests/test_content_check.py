"""The content check (`make check`, the pull request's first step): each slip an editor makes is one
`path:line: what is wrong; expected …` message naming the fix, found in-process in milliseconds.

Each case starts from the base fixture site (tests/fixtures/base/), changes one thing and expects exactly the
one message. The check's GitHub output (annotations, job summary) and its independence of MkDocs are here too.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conference_site import check
from conference_site.problems import Problem
from site_builder import FIXTURES, REPO

CONFERENCE = "data/conferences/spring-forum-2030.yml"
WORKSHOP = "data/workshops/spring-forum-2030-opening.yml"
EN_PAGE = "docs/en/conferences/spring-forum-2030.md"
AR_ORGANISATION = "docs/ar/organisations/host-org.md"


@pytest.fixture
def base(tmp_path: Path) -> Path:
    """The base fixture site's content (the check needs no machinery but the labels)."""
    shutil.copytree(FIXTURES / "base", tmp_path, dirs_exist_ok=True)
    shutil.copy2(REPO / "data" / "labels.yml", tmp_path / "data" / "labels.yml")
    return tmp_path


def replace(root: Path, path: str, old: str, new: str) -> None:
    file = root / path
    text = file.read_text(encoding="utf-8")
    assert old in text, (path, old)
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_base_fixture_has_no_problem(base: Path) -> None:
    assert check.content_problems(base) == []


SLIPS = {
    "a source described by its file name, which readers would see": (
        EN_PAGE, "  notice: A test notice.", "  notice: A test notice (fixture.txt).",
        f"{EN_PAGE}:9: the description of source 'notice' names the file fixture.txt, which readers do not see; "
        "expected the source described as a reader knows it (a news article, a public page); the file name stays "
        f"in {CONFERENCE}"),
    "a Doha conference left on Dubai's time zone": (
        CONFERENCE, "timezone: Asia/Qatar", "timezone: Asia/Dubai",
        f"{CONFERENCE}:5: 'timezone' is 'Asia/Dubai' (not a time zone of Qatar (QA), the conference's country); "
        "expected the time zone of Qatar: Asia/Qatar"),
    "a time zone that does not exist": (
        CONFERENCE, "timezone: Asia/Qatar", "timezone: Asia/Doha",
        f"{CONFERENCE}:5: 'timezone' is 'Asia/Doha' (not a time zone; did you mean Asia/Qatar?); "
        "expected the time zone of Qatar: Asia/Qatar"),
    "a misspelt time zone of a country with several": (
        CONFERENCE, "timezone: Asia/Qatar\ncountry: QA", "timezone: Europe/Pargue\ncountry: CZ",
        f"{CONFERENCE}:5: 'timezone' is 'Europe/Pargue' (not a time zone; did you mean Europe/Prague?); "
        "expected the time zone of Czech Republic: Europe/Prague"),
    "a country written out": (
        CONFERENCE, "country: QA", "country: Qatar",
        f"{CONFERENCE}:6: 'country' is 'Qatar' (not a country code; did you mean QA (Qatar)?); "
        "expected a two-letter country code such as AE, QA or CZ"),
    "the 29th of February of a common year": (
        CONFERENCE, "start: 2030-04-10\nend: 2030-04-11", "start: 2027-02-29\nend: 2027-03-01",
        f"{CONFERENCE}:1: 'start' is '2027-02-29' (February 2027 has 28 days); "
        "expected a date written YYYY-MM-DD, such as 2023-04-26, from 1924-08-01 to 2077-11-16"),
    "a month that does not exist": (
        WORKSHOP, "end: 2030-04-10T10:30", "end: 2030-13-10T10:30",
        f"{WORKSHOP}:5: 'end' is '2030-13-10T10:30' (there is no month 13: months are 01 to 12); "
        "expected a local date and time such as 2023-04-26T09:00"),
    "an hour that does not exist": (
        CONFERENCE, 'daily_end: "13:00"', 'daily_end: "25:00"',
        f"{CONFERENCE}:4: 'daily_end' is '25:00' (there is no hour 25: hours are 00 to 23); "
        "expected a time written in quotes as \"HH:MM\", such as \"09:00\""),
    "a misspelt field": (
        CONFERENCE, "timezone:", "timezon:",
        f"{CONFERENCE}:5: unknown field 'timezon' (did you mean timezone?); expected one of: edition, start, end, "
        "daily_start, daily_end, country, timezone, address, public, website, registration, call_for_papers, "
        "livestream, recordings, programme_pdf, organisations, sources"),
    "a misspelt organisation id": (
        WORKSHOP, "presenters: [host-org]", "presenters: [host-orgg]",
        f"{WORKSHOP}:6: the organisation 'host-orgg' does not exist (did you mean host-org?); "
        "expected the id of a file in data/organisations/"),
    "a misspelt conference id": (
        WORKSHOP, "conference: spring-forum-2030", "conference: spring-forum-2031",
        f"{WORKSHOP}:1: the conference 'spring-forum-2031' does not exist (did you mean spring-forum-2030?); "
        "expected the id of a file in data/conferences/"),
    "a role spelt the American way": (
        CONFERENCE, "role: organiser", "role: organizer",
        f"{CONFERENCE}:10: 'organisations[0].role' is 'organizer' (did you mean organiser?); "
        "expected one of organiser, co-organiser, partner, participant"),
    "a misspelt fact": (
        CONFERENCE, "facts: [title, start, end]", "facts: [title, strat, end]",
        f"{CONFERENCE}:14: sources[0] names the unknown fact 'strat' (did you mean start?); expected field names "
        "of a conference: address, body, call_for_papers, city, country, daily_end, daily_start, dates, edition, end, "
        "livestream, organisations, programme_pdf, public, recordings, registration, slogan, start, summary, themes, "
        "themes_note, timezone, title, venue, venue_name, website, workshops"),
    "the scaffold's example title left in": (
        EN_PAGE, "title: Spring Forum 2030", "title: The conference's full name",
        f"{EN_PAGE}:2: 'title' is still the example text \"The conference's full name\" from make new-conference; "
        "expected this conference's own title, in English"),
    "the scaffold's example venue left in": (
        EN_PAGE, "venue_name: Test Hall", "venue_name: Name of the venue",
        f"{EN_PAGE}:4: 'venue_name' is still the example text \"Name of the venue\" from make new-conference; "
        "expected this conference's own venue name, in English"),
    "the scaffold's example source left in": (
        CONFERENCE, "document: fixture.txt", "document: https://example.org/",
        f"{CONFERENCE}:13: 'sources[0].document' is still the example https://example.org/ from make "
        "new-conference; expected the address of this conference's own source, or its file name in the sources set"),
    "the scaffold's example text left in the body": (
        AR_ORGANISATION, "نص الجهة.", "نص الصفحة: من هذه الجهة وما عملها. تُضاف قائمة مؤتمراتها تلقائيًا.",
        f"{AR_ORGANISATION}:8: the page's text is still the example text from make new-organisation; expected what "
        "a reader needs to know about this organisation, in place of \"نص الصفحة: …\""),
    "a link to a page that does not exist": (
        EN_PAGE, "Conference text.", "Conference text, by the [host](../organisations/host-organisation.md).",
        f"{EN_PAGE}:12: the link '../organisations/host-organisation.md' leads to no page: there is no "
        "docs/en/organisations/host-organisation.md; did you mean ../organisations/host-org.md?; expected a link to "
        "a page of this language's folder, relative to this page, such as ../organisations/<id>.md"),
    "a link to a page's folder": (
        EN_PAGE, "Conference text.", "See [the host](../organisations/host-org/).",
        f"{EN_PAGE}:12: the link '../organisations/host-org/' names a folder, not a page; expected the page's file: "
        "../organisations/host-org.md"),
    "a link from the site's root": (
        EN_PAGE, "Conference text.", "See [the listing](/en/conferences/).",
        f"{EN_PAGE}:12: the link '/en/conferences/' starts with '/', which leads elsewhere once the site is "
        "published; expected a link to a page of this language's folder, relative to this page, such as "
        "../organisations/<id>.md"),
    "a link to the other language's page": (
        EN_PAGE, "Conference text.", "In [Arabic](../../ar/conferences/spring-forum-2030.md).",
        f"{EN_PAGE}:12: the link '../../ar/conferences/spring-forum-2030.md' leads out of docs/en/; expected a link "
        "to a page of this language's folder, relative to this page, such as ../organisations/<id>.md (the "
        "language switcher links each page to its other language)"),
    "a link to a heading that is not there": (
        EN_PAGE, "Conference text.", "## Programme\n\nSee [the programme](#programm).",
        f"{EN_PAGE}:14: the link '#programm' names the anchor '#programm', which this page does not have; did you "
        "mean #programme?; expected the id of a heading of that page: its text in lower case, spaces as '-' "
        "(#programme)"),
    "a missing image": (
        EN_PAGE, "Conference text.", "![The main hall](../images/hall.jpg)",
        f"{EN_PAGE}:12: the link '../images/hall.jpg' leads to no file: there is no docs/en/images/hall.jpg; "
        "expected a file of docs/en/images/, linked as ../images/<name>"),
}


@pytest.mark.parametrize("path,old,new,message", SLIPS.values(), ids=SLIPS.keys())
def test_each_slip_is_one_message_naming_the_fix(base: Path, path: str, old: str, new: str, message: str) -> None:
    replace(base, path, old, new)
    assert [str(problem) for problem in check.content_problems(base)] == [message]


def test_links_that_lead_somewhere_pass(base: Path) -> None:
    replace(base, EN_PAGE, "Conference text.", "\n".join([
        "## Sessions {#sessions}", "", "The [opening](../workshops/spring-forum-2030-opening.md), the [host's page]"
        "(../organisations/host-org.md#sources-x) is not checked past its name when… no: see [below](#sessions),",
        "[the listing](index.md), [home](../index.md), [mail](mailto:forum@example.net), `[code](nowhere.md)`.",
        "", "[ref]: ../organisations/host-org.md", "", "[^note]: A footnote is not a link to 'A'.", "",
        "```", "[in a code block](nowhere.md)", "```"]))
    problems = check.content_problems(base)
    # The one bad link: an anchor the organisation's page does not have.
    assert [problem.message.split(";")[0] for problem in problems] == [
        "the link '../organisations/host-org.md#sources-x' names the anchor '#sources-x', which "
        "docs/en/organisations/host-org.md does not have"]


def test_github_output_annotates_each_line_and_writes_the_summary(base: Path, tmp_path: Path, capsys,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    replace(base, CONFERENCE, "timezone: Asia/Qatar", "timezone: Asia/Dubai")
    replace(base, WORKSHOP, "presenters: [host-org]", "presenters: [host-orgg]")
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert check.main(["--root", str(base), "--github"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "2 problems in the site's content:"
    assert lines[1].startswith(f"::error file={CONFERENCE},line=5,title=Content check::{CONFERENCE}:5: 'timezone'")
    assert lines[2].startswith(f"::error file={WORKSHOP},line=6,title=Content check::{WORKSHOP}:6: the organisation")
    assert len(lines) == 3, "each problem once"
    written = summary.read_text(encoding="utf-8")
    assert written.startswith("## Content check: 2 problems\n")
    assert f"\n{CONFERENCE}:5: 'timezone' is 'Asia/Dubai'" in written


def test_workflow_commands_escape_what_github_would_read_as_syntax() -> None:
    problem = Problem("docs/en/a,b:c.md", 3, "50% done\nnext line", "x")
    assert check.workflow_command(problem) == (
        "::error file=docs/en/a%2Cb%3Ac.md,line=3,title=Content check::docs/en/a,b:c.md:3: 50%25 done%0Anext line; "
        "expected x")


def test_without_problems_the_check_says_nothing_and_succeeds(base: Path, capsys) -> None:
    assert check.main(["--root", str(base)]) == 0
    assert capsys.readouterr().out == ""


def test_the_check_runs_without_mkdocs(base: Path) -> None:
    script = ("import sys; from conference_site.__main__ import COMMANDS; status = COMMANDS['check'](['--root', "
              f"{str(base)!r}]); print(sorted({{name.split('.')[0] for name in sys.modules}} & "
              "{'mkdocs', 'material', 'mkdocs_static_i18n'}), status)")
    result = subprocess.run([sys.executable, "-c", script], cwd=REPO, 
                            capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "[] 0", result.stdout + result.stderr
