"""The hostile corpus (tests/hostile_corpus.py): each refused case is refused in-process with its `path:line`,
each published case builds into a site with nothing dangerous in any file it writes, and whatever the sanitiser
would remove from a case's body the source check reports first.
"""

from __future__ import annotations

import json
import re
import shutil
from collections import Counter
from pathlib import Path
from xml.etree import ElementTree

import markdown
import pytest
from bs4 import BeautifulSoup
from icalendar import Calendar
from mkdocs.utils import yaml_load

from conference_site import deadline
from conference_site.catalog import load_catalog
from conference_site.html_policy import sanitise
from conference_site.markdown_checks import check_body
from conference_site.problems import ContentError, Problem
from conference_site.safe_ids import SafeIds, safe_slugify
from hostile_corpus import BASE, BODY_LINE, FRONT_MATTER, PAGE, PUBLISHED, REFUSED, Published, Refused, published_site
from site_builder import REPO, build
from site_pages import search_records

CATEGORIES = {"urls", "markup", "attributes", "front matter", "yaml", "files", "sizes", "unicode"}


def test_the_corpus_covers_every_category_with_over_a_hundred_cases() -> None:
    cases = [*REFUSED, *PUBLISHED]
    assert len(cases) >= 100
    assert len({case.name for case in cases}) == len(cases), "case names are unique"
    assert {case.category for case in cases} == CATEGORIES
    assert {case.category for case in REFUSED} == CATEGORIES


def base_site(root: Path) -> Path:
    shutil.copytree(BASE, root)
    shutil.copy2(REPO / "data" / "labels.yml", root / "data" / "labels.yml")
    return root


@pytest.mark.parametrize("case", REFUSED, ids=[case.name for case in REFUSED])
def test_refused_with_its_path_and_line(case: Refused, tmp_path: Path) -> None:
    root = base_site(tmp_path / "site")
    case.change(root)
    with pytest.raises(ContentError) as refused:
        load_catalog(root, root / "docs")
    problems = refused.value.problems
    for path, line, fragment in case.expected:
        assert any(problem.path == path and problem.line == line and fragment in str(problem)
                   for problem in problems), (path, line, fragment, [str(problem) for problem in problems])
    assert all(problem.line >= 1 and "; expected " in str(problem) for problem in problems), problems


def test_a_check_that_runs_too_long_is_stopped() -> None:
    # A regular expression that backtracks for ages: the bound interrupts it, so a page cannot hang the build.
    with pytest.raises(deadline.DeadlineExceeded), deadline.deadline(0.2):
        re.match(r"(a+)+$", "a" * 64 + "b")


# What the sanitiser would remove, and what the check says about it.

def _markdown(guarded: bool = False) -> markdown.Markdown:
    """Python-Markdown with the site's extensions and settings: mkdocs.yml's, with the slugs hooks/page_guard.py
    keeps free of reserved ids (a setting of the conversion: it removes nothing an editor wrote); `guarded`: also
    with the ids hooks/page_guard.py removes (conference_site.safe_ids)."""
    with (REPO / "mkdocs.yml").open(encoding="utf-8") as stream:
        config = yaml_load(stream)
    names, settings = [], {}
    for entry in config["markdown_extensions"]:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        names.append(name)
        settings[name] = dict(options or {})
    settings["toc"]["slugify"] = safe_slugify(settings["toc"]["slugify"])
    return markdown.Markdown(extensions=[*names, *([SafeIds()] if guarded else [])], extension_configs=settings)


def _features(html: str) -> Counter:
    """Every element with its attributes: what the sanitiser keeps or removes (`rel`, which it adds to external
    links, and white space inside `style` left out; comments it strips are not content)."""
    found: Counter = Counter()
    for element in BeautifulSoup(html, "html.parser").find_all(True):
        attributes = tuple(sorted((name, " ".join(value) if isinstance(value, list) else value.replace(" ", "")
                                   if name == "style" else value)
                                  for name, value in element.attrs.items() if name != "rel"))
        found[(element.name, attributes)] += 1
    return found


BODIES = [(case.name, case.change) for case in REFUSED if case.category in ("urls", "markup", "attributes")] + \
    [(case.name, case) for case in PUBLISHED if case.body]


@pytest.mark.parametrize(("name", "source"), BODIES, ids=[name for name, _ in BODIES])
def test_whatever_the_sanitiser_removes_the_check_reports(name: str, source, tmp_path: Path) -> None:
    if isinstance(source, Published):
        text = FRONT_MATTER + "\n" + source.body + "\n"
    else:
        root = base_site(tmp_path / "site")
        source(root)
        text = (root / PAGE).read_text(encoding="utf-8")
    body = text.split("---\n", 2)[2]
    # What Python-Markdown makes of the body, and what is published: the ids hooks/page_guard.py removes
    # (conference_site.safe_ids), then the sanitiser.
    rendered = _markdown().convert(body)
    published = sanitise(_markdown(guarded=True).convert(body))
    problems: list[Problem] = []
    check_body(body, PAGE, BODY_LINE - 1, problems)
    removed = _features(rendered) - _features(published)
    if removed:
        assert problems, (name, removed)
    if isinstance(source, Published):
        assert problems == [] and not removed, (name, problems, removed)


