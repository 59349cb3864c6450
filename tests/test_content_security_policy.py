"""Every page carries a Content-Security-Policy that allows no inline code but its own, and nothing breaks.

The browser test loads each kind of page in both languages with the policy in force, records every
violation the browser reports, and uses search, the language switcher and the palette toggle, which all
depend on Material's scripts.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re

import pytest

from conference_site.catalog import Catalog
from conftest import BrowserPage, BuiltSite
from site_builder import REPO
from site_pages import page_of_each_kind

# The origin the site is published at (the tests build with mkdocs.yml's default site_url).
PUBLISHED_ORIGIN = re.search(r'site_url: !ENV \[SITE_URL, "(https?://[^/"]+)/', (REPO / "mkdocs.yml").read_text())[1]
POLICY_META = 'meta[http-equiv="Content-Security-Policy"]'
LANGUAGE_PREFIX = {"ar": "", "en": "en/"}
# Collects what the browser reports, from before the page's first script runs.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", event => window.__cspViolations.push(
  `${event.violatedDirective} blocked ${event.blockedURI || "inline code"} at ${event.sourceFile}:${event.lineNumber}`));
"""


def policy(site: BuiltSite, url_path: str) -> dict[str, list[str]]:
    metas = site.html(url_path).select(POLICY_META)
    assert len(metas) == 1, url_path
    return {directive.split()[0]: directive.split()[1:] for directive in metas[0]["content"].split("; ")}


def html_pages(site: BuiltSite) -> list[str]:
    pages = sorted(path.relative_to(site.root).as_posix() for path in site.root.rglob("*.html"))
    assert "index.html" in pages and "en/index.html" in pages
    return pages


def test_every_page_has_the_policy_before_any_script_or_style(site: BuiltSite) -> None:
    for page in html_pages(site):
        head = site.html(page).head
        metas = head.select(POLICY_META)
        assert len(metas) == 1, page
        governed = head.find_all(["script", "style"]) + head.select("link[rel~=stylesheet]")
        assert governed and all((element.sourceline, element.sourcepos) > (metas[0].sourceline, metas[0].sourcepos)
                                for element in governed), page


def test_the_policy_allows_no_inline_code_and_no_other_origin(site: BuiltSite) -> None:
    for page in html_pages(site):
        directives = policy(site, page)
        assert directives["default-src"] == ["'self'"], page
        assert directives["object-src"] == ["'none'"], page
        assert directives["base-uri"] == ["'self'"], page
        for name, sources in directives.items():
            assert "'unsafe-inline'" not in sources and "'unsafe-eval'" not in sources, (page, name)
            other = [s for s in sources if s != PUBLISHED_ORIGIN and
                     not re.fullmatch(r"'self'|'none'|data:|'sha256-[A-Za-z0-9+/]+={0,2}'", s)]
            assert other == [], (page, name)


def _digest(code: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(code.encode()).digest()).decode() + "'"


def test_every_inline_script_is_allowed_by_a_hash_of_material_s_templates(site: BuiltSite) -> None:
    """The hashes come from Material's script templates (partials/javascripts/), rendered for the page's base URL;
    pages at the same depth allow the same scripts, whatever their content."""
    checked = 0
    by_base: dict[str, set[str]] = {}
    for page in html_pages(site):
        document = site.html(page)
        inline = [script.string or "" for script in document.find_all("script")
                  if not script.get("src") and not script.get("type")]
        allowed = set(policy(site, page)["script-src"]) - {"'self'"}
        assert {_digest(code) for code in inline} <= allowed, page
        # Material's base URL for the page (its `__config`), from the root of the page's language.
        base = json.loads(document.find("script", id="__config").string)["base"]
        assert by_base.setdefault(base, allowed) == allowed, page
        checked += len(inline)
    assert checked > 0


@pytest.mark.browser
@pytest.mark.parametrize("language", ["ar", "en"])
def test_no_violation_and_the_interface_still_works(site_url: str, catalog: Catalog, browser_page: BrowserPage,
                                                    language: str) -> None:
    page_kinds = page_of_each_kind(catalog)
    conference = catalog.entity_for_page(page_kinds["conference"].strip("/") + ".md")
    # A word of the conference's title, which search must find.
    search_word = max(re.findall(r"\w+", conference.text(language).title), key=len)
    page = browser_page.page
    page.add_init_script(RECORD_VIOLATIONS)
    prefix = f"{site_url}{LANGUAGE_PREFIX[language]}"
    visited = {}
    for kind, path in [*page_kinds.items(), ("not found", "no-such-page/")]:
        response = page.goto(prefix + path)
        assert response is not None and response.status == (404 if kind == "not found" else 200), kind
        page.wait_for_load_state("networkidle")
        visited[kind] = page.evaluate("window.__cspViolations")
    assert {kind: found for kind, found in visited.items() if found} == {}

    page.set_default_timeout(10_000)
    page.goto(prefix)
    scheme = page.locator("body").get_attribute("data-md-color-scheme")
    page.locator("form[data-md-component=palette] label:visible").first.click()
    assert page.locator("body").get_attribute("data-md-color-scheme") != scheme

    search = page.locator("input.md-search__input")
    search.click()
    search.fill(search_word)
    page.keyboard.press("End")
    results = page.locator(".md-search-result__item")
    results.first.wait_for(state="visible", timeout=15_000)
    assert results.count() > 0
    visited["search and palette"] = page.evaluate("window.__cspViolations")

    other = "en" if language == "ar" else "ar"
    page.goto(prefix + page_kinds["conference"])
    page.locator(f'a.md-select__link[hreflang="{other}"]').dispatch_event("click")
    page.wait_for_url(f"{site_url}{LANGUAGE_PREFIX[other]}{page_kinds['conference']}")
    visited["language switcher"] = page.evaluate("window.__cspViolations")

    assert {kind: found for kind, found in visited.items() if found} == {}
    assert [error for error in browser_page.console_errors if "Content Security Policy" in error] == []
