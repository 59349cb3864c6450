"""The scaffolding tasks, run in a copy of a site as an editor runs them: `make new-organisation`,
`make new-conference`, `make new-workshop`.

The files they write have every field of the content model, each commented, every value an example: the
content check names each example still to replace at its line, and nothing else. An id already used, or an
unknown conference, is refused with a clear message and nothing is written. (A copy of the real site with new
entities filled in passes the real site's tests: tests/test_new_content.py.)
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conference_site.check import content_problems
from conference_site.examples import examples_of
from conference_site.kinds import DATA_MODELS, KIND_FOLDERS, PAGE_MODELS
from conference_site.translations import UP_TO_DATE, statuses
from editor_tasks import copy_repository, make

NEW = {"organisation": "gulf-test-association", "conference": "gulf-test-forum-2031",
       "workshop": "gulf-test-forum-2031-opening"}


@pytest.fixture(scope="module")
def scaffolded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the sample site with one new organisation, conference and workshop, created by the make tasks."""
    project = copy_repository(tmp_path_factory.mktemp("scaffold") / "project", "sample")
    for arguments in (["new-organisation", f"ID={NEW['organisation']}"],
                      ["new-conference", f"ID={NEW['conference']}"],
                      ["new-workshop", f"CONFERENCE={NEW['conference']}", f"ID={NEW['workshop']}"]):
        result = make(project, *arguments)
        assert result.returncode == 0, result.stdout + result.stderr
        assert "Traceback" not in result.stderr
    return project


def front_matter(file: Path) -> tuple[str, dict]:
    text = file.read_text(encoding="utf-8")
    block = text.split("---\n")[1]
    return block, yaml.safe_load(block)


@pytest.mark.parametrize("kind", list(NEW))
def test_every_field_is_present_and_commented(scaffolded: Path, kind: str) -> None:
    folder = KIND_FOLDERS[kind]
    data_text = (scaffolded / "data" / folder / f"{NEW[kind]}.yml").read_text(encoding="utf-8")
    pages = {language: front_matter(scaffolded / "docs" / language / folder / f"{NEW[kind]}.md")
             for language in ("ar", "en")}
    assert set(yaml.safe_load(data_text)) == set(DATA_MODELS[kind].model_fields)
    for language in ("ar", "en"):
        # Written in both languages at once: no translation record is needed (tests/test_translations.py).
        assert set(pages[language][1]) == set(PAGE_MODELS[kind].model_fields) - {"translated_from"}
    for text in (data_text, pages["ar"][0], pages["en"][0]):
        field_lines = [line for line in text.splitlines() if line and not line.startswith((" ", "#", "-"))]
        assert field_lines and all("#" in line for line in field_lines), text
    # The Arabic page is explained in Arabic, the English page in English.
    assert all(any("\u0600" <= char <= "\u06ff" for char in line.split("#", 1)[1])
               for line in pages["ar"][0].splitlines() if "#" in line)
    assert not any("\u0600" <= char <= "\u06ff" for char in pages["en"][0])


def test_the_check_names_every_example_value_still_to_replace(scaffolded: Path) -> None:
    problems = content_problems(scaffolded)
    assert all("still the example" in problem.message for problem in problems), problems
    for kind, entity_id in NEW.items():
        folder = KIND_FOLDERS[kind]
        examples = examples_of(kind)
        named = {problem.path: [] for problem in problems}
        for problem in problems:
            named[problem.path].append(problem.message)
        data_file = f"data/{folder}/{entity_id}.yml"
        assert [message.split("'")[1] for message in named[data_file]] == ["sources[0].document"]
        for language in ("ar", "en"):
            messages = named[f"docs/{language}/{folder}/{entity_id}.md"]
            # One per example field of the front matter, and one for the body's example text.
            assert len(messages) == len(examples.page_fields[language]) + 1, messages
            assert messages[-1].startswith("the page's text is still the example text")
    lines = {(problem.path, problem.line) for problem in problems}
    assert len(lines) == len(problems), "each at its own line"


def test_the_new_pages_are_up_to_date_translations(scaffolded: Path) -> None:
    current = {page.uri: page.status for page in statuses(scaffolded)[0]}
    for kind, entity_id in NEW.items():
        assert current[f"{KIND_FOLDERS[kind]}/{entity_id}.md"] == UP_TO_DATE


def test_a_new_workshop_comes_last_in_its_programme(scaffolded: Path, tmp_path: Path) -> None:
    data = yaml.safe_load((scaffolded / "data" / "workshops" / f"{NEW['workshop']}.yml").read_text(encoding="utf-8"))
    assert (data["conference"], data["order"]) == (NEW["conference"], 0)
    project = copy_repository(tmp_path / "project", "sample")
    result = make(project, "new-workshop", "CONFERENCE=harbour-conference-2023", "ID=harbour-2023-extra")
    assert result.returncode == 0, result.stderr
    written = yaml.safe_load((project / "data" / "workshops" / "harbour-2023-extra.yml").read_text(encoding="utf-8"))
    assert written["order"] == 4, "after the sessions 0, 1, 2 and 3"


@pytest.mark.parametrize(("arguments", "message"), [
    (["new-conference", f"ID={NEW['organisation']}"],
     f"data/organisations/{NEW['organisation']}.yml:1: the id '{NEW['organisation']}' is already used; "
     "expected a new id that no conference, workshop or organisation has"),
    (["new-workshop", f"CONFERENCE={NEW['conference']}", f"ID={NEW['workshop']}"],
     f"data/workshops/{NEW['workshop']}.yml:1: the id '{NEW['workshop']}' is already used"),
    (["new-workshop", "CONFERENCE=no-such-conference", "ID=another-session"],
     "data/conferences/no-such-conference.yml:1: the conference 'no-such-conference' does not exist; "
     "expected CONFERENCE= one of: gulf-test-forum-2031, harbour-conference-2023, lakeside-congress-2023, "
     "spring-forum-2030"),
    (["new-organisation", "ID=Not_An_Id"], "ID 'Not_An_Id' is not a valid id; expected an id of lower-case letters"),
], ids=["id-of-another-kind", "same-id-again", "unknown-conference", "invalid-id"])
def test_a_refused_entity_writes_nothing(scaffolded: Path, arguments: list[str], message: str) -> None:
    before = {file: file.read_bytes() for file in scaffolded.rglob("*") if file.is_file()}
    result = make(scaffolded, *arguments)
    assert result.returncode != 0
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    after = {file: file.read_bytes() for file in scaffolded.rglob("*") if file.is_file()}
    assert after == before
