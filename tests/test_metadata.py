"""What search engines and link previews read: hreflang, canonical and sitemap URLs (absolute and reciprocal),
each page's description, Open Graph tags and schema.org JSON-LD, parsed from the HTML the build wrote."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ElementTree
from urllib.parse import urljoin

import pytest
import yaml

from conftest import BuiltSite
from site_builder import REPO
from test_site import LANGUAGE_PREFIX, entity_ids, source_pages, url_of

SITE_URL = "http://127.0.0.1:8000/"
OG_LOCALES = {"ar": "ar_AR", "en": "en_US"}
EVENT_PROPERTIES = {"name", "description", "url", "inLanguage", "eventStatus", "eventAttendanceMode", "location"}


def front_matter(language: str, page_uri: str) -> dict:
    text = (REPO / "docs" / language / page_uri).read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n")[1])


def alternates(page) -> dict[str, str]:
    return {link["hreflang"]: link["href"] for link in page.select('head link[rel="alternate"][hreflang]')}


def structured_data(page) -> dict:
    (script,) = page.select('script[type="application/ld+json"]')
    return json.loads(script.string)


def every_page() -> list[tuple[str, str]]:
    return [(language, page_uri) for language in ("ar", "en") for page_uri in source_pages()]


def test_every_page_has_absolute_reciprocal_hreflang_and_canonical(site: BuiltSite) -> None:
    for language, page_uri in every_page():
        url = url_of(page_uri, language)
        page = site.html(url)
        own = SITE_URL + url
        assert page.select_one('head link[rel="canonical"]')["href"] == own
        links = alternates(page)
        assert links == {"ar": SITE_URL + url_of(page_uri, "ar"), "en": SITE_URL + url_of(page_uri, "en"),
                         "x-default": SITE_URL + url_of(page_uri, "ar")}, url
        for other_url in links.values():
            assert alternates(site.html(other_url.removeprefix(SITE_URL)))[language] == own


def test_every_page_describes_itself_with_its_summary(site: BuiltSite) -> None:
    for language, page_uri in every_page():
        page = site.html(url_of(page_uri, language))
        summary = front_matter(language, page_uri)["summary"]
        assert page.select_one('head meta[name="description"]')["content"] == summary, page_uri
        assert page.select_one('head meta[property="og:description"]')["content"] == summary
        assert page.select_one('head meta[property="og:locale"]')["content"] == OG_LOCALES[language]
        other = "en" if language == "ar" else "ar"
        assert [meta["content"] for meta in page.select('head meta[property="og:locale:alternate"]')] == [
            OG_LOCALES[other]]
        assert page.select_one('head meta[property="og:url"]')["content"] == SITE_URL + url_of(page_uri, language)


def test_sitemap_lists_every_page_with_absolute_alternates_and_x_default(site: BuiltSite) -> None:
    namespaces = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ElementTree.parse(site.path("sitemap.xml")).getroot()
    entries = {}
    for url in root.findall("s:url", namespaces):
        links = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", namespaces)}
        entries[url.findtext("s:loc", namespaces=namespaces)] = links
    expected = {SITE_URL + url_of(page_uri, language) for language, page_uri in every_page()}
    assert set(entries) == expected
    for loc, links in entries.items():
        assert set(links) == {"ar", "en", "x-default"}
        assert links["x-default"] == links["ar"]
        assert loc in links.values()
        for target in links.values():
            assert entries[target] == links
            assert site.path(target.removeprefix(SITE_URL)).is_file()


def test_conference_structured_data_holds_the_content_facts(site: BuiltSite) -> None:
    data = structured_data(site.html("en/conferences/sharjah-social-service-conference-14/"))
    assert EVENT_PROPERTIES <= set(data)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Event"
    assert data["name"] == "14th Social Service Conference"
    assert data["url"] == SITE_URL + "en/conferences/sharjah-social-service-conference-14/"
    assert data["inLanguage"] == "en"
    # The daily hours in Dubai's zone: opening on the first day, closing on the last.
    assert (data["startDate"], data["endDate"]) == ("2023-04-26T09:00:00+04:00", "2023-04-27T14:00:00+04:00")
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"] == {"@type": "Place", "name": "Al Jawaher Reception & Convention Centre",
                                "address": {"@type": "PostalAddress", "addressLocality": "Sharjah",
                                            "addressCountry": "AE"}}
    assert data["organizer"] == [{"@type": "Organization", "name": "Sharjah Social Services Department",
                                  "url": SITE_URL + "en/organisations/sharjah-social-services-department/"}]
    assert "sameAs" not in data  # no official website is known


def test_all_day_conference_has_dates_without_time_and_its_website(site: BuiltSite) -> None:
    data = structured_data(site.html("conferences/european-social-work-conference-2023/"))
    assert (data["startDate"], data["endDate"]) == ("2023-05-21", "2023-05-24")
    assert data["sameAs"] == "https://ifsw2023.org/"
    assert data["inLanguage"] == "ar"
    # Organiser and co-organiser, not the partner or the participant; no organisation has a website, so their
    # pages here.
    assert [organiser["url"] for organiser in data["organizer"]] == [
        SITE_URL + "organisations/czech-society-of-social-workers/"]


@pytest.mark.parametrize("language", ["ar", "en"])
def test_every_workshop_is_an_event_inside_its_conference(site: BuiltSite, language: str) -> None:
    for workshop_id in entity_ids("workshops"):
        url = f"{LANGUAGE_PREFIX[language]}workshops/{workshop_id}/"
        data = structured_data(site.html(url))
        assert EVENT_PROPERTIES <= set(data), workshop_id
        assert data["url"] == SITE_URL + url
        conference = yaml.safe_load((REPO / "data/workshops" / f"{workshop_id}.yml").read_text())["conference"]
        super_event = data["superEvent"]
        assert super_event["url"] == SITE_URL + f"{LANGUAGE_PREFIX[language]}conferences/{conference}/"
        conference_page = structured_data(site.html(super_event["url"].removeprefix(SITE_URL)))
        assert super_event["@id"] == conference_page["@id"]
        assert super_event["name"] == conference_page["name"]
        # No workshop of the real content has a known time: none is invented.
        assert "startDate" not in data


@pytest.mark.parametrize("language", ["ar", "en"])
def test_every_organisation_page_is_an_organization(site: BuiltSite, language: str) -> None:
    for organisation_id in entity_ids("organisations"):
        url = f"{LANGUAGE_PREFIX[language]}organisations/{organisation_id}/"
        data = structured_data(site.html(url))
        facts = yaml.safe_load((REPO / "data/organisations" / f"{organisation_id}.yml").read_text())
        assert data["@type"] == "Organization"
        assert data["name"] == front_matter(language, f"organisations/{organisation_id}.md")["title"]
        assert data["url"] == facts.get("website", SITE_URL + url)
        assert data["mainEntityOfPage"] == SITE_URL + url
        assert data.get("address", {}).get("addressCountry") == facts.get("country")


def test_general_pages_have_no_structured_data(site: BuiltSite) -> None:
    for url in ("", "en/conferences/"):
        assert site.html(url).select('script[type="application/ld+json"]') == []
