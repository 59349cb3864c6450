"""Scripts smuggled into content do not run in Chromium, with the Content-Security-Policy enforced (no bypass_csp).

- Every route by which content once put a script into a page (issue 13), on a site that has only the policy
  among its defences (no source check, no sanitiser, no id guard): each payload reaches the page and the policy
  stops it — no dialog opens, and the browser reports a violation.
- The same routes with the sanitiser and the id guard but still no source check: nothing of them reaches the page.
- Every kind of page of the full machinery, in both languages, holding the published hostile corpus: no dialog,
  no violation.
Each payload calls `alert`: a dialog is the proof that it ran. The test hovers every element with a title (which
Material turns into a tooltip) and every link of the table of contents, and follows `javascript:` links.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from conftest import serving
from hostile_corpus import published_site
from site_builder import build, copy_machinery
from test_search import search

pytestmark = pytest.mark.browser

# Each route (issue 13), as a page of its own: its front matter and body.
ROUTES = {
    "md-in-html-id": ("title: md_in_html id",
                      '<div markdown="1">\n<h2 id="x&quot;&gt;&lt;script&gt;alert(&quot;md_in_html id&quot;)'
                      '&lt;/script&gt;">Heading</h2>\n</div>\n\n## Second\n'),
    "attr-list-id": ("title: attr_list id",
                     "## Heading {: id='y\" onmouseover=\"alert(&quot;attr_list id&quot;)' }\n\n## Second\n"),
    "link-title": ("title: link title",
                   '[a link](https://example.org/ "&lt;img src=x onerror=alert(&quot;link title&quot;)&gt;")\n'),
    "abbreviation": ("title: abbreviation", "The WHO.\n\n*[WHO]: <img src=x onerror=alert('abbreviation')>\n"),
    "script-element": ("title: script element", "<script>alert('script element')</script>\n"),
    "event-handler": ("title: event handler", "<img src=\"x\" alt=\"x\" onerror=\"alert('event handler')\">\n"),
    "javascript-link": ("title: javascript link", "[follow me](javascript:alert('javascript link'))\n"),
    "page-title": ("title: '</title><script>alert(\"page title\")</script>'", "Text.\n"),
}
# What only the policy stops (the other defences remove the rest, or refuse the page: the page title).
DEFENCES_BUILD_WITHOUT = ("page-title",)

RECORD = """
window.__violations = [];
document.addEventListener("securitypolicyviolation",
  event => window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`));
"""


def _routes_site(root: Path, hooks: list[str], routes: list[str]) -> Path:
    copy_machinery(root)
    (root / "mkdocs.yml").rename(root / "site-mkdocs.yml")
    hook_lines = "".join(f"  - hooks/{hook}\n" for hook in hooks)
    # The page title also shows in the navigation of every page: that route stays out of it, so that the
    # other pages hold only their own payload.
    nav = "".join(f"  - {route}.md\n" for route in routes if route != "page-title")
    (root / "mkdocs.yml").write_text(f"INHERIT: site-mkdocs.yml\nhooks:\n{hook_lines}nav:\n  - index.md\n{nav}"
                                     "not_in_nav: page-title.md\n", encoding="utf-8")
    for language in ("ar", "en"):
        folder = root / "docs" / language
        folder.mkdir(parents=True)
        (folder / "index.md").write_text("---\ntitle: Routes\n---\n\nThe routes.\n", encoding="utf-8")
        for route in routes:
            front_matter, body = ROUTES[route]
            (folder / f"{route}.md").write_text(f"---\n{front_matter}\n---\n\n{body}", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def only_the_policy(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = _routes_site(tmp_path_factory.mktemp("policy-only"),
                        ["content_security_policy.py", "html_direction.py"], list(ROUTES))
    with serving(root / "site") as url:
        result = build(root, root / "site", site_url=url)
        assert result.returncode == 0, result.stdout + result.stderr
        yield url


@pytest.fixture(scope="module")
def every_defence_but_the_source_check(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    routes = [route for route in ROUTES if route not in DEFENCES_BUILD_WITHOUT]
    root = _routes_site(tmp_path_factory.mktemp("defences"),
                        ["page_guard.py", "sanitise.py", "content_security_policy.py", "html_direction.py"], routes)
    with serving(root / "site") as url:
        result = build(root, root / "site", site_url=url)
        assert result.returncode == 0, result.stdout + result.stderr
        yield url


def visit(browser: Browser, url: str) -> tuple[list[str], list[str]]:
    """The dialogs and the policy violations of one visit, after hovering every title and table-of-contents
    link and following every `javascript:` link."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    dialogs: list[str] = []
    console: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("console", lambda message: console.append(message.text))
    page.add_init_script(RECORD)
    page.set_default_timeout(5_000)
    try:
        response = page.goto(url)
        assert response is not None and response.status in (200, 404), url
        page.wait_for_load_state("networkidle")
        for element in page.locator("article [title], article abbr, nav.md-nav--secondary a.md-nav__link").all():
            if element.is_visible():
                element.hover()
                page.wait_for_timeout(250)
        for link in page.locator('a[href^="javascript:"]').all():
            link.click()
            page.wait_for_timeout(300)
        page.wait_for_timeout(300)
        violations = page.evaluate("window.__violations")
    finally:
        context.close()
    return dialogs, violations + [text for text in console if "Content Security Policy" in text]


@pytest.mark.parametrize("route", list(ROUTES))
def test_the_policy_alone_stops_every_route(only_the_policy: str, browser: Browser, route: str) -> None:
    dialogs, violations = visit(browser, f"{only_the_policy}en/{route}/")
    assert dialogs == []
    assert [violation for violation in violations if "script-src" in violation], \
        f"{route}: the payload reached the page, so the browser must report the policy blocking its script"


def test_a_page_without_a_payload_reports_no_violation(only_the_policy: str, browser: Browser) -> None:
    assert visit(browser, f"{only_the_policy}en/") == ([], [])


@pytest.mark.parametrize("route", [route for route in ROUTES if route not in DEFENCES_BUILD_WITHOUT])
def test_the_other_defences_keep_every_route_out_of_the_page(every_defence_but_the_source_check: str,
                                                             browser: Browser, route: str) -> None:
    dialogs, violations = visit(browser, f"{every_defence_but_the_source_check}en/{route}/")
    assert (dialogs, violations) == ([], [])


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = published_site(tmp_path_factory.mktemp("hostile-browser") / "project")
    with serving(project / "site") as url:
        result = build(project, project / "site", site_url=url)
        assert result.returncode == 0, result.stdout + result.stderr
        yield url


PAGE_KINDS = ["", "conferences/", "workshops/", "organisations/", "conferences/spring-forum-2030/",
              "workshops/spring-forum-2030-opening/", "organisations/host-org/", "no-such-page/"]


@pytest.mark.parametrize("language", ["", "en/"])
def test_every_kind_of_page_with_the_published_corpus_runs_nothing(hostile_site: str, browser: Browser,
                                                                   language: str) -> None:
    found = {kind or "home": visit(browser, f"{hostile_site}{language}{kind}") for kind in PAGE_KINDS}
    assert {kind: result for kind, result in found.items() if result != ([], [])} == {}



def test_search_results_show_the_published_corpus_as_text(hostile_site: str, browser: Browser) -> None:
    # The index keeps each page's text as text; the site's worker escapes it into Material's result markup.
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.add_init_script(RECORD)
    try:
        page.goto(f"{hostile_site}en/")
        assert search(page, "alert"), "the corpus's escaped script and code are words of the pages"
        results = page.locator(".md-search-result")
        assert results.locator("script, img, iframe, [onerror], [onclick]").count() == 0
        assert "alert(" in results.inner_text()
        assert (dialogs, page.evaluate("window.__violations")) == ([], [])
    finally:
        context.close()
