"""`make serve` (scripts/serve.py) as an editor uses it: a page open in the browser reloads by itself after each
save, shows the problems of a failed build in its own language instead of waiting forever, and comes back once
the file is fixed — whichever file it was (here the labels in data/, which `mkdocs serve` does not watch)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from site_builder import REPO, make_fixture_site

pytestmark = pytest.mark.browser

LABELS_LINE = 'not_found_home: {ar: "الانتقال إلى الصفحة الرئيسية", en: "Go to the home page"}'


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """A fixture site served by `make serve`'s server on a free loopback port: its folder and its address."""
    project = make_fixture_site(tmp_path_factory.mktemp("serve") / "project")
    shutil.copytree(REPO / "scripts", project / "scripts", ignore=shutil.ignore_patterns("__pycache__"))
    server = subprocess.Popen([sys.executable, "scripts/serve.py", "-a", "127.0.0.1:0"], cwd=project,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        address = re.search(r"Serving on (\S+)", server.stdout.readline())[1]
        yield project, address
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_a_page_shows_the_problems_of_a_failed_build_and_recovers(served: tuple[Path, str], browser: Browser) -> None:
    project, address = served
    labels = project / "data" / "labels.yml"
    good = labels.read_text(encoding="utf-8")
    assert LABELS_LINE in good
    context = browser.new_context()
    try:
        arabic, english = context.new_page(), context.new_page()
        arabic.goto(f"{address}conferences/spring-forum-2030/", timeout=120_000)
        english.goto(f"{address}en/workshops/", timeout=120_000)
        assert arabic.locator("article h1").inner_text() == "منتدى الربيع 2030"

        labels.write_text(good.replace(LABELS_LINE, 'not_found_home: {ar: "الانتقال إلى الصفحة الرئيسية"}'),
                          encoding="utf-8")
        line = good.splitlines().index(LABELS_LINE) + 1
        for page, language, title in ((arabic, "ar", "تعذّر بناء الموقع"), (english, "en", "The site cannot be built")):
            page.wait_for_selector("ol.serve-problems", timeout=120_000)
            assert (page.locator("html").get_attribute("lang"), page.locator("h1").inner_text()) == (language, title)
            assert page.locator("ol.serve-problems li").all_inner_texts() == [
                f"data/labels.yml:{line}: the label 'not_found_home' is not translated into every language; "
                "expected 'not_found_home:' with one text for each of ar, en"]

        labels.write_text(good, encoding="utf-8")
        arabic.wait_for_selector("article h1", timeout=120_000)
        english.wait_for_selector("article h1", timeout=120_000)
        assert arabic.locator("article h1").inner_text() == "منتدى الربيع 2030"
        assert english.locator("article h1").inner_text() == "Workshops"
    finally:
        context.close()


def test_the_server_serves_a_missing_address_the_not_found_page(served: tuple[Path, str], browser: Browser) -> None:
    _, address = served
    page = browser.new_page()
    try:
        response = page.goto(f"{address}en/no-such-page/", timeout=120_000)
        assert response is not None and response.status == 404
        assert page.locator("html").get_attribute("lang") == "en"
    finally:
        page.close()
