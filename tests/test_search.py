"""Search, as a visitor uses it: typing into Material's search box in Chromium, answered from the site's index.

The machinery is tested on the search fixture site (tests/fixtures/search/ over tests/fixtures/base/), whose
queries and expected pages are in tests/search_queries.yml; the real site is held to what holds for any content:
each entity is found first by its own title, in its own language's index.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
import yaml
from playwright.sync_api import Browser, ConsoleMessage, Page

from conftest import BrowserPage, serving
from conference_site.catalog import Catalog
from site_builder import build, make_fixture_site

pytestmark = pytest.mark.browser

QUERIES_FILE = Path(__file__).with_name("search_queries.yml")
LANGUAGE_ROOT = {"ar": "", "en": "en/"}
KIND_FOLDERS = {"conference": "conferences", "workshop": "workshops", "organisation": "organisations"}
# Collects what the browser reports, from before the page's first script runs.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", event => window.__cspViolations.push(
  `${event.violatedDirective} blocked ${event.blockedURI || "inline code"} at ${event.sourceFile}:${event.lineNumber}`));
"""


def load_queries() -> list[dict]:
    queries = yaml.safe_load(QUERIES_FILE.read_text(encoding="utf-8"))
    for row in queries:
        assert row["language"] in LANGUAGE_ROOT, row
        expectations = set(row) - {"language", "rule", "query"}
        assert expectations and expectations <= {"results", "first", "must_find"}, row
    return queries


QUERIES = load_queries()


class Console:
    """What the browser reported while a test ran: console errors and warnings (of the page and its workers),
    uncaught exceptions, and Content-Security-Policy violations."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.messages: list[str] = []
        page.add_init_script(RECORD_VIOLATIONS)
        page.on("console", self._record)
        page.on("pageerror", lambda error: self.messages.append(f"uncaught: {error}"))
        page.on("worker", lambda worker: worker.on("console", self._record))

    def _record(self, message: ConsoleMessage) -> None:
        if message.type in ("error", "warning"):
            self.messages.append(f"{message.type}: {message.text} ({message.location.get('url', '')})")

    def problems(self) -> list[str]:
        return self.messages + self.page.evaluate("window.__cspViolations || []")


@pytest.fixture(scope="module")
def fixture_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The search fixture site, built for and served at a loopback address."""
    project = make_fixture_site(tmp_path_factory.mktemp("search-fixture") / "project", "search")
    site_dir = project.parent / "site"
    site_dir.mkdir()
    with serving(site_dir) as url:
        result = build(project, site_dir, site_url=url)
        assert result.returncode == 0, f"the search fixture does not build:\n{result.stdout}\n{result.stderr}"
        yield url


def tabs(browser: Browser, url: str) -> Iterator[dict[str, tuple[Page, Console]]]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = {}
    for language, root in LANGUAGE_ROOT.items():
        page = context.new_page()
        console = Console(page)
        page.goto(f"{url}{root}")
        opened[language] = (page, console)
    yield opened
    context.close()


@pytest.fixture(scope="module")
def fixture_tabs(browser: Browser, fixture_url: str) -> Iterator[dict[str, tuple[Page, Console]]]:
    """One tab per language of the fixture site, on its home page, that the query tests search in in turn."""
    yield from tabs(browser, fixture_url)


@pytest.fixture(scope="module")
def site_tabs(browser: Browser, site_url: str) -> Iterator[dict[str, tuple[Page, Console]]]:
    yield from tabs(browser, site_url)


SEARCH_STATE = """() => {
    const translations = JSON.parse(document.getElementById("__config").textContent).translations
    const meta = document.querySelector(".md-search-result__meta").textContent.trim()
    const items = document.querySelectorAll(".md-search-result__list > li").length
    return { meta, items, none: translations["search.result.none"], placeholder: translations["search.result.placeholder"] }
}"""


def search(page: Page, query: str) -> list[str]:
    """Type `query` into the search box as a visitor does; the addresses of the pages found, best first."""
    page.bring_to_front()  # a tab in the background gets no animation frames, so it would wait for timers
    box = page.locator("input.md-search__input")
    box.click()
    # Material searches for the empty box once its worker is ready; wait for that answer, which would
    # otherwise come after the query is typed and say "no results" for it.
    page.wait_for_function(f"""() => {{
        const state = ({SEARCH_STATE})()
        return state.items > 0 || state.meta === state.none || state.meta === state.placeholder
    }}""")
    # A previous query's results must not pass for this one's.
    page.eval_on_selector(".md-search-result", """result => {
        result.querySelector(".md-search-result__list").replaceChildren()
        result.querySelector(".md-search-result__meta").textContent = ""
    }""")
    # The whole query at once (typed letter by letter, each key press would run a search of its own, whose
    # results could pass for the query's), then a real key press, which is what runs Material's search.
    box.fill(query)
    page.keyboard.press("End")
    page.wait_for_function(f"""query => {{
        const state = ({SEARCH_STATE})()
        return document.querySelector("input.md-search__input").value === query
            && (state.items > 0 || state.meta === state.none)
    }}""", arg=query)
    return page.eval_on_selector_all(
        ".md-search-result__list > li > a:first-child",
        "links => links.map(link => { const url = new URL(link.href); return url.origin + url.pathname })")


