"""The listings, in pages that do not grow with the site, exactly as expected on the listings fixture site
(tests/fixtures/listings/ over tests/fixtures/base/); tests/test_site.py holds the real site to what holds for
any content (every conference reached from the listing, upcoming first, in date order; every workshop under its
conference; every organisation under its kind)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

import pytest

from conference_site import listings
from conference_site.catalog import load_catalog
from conftest import BuiltSite
from generate import generate
from site_builder import build, copy_machinery, make_fixture_site

LANGUAGE_ROOT = {"ar": "", "en": "en/"}


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    project = make_fixture_site(tmp_path_factory.mktemp("listings") / "project", "listings")
    result = build(project, project.parent / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return BuiltSite(project.parent / "site", result.stdout + result.stderr)


def links(site: BuiltSite, url_path: str, selector: str) -> list[str]:
    """The targets of the links under `selector` on a page, as paths from the site root."""
    return [urljoin(f"/{url_path}", link["href"]).lstrip("/") for link in site.html(url_path).select(f"{selector} a[href]")]


@pytest.mark.parametrize("language", ["ar", "en"])
def test_the_first_conference_page_holds_the_upcoming_the_latest_year_and_the_years(fixture_site: BuiltSite,
                                                                                    language: str) -> None:
    root = LANGUAGE_ROOT[language]
    page = f"{root}conferences/"
    assert links(fixture_site, page, ".cs-upcoming") == [
        f"{root}conferences/june-meeting-2023/", f"{root}conferences/spring-forum-2030/"]
    assert links(fixture_site, page, ".cs-past") == [
        f"{root}conferences/march-meeting-2023/", f"{root}conferences/january-meeting-2023/"]
    assert links(fixture_site, page, ".cs-years") == [f"{root}conferences/years/{year}/"
                                                      for year in (2030, 2023, 2022, 2021)]
    counts = [item.get_text().strip() for item in fixture_site.html(page).select(".cs-years li")]
    assert counts == ["2030 (1)", "2023 (3)", "2022 (2)", "2021 (1)"]


def test_a_year_page_holds_that_year_upcoming_then_past(fixture_site: BuiltSite) -> None:
    assert links(fixture_site, "conferences/years/2023/", ".cs-upcoming") == [
        "conferences/june-meeting-2023/"]
    assert links(fixture_site, "conferences/years/2023/", ".cs-past") == [
        "conferences/march-meeting-2023/", "conferences/january-meeting-2023/"]
    page = fixture_site.html("en/conferences/years/2022/")
    assert page.select_one("article h1").get_text() == "Conferences of 2022"
    assert page.select(".cs-upcoming") == [] and page.select(".cs-years") == []
    assert links(fixture_site, "en/conferences/years/2022/", ".cs-past") == [
        "en/conferences/summer-meeting-2022/", "en/conferences/winter-meeting-2022/"]
    assert fixture_site.html("conferences/years/2022/").select_one("article h1").get_text() == "مؤتمرات عام 2022"


def test_the_workshop_pages_group_by_conference_the_first_holding_upcoming_and_the_latest_year(
        fixture_site: BuiltSite) -> None:
    first = fixture_site.html("workshops/")
    assert [h2["id"] for h2 in first.select("article h2:not(#years)")] == [
        "june-meeting-2023", "spring-forum-2030", "january-meeting-2023"]
    assert links(fixture_site, "workshops/", ".cs-years") == [f"workshops/years/{year}/"
                                                              for year in (2030, 2023, 2022, 2021)]
    year = fixture_site.html("workshops/years/2022/")
    assert [h2["id"] for h2 in year.select("article h2")] == ["summer-meeting-2022"]
    assert links(fixture_site, "workshops/years/2022/", ".cs-workshops") == [
        "workshops/summer-meeting-2022-session-1/", "workshops/summer-meeting-2022-session-2/"]


def test_generated_pages_have_counterparts_and_are_in_the_sitemap(fixture_site: BuiltSite) -> None:
    page = fixture_site.html("conferences/years/2021/")
    switcher = [link["href"] for link in page.select("a.md-select__link[hreflang=en]")]
    assert [urljoin("/conferences/years/2021/", href) for href in switcher] == ["/en/conferences/years/2021/"]
    hreflang = {link["hreflang"]: link["href"] for link in page.select('head link[rel="alternate"][hreflang]')}
    assert hreflang["en"].endswith("/en/conferences/years/2021/")
    sitemap = fixture_site.path("sitemap.xml").read_text(encoding="utf-8")
    assert "/en/workshops/years/2023/</loc>" in sitemap


def test_the_organisations_are_paged_in_kind_and_name_order(tmp_path: Path) -> None:
    copy_machinery(tmp_path)
    generate(tmp_path, 2 * listings.ORGANISATIONS_PER_PAGE + 10)
    catalog = load_catalog(tmp_path, tmp_path / "docs")
    assert len(catalog.organisations) == listings.ORGANISATIONS_PER_PAGE + 5
    assert listings.organisation_page_count(catalog) == 2
    pages = [listings.organisations_on_page(catalog, "en", number) for number in (1, 2)]
    assert [len(page) for page in pages] == [listings.ORGANISATIONS_PER_PAGE, 5]
    ordered = pages[0] + pages[1]
    assert ordered == listings.organisation_order(catalog, "en")
    keys = [(listings.ORGANISATION_KINDS.index(o.data.kind), o.text("en").title) for o in ordered]
    assert keys == sorted(keys)
    assert [page.uri for page in listings.generated_pages(catalog) if page.listing == "organisations"] == [
        "organisations/pages/2.md"]
