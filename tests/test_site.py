"""The real site, built once: languages, switcher, entity pages, listings and labels."""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from urllib.parse import urljoin

import pytest
import yaml

from conftest import BuiltSite
from site_builder import REPO

LANGUAGE_PREFIX = {"ar": "", "en": "en/"}
DIRECTION = {"ar": "rtl", "en": "ltr"}
KIND_FOLDERS = ("conferences", "workshops", "organisations")


def source_pages() -> list[str]:
    """Every page an editor wrote, as a path inside a language folder (e.g. `conferences/x.md`)."""
    pages = sorted(p.relative_to(REPO / "docs" / "ar").as_posix() for p in (REPO / "docs" / "ar").rglob("*.md"))
    assert len(pages) >= 24
    return pages


def url_of(page_uri: str, language: str) -> str:
    path = PurePosixPath(page_uri)
    folder = path.parent.as_posix() if path.stem == "index" else path.with_suffix("").as_posix()
    folder = "" if folder == "." else f"{folder}/"
    return f"{LANGUAGE_PREFIX[language]}{folder}"


def entity_ids(folder: str) -> list[str]:
    ids = sorted(p.stem for p in (REPO / "data" / folder).glob("*.yml"))
    assert ids
    return ids


def hrefs(element) -> list[str]:
    return [a["href"] for a in element.select("a[href]")]


@pytest.mark.parametrize("language", ["ar", "en"])
def test_every_page_has_its_language_and_direction(site: BuiltSite, language: str) -> None:
    for page_uri in source_pages():
        html = site.html(url_of(page_uri, language)).html
        assert (html["lang"], html["dir"]) == (language, DIRECTION[language]), page_uri


@pytest.mark.parametrize("language,other", [("ar", "en"), ("en", "ar")])
def test_switcher_leads_to_the_same_page_in_the_other_language(site: BuiltSite, language: str, other: str) -> None:
    for page_uri in source_pages():
        url = url_of(page_uri, language)
        links = site.html(url).select(f'a.md-select__link[hreflang="{other}"]')
        assert len(links) == 1, url
        target = urljoin(f"/{url}", links[0]["href"]).lstrip("/")
        assert target == url_of(page_uri, other), url
        assert site.path(target).is_file()


@pytest.mark.parametrize("folder", KIND_FOLDERS)
def test_every_entity_has_a_page_in_both_languages(site: BuiltSite, folder: str) -> None:
    for entity_id in entity_ids(folder):
        for language in ("ar", "en"):
            assert site.path(f"{LANGUAGE_PREFIX[language]}{folder}/{entity_id}/").is_file(), (language, entity_id)


def test_navigation_lists_sections_not_entities(site: BuiltSite) -> None:
    page = site.html("workshops/sharjah-14-innovation-in-shelters/")
    nav_links = [a["href"] for a in page.select("nav.md-nav--primary a.md-nav__link")]
    assert nav_links == ["../..", "../../conferences/", "../", "../../organisations/"]
    assert not any("sharjah-14" in href for href in nav_links)


def test_conference_page_shows_facts_themes_workshops_and_organisations(site: BuiltSite) -> None:
    page = site.html("conferences/sharjah-social-service-conference-14/")
    article = page.select_one("article")
    assert article.h1.get_text() == "مؤتمر الخدمة الاجتماعية، الدورة الرابعة عشرة"
    assert article.select_one(".cs-dates .cs-gregorian").get_text() == "26–27 أبريل 2023"
    assert "09:00–14:00" in article.select_one(".cs-hours").get_text()
    assert "قاعة الجواهر للمناسبات والمؤتمرات" in article.select_one(".cs-venue").get_text()
    assert len(article.select(".cs-themes li")) == 4
    programme = hrefs(article.select_one(".cs-programme"))
    assert len(programme) == 13
    assert programme[0] == "../../workshops/sharjah-14-opening-panel/"
    assert programme[1] == "../../workshops/sharjah-14-international-innovation-and-modern-practices/"
    assert hrefs(article.select_one(".cs-organisations")) == [
        "../../organisations/sharjah-social-services-department/"]


def test_english_conference_page_formats_dates_for_english(site: BuiltSite) -> None:
    article = site.html("en/conferences/european-social-work-conference-2023/").select_one("article")
    assert article.select_one(".cs-dates").get_text() == "21–24 May 2023"
    assert "Prague" in article.select_one(".cs-venue").get_text()
    assert article.select_one('a[href="https://ifsw2023.org/"]') is not None


