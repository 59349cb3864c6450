"""The editors' guide in both languages, the pull-request template and CODEOWNERS.

The guides must explain every field of the content model and name only `make` tasks that exist; the
Arabic guide must read right to left on GitHub, which gives each paragraph the direction of its first letter.
"""

from __future__ import annotations

import re

import pytest

from conference_site.kinds import DATA_MODELS, KINDS, PAGE_MODELS, fact_names
from conference_site.schema import GeneralPage
from site_builder import REPO

GUIDES = {"en": REPO / "CONTRIBUTING.md", "ar": REPO / "CONTRIBUTING.ar.md"}
MAINTAINERS = "@social-work-conferences/maintainers"


def prose_blocks(text: str) -> list[str]:
    """The first line of every paragraph, heading and list item outside code blocks."""
    blocks, in_code, previous = [], False, ""
    for line in text.splitlines():
        if line.startswith("```"):
            in_code = not in_code
        elif not in_code and line.strip() and (not previous.strip() or re.match(r"[-#]|[0-9٠-٩]+\.", line)):
            blocks.append(line)
        previous = "" if line.startswith("```") else line
    return blocks


@pytest.mark.parametrize("language", list(GUIDES))
def test_the_guide_explains_every_field(language: str) -> None:
    text = GUIDES[language].read_text(encoding="utf-8")
    fields = {name for model in (*DATA_MODELS.values(), *PAGE_MODELS.values(), GeneralPage) for name in model.model_fields}
    assert sorted(field for field in fields if f"`{field}`" not in text) == []


@pytest.mark.parametrize("language", list(GUIDES))
def test_the_guide_names_only_make_tasks_that_exist(language: str) -> None:
    targets = set(re.findall(r"(?m)^([\w-]+):", (REPO / "Makefile").read_text(encoding="utf-8")))
    # `make new-…` names the three tasks at once.
    named = set(re.findall(r"make ([a-z][\w-]*\w)(?![\w…-])", GUIDES[language].read_text(encoding="utf-8")))
    assert {"serve", "check", "test", "new-conference", "new-workshop", "new-organisation", "translation-status",
            "translation-done"} <= named
    assert named <= targets


@pytest.mark.parametrize("language", list(GUIDES))
def test_the_guide_names_every_fact_a_source_may_give(language: str) -> None:
    text = GUIDES[language].read_text(encoding="utf-8")
    paragraph = text[text.index("sources set" if language == "en" else "مجموعة المصادر"):]
    for kind in KINDS:
        assert sorted(fact for fact in fact_names(kind) if f"`{fact}`" not in paragraph) == [], kind


def test_the_guides_link_to_each_other() -> None:
    assert "(CONTRIBUTING.ar.md)" in GUIDES["en"].read_text(encoding="utf-8")
    assert "(CONTRIBUTING.md)" in GUIDES["ar"].read_text(encoding="utf-8")


def test_every_arabic_paragraph_starts_right_to_left() -> None:
    blocks = prose_blocks(GUIDES["ar"].read_text(encoding="utf-8"))
    assert len(blocks) > 40
    for block in blocks:
        first_letter = next(char for char in block if char.isalpha())
        assert "\u0600" <= first_letter <= "\u06ff", block


def test_machinery_changes_need_a_maintainer() -> None:
    owners = {}
    for line in (REPO / ".github" / "CODEOWNERS").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            pattern, *teams = line.split()
            owners[pattern] = teams
    for path in ("/hooks/", "/overrides/", "/mkdocs.yml", "/.github/"):
        assert owners[path] == [MAINTAINERS]
    content = [pattern for pattern in owners if pattern.startswith(("/docs", "/data", "*"))]
    assert content == ["/data/labels.yml"], "content needs no maintainer (the labels shown on every page aside)"


def test_the_pull_request_template_has_a_checklist() -> None:
    template = (REPO / ".github" / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    assert len(re.findall(r"(?m)^- \[ \] ", template)) >= 4
    assert "make test" in template and "translation-done" in template
