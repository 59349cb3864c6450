"""GitHub Pages answers every missing address with `/404.html`: a visitor gets it in the language of the address
asked for (Arabic under `/`, English under `/en/`), styled as the rest of the site."""

from __future__ import annotations

import pytest

from conftest import BrowserPage, BuiltSite

TITLES = {"ar": "الصفحة غير موجودة", "en": "Page not found"}


@pytest.mark.parametrize("path,language", [("404.html", "ar"), ("en/404.html", "en")])
def test_each_language_has_its_not_found_page(site: BuiltSite, path: str, language: str) -> None:
    page = site.html(path)
    assert page.html["lang"] == language
    assert page.select_one("article h1").get_text() == TITLES[language]
    home = "/" if language == "ar" else "/en/"
    assert page.select_one("a.cs-not-found-home")["href"] == home
    # Styled as the site: Material's stylesheet, addressed from the site's root since the page answers any path
    # (each language's build has its own copy of the theme's assets).
    assert page.select_one(f'link[rel="stylesheet"][href^="{home}assets/stylesheets/main."]') is not None
    switcher = {link["hreflang"]: link["href"] for link in page.select("a.md-select__link")}
    assert switcher == {"ar": "/", "en": "/en/"}


@pytest.mark.browser
@pytest.mark.parametrize("path,language", [
    ("no-such-page/", "ar"), ("conferences/no-such-conference/", "ar"),
    ("en/no-such-page/", "en"), ("en/conferences/no-such-conference/", "en")])
def test_missing_address_shows_the_not_found_page_in_its_language(site_url: str, browser_page: BrowserPage,
                                                                  path: str, language: str) -> None:
    page = browser_page.page
    response = page.goto(f"{site_url}{path}")
    assert response is not None
    page.wait_for_load_state("load")
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator("article h1").inner_text() == TITLES[language]
    # The site's stylesheet applied: Material's header is laid out, not bare text.
    assert page.locator("header.md-header").evaluate("header => getComputedStyle(header).position") == "sticky"
    # The browser reports the 404 status of the address itself; nothing else may fail.
    assert [error for error in browser_page.console_errors if "404" not in error] == []
