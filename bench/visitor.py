"""What a visitor's browser does on a built site: bytes of a first view per page kind, search time and bytes.

Used by bench/run.py (make bench). The site is served as GitHub Pages serves it (gzip for text, bench/lighthouse.py's
handler) on a loopback port, and Chromium is slowed down as a mid-range phone (CPU ×4, DevTools' setting, through
CDP's Emulation.setCPUThrottlingRate). Every view starts with an empty cache, as a first visit does.
"""

from __future__ import annotations

import functools
import gzip
import random
import statistics
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import ThreadingHTTPServer
from pathlib import Path

from playwright.sync_api import Browser, Error, Page, Request, sync_playwright

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent / "tests"))

from conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from lighthouse import PagesLikeHandler  # noqa: E402

CPU_SLOWDOWN = 4
# The kinds of page a visitor lands on, as paths of a site made by bench/generate.py.
PAGE_KINDS = {
    "home": "",
    "conferences listing": "conferences/",
    "conferences of a year": "conferences/years/2020/",
    "workshops listing": "workshops/",
    "organisations listing": "organisations/",
    "conference": "conferences/forum-0003/",
    "workshop": "workshops/forum-0003-session-2/",
    "organisation": "organisations/organisation-0002/",
    "not found": "404.html",
}
QUERIES = {"ar": ["الابتكار الاجتماعي", "رعاية كبار السن", "الشارقة"], "en": ["social innovation", "family support"]}
LANGUAGE_ROOT = {"ar": "", "en": "en/"}
# A visitor's typing: the time between two key presses.
KEY_DELAY_MS = 120