# The published cases, all on one fixture site (hostile_corpus.published_site).

@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = published_site(tmp_path_factory.mktemp("hostile") / "project")
    result = build(project, project / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


# Relative, or from the site's root: a language's 404 page has its own build's assets (/en/assets/).
SCRIPT_SOURCES = re.compile(r"(?:\.\./)*(?:/(?:[a-z]{2}/)?)?assets/javascripts/")


def _html_is_harmless(html: str, where: str) -> None:
    document = BeautifulSoup(html, "html.parser")
    for element in document.find_all(True):
        for name, value in element.attrs.items():
            text = " ".join(value) if isinstance(value, list) else value
            assert not name.startswith("on"), (where, element.name, name)
            if name in ("href", "src", "action", "formaction", "data"):
                assert not re.match(r"\s*(?:javascript|data|vbscript):", text, re.IGNORECASE), (where, name, text)
            if name == "title":
                assert "<" not in text, (where, text)
    for script in document.find_all("script"):
        if script.get("src"):
            assert SCRIPT_SOURCES.match(script["src"]), (where, script["src"])
        else:
            assert script.get("type") in (None, "application/json", "application/ld+json"), (where, script)
            assert "alert(" not in (script.string or ""), where
    # Material's interface has forms and icons of its own; the content (the article, a search entry) has none.
    content = document.select("article") or [document]
    for name in ("iframe", "object", "embed", "form", "base", "svg", "math", "style", "input", "button"):
        assert not [found for part in content for found in part.find_all(name)
                    if not (name == "input" and "tabbed-set" in found.parent.get("class", []))], (where, name)
    assert not [element["id"] for part in content for element in part.select("[id]")
                if element["id"].startswith("__") and not element["id"].startswith("__tabbed_")], where
    assert not [element for part in content for element in part.select('[class*="md-"]')
                if not set(element.get("class", [])) & {"md-button", "md-typeset", "md-content__button"}
                and not element.find_parent(class_="md-content__button")], where


def test_nothing_dangerous_in_any_page(published: Path) -> None:
    pages = sorted(published.rglob("*.html"))
    assert len(pages) == 20, ("seven kinds of page in two languages, the year page of the conferences and of the "
                              "workshops in each, and the two not-found pages")
    for page in pages:
        html = page.read_text(encoding="utf-8")
        _html_is_harmless(html, str(page.relative_to(published)))
        document = BeautifulSoup(html, "html.parser")
        for link in document.select("nav.md-nav--secondary a.md-nav__link"):
            assert re.fullmatch(r"#[\w.:-]+", link["href"]), (page, link["href"])
        for block in document.select('script[type="application/ld+json"]'):
            assert "</" not in block.string
            json.loads(block.string)


def test_the_hostile_text_is_published_as_text(published: Path) -> None:
    page = BeautifulSoup((published / "en" / "conferences" / "spring-forum-2030" / "index.html").read_text(
        encoding="utf-8"), "html.parser")
    article = page.select_one("article").get_text()
    assert "<script>alert('text')</script>" in article
    assert "<script>alert('code')</script>" in article
    assert page.select_one("h1").get_text().strip() == 'Forum "2030" & the > sign'
    assert page.title.get_text().startswith('Forum "2030" & the > sign')


def test_nothing_dangerous_in_feeds_calendars_sitemaps_or_search(published: Path) -> None:
    for feed in [*published.rglob("feed.xml"), *published.rglob("sitemap.xml")]:
        ElementTree.parse(feed)
    calendars = sorted(published.rglob("*.ics"))
    assert calendars
    for file in calendars:
        calendar = Calendar.from_ical(file.read_bytes())
        for event in calendar.walk("VEVENT"):
            assert "\x00" not in str(event.get("summary"))
    # The search indexes hold each page's text as text (the worker escapes it: tests/test_hostile_browser.py):
    # the escaped script is there as the page shows it, and no markup of the page is kept.
    # Each language's index gives its pages' addresses from its language's root.
    records, english = search_records(published), search_records(published / "en")
    assert english and len(records) > len(english), "both languages' indexes"
    texts = [json.dumps(page["sections"], ensure_ascii=False) for page in english
             if page["url"] == "conferences/spring-forum-2030/"]
    assert texts and "<script>alert('text')</script>" in texts[0]
    assert not [page["url"] for page in records
                if "<a " in json.dumps(page, ensure_ascii=False) or "<p>" in json.dumps(page, ensure_ascii=False)]
