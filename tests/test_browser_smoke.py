"""The built site in a real browser: it loads from the loopback host alone, and the switcher works."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from conference_site.catalog import Catalog
from conftest import BrowserPage
from site_pages import entity_url

pytestmark = pytest.mark.browser


def switcher_target(browser_page: BrowserPage, language: str) -> str:
    """The absolute address the language switcher's entry for `language` leads to."""
    return browser_page.page.locator(f'a.md-select__link[hreflang="{language}"]').evaluate("link => link.href")


def test_switcher_round_trips_to_the_same_conference(site_url: str, catalog: Catalog,
                                                     browser_page: BrowserPage) -> None:
    page = browser_page.page
    conference = min(catalog.conferences.values(), key=lambda c: c.id)
    page.goto(f"{site_url}{entity_url(conference, 'ar')}")
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.goto(switcher_target(browser_page, "en"))
    assert page.url == f"{site_url}{entity_url(conference, 'en')}"
    assert page.locator("html").get_attribute("lang") == "en"
    page.goto(switcher_target(browser_page, "ar"))
    assert page.url == f"{site_url}{entity_url(conference, 'ar')}"
    hosts = {urlparse(url).hostname for url in browser_page.requests}
    assert hosts == {"127.0.0.1"}