@contextmanager
def served(site: Path) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(PagesLikeHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


class Transfer:
    """The bytes a page's network traffic carried (compressed bodies and headers), its worker's requests too."""

    def __init__(self, page: Page) -> None:
        session = page.context.new_cdp_session(page)
        session.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
        self.finished: list[tuple[str, int]] = []
        self.pending = 0                       # requests started and not yet finished or failed
        page.context.on("request", self._started)
        page.context.on("requestfinished", self._record)
        page.context.on("requestfailed", self._ended)

    def _started(self, request: Request) -> None:
        self.pending += 1

    def _ended(self, request: Request) -> None:
        self.pending -= 1

    def _record(self, request: Request) -> None:
        self._ended(request)
        try:
            sizes = request.sizes()
        except Error:
            return  # finished as the view was closed: after what is measured
        self.finished.append((request.url, sizes["responseBodySize"] + sizes["responseHeadersSize"]))

    def total(self, since: int = 0) -> int:
        return sum(size for _, size in self.finished[since:])


SETTLED = """async () => {
  await new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)))
  await document.fonts.ready
}"""


def first_view(browser: Browser, url: str) -> tuple[int, list[tuple[str, int]]]:
    """Bytes transferred by a first view of `url`, its fonts included, until the network is idle."""
    context = browser.new_context(viewport={"width": 412, "height": 915})
    page = context.new_page()
    transfer = Transfer(page)
    page.goto(url, wait_until="networkidle")
    settle(page, transfer)
    context.close()
    return transfer.total(), transfer.finished


def settle(page: Page, transfer: Transfer) -> None:
    """Wait until the page has laid itself out and fetched what that asked for. Which fonts a page needs is
    decided when it is laid out, which with the CPU slowed can come after the network was first idle: a view
    sometimes ended before a font was asked for (one page kind 40 KB lighter in one run, another in the next), and
    a query typed then counted the page's fonts as its own. Two frames lay the page out; then the fonts it asked
    for, and every request still open, are waited for."""
    page.evaluate(SETTLED)
    page.wait_for_load_state("networkidle")
    deadline = time.monotonic() + 30
    while transfer.pending > 0 and time.monotonic() < deadline:
        page.wait_for_timeout(100)


# When each key was released, and when the results were shown (Material renders the list anew for each answer).
WATCH = """() => {
  window.__lastKey = 0
  window.__shown = []
  document.addEventListener("keyup", () => { window.__lastKey = performance.now() }, true)
  const list = document.querySelector(".md-search-result__list")
  new MutationObserver(() => {
    if (list.children.length) window.__shown.push(performance.now())
  }).observe(list, { childList: true })
}"""
AFTER_LAST_KEY = "() => window.__shown.find(time => time > window.__lastKey)"


@dataclass(frozen=True)
class SearchRun:
    language: str
    query: str
    seconds: float          # from the last key press to the first results shown after it
    bytes: int              # transferred from the moment the search box is touched to the first result
    requests: int           # the files fetched in that time


def first_search(browser: Browser, site_url: str, language: str, query: str) -> SearchRun:
    """A visitor's first query on the home page: touch the search box, type, wait for the first result."""
    context = browser.new_context(viewport={"width": 412, "height": 915})
    page = context.new_page()
    transfer = Transfer(page)
    page.goto(f"{site_url}{LANGUAGE_ROOT[language]}", wait_until="networkidle")
    settle(page, transfer)
    before = len(transfer.finished)
    page.locator("label.md-header__button[for=__search]").click()
    page.evaluate(WATCH)
    # Playwright types a letter not on its keyboard layout (Arabic) as text alone, without the key's events, and
    # Material searches on `keyup`: each letter is followed by a key press that changes nothing (End).
    for letter in query:
        page.keyboard.insert_text(letter)
        page.keyboard.press("End")
        page.wait_for_timeout(KEY_DELAY_MS)
    first = page.wait_for_function(AFTER_LAST_KEY, timeout=60_000).json_value()
    last_key = page.evaluate("window.__lastKey")
    page.wait_for_timeout(200)
    run = SearchRun(language, query, (first - last_key) / 1000, transfer.total(before),
                    len(transfer.finished) - before)
    context.close()
    return run


def measure(site: Path, repeat: int = 1) -> tuple[dict[str, int], list[SearchRun]]:
    """First-view bytes per page kind (Arabic) and each query's first search (median of `repeat`)."""
    with served(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        views = {kind: first_view(browser, url + path)[0] for kind, path in PAGE_KINDS.items()}
        runs = []
        for language, queries in QUERIES.items():
            for query in queries:
                each = [first_search(browser, url, language, query) for _ in range(repeat)]
                runs.append(SearchRun(language, query, statistics.median(run.seconds for run in each),
                                      int(statistics.median(run.bytes for run in each)),
                                      int(statistics.median(run.requests for run in each))))
        browser.close()
    return views, runs


def gzip_ratio(files: list[bytes]) -> float:
    """Bytes before compression over bytes after, each file compressed alone (as a visitor receives it)."""
    return sum(map(len, files)) / sum(len(gzip.compress(data, mtime=0)) for data in files)


def sample_ratio(files: list[bytes], count: int) -> float:
    """The ratio of `count` files (drawn at random) compressed together: how much the texts repeat each other."""
    sample = random.Random(1).sample(files, min(count, len(files)))
    return sum(map(len, sample)) / len(gzip.compress(b"".join(sample), mtime=0))


def texts(site: Path) -> tuple[list[bytes], list[bytes]]:
    """The HTML of a site's entity pages, and its search records (what the index keeps of each page)."""
    pages = [path.read_bytes() for path in sorted(site.rglob("index.html"))
             if len(path.relative_to(site).parts) >= 3 and path.relative_to(site).parts[-3] != "years"]
    records = [path.read_bytes() for path in sorted(site.rglob("search-index/pages/*.json"))]
    return pages, records


def variety(real: Path, generated: Path) -> dict[str, tuple[float, float]]:
    """Real site against generated one: gzip ratios of pages and of search records, alone and as a sample."""
    real_pages, real_records = texts(real)
    pages, records = texts(generated)
    return {
        "pages (each alone)": (gzip_ratio(real_pages), gzip_ratio(pages)),
        "search records (each alone)": (gzip_ratio(real_records), gzip_ratio(records)),
        "pages (together, as many as the real site has)": (
            sample_ratio(real_pages, len(real_pages)), sample_ratio(pages, len(real_pages))),
        "search records (together, as many as the real site has)": (
            sample_ratio(real_records, len(real_records)), sample_ratio(records, len(real_records))),
    }