def site_path(site_url: str, url: str) -> str:
    assert url.startswith(site_url), url
    return unquote(url[len(site_url):])


@pytest.mark.parametrize("row", QUERIES, ids=[f"{row['language']}:{row['rule']}:{row['query']}" for row in QUERIES])
def test_query_finds_its_pages(fixture_url: str, fixture_tabs: dict[str, tuple[Page, Console]], row: dict) -> None:
    root = LANGUAGE_ROOT[row["language"]]
    page, console = fixture_tabs[row["language"]]
    found = [site_path(fixture_url, url) for url in search(page, row["query"])]
    if "results" in row:
        assert sorted(found) == sorted(f"{root}{path}" for path in row["results"]), row
    top = found[:5]
    for expected in row.get("must_find", []):
        assert f"{root}{expected}" in top, f"{row['query']!r}: {root}{expected} is not in the first five: {top}"
    if "first" in row:
        assert found and found[0] == f"{root}{row['first']}", f"{row['query']!r}: first results are {top}"
    assert console.problems() == []


def test_each_entity_is_found_first_by_its_own_title(site_url: str, catalog: Catalog,
                                                     site_tabs: dict[str, tuple[Page, Console]]) -> None:
    missed = []
    entities = [(language, f"{LANGUAGE_ROOT[language]}{KIND_FOLDERS[entity.kind]}/{entity.id}/",
                 entity.text(language).title)
                for kind in catalog.entities.values() for entity in kind.values() for language in LANGUAGE_ROOT]
    assert entities
    for language, path, title in entities:
        page, console = site_tabs[language]
        found = [site_path(site_url, url) for url in search(page, title)]
        if not found or found[0] != path:
            missed.append((title, path, found[:3]))
        assert console.problems() == []
    assert missed == []


@pytest.mark.parametrize("language,query", [("en", "الاجتماعي"), ("ar", "social workers")])
def test_a_query_in_the_other_language_finds_only_pages_of_the_page_language(
        site_url: str, site_tabs: dict[str, tuple[Page, Console]], language: str, query: str) -> None:
    page, _ = site_tabs[language]
    found = [site_path(site_url, url) for url in search(page, query)]
    # Both languages' pages quote some names in the other language, so there are results, all of this language.
    assert found, query
    assert all(path.startswith("en/") == (language == "en") for path in found), found


@pytest.mark.parametrize("language,other", [("ar", "en"), ("en", "ar")])
def test_a_visitor_downloads_the_index_of_the_page_language_only(
        site_url: str, browser_page: BrowserPage, language: str, other: str) -> None:
    page = browser_page.page
    page.goto(f"{site_url}{LANGUAGE_ROOT[language]}conferences/")
    assert search(page, "2023")
    fetched = [url for url in browser_page.requests if "/search-index/" in url]
    indexes = {urlparse(url).path.split("search-index/")[0] for url in fetched}
    assert indexes == {f"/{LANGUAGE_ROOT[language]}"}
    # Every file but the manifest as of the manifest's version: none of a previous build a browser kept.
    version = page.request.get(f"{site_url}{LANGUAGE_ROOT[language]}search-index/manifest.json").json()["version"]
    assert not [url for url in fetched
                if not url.endswith("/manifest.json") and not url.endswith(f".json?v={version}")], fetched


def test_material_own_index_holds_no_page(site_url: str, browser_page: BrowserPage) -> None:
    page = browser_page.page
    with page.expect_response(re.compile(r"/search/search_index\.json$")) as response:
        page.goto(site_url)
    assert response.value.json()["docs"] == []


def test_the_page_a_result_opens_highlights_every_spelling_of_the_query(
        fixture_url: str, browser_page: BrowserPage) -> None:
    page = browser_page.page
    console = Console(page)
    page.goto(fixture_url)
    # Typed with hamza; the society's page writes «الاخصائيين» (without) and «للأخصائيين».
    search(page, "الأخصائيين")
    page.locator('.md-search-result__list > li > a:first-child[href*="/organisations/specialists-society/?h="]').click()
    page.wait_for_url(re.compile(re.escape(f"{fixture_url}organisations/specialists-society/")))
    marked = set(page.locator("[data-md-component=content] mark[data-md-highlight]").all_inner_texts())
    assert {"الأخصائيين", "الاخصائيين", "للأخصائيين"} <= marked, marked
    # Material's own highlighter, which compares letters as typed, stays out: no mark inside a mark.
    assert page.locator("mark mark").count() == 0
    assert "h=" not in page.url
    assert console.problems() == []


def test_an_english_result_highlights_the_stemmed_words(fixture_url: str, browser_page: BrowserPage) -> None:
    page = browser_page.page
    page.goto(f"{fixture_url}en/")
    search(page, "worker")
    page.locator('.md-search-result__list > li > a:first-child[href*="/en/organisations/specialists-society/?h="]').click()
    page.wait_for_url(re.compile(re.escape(f"{fixture_url}en/organisations/specialists-society/")))
    marked = {text.lower() for text in page.locator("[data-md-component=content] mark").all_inner_texts()}
    assert "workers" in marked, marked


