"""Every conference, workshop and organisation page links to GitHub's web editor for its own page and its data
file, in the repository that `extra.repository` (SITE_REPOSITORY) names; nothing is fetched from GitHub."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conference_site.catalog import Catalog
from conftest import BuiltSite
from site_builder import REPO, build, make_fixture_site
from site_pages import LANGUAGES, entity_url, search_records

DEFAULT_REPOSITORY = re.search(r'repository: !ENV \[SITE_REPOSITORY, "([^"]+)"\]',
                               (REPO / "mkdocs.yml").read_text(encoding="utf-8"))[1]


def edit_links(site: BuiltSite, url: str) -> list[str]:
    return [a["href"] for a in site.html(url).select("article .cs-edit a")]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_entity_page_links_to_the_editor_of_its_page_and_data_file(site: BuiltSite, catalog: Catalog,
                                                                         language: str) -> None:
    for kind in catalog.entities.values():
        for entity in kind.values():
            assert edit_links(site, entity_url(entity, language)) == [
                f"{DEFAULT_REPOSITORY}/edit/main/{entity.translations[language].path}",
                f"{DEFAULT_REPOSITORY}/edit/main/{entity.data_path}"], entity.id
    assert site.html(f"{'en/' if language == 'en' else ''}conferences/").select(".cs-edit") == []


def test_the_links_go_to_the_repository_the_workflow_names(tmp_path: Path) -> None:
    result = build(make_fixture_site(tmp_path / "project"), tmp_path / "site",
                   repository="https://github.com/someone/their-fork")
    assert result.returncode == 0, result.stderr
    site = BuiltSite(tmp_path / "site", result.stderr)
    assert edit_links(site, "en/workshops/spring-forum-2030-opening/") == [
        "https://github.com/someone/their-fork/edit/main/docs/en/workshops/spring-forum-2030-opening.md",
        "https://github.com/someone/their-fork/edit/main/data/workshops/spring-forum-2030-opening.yml"]
    # Outside the page's content: not in what search indexes.
    records = search_records(tmp_path / "site")
    assert records and not [page["url"] for page in records if "their-fork" in json.dumps(page)]


def test_a_repository_address_that_is_not_github_fails_the_build_with_a_clear_message(tmp_path: Path) -> None:
    result = build(make_fixture_site(tmp_path / "project"), tmp_path / "site", repository="git@github.com:x/y")
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert ("mkdocs.yml: 'extra.repository' is 'git@github.com:x/y'; expected the repository's address on GitHub, "
            "such as https://github.com/owner/name (or SITE_REPOSITORY set to it)") in output
