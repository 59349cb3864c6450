"""Every kind of page, in both languages, as a visitor's browser shows it: Debian's Chromium on the built site.

For each page: no console error, no request to any host but the site's own, the direction and the side of the
navigation of its language, zero axe-core violations of WCAG 2.2 A/AA (light and dark palettes), no
horizontal scrolling at 360 px with the header's buttons on screen, and screenshots in test-artifacts/.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from conference_site.catalog import Catalog
from conftest import BuiltSite
from site_builder import REPO
from site_pages import page_of_each_kind

pytestmark = pytest.mark.browser

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
ARTIFACTS = REPO / "test-artifacts" / "screenshots"
PHONE_WIDTH = 360
DESKTOP = {"width": 1280, "height": 900}
LANGUAGE_PREFIX = {"ar": "", "en": "en/"}
DIRECTION = {"ar": "rtl", "en": "ltr"}

# One page of every kind (site_pages.page_of_each_kind), as a path inside a language (the Arabic one is at the
# root, the English under en/).
PAGE_KINDS = ("home", "conferences-index", "workshops-index", "organisations-index", "conference", "workshop",
              "organisation")
PAGES = [(kind, language) for kind in PAGE_KINDS for language in ("ar", "en")]


@pytest.fixture(scope="module")
def pages(catalog: Catalog) -> dict[str, str]:
    return page_of_each_kind(catalog)


@dataclass
class Visit:
    """A page loaded in a fresh tab, with what the visitor would not see: console errors and requests."""

    page: Page
    console_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    redirects: list[str] = field(default_factory=list)


@pytest.fixture
def open_page(browser: Browser) -> Iterator:
    """Opens a URL in a new browser context of the given viewport and colour scheme, recording the tab."""
    contexts: list[BrowserContext] = []

    def open_(url: str, *, width: int = DESKTOP["width"], color_scheme: str = "light") -> Visit:
        # Scripts injected by the test (axe-core) must run under the site's Content-Security-Policy too.
        context = browser.new_context(viewport={"width": width, "height": DESKTOP["height"]},
                                      color_scheme=color_scheme, bypass_csp=True)
        contexts.append(context)
        page = context.new_page()
        visit = Visit(page)
        page.on("console", lambda message: visit.console_errors.append(f"{message.text} {message.location}")
                if message.type == "error" else None)
        page.on("pageerror", lambda error: visit.console_errors.append(str(error)))
        page.on("request", lambda request: visit.requests.append(request.url))
        page.on("response", lambda response: visit.redirects.append(f"{response.status} {response.url}")
                if 300 <= response.status < 400 else None)
        response = page.goto(url, wait_until="load")
        assert response is not None and response.ok, f"{url}: {response and response.status}"
        page.wait_for_load_state("networkidle")
        return visit

    yield open_
    for context in contexts:
        context.close()


def axe_violations(page: Page, *, rules: list[str] | None = None) -> list[str]:
    """What axe-core finds on the page, one line per violation with the elements it names."""
    assert AXE.is_file(), f"{AXE} is missing: `make test` installs it with npm ci"
    page.add_script_tag(path=str(AXE))
    options = {"runOnly": {"type": "rule", "values": rules} if rules else {"type": "tag", "values": AXE_TAGS},
               "resultTypes": ["violations"]}  # skips collecting the passes, which takes most of the time
    results = page.evaluate("options => axe.run(document, options)", options)
    return [f"{violation['id']}: {violation['help']} — "
            + "; ".join(f"{node['target']} {node.get('failureSummary', '')}" for node in violation["nodes"])
            for violation in results["violations"]]


def screenshot(page: Page, name: str, *, full_page: bool) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"{name}.png", full_page=full_page)


@pytest.mark.parametrize("kind,language", PAGES)
def test_page_loads_from_the_site_alone_with_its_direction_and_no_accessibility_violation(
        site_url: str, pages: dict[str, str], open_page, kind: str, language: str) -> None:
    visit = open_page(f"{site_url}{LANGUAGE_PREFIX[language]}{pages[kind]}")
    page = visit.page
    html = page.locator("html")
    assert (html.get_attribute("lang"), html.get_attribute("dir")) == (language, DIRECTION[language])
    # The navigation sits on the side the text starts from: the right in Arabic, the left in English.
    navigation = page.locator(".md-sidebar--primary").bounding_box()
    assert navigation is not None
    middle = DESKTOP["width"] / 2
    if language == "ar":
        assert navigation["x"] > middle, navigation
    else:
        assert navigation["x"] + navigation["width"] < middle, navigation
    # All but the Arabic language name of an English page's menu, which has a font of its own (test_fonts.py).
    text = page.evaluate("document.body.innerText")
    if language == "en":
        text = text.replace("العربية", "")
    assert page.evaluate("text => document.fonts.check('16px \"Site Noto Sans\"', text)", text), \
        "the site's own font is not loaded for the page's text"
    screenshot(page, f"{language}-{kind}-desktop", full_page=False)
    assert axe_violations(page) == []
    assert visit.console_errors == []
    assert {urlparse(url).hostname for url in visit.requests} == {"127.0.0.1"}, visit.requests


@pytest.mark.parametrize("kind,language", PAGES)
def test_colours_pass_in_the_dark_palette(site_url: str, pages: dict[str, str], open_page, kind: str,
                                          language: str) -> None:
    visit = open_page(f"{site_url}{LANGUAGE_PREFIX[language]}{pages[kind]}", color_scheme="dark")
    assert visit.page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    assert axe_violations(visit.page, rules=["color-contrast"]) == []


@pytest.mark.parametrize("kind,language", PAGES)
def test_page_fits_a_phone_without_horizontal_scrolling(site_url: str, pages: dict[str, str], open_page, kind: str,
                                                        language: str) -> None:
    visit = open_page(f"{site_url}{LANGUAGE_PREFIX[language]}{pages[kind]}", width=PHONE_WIDTH)
    page = visit.page
    widths = page.evaluate("[document.documentElement.scrollWidth, document.body.scrollWidth, innerWidth]")
    assert widths == [PHONE_WIDTH] * 3, widths
    # The header's menu, search and language buttons are on screen and large enough to tap (WCAG 2.5.8).
    for selector in ('label.md-header__button[for="__drawer"]', 'label.md-header__button[for="__search"]',
                     ".md-select > button.md-header__button"):
        box = page.locator(selector).bounding_box()
        assert box is not None, selector
        assert 0 <= box["x"] and box["x"] + box["width"] <= PHONE_WIDTH, (selector, box)
        assert box["width"] >= 24 and box["height"] >= 24, (selector, box)
    screenshot(page, f"{language}-{kind}-phone", full_page=True)
    assert visit.console_errors == []


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_switcher_round_trips_to_the_same_page(site_url: str, pages: dict[str, str], open_page, kind: str) -> None:
    arabic = f"{site_url}{pages[kind]}"
    visit = open_page(arabic)
    page = visit.page
    page.locator('a.md-select__link[hreflang="en"]').dispatch_event("click")
    page.wait_for_url(f"{site_url}en/{pages[kind]}")
    assert page.locator("html").get_attribute("lang") == "en"
    page.locator('a.md-select__link[hreflang="ar"]').dispatch_event("click")
    page.wait_for_url(arabic)
    assert page.locator("html").get_attribute("lang") == "ar"
    assert visit.redirects == [], "the switcher must lead straight to the page, not through a redirect"


def test_not_found_page_loads_from_the_site_alone_with_no_accessibility_violation(
        site: BuiltSite, site_url: str, open_page) -> None:
    # GitHub Pages serves /404.html for every missing address; a language may also have its own.
    pages = [path for path in ("404.html", "en/404.html") if site.path(path).is_file()]
    assert pages[0] == "404.html"
    for path in pages:
        visit = open_page(f"{site_url}{path}")
        page = visit.page
        language = page.locator("html").get_attribute("lang")
        assert page.locator("html").get_attribute("dir") == DIRECTION[language], path
        screenshot(page, f"{language}-404-desktop", full_page=False)
        assert axe_violations(page) == [], path
        assert visit.console_errors == [], path
        assert {urlparse(url).hostname for url in visit.requests} == {"127.0.0.1"}, visit.requests
        phone = open_page(f"{site_url}{path}", width=PHONE_WIDTH).page
        assert phone.evaluate("document.documentElement.scrollWidth") == PHONE_WIDTH, path
        screenshot(phone, f"{language}-404-phone", full_page=True)


@pytest.mark.parametrize("language", ["ar", "en"])
def test_arrows_point_the_way_the_text_runs(site_url: str, open_page, language: str) -> None:
    """The search's "back" arrow points right in Arabic (mirrored) and left in English."""
    page = open_page(f"{site_url}{LANGUAGE_PREFIX[language]}", width=PHONE_WIDTH).page
    page.locator('label.md-header__button[for="__search"]').click()
    back = page.locator('label.md-search__icon[for="__search"] svg').last
    back.wait_for(state="visible")
    transform = back.evaluate("icon => getComputedStyle(icon).transform")
    assert transform == ("matrix(-1, 0, 0, 1, 0, 0)" if language == "ar" else "none")


@pytest.mark.parametrize("language", ["ar", "en"])
def test_event_page_prints_its_content_without_navigation(site_url: str, pages: dict[str, str], open_page,
                                                         language: str) -> None:
    # From a screen in the dark palette: the printout is dark on white all the same.
    page = open_page(f"{site_url}{LANGUAGE_PREFIX[language]}{pages['conference']}", color_scheme="dark").page
    page.emulate_media(media="print")
    for hidden in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".md-search"):
        assert not page.locator(hidden).first.is_visible(), hidden
    for kept in ("h1", ".cs-facts .cs-dates", ".cs-facts .cs-venue"):
        assert page.locator(kept).first.is_visible(), kept
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") in ("rgb(255, 255, 255)",
                                                                                "rgba(0, 0, 0, 0)")
    for text in ("article h1", "article p a", ".cs-facts dd"):
        colour = page.locator(text).first.evaluate("element => getComputedStyle(element).color")
        assert colour.startswith("rgba(0, 0, 0,") or colour == "rgb(0, 0, 0)", (text, colour)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.pdf(path=ARTIFACTS / f"{language}-conference-print.pdf", format="A4")
