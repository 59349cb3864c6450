"""Every internal link of the built site, in both languages, leads to a file that exists and an anchor in it.

Links are collected from the written HTML (editors' text, generated listings and facts, the language
switcher, navigation, <head> links and assets), so a generated link gets the same check as a written one.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from conference_site.catalog import Catalog
from conference_site.links import anchors
from conftest import BuiltSite
from site_builder import FIXTURES, REPO
from site_pages import entity_url

PUBLISHED_ORIGIN = re.search(r'site_url: !ENV \[SITE_URL, "(https?://[^/"]+)/', (REPO / "mkdocs.yml").read_text())[1]
LINK_ATTRIBUTES = {"a": "href", "link": "href", "img": "src", "script": "src", "source": "src"}


def test_no_broken_internal_link_or_anchor(site: BuiltSite) -> None:
    @cache
    def document(file: Path) -> BeautifulSoup:
        return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")

    @cache
    def anchors(file: Path) -> frozenset[str]:
        return frozenset(element.get("id") or element.get("name")
                         for element in document(file).select("[id], a[name]"))

    pages = sorted(site.root.rglob("*.html"))
    checked: dict[str, int] = {"ar": 0, "en": 0}
    switcher_links = listing_links = 0
    broken: list[str] = []
    for page in pages:
        page_url = f"{PUBLISHED_ORIGIN}/{page.relative_to(site.root).as_posix()}"
        language = "en" if page_url.startswith(f"{PUBLISHED_ORIGIN}/en/") else "ar"
        for element in document(page).find_all(list(LINK_ATTRIBUTES)):
            address = element.get(LINK_ATTRIBUTES[element.name])
            if not address:
                continue
            target = urlsplit(urljoin(page_url, address))
            if f"{target.scheme}://{target.netloc}" != PUBLISHED_ORIGIN:
                continue
            file = site.root / unquote(target.path).lstrip("/")
            if target.path.endswith("/") or file.is_dir():
                file = file / "index.html"
            checked[language] += 1
            switcher_links += "md-select__link" in element.get("class", [])
            listing_links += element.find_parent(class_="cs-card") is not None
            where = f"{page.relative_to(site.root)}: <{element.name}> {address}"
            if not file.is_file():
                broken.append(f"{where} (no file {file.relative_to(site.root)})")
            elif target.fragment and file.suffix == ".html" and unquote(target.fragment) not in anchors(file):
                broken.append(f"{where} (no #{unquote(target.fragment)} there)")
    assert broken == []
    # At the least, every page links its language's home page and the three listings (the navigation).
    assert checked["ar"] >= 4 * len(pages) // 2 and checked["en"] >= 4 * len(pages) // 2, checked
    # Each page's switcher offers both languages; the listings link every conference card.
    assert switcher_links >= 2 * len(pages)
    assert listing_links > 0


def test_the_anchors_the_content_check_knows_are_on_the_built_pages(site: BuiltSite, catalog: Catalog) -> None:
    """The content check (conference_site/links.py) reads a page's headings' ids from its Markdown: the build
    writes those very ids, so a link the check accepts leads to its anchor."""
    for kind in catalog.entities.values():
        for entity in kind.values():
            for language, translation in entity.translations.items():
                page = site.html(entity_url(entity, language))
                present = {element["id"] for element in page.select("article [id]")}
                assert anchors(translation.body) <= present, translation.path


@pytest.mark.parametrize("language,heading", [("ar", "أهداف-المؤتمر"), ("en", "aims-of-the-conference")])
def test_an_arabic_or_english_heading_has_the_id_the_check_expects(sample_site: BuiltSite, language: str,
                                                                   heading: str) -> None:
    page = FIXTURES / "sample" / "docs" / language / "conferences" / "harbour-conference-2023.md"
    body = page.read_text(encoding="utf-8").split("---\n", 2)[2]
    assert anchors(body) == {heading}
    built = sample_site.html(f"{'en/' if language == 'en' else ''}conferences/harbour-conference-2023/")
    assert built.select_one(f'article h2[id="{heading}"]') is not None