def test_the_results_mark_the_query_words_in_the_title_and_the_text(fixture_url: str,
                                                                    browser_page: BrowserPage) -> None:
    page = browser_page.page
    page.goto(fixture_url)
    search(page, "ارامل")
    article = page.locator(".md-search-result__list > li").first
    assert article.locator("mark").all_inner_texts() == ["أرامل"]
    # The words the build indexed beside the page's own are not shown.
    assert "ارمل" not in article.inner_text()


def test_a_missing_word_is_shown_as_the_visitor_typed_it(fixture_url: str, browser_page: BrowserPage) -> None:
    page = browser_page.page
    page.goto(fixture_url)
    assert search(page, "الاخصائيين الزرافات")
    missing = set(page.locator(".md-search-result__terms del").all_text_contents())
    assert missing == {"الزرافات"}, missing


def test_enter_opens_the_first_result(fixture_url: str, browser_page: BrowserPage) -> None:
    page = browser_page.page
    page.goto(f"{fixture_url}en/")
    first = search(page, "UNICEF")[0]
    page.keyboard.press("Enter")
    page.wait_for_url(f"{first}**")
    assert page.url.startswith(f"{fixture_url}en/organisations/children-fund/")


def test_the_arrow_keys_move_through_the_results(fixture_url: str, browser_page: BrowserPage) -> None:
    page = browser_page.page
    page.goto(fixture_url)
    found = search(page, "ادمان")
    page.keyboard.press("ArrowDown")
    focused = page.evaluate("document.activeElement.href")
    assert focused.split("?")[0] == found[0]


def test_the_results_keep_the_visitor_language_labels(fixture_url: str, browser_page: BrowserPage) -> None:
    page = browser_page.page
    page.goto(fixture_url)
    search(page, "زرافة")
    assert page.locator(".md-search-result__meta").inner_text().strip() == "لا توجد نتائج"


def chosen_facet(page: Page, facet: str, label: str) -> list[str]:
    page.locator("[data-cs-facets] summary").click()
    before = page.locator(".md-search-result__list > li").count()
    page.select_option(f"[data-cs-facets] select[name={facet}]", label=label)
    page.wait_for_function("count => document.querySelectorAll('.md-search-result__list > li').length !== count",
                           arg=before)
    return page.eval_on_selector_all(".md-search-result__list > li > a:first-child",
                                     "links => links.map(link => new URL(link.href).pathname)")


def test_the_facets_narrow_the_results_with_labels_in_the_page_language(fixture_url: str,
                                                                         browser_page: BrowserPage) -> None:
    page = browser_page.page
    page.goto(fixture_url)
    search(page, "الابتكار")
    facets = page.locator("[data-cs-facets]")
    assert facets.locator("summary").inner_text() == "تضييق النتائج"
    labels = [label.strip() for label in facets.locator("label").evaluate_all(
        "labels => labels.map(label => label.firstChild.textContent)")]
    assert labels == ["النوع", "السنة", "البلد", "الجهة"]
    kinds = facets.locator("select[name=kind]").evaluate("select => [...select.options].map(option => option.text)")
    assert set(kinds) == {"الكل", "مؤتمر", "ورشة عمل أو جلسة", "جهة"}
    # Both workshops of the conference name it, and so hold the word.
    assert sorted(chosen_facet(page, "kind", "ورشة عمل أو جلسة")) == [
        "/workshops/innovation-forum-2029-shelters/", "/workshops/innovation-forum-2029-workshops/"]


def test_a_facet_narrows_the_results_to_its_value(fixture_url: str, browser_page: BrowserPage) -> None:
    page = browser_page.page
    page.goto(f"{fixture_url}en/")
    search(page, "social")
    found = chosen_facet(page, "country", "United Arab Emirates")
    assert found and "/en/organisations/specialists-society/" in found
    assert "/en/conferences/spring-forum-2030/" not in found  # in Qatar


def test_no_page_downloads_a_sitemap_or_the_index_before_a_search(fixture_url: str,
                                                                    browser_page: BrowserPage) -> None:
    page = browser_page.page
    for path in ["", "conferences/", "conferences/innovation-forum-2029/", "en/organisations/children-fund/"]:
        page.goto(f"{fixture_url}{path}")
        page.wait_for_load_state("networkidle")
    fetched = [urlparse(url).path for url in browser_page.requests]
    assert not [path for path in fetched if path.endswith("sitemap.xml") or "/search-index/" in path], fetched


def test_each_language_has_its_own_index(fixture_url: str, browser_page: BrowserPage) -> None:
    page = browser_page.page
    for language, root in LANGUAGE_ROOT.items():
        manifest = page.request.get(f"{fixture_url}{root}search-index/manifest.json").json()
        assert manifest["language"] == language
        assert manifest["pages"] > 10
    assert json.loads(page.request.get(f"{fixture_url}search/search_index.json").text())["docs"] == []
