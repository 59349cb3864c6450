"""Fuzzing the checks with hostile pieces (Hypothesis): no traceback, the same front matter as MkDocs, and the
source check reporting whatever the sanitiser would remove.

tests/test_property_based.py generates valid-looking and mistyped content; this generates what an attacker would
try: delimiters followed by other kinds of space, every kind of line end, invisible characters, markup in every
Markdown construct that takes an address, an id or a title.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from mkdocs.utils import meta

from conference_site.catalog import load_catalog
from conference_site.html_policy import sanitise
from conference_site.markdown_checks import check_body
from conference_site.problems import ContentError, Problem
from conference_site.yaml_source import parse_markdown
from hostile_corpus import BASE, PAGE
from site_builder import REPO
from test_hostile_input import _features, _markdown

FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                        HealthCheck.data_too_large])

line_ends = st.sampled_from(["\n", "\r\n", "\r", "\u2028", "\x85", "\x0b", "\x0c"])
spaces = st.sampled_from(["", " ", "\t", "\u00a0", "\u3000", "\u2003", "\u200b", "\ufeff", " \u00a0"])
delimiters = st.builds(lambda mark, space: mark + space, st.sampled_from(["---", "...", "----", "--"]), spaces)
front_matter_lines = st.one_of(delimiters, st.sampled_from([
    "title: x", "summary: y", "title: '<b>x</b>'", "title: &a x", "slogan: *a", "title: !!binary eA==", "- item",
    "title: |", "  two", "key: [1, 2", "", "# comment", "title: \"\\u202ex\""]), st.text(max_size=12))
pages = st.lists(st.tuples(front_matter_lines, line_ends), max_size=12).map(
    lambda parts: "".join(line + end for line, end in parts))

# Markdown constructs that take an address, an id, a title or attributes, filled with hostile values.
values = st.sampled_from(["javascript:alert(1)", "JAVA&#x53;CRIPT:x", " data:text/html,x", "https://u:p@h/",
                          "https://example.org/", "../images/x.png", "#x", "x\"onmouseover=\"y", "&lt;b&gt;", "<b>",
                          "__config", "md-dialog", "x", "", "a b", "'", "\""])
constructs = st.one_of(
    st.builds("[t]({})".format, values), st.builds('[t](https://example.org/ "{}")'.format, values),
    st.builds("![alt]({})".format, values), st.builds("<{}>".format, values),
    st.builds("[r]: {}\n\n[t][r]".format, values), st.builds("> [r]: {}\n\n[t][r]".format, values),
    st.builds("- [r]: {}\n\n[t][r]".format, values), st.builds("## h {{: #{} }}".format, values),
    st.builds("## h {{: id='{}' }}".format, values), st.builds("t\n{{: title='{}' }}".format, values),
    st.builds("t\n{{: .{} }}".format, values), st.builds("[t](https://e.org/){{: target={} }}".format, values),
    st.builds('<a href="{}">t</a>'.format, values), st.builds('<span title="{}">t</span>'.format, values),
    st.builds('<p id="{}">t</p>'.format, values), st.builds('<div class="{}">t</div>'.format, values),
    st.builds('<div markdown="1">\n<h2 id="{}">t</h2>\n</div>'.format, values),
    st.builds("<img/src={}/onerror=x alt=a>".format, values), st.builds("t\n\n*[t]: {}".format, values),
    st.builds("t[^{}]\n\n[^{}]: n".format, values, values), st.builds("## {}".format, values),
    st.sampled_from(["<script>x</script>", "<svg/onload=x>", "<style>x</style>", "`<script>`", "```\n<script>\n```",
                     "<!-- <script> -->", "<details><summary>s</summary>t</details>", "| a |\n|---|\n| b |"]))
bodies = st.lists(constructs, min_size=1, max_size=4).map("\n\n".join)


@FUZZ
@given(pages, st.text(max_size=20))
def test_the_front_matter_is_where_mkdocs_finds_it(text: str, body: str) -> None:
    # As read_text reads it (MkDocs reads files with universal newlines).
    text = (text + body).replace("\r\n", "\n").replace("\r", "\n")
    problems: list[Problem] = []
    source = parse_markdown(text, "docs/en/x.md", problems)
    if source is None:
        assert problems
        return
    mkdocs_body, mkdocs_data = meta.get_data(text)
    assert mkdocs_body == source.body.lstrip("\n")
    assert set(mkdocs_data) == set(source.front_matter.data)


@FUZZ
@given(bodies)
@example("## __config")  # found by this test: a heading's slug was Material's own id
@example("## h {: #JAVA&#x53;CRIPT:x }")  # found by this test: an id checked decoded, kept as written
@example('<div class=""">t</div>')  # found by this test: an attribute named by a quote
def test_whatever_the_sanitiser_removes_the_check_reports(body: str) -> None:
    problems: list[Problem] = []
    check_body(body, PAGE, 12, problems)
    removed = _features(_markdown().convert(body)) - _features(sanitise(_markdown(guarded=True).convert(body)))
    assert problems or not removed, removed


@settings(FUZZ, max_examples=60)
@given(pages, bodies)
def test_hostile_pages_get_problems_never_a_traceback(front_matter: str, body: str) -> None:
    with tempfile.TemporaryDirectory() as directory:
        root = Path(directory)
        shutil.copytree(BASE, root, dirs_exist_ok=True)
        shutil.copy2(REPO / "data" / "labels.yml", root / "data" / "labels.yml")
        (root / PAGE).write_text(front_matter + "\n" + body, encoding="utf-8")
        try:
            load_catalog(root, root / "docs")
        except ContentError as error:
            assert error.problems and all(problem.line >= 1 for problem in error.problems)
