"""The example values `make new-…` writes, which an editor must replace: left in, they would be published.

They are read from the scaffold's own templates (scaffold_templates/), so the check and the files it checks cannot
drift apart: every text of a page's front matter (titles, summary, venue, city, source descriptions), the opening
words of its body, and every web address of a data file (the example source, https://example.org/). The
values that may well be right as written (the kind, the format, the time zone, the dates, the facts list) are not
examples in this sense.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from .problems import Problem
from .yaml_source import Location
from .schema import LANGUAGE_NAMES, LANGUAGES

TEMPLATES = Path(__file__).parent / "scaffold_templates"
_PLACEHOLDER = re.compile(r"\{\{[^}]*\}\}")
_MARK = "scaffold-placeholder"


@dataclass(frozen=True)
class Examples:
    page_fields: dict[str, dict[Location, str]]  # language → field location → example text
    body_sentences: dict[str, str]  # language → the body's opening words, as the template writes them
    data_fields: dict[Location, str]  # field location → example address


def _leaves(value: Any, location: Location = ()) -> list[tuple[Location, Any]]:
    if isinstance(value, dict):
        return [leaf for key, item in value.items() for leaf in _leaves(item, (*location, key))]
    if isinstance(value, list):
        return [leaf for index, item in enumerate(value) for leaf in _leaves(item, (*location, index))]
    return [(location, value)]


def _template(name: str) -> str:
    # Placeholders become a text no editor writes, so a value holding one is never taken for an example.
    return _PLACEHOLDER.sub(_MARK, (TEMPLATES / name).read_text(encoding="utf-8"))


@cache
def examples_of(kind: str) -> Examples:
    page_fields, body_sentences = {}, {}
    for language in LANGUAGES:
        _, front_matter, body = _template(f"{kind}.{language}.md").split("---\n", 2)
        page_fields[language] = {location: value for location, value in _leaves(yaml.safe_load(front_matter))
                                 if isinstance(value, str) and _MARK not in value}
        # Its opening words, up to the first ':' or '.': "The page's text:", "نص الصفحة:".
        first_line = next(line for line in body.splitlines() if line.strip())
        opening = re.match(r"[^.:]*[.:]?", first_line.strip())
        assert opening is not None  # the pattern matches any text, if only its empty start
        body_sentences[language] = opening.group(0)
    data = yaml.safe_load(_template(f"{kind}.yml"))
    data_fields = {location: value for location, value in _leaves(data)
                   if isinstance(value, str) and value.startswith("https://")}
    return Examples(page_fields, body_sentences, data_fields)


def _name(location: Location) -> str:
    return ".".join(str(part) if isinstance(part, str) else f"[{part}]" for part in location).replace(".[", "[")


def check_examples(entity: Any, problems: list[Problem]) -> None:
    """A problem for each example value of `make new-<kind>` that the entity's files still hold."""
    examples = examples_of(entity.kind)
    command = f"make new-{entity.kind}"
    for location, value in examples.data_fields.items():
        if _value_at(entity.data_source.data, location) == value:
            problems.append(Problem(entity.data_path, entity.line_of(*location),
                                    f"'{_name(location)}' is still the example {value} from {command}",
                                    f"the address of this {entity.kind}'s own source, or its file name in the "
                                    "sources set"))
    for language, translation in entity.translations.items():
        data = translation.front_matter.data
        for location, value in examples.page_fields[language].items():
            if _value_at(data, location) == value:
                wanted = (f"one sentence describing the source '{location[1]}'" if location[0] == "sources" else
                          f"this {entity.kind}'s own {str(location[0]).replace('_', ' ')}")
                problems.append(Problem(translation.path, translation.front_matter.line_of(location),
                                        f"'{_name(location)}' is still the example text \"{value}\" from {command}",
                                        f"{wanted}, in {LANGUAGE_NAMES[language]}"))
        sentence = examples.body_sentences[language]
        if sentence and sentence in translation.body:
            offset = translation.body.index(sentence)
            problems.append(Problem(translation.path, translation.body_first_line
                                    + translation.body.count("\n", 0, offset),
                                    f"the page's text is still the example text from {command}",
                                    f"what a reader needs to know about this {entity.kind}, in place of "
                                    f"\"{sentence} …\""))


def _value_at(data: Any, location: Location) -> Any:
    for part in location:
        if isinstance(part, int):
            if not isinstance(data, list) or part >= len(data):
                return None
        elif not isinstance(data, dict) or part not in data:
            return None
        data = data[part]
    return data

