"""The sites the tests read: the real site and the sample fixture site, each built once per test session.

Tests of the real site (those using the `project`, `catalog`, `site` or `site_url` fixtures, marked `real_site`)
state what holds for any valid content; `--project DIR` runs them on another copy of the site (as
tests/test_new_content.py does). Before the real site is built its content is checked: problems are listed once,
at the end of the run, and each test of the real site then stops with one line instead of a traceback.
Tests of the machinery use fixture sites (tests/fixtures/), whose content is ours: they may be exact.
"""

from __future__ import annotations

import contextlib
import functools
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, Page, sync_playwright

from conference_site.catalog import Catalog, load_catalog
from conference_site.check import content_problems
from conference_site.problems import Problem
from site_builder import REPO, build, make_fixture_site

REAL_SITE_FIXTURES = frozenset({"project", "catalog", "site", "site_url"})
_content_problems: list[Problem] = []


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--project", type=Path, default=REPO,
                     help="the site whose content the real-site tests check (default: this repository)")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if REAL_SITE_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.real_site)


def pytest_terminal_summary(terminalreporter) -> None:
    if _content_problems:
        terminalreporter.section("content problems (make check)", red=True)
        for problem in _content_problems:
            terminalreporter.write_line(str(problem))


@dataclass(frozen=True)
class BuiltSite:
    root: Path
    log: str

    def path(self, url_path: str) -> Path:
        """The file a URL path (such as `en/conferences/x/`) is served from."""
        file = self.root / url_path.lstrip("/")
        return file / "index.html" if url_path.endswith("/") or url_path == "" else file

    def html(self, url_path: str) -> BeautifulSoup:
        return BeautifulSoup(self.path(url_path).read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="session")
def project(request: pytest.FixtureRequest) -> Path:
    """The real site's folder, its content checked: a problem stops every test of it with one line."""
    root = request.config.getoption("--project").resolve()
    if not _content_problems:
        _content_problems.extend(content_problems(root))
    if _content_problems:
        count = len(_content_problems)
        pytest.fail(f"{count} problem{'s' if count != 1 else ''} in the content of {root} (listed at the end; "
                    "make check)", pytrace=False)
    return root


@pytest.fixture(scope="session")
def catalog(project: Path) -> Catalog:
    """The real site's entities, as the build reads them."""
    return load_catalog(project, project / "docs")


@pytest.fixture(scope="session")
def site(project: Path, tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    site_dir = tmp_path_factory.mktemp("site")
    result = build(project, site_dir)
    assert result.returncode == 0, f"the real site does not build:\n{result.stdout}\n{result.stderr}"
    return BuiltSite(site_dir, result.stdout + result.stderr)


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The sample fixture site (tests/fixtures/base/ and sample/): a bit of every shape of content, ours to pin."""
    root = tmp_path_factory.mktemp("sample")
    result = build(make_fixture_site(root / "project", "sample"), root / "site")
    assert result.returncode == 0, f"the sample site does not build:\n{result.stdout}\n{result.stderr}"
    return BuiltSite(root / "site", result.stdout + result.stderr)


class _SiteRequestHandler(SimpleHTTPRequestHandler):
    """Serves the built site as GitHub Pages does: `/404.html` for a path that does not exist."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        not_found_page = Path(self.directory) / "404.html"
        if code != 404 or not not_found_page.is_file():
            super().send_error(code, message, explain)
            return
        body = not_found_page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextlib.contextmanager
def serving(root: Path) -> Iterator[str]:
    """A built site served on a loopback port as GitHub Pages serves it; yields its address."""
    handler = functools.partial(_SiteRequestHandler, directory=str(root))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site_url(project: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real site built for, and served at, a loopback address, for the browser tests.

    Built for that very address (SITE_URL) as the published site is for its own: the absolute links in its
    pages (canonical, hreflang, which Material's script also fetches from) then lead back to this server.
    """
    site_dir = tmp_path_factory.mktemp("served-site")
    with serving(site_dir) as url:
        result = build(project, site_dir, site_url=url)
        assert result.returncode == 0, f"the real site does not build for {url}:\n{result.stdout}\n{result.stderr}"
        yield url


CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# Without these, Chromium tries to reach Google's services, which this machine's closed network refuses.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    assert Path(CHROMIUM).is_file(), f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@dataclass
class BrowserPage:
    """A fresh browser tab that records what a visitor would not see: console errors and requests."""

    page: Page
    console_errors: list[str]
    requests: list[str]


@pytest.fixture
def browser_page(browser: Browser) -> Iterator[BrowserPage]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    recorded = BrowserPage(page, [], [])
    page.on("console", lambda message: recorded.console_errors.append(message.text)
            if message.type == "error" else None)
    page.on("pageerror", lambda error: recorded.console_errors.append(str(error)))
    page.on("request", lambda request: recorded.requests.append(request.url))
    yield recorded
    context.close()