def test_workshop_page_links_back_to_its_conference(site: BuiltSite) -> None:
    for language in ("ar", "en"):
        for workshop_id in entity_ids("workshops"):
            page = site.html(f"{LANGUAGE_PREFIX[language]}workshops/{workshop_id}/")
            link = page.select_one("a.cs-conference-link")
            conference = yaml.safe_load((REPO / "data/workshops" / f"{workshop_id}.yml").read_text())["conference"]
            assert link["href"] == f"../../conferences/{conference}/", workshop_id


def test_organisation_page_lists_its_conferences_with_roles(site: BuiltSite) -> None:
    page = site.html("en/organisations/qatar-foundation-for-social-work/")
    items = [li.get_text(" ", strip=True) for li in page.select(".cs-participations li")]
    assert len(items) == 2
    assert all("European Social Work Conference 2023" in item for item in items)
    assert any("Participant" in item for item in items)
    assert any("Presenter" in item for item in items)


def test_conference_listing_puts_upcoming_first_then_past(site: BuiltSite) -> None:
    # The session builds with SOURCE_DATE_EPOCH on 2023-05-01 (tests/site_builder.py).
    for language in ("ar", "en"):
        page = site.html(f"{LANGUAGE_PREFIX[language]}conferences/")
        assert hrefs(page.select_one(".cs-upcoming")) == ["european-social-work-conference-2023/"]
        assert hrefs(page.select_one(".cs-past")) == ["sharjah-social-service-conference-14/"]
        headings = [h2["id"] for h2 in page.select("article h2")]
        assert headings.index("upcoming") < headings.index("past")


def test_home_page_presents_the_next_conference(site: BuiltSite) -> None:
    page = site.html("")
    assert hrefs(page.select_one(".cs-featured")) == ["conferences/european-social-work-conference-2023/"]
    assert page.select_one("#featured").get_text() == "المؤتمر القادم"


def test_workshops_listing_groups_by_conference(site: BuiltSite) -> None:
    page = site.html("en/workshops/")
    groups = page.select("article h2")
    assert [h2["id"] for h2 in groups] == ["european-social-work-conference-2023",
                                           "sharjah-social-service-conference-14"]
    sharjah_list = groups[1].find_next_sibling("ul")
    assert len(sharjah_list.select("a")) == 13
    assert all(href.startswith("sharjah-14-") for href in hrefs(sharjah_list))


def test_organisations_listing_groups_by_kind(site: BuiltSite) -> None:
    page = site.html("organisations/")
    groups = {h2["id"]: hrefs(h2.find_next_sibling("ul")) for h2 in page.select("article h2")}
    assert groups == {
        "government-department": ["sharjah-social-services-department/"],
        "federation": ["international-federation-of-social-workers/"],
        "professional-association": ["czech-society-of-social-workers/"],
        "foundation": ["qatar-foundation-for-social-work/"],
    }
    assert page.select_one("h2#federation").get_text() == "اتحادات"


def test_generated_labels_are_in_the_page_language(site: BuiltSite) -> None:
    labels = yaml.safe_load((REPO / "data" / "labels.yml").read_text(encoding="utf-8"))
    arabic = site.html("workshops/sharjah-14-innovation-in-shelters/").select_one(".cs-facts").get_text()
    english = site.html("en/workshops/sharjah-14-innovation-in-shelters/").select_one(".cs-facts").get_text()
    for key in ("kind", "part_of", "session_time", "venue"):
        assert labels[key]["ar"] in arabic and labels[key]["en"] not in arabic
        assert labels[key]["en"] in english
    assert "Asia/Dubai" not in arabic


def test_the_strict_build_reports_no_warning(site: BuiltSite) -> None:
    assert "WARNING" not in site.log
    assert Path(site.root / "sitemap.xml").is_file()


def test_interface_labels_outside_the_content_are_translated(site: BuiltSite) -> None:
    arabic = site.path("conferences/sharjah-social-service-conference-14/").read_text(encoding="utf-8")
    english = site.path("en/conferences/sharjah-social-service-conference-14/").read_text(encoding="utf-8")
    for english_label in ("Permanent link", "Switch to dark mode", "Switch to light mode"):
        assert english_label not in arabic
        assert english_label in english
    assert 'title="رابط دائم لهذا القسم"' in arabic
    assert "التبديل إلى الوضع الداكن" in arabic


def test_arabic_headings_keep_arabic_anchors(site: BuiltSite) -> None:
    ids = [h2.get("id") for h2 in site.html("conferences/sharjah-social-service-conference-14/").select("article h2")]
    assert "الأهداف-والمحاور" in ids
    assert not any(heading_id.startswith("_") for heading_id in ids)
