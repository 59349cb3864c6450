"""The scaffolding tasks, run in a copy of the site as an editor runs them: `make new-organisation`,
`make new-conference`, `make new-workshop`.

The files they write have every field of the content model, each commented; the site builds with them as
they are, and the new entities appear in every listing. An id already used, or an unknown conference, is
refused with a clear message and nothing is written.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conference_site.schema import DATA_MODELS, KIND_FOLDERS, PAGE_MODELS
from conference_site.translations import OUTDATED, UP_TO_DATE, statuses
from editor_tasks import copy_repository, make
from site_builder import build

NEW = {"organisation": "gulf-test-association", "conference": "gulf-test-forum-2031",
       "workshop": "gulf-test-forum-2031-opening"}


@pytest.fixture(scope="module")
def scaffolded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the site with one new organisation, conference and workshop, created by the make tasks."""
    project = copy_repository(tmp_path_factory.mktemp("scaffold") / "project")
    for arguments in (["new-organisation", f"ID={NEW['organisation']}"],
                      ["new-conference", f"ID={NEW['conference']}"],
                      ["new-workshop", f"CONFERENCE={NEW['conference']}", f"ID={NEW['workshop']}"]):
        result = make(project, *arguments)
        assert result.returncode == 0, result.stdout + result.stderr
        assert "Traceback" not in result.stderr
    return project


@pytest.fixture(scope="module")
def built(scaffolded: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    site_dir = tmp_path_factory.mktemp("scaffold-site")
    result = build(scaffolded, site_dir)
    assert result.returncode == 0, f"the scaffolded files do not build:\n{result.stdout}\n{result.stderr}"
    return site_dir


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
    assert set(pages["ar"][1]) == set(PAGE_MODELS[kind].model_fields) - {"translated_from"}
    assert set(pages["en"][1]) == set(PAGE_MODELS[kind].model_fields)
    for text in (data_text, pages["ar"][0], pages["en"][0]):
        field_lines = [line for line in text.splitlines() if line and not line.startswith((" ", "#", "-"))]
        assert field_lines and all("#" in line for line in field_lines), text
    # The Arabic page is explained in Arabic, the English page in English.
    assert all(any("\u0600" <= char <= "\u06ff" for char in line.split("#", 1)[1])
               for line in pages["ar"][0].splitlines() if "#" in line)
    assert not any("\u0600" <= char <= "\u06ff" for char in pages["en"][0])


def test_the_new_entities_appear_in_every_listing(built: Path) -> None:
    for prefix in ("", "en/"):
        def links(page: str) -> list[str]:
            html = BeautifulSoup((built / prefix / page / "index.html").read_text(encoding="utf-8"), "html.parser")
            return [a["href"] for a in html.select("article a[href]")]

        assert f"{NEW['conference']}/" in links("conferences")
        assert f"{NEW['workshop']}/" in links("workshops")
        assert f"{NEW['organisation']}/" in links("organisations")
        assert f"../../workshops/{NEW['workshop']}/" in links(f"conferences/{NEW['conference']}")
        for kind, entity_id in NEW.items():
            assert (built / prefix / KIND_FOLDERS[kind] / entity_id / "index.html").is_file()


def test_a_new_workshop_comes_last_in_its_programme(scaffolded: Path, tmp_path: Path) -> None:
    data = yaml.safe_load((scaffolded / "data" / "workshops" / f"{NEW['workshop']}.yml").read_text(encoding="utf-8"))
    assert (data["conference"], data["order"]) == (NEW["conference"], 0)
    project = copy_repository(tmp_path / "project")
    workshops = project / "data" / "workshops"
    orders = [yaml.safe_load(file.read_text(encoding="utf-8"))["order"] for file in workshops.glob("sharjah-14-*.yml")]
    result = make(project, "new-workshop", "CONFERENCE=sharjah-social-service-conference-14", "ID=sharjah-14-extra")
    assert result.returncode == 0, result.stderr
    assert yaml.safe_load((workshops / "sharjah-14-extra.yml").read_text(encoding="utf-8"))["order"] == max(orders) + 1


def test_the_english_page_starts_as_a_translation_of_the_arabic(tmp_path: Path) -> None:
    project = copy_repository(tmp_path / "project")
    assert make(project, "new-conference", "ID=gulf-test-forum-2032").returncode == 0
    page = "conferences/gulf-test-forum-2032.md"
    assert {p.uri: p.status for p in statuses(project)[0]}[page] == UP_TO_DATE
    arabic = project / "docs" / "ar" / page
    arabic.write_text(arabic.read_text(encoding="utf-8").replace("اسم المؤتمر الكامل", "ملتقى الخليج التجريبي"),
                      encoding="utf-8")
    assert {p.uri: p.status for p in statuses(project)[0]}[page] == OUTDATED


@pytest.mark.parametrize(("arguments", "message"), [
    (["new-conference", f"ID={NEW['organisation']}"],
     f"data/organisations/{NEW['organisation']}.yml:1: the id '{NEW['organisation']}' is already used; "
     "expected a new id that no conference, workshop or organisation has"),
    (["new-workshop", f"CONFERENCE={NEW['conference']}", f"ID={NEW['workshop']}"],
     f"data/workshops/{NEW['workshop']}.yml:1: the id '{NEW['workshop']}' is already used"),
    (["new-workshop", "CONFERENCE=no-such-conference", "ID=another-session"],
     "data/conferences/no-such-conference.yml:1: the conference 'no-such-conference' does not exist; "
     "expected CONFERENCE= one of: european-social-work-conference-2023, gulf-test-forum-2031, "
     "sharjah-social-service-conference-14"),
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
