"""The sanitiser hook removes every attack from the built page and keeps what the extensions produce.

The content checks refuse these pages before a real build gets this far; this site runs the sanitiser alone
(tests/fixtures/sanitiser/mkdocs.yml), so each attack reaches it and the test sees what it would publish.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from conftest import BuiltSite

from site_builder import build, copy_machinery

FIXTURE = Path(__file__).parent / "fixtures" / "sanitiser"


@pytest.fixture(scope="module")
def attack_pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, BeautifulSoup]:
    project = tmp_path_factory.mktemp("sanitiser")
    copy_machinery(project)
    (project / "mkdocs.yml").rename(project / "site-mkdocs.yml")
    shutil.copy2(FIXTURE / "mkdocs.yml", project / "mkdocs.yml")
    for language in ("ar", "en"):
        (project / "docs" / language).mkdir(parents=True)
        shutil.copy2(FIXTURE / "attacks.md", project / "docs" / language / "index.md")
    result = build(project, project / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    pages = {"ar": "site/index.html", "en": "site/en/index.html"}
    return {language: BeautifulSoup((project / path).read_text(encoding="utf-8"), "html.parser")
            for language, path in pages.items()}


@pytest.fixture(params=["ar", "en"])
def body(request: pytest.FixtureRequest, attack_pages: dict[str, BeautifulSoup]) -> BeautifulSoup:
    article = attack_pages[request.param].select_one("article.md-content__inner")
    assert article is not None and article.select_one("h1#attacks")
    return article


def test_scripts_and_embedded_documents_are_removed(body: BeautifulSoup) -> None:
    for tag in ("script", "iframe", "object", "embed", "style", "form", "input[type=password]", "button", "svg",
                "base", "meta"):
        assert body.select(tag) == [], tag
    text = body.get_text()
    assert "alert" not in text and "display: none" not in text


def test_event_handler_attributes_are_removed(body: BeautifulSoup) -> None:
    attributes = {name for element in body.find_all(True) for name in element.attrs}
    assert not [name for name in attributes if name.startswith("on")]
    assert "target" not in attributes
    assert body.select_one("img[alt='event handler']").attrs == {"src": "missing.png", "alt": "event handler"}
    assert body.find("p", string="Hover me").attrs == {}


@pytest.mark.parametrize("text", ["javascript link", "entity-encoded javascript link", "spaced javascript link",
                                  "data link"])
def test_script_and_data_links_lose_their_address(body: BeautifulSoup, text: str) -> None:
    link = body.find("a", string=text)
    assert link is not None and "href" not in link.attrs


def test_data_images_lose_their_source(body: BeautifulSoup) -> None:
    assert "src" not in body.select_one("img[alt='data image']").attrs


def test_styles_and_reserved_ids_are_removed(body: BeautifulSoup) -> None:
    assert body.select("[style]") == body.select("th[style], td[style]")
    assert [cell["style"] for cell in body.select("th")] == ["text-align:left", "text-align:right"]
    assert body.select("#__config") == []
    assert body.find("p", string="Hijacks Material's configuration").attrs == {}


def test_external_links_open_without_opener_or_referrer(body: BeautifulSoup) -> None:
    rels = {link.get_text(): link.get("rel") for link in body.select("a[href]")}
    assert rels["external link"] == ["noopener", "noreferrer"]
    assert rels["mail"] == ["noopener", "noreferrer"]
    assert rels["attr_list handler"] == ["noopener", "noreferrer"]
    assert rels["same page"] is None


def test_what_the_extensions_produce_is_kept(body: BeautifulSoup) -> None:
    assert body.select_one("div.admonition.note > p.admonition-title").get_text() == "An admonition"
    assert body.select_one("details.tip > summary").get_text() == "Details"
    radios = body.select("div.tabbed-set.tabbed-alternate > input[type=radio][name]")
    assert [radio["id"] for radio in radios] == ["__tabbed_1_1", "__tabbed_1_2"]
    assert [label["for"] for label in body.select(".tabbed-labels > label")] == ["__tabbed_1_1", "__tabbed_1_2"]
    assert body.select_one("h2#kept > a.headerlink[href='#kept']")
    assert body.select_one("dl > dt").get_text() == "Term"
    assert body.select_one("sup > a.footnote-ref")["href"] == body.select_one("a.footnote-backref")["href"].replace(
        "#fnref:", "#fn:")
    assert body.select_one("abbr[title='World Health Organization']").get_text() == "WHO"
    assert body.select_one("div.note[dir=ltr][lang=en] > bdi").get_text() == "ECOSOC"


def test_every_external_link_in_the_real_site_content_hides_its_opener(site: BuiltSite) -> None:
    """Content links: the editors' bodies and the generated facts (Material's own footer link is its own)."""
    external = [link for page in sorted(site.root.rglob("*.html"))
                for link in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select("article a[href]")
                if urlsplit(link["href"]).scheme in ("http", "https", "mailto", "tel")]
    assert len(external) > 0
    assert [link["href"] for link in external if link.get("rel") != ["noopener", "noreferrer"]] == []
