"""Whatever an editor writes, the checks answer with problems or accept it; they never raise.

Hypothesis generates front matter, data files and page bodies: mappings of the real field names and of
random names, holding values of every YAML type, nested; YAML text that may not parse; Markdown bodies mixing
HTML, attribute lists and links. The schema, the loader on a whole content tree and the body checks must each
either accept the input or report `path:line` problems.
"""

from __future__ import annotations

import shutil
import string
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conference_site import kinds, schema
from conference_site.catalog import load_catalog
from conference_site.markdown_checks import check_body
from conference_site.problems import ContentError, Problem
from conference_site.yaml_source import parse_mapping, parse_markdown
from site_builder import REPO

# Generating nested YAML values is slower than Hypothesis expects of a strategy; the checks themselves are fast.
CHECKS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                          HealthCheck.data_too_large])
BASE = Path(__file__).parent / "fixtures" / "base"
MODELS = [*kinds.DATA_MODELS.values(), *kinds.PAGE_MODELS.values(), schema.GeneralPage]
FIELD_NAMES = sorted({name for model in MODELS for name in model.model_fields} |
                     {"organisation", "role", "id", "document", "facts"})

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.sampled_from(["2023-04-26", "2023-02-30", "09:00", "25:61", "2023-04-26T09:00", "Asia/Dubai", "QA", "ngo",
                     "organiser", "workshop", "https://example.org/", "javascript:alert(1)", "<b>x</b>", "&lt;",
                     "host-org", "spring-forum-2030", "notice", "fixture.txt", ""]))
keys = st.one_of(st.sampled_from(FIELD_NAMES), st.text(string.ascii_letters + "_-", min_size=1, max_size=12))
values = st.recursive(scalars, lambda children: st.one_of(
    st.lists(children, max_size=4), st.dictionaries(keys, children, max_size=5)), max_leaves=10)
mappings = st.dictionaries(keys, values, max_size=8)
# YAML as an editor might mistype it: the dump of a mapping, cut or spliced with stray characters.
yaml_texts = st.one_of(
    mappings.map(lambda data: yaml.safe_dump(data, allow_unicode=True)),
    st.tuples(mappings.map(lambda data: yaml.safe_dump(data, allow_unicode=True)), st.integers(0, 200),
              st.sampled_from([":", "- ", "\t", "'", '"', "{", "[", "&a", "*a", "!!python/object", "\n  x: 1", "---"]))
    .map(lambda parts: parts[0][:parts[1]] + parts[2] + parts[0][parts[1]:]),
    st.text(max_size=200))
bodies = st.lists(st.one_of(
    st.text(max_size=40),
    st.sampled_from(["<script>alert(1)</script>", "<div markdown=1>", "<img src=x onerror=y>", "<a href='",
                     "{: onclick=x }", "{#__config}", "[x](javascript:y)", "[x](", "](((", "[r]: data:x", "```",
                     "~~~~", "`", "``code``", "<!--", "<", ">", "{", "}", "\n", "\n\n", "&#x6a;", "<svg/onload=1>",
                     "<p style='x'>", "![", "{ .a #b c=d }"])), max_size=20).map("".join)


@CHECKS
@given(st.sampled_from(MODELS), mappings)
def test_any_mapping_is_accepted_or_gets_problems(model: type[schema.Strict], data: dict) -> None:
    problems: list[Problem] = []
    document = parse_mapping(yaml.safe_dump(data, allow_unicode=True), "data/x.yml", 1, problems)
    if document is None:
        assert problems and data == {}
        return
    result = schema.validate(model, document, problems)
    assert (result is None) == bool(problems)
    assert all(problem.path == "data/x.yml" and problem.line >= 1 and str(problem) for problem in problems)


@CHECKS
@given(yaml_texts)
def test_any_yaml_text_parses_or_gets_a_problem(text: str) -> None:
    problems: list[Problem] = []
    document = parse_mapping(text, "data/x.yml", 1, problems)
    assert document is not None or problems


@CHECKS
@given(bodies)
def test_any_page_body_is_checked_without_raising(body: str) -> None:
    problems: list[Problem] = []
    source = parse_markdown(f"---\ntitle: x\n---\n{body}", "docs/en/x.md", problems)
    assert source is not None
    check_body(source.body, "docs/en/x.md", source.body_first_line, problems)
    last_line = 3 + body.count("\n") + 1
    assert all(4 <= problem.line <= last_line for problem in problems), problems


@settings(CHECKS, max_examples=60)
@given(st.sampled_from(["data/conferences/spring-forum-2030.yml", "data/workshops/spring-forum-2030-opening.yml",
                        "data/organisations/host-org.yml", "docs/en/conferences/spring-forum-2030.md",
                        "docs/ar/workshops/spring-forum-2030-opening.md", "docs/en/index.md"]),
       yaml_texts, bodies)
def test_the_loader_answers_any_file_with_a_catalog_or_problems(path: str, text: str, body: str) -> None:
    with tempfile.TemporaryDirectory() as directory:
        root = Path(directory)
        shutil.copytree(BASE, root, dirs_exist_ok=True)
        shutil.copy2(REPO / "data" / "labels.yml", root / "data" / "labels.yml")
        content = f"---\n{text}\n---\n{body}" if path.endswith(".md") else text
        (root / path).write_text(content, encoding="utf-8")
        try:
            catalog = load_catalog(root, root / "docs")
        except ContentError as error:
            assert error.problems and all(problem.line >= 1 for problem in error.problems)
        else:
            assert catalog.conferences
