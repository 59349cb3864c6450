"""Search, as a visitor uses it: typing into the search box of the built site in Chromium.

The queries and the pages they must find are in tests/search_queries.yml.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml
from playwright.sync_api import Browser, ConsoleMessage, Page

from conftest import BrowserPage, BuiltSite

QUERIES_FILE = Path(__file__).with_name("search_queries.yml")
LANGUAGE_ROOT = {"ar": "", "en": "en/"}
ARABIC_LETTER = re.compile(r"[\u0621-\u064A]")


def load_queries() -> list[dict]:
    queries = yaml.safe_load(QUERIES_FILE.read_text(encoding="utf-8"))
    for row in queries:
        assert row["language"] in LANGUAGE_ROOT, row
        assert set(row) - {"language", "query"} <= {"must_find", "first"} and ("must_find" in row or "first" in row), row
    return queries


QUERIES = load_queries()


class Console:
    """What the browser reported while a test ran: console errors and warnings (of the page and its workers,
    such as Material's "Invalid query"), and uncaught exceptions."""

    def __init__(self, page: Page) -> None:
        self.messages: list[str] = []
        page.on("console", self._record)
        page.on("pageerror", lambda error: self.messages.append(f"uncaught: {error}"))
        page.on("worker", lambda worker: worker.on("console", self._record))

    def _record(self, message: ConsoleMessage) -> None:
        if message.type not in ("error", "warning"):
            return
        url = message.location.get("url", "")
        # Material fetches the sitemap.xml of each hreflang alternate, at the site_url the build was given
        # (not this test server's port; and the English site has none): not a part of the search.
        if message.text.startswith("Failed to load resource") and url.endswith("/sitemap.xml"):
            return
        self.messages.append(f"{message.type}: {message.text} ({url})")


@pytest.fixture
def console(browser_page: BrowserPage) -> Console:
    return Console(browser_page.page)


@pytest.fixture(scope="module")
def search_tabs(browser: Browser, site_url: str) -> Iterator[dict[str, tuple[Page, Console]]]:
    """One tab per language, on its home page, that the query tests search in one after the other."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tabs = {}
    for language, root in LANGUAGE_ROOT.items():
        page = context.new_page()
        console = Console(page)
        page.goto(f"{site_url}{root}")
        tabs[language] = (page, console)
    yield tabs
    context.close()


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
    return url[len(site_url):]


@pytest.mark.browser
@pytest.mark.parametrize("row", QUERIES, ids=[f"{row['language']}:{row['query']}" for row in QUERIES])
def test_query_finds_its_pages(site_url: str, search_tabs: dict[str, tuple[Page, Console]], row: dict) -> None:
    root = LANGUAGE_ROOT[row["language"]]
    page, console = search_tabs[row["language"]]
    found = [site_path(site_url, url) for url in search(page, row["query"])]
    top = found[:5]
    for expected in row.get("must_find", []):
        assert f"{root}{expected}" in top, f"{row['query']!r}: {root}{expected} is not in the first five: {top}"
    if "first" in row:
        assert found and found[0] == f"{root}{row['first']}", f"{row['query']!r}: first results are {top}"
    assert not console.messages


@pytest.mark.browser
@pytest.mark.parametrize("language,query", [("en", "الاجتماعي"), ("ar", "social workers")])
def test_a_query_in_the_other_language_finds_only_pages_of_the_page_language(
        site_url: str, browser_page: BrowserPage, language: str, query: str) -> None:
    page = browser_page.page
    page.goto(f"{site_url}{LANGUAGE_ROOT[language]}")
    found = [site_path(site_url, url) for url in search(page, query)]
    # Both languages' pages quote some names in the other language, so there are results, all of this language.
    assert found, query
    if language == "en":
        assert all(path.startswith("en/") for path in found), found
    else:
        assert not any(path.startswith("en/") for path in found), found


@pytest.mark.browser
@pytest.mark.parametrize("language,other", [("ar", "en"), ("en", "ar")])
def test_a_visitor_downloads_the_index_of_the_page_language_only(
        site_url: str, browser_page: BrowserPage, language: str, other: str) -> None:
    page = browser_page.page
    page.goto(f"{site_url}{LANGUAGE_ROOT[language]}conferences/")
    assert search(page, "2023")
    indexes = {urlparse(url).path for url in browser_page.requests if url.endswith("search_index.json")}
    assert indexes == {f"/{LANGUAGE_ROOT[language]}search/search_index.json"}


@pytest.mark.browser
def test_the_page_a_result_opens_highlights_every_spelling_of_the_query(
        site_url: str, browser_page: BrowserPage, console: Console) -> None:
    page = browser_page.page
    page.goto(site_url)
    # Typed without hamza; the Qatar Foundation's page writes «الأخصائيين» (with) and «للأخصائيين».
    search(page, "الاخصائيين")
    page.locator('.md-search-result__list > li > a:first-child[href*="/organisations/qatar-foundation-for-social-work/?h="]').click()
    page.wait_for_url(re.compile(re.escape(f"{site_url}organisations/qatar-foundation-for-social-work/")))
    marked = set(page.locator("[data-md-component=content] mark[data-md-highlight]").all_inner_texts())
    assert {"الأخصائيين", "للأخصائيين"} <= marked, marked
    # Material's own highlighter, which compares letters as typed, stays out: no mark inside a mark.
    assert page.locator("mark mark").count() == 0
    assert "h=" not in page.url
    assert not console.messages


@pytest.mark.browser
def test_an_english_result_highlights_the_stemmed_words(site_url: str, browser_page: BrowserPage) -> None:
    page = browser_page.page
    page.goto(f"{site_url}en/")
    search(page, "worker")
    page.locator('.md-search-result__list > li > a:first-child[href*="/en/organisations/qatar-foundation-for-social-work/?h="]').click()
    page.wait_for_url(re.compile(re.escape(f"{site_url}en/organisations/qatar-foundation-for-social-work/")))
    marked = {text.lower() for text in page.locator("[data-md-component=content] mark").all_inner_texts()}
    assert "workers" in marked, marked


@pytest.mark.browser
def test_a_missing_word_is_shown_as_the_visitor_typed_it(site_url: str, browser_page: BrowserPage) -> None:
    page = browser_page.page
    page.goto(site_url)
    assert search(page, "الاخصائيين الزرافات")
    missing = set(page.locator(".md-search-result__terms del").all_text_contents())
    assert missing == {"الزرافات"}, missing


@pytest.mark.browser
def test_enter_opens_the_first_result(site_url: str, browser_page: BrowserPage) -> None:
    page = browser_page.page
    page.goto(f"{site_url}en/")
    first = search(page, "Czech Society of Social Workers")[0]
    page.keyboard.press("Enter")
    page.wait_for_url(f"{first}**")
    assert page.url.startswith(f"{site_url}en/organisations/czech-society-of-social-workers/")


@pytest.mark.browser
def test_the_results_keep_the_visitor_language_labels(site_url: str, browser_page: BrowserPage) -> None:
    page = browser_page.page
    page.goto(site_url)
    search(page, "زرافة")
    assert page.locator(".md-search-result__meta").inner_text().strip() == "لا توجد نتائج"


def test_each_language_has_its_own_index(site: BuiltSite) -> None:
    for language, root in LANGUAGE_ROOT.items():
        index = json.loads((site.root / root / "search" / "search_index.json").read_text(encoding="utf-8"))
        assert index["config"]["lang"] == [language]
        locations = [doc["location"] for doc in index["docs"]]
        assert "conferences/sharjah-social-service-conference-14/" in locations
        # Locations are relative to the language's root, where that language's search resolves them.
        assert not any(location.startswith("en/") for location in locations), locations
        titles = [doc["title"] for doc in index["docs"] if "#" not in doc["location"]]
        with_arabic = [title for title in titles if ARABIC_LETTER.search(title)]
        assert with_arabic == (titles if language == "ar" else []), with_arabic


def test_the_build_reports_the_size_of_each_index(site: BuiltSite) -> None:
    for language, root in LANGUAGE_ROOT.items():
        size = (site.root / root / "search" / "search_index.json").stat().st_size
        match = re.search(rf"search index '{language}': (\d+) pages, \d+ sections, ([\d.]+) KiB "
                          rf"\(([\d.]+) KiB gzipped\) at {root}search/search_index.json", site.log)
        assert match, site.log
        assert int(match[1]) >= 24
        assert float(match[2]) == round(size / 1024, 1)


def test_entity_names_are_indexed_with_the_title_boost(site: BuiltSite) -> None:
    index = json.loads((site.root / "en" / "search" / "search_index.json").read_text(encoding="utf-8"))
    names = {doc["location"]: doc["names"] for doc in index["docs"] if "names" in doc}
    assert names["organisations/international-federation-of-social-workers/"] == ["IFSW"]
    assert names["conferences/sharjah-social-service-conference-14/"] == ["Innovation in social work", "2023"]
    assert index["config"]["fields"]["names"] == index["config"]["fields"]["title"]


def test_the_words_of_adjacent_cells_stay_apart_in_the_index(site: BuiltSite) -> None:
    index = json.loads((site.root / "search" / "search_index.json").read_text(encoding="utf-8"))
    article = next(doc for doc in index["docs"] if doc["location"] == "conferences/sharjah-social-service-conference-14/")
    assert "المكان قاعة الجواهر" in article["text"], article["text"]
