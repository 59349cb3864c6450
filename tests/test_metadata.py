"""What search engines and link previews read: hreflang, canonical and sitemap URLs (absolute and reciprocal),
each page's description, Open Graph tags and schema.org JSON-LD, parsed from the HTML the build wrote.

The real site: every page and every entity, against its own data. The sample fixture site: exact JSON-LD."""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ElementTree
import zoneinfo
from pathlib import Path

import pytest

from conference_site.catalog import Catalog
from conftest import BuiltSite
from site_pages import LANGUAGES, SITE_URL, entity_url, source_pages, url_of

OG_LOCALES = {"ar": "ar_AR", "en": "en_US"}
EVENT_PROPERTIES = {"name", "description", "url", "inLanguage", "eventStatus", "eventAttendanceMode", "location"}


def front_matter(catalog: Catalog, language: str, page_uri: str):
    entity = catalog.entity_for_page(page_uri)
    return entity.text(language) if entity else catalog.general_pages[page_uri][language].fields


def alternates(page) -> dict[str, str]:
    return {link["hreflang"]: link["href"] for link in page.select('head link[rel="alternate"][hreflang]')}


def structured_data(page) -> dict:
    (script,) = page.select('script[type="application/ld+json"]')
    return json.loads(script.string)


def every_page(project: Path) -> list[tuple[str, str]]:
    return [(language, page_uri) for language in LANGUAGES for page_uri in source_pages(project)]


def event_dates(start: dt.date, end: dt.date, daily_start: dt.time | None, daily_end: dt.time | None,
                time_zone: str) -> tuple[str, str]:
    """startDate and endDate as the data gives them: days, or the opening on the first day and the closing on the
    last with the zone's offset."""
    if daily_start is None:
        return start.isoformat(), end.isoformat()
    zone = zoneinfo.ZoneInfo(time_zone)
    return (dt.datetime.combine(start, daily_start, zone).isoformat(),
            dt.datetime.combine(end, daily_end, zone).isoformat())


def test_every_page_has_absolute_reciprocal_hreflang_and_canonical(site: BuiltSite, project: Path) -> None:
    for language, page_uri in every_page(project):
        url = url_of(page_uri, language)
        page = site.html(url)
        own = SITE_URL + url
        assert page.select_one('head link[rel="canonical"]')["href"] == own
        links = alternates(page)
        assert links == {"ar": SITE_URL + url_of(page_uri, "ar"), "en": SITE_URL + url_of(page_uri, "en"),
                         "x-default": SITE_URL + url_of(page_uri, "ar")}, url
        for other_url in links.values():
            assert alternates(site.html(other_url.removeprefix(SITE_URL)))[language] == own


def described_by(description: str, summary: str) -> bool:
    """The description is the summary, or, for a summary over 160 characters, its words up to a word's end within
    160 characters, followed by an ellipsis."""
    if description == summary:
        return len(summary) <= 160
    kept = description.removesuffix("…")
    return (description.endswith("…") and len(description) <= 160 and summary.startswith(kept)
            and summary[len(kept)] in " \t,;:.-–—،؛" and len(kept) > 100)


def test_every_page_describes_itself_with_its_summary(site: BuiltSite, project: Path,
                                                     catalog: Catalog) -> None:
    for language, page_uri in every_page(project):
        page = site.html(url_of(page_uri, language))
        summary = front_matter(catalog, language, page_uri).summary
        description = page.select_one('head meta[name="description"]')["content"]
        assert described_by(description, summary), (page_uri, description)
        assert page.select_one('head meta[property="og:description"]')["content"] == description
        assert page.select_one('head meta[property="og:locale"]')["content"] == OG_LOCALES[language]
        other = "en" if language == "ar" else "ar"
        assert [meta["content"] for meta in page.select('head meta[property="og:locale:alternate"]')] == [
            OG_LOCALES[other]]
        assert page.select_one('head meta[property="og:url"]')["content"] == SITE_URL + url_of(page_uri, language)


def test_sitemap_lists_every_page_with_absolute_alternates_and_x_default(site: BuiltSite, project: Path) -> None:
    namespaces = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ElementTree.parse(site.path("sitemap.xml")).getroot()
    entries = {}
    for url in root.findall("s:url", namespaces):
        links = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", namespaces)}
        entries[url.findtext("s:loc", namespaces=namespaces)] = links
    # Every page: those editors wrote, and the listing pages the build generates.
    expected = {SITE_URL + url_of(page_uri, language) for language, page_uri in every_page(project)}
    built = {SITE_URL + "".join(f"{part}/" for part in page.parent.relative_to(site.root).parts)
             for page in site.root.rglob("index.html")}
    assert expected <= built
    assert set(entries) == built
    for loc, links in entries.items():
        assert set(links) == {"ar", "en", "x-default"}
        assert links["x-default"] == links["ar"]
        assert loc in links.values()
        for target in links.values():
            assert entries[target] == links
            assert site.path(target.removeprefix(SITE_URL)).is_file()


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_conference_is_an_event_with_its_facts(site: BuiltSite, catalog: Catalog, language: str) -> None:
    for conference in catalog.conferences.values():
        url = entity_url(conference, language)
        data = structured_data(site.html(url))
        text, facts = conference.text(language), conference.data
        assert EVENT_PROPERTIES <= set(data), conference.id
        assert (data["@context"], data["@type"], data["inLanguage"]) == ("https://schema.org", "Event", language)
        assert (data["name"], data["description"], data["url"]) == (text.title, text.summary, SITE_URL + url)
        assert (data["startDate"], data["endDate"]) == event_dates(facts.start, facts.end, facts.daily_start,
                                                                   facts.daily_end, facts.timezone)
        assert data["location"]["name"] == text.venue_name
        assert data["location"]["address"]["addressLocality"] == text.city
        assert data["location"]["address"]["addressCountry"] == facts.country
        organisers = [catalog.organisations[part.organisation] for part in facts.organisations
                      if part.role in ("organiser", "co-organiser")]
        assert [node["name"] for node in data.get("organizer", [])] == [
            organiser.text(language).title for organiser in organisers]
        assert data.get("sameAs") == facts.website


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_workshop_is_an_event_inside_its_conference(site: BuiltSite, catalog: Catalog, language: str) -> None:
    for workshop in catalog.workshops.values():
        url = entity_url(workshop, language)
        data = structured_data(site.html(url))
        assert EVENT_PROPERTIES <= set(data), workshop.id
        assert data["url"] == SITE_URL + url
        super_event = data["superEvent"]
        conference = catalog.conferences[workshop.data.conference]
        assert super_event["url"] == SITE_URL + entity_url(conference, language)
        conference_page = structured_data(site.html(super_event["url"].removeprefix(SITE_URL)))
        assert super_event["@id"] == conference_page["@id"]
        assert super_event["name"] == conference_page["name"]
        # A session's time only when its data gives one: none is invented. Without one, its conference's days.
        if workshop.data.start is None:
            assert (data["startDate"], data["endDate"]) == (conference.data.start.isoformat(),
                                                            conference.data.end.isoformat()), workshop.id
        else:
            zone = zoneinfo.ZoneInfo(conference.data.timezone)
            assert data["startDate"] == workshop.data.start.replace(tzinfo=zone).isoformat()
            assert data["endDate"] == workshop.data.end.replace(tzinfo=zone).isoformat()
        assert [node["name"] for node in data.get("performer", [])] == [
            catalog.organisations[presenter].text(language).title for presenter in workshop.data.presenters]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_organisation_page_is_an_organization(site: BuiltSite, catalog: Catalog, language: str) -> None:
    for organisation in catalog.organisations.values():
        url = entity_url(organisation, language)
        data = structured_data(site.html(url))
        assert data["@type"] == "Organization"
        assert data["name"] == organisation.text(language).title
        assert data["url"] == (organisation.data.website or SITE_URL + url)
        assert data["mainEntityOfPage"] == SITE_URL + url
        assert data.get("address", {}).get("addressCountry") == organisation.data.country


# The sample site: the exact JSON-LD.
def test_conference_structured_data_holds_the_content_facts(sample_site: BuiltSite) -> None:
    data = structured_data(sample_site.html("en/conferences/harbour-conference-2023/"))
    assert data["name"] == "3rd Harbour Conference"
    assert data["url"] == SITE_URL + "en/conferences/harbour-conference-2023/"
    # The daily hours in Dubai's zone: opening on the first day, closing on the last.
    assert (data["startDate"], data["endDate"]) == ("2023-04-26T09:00:00+04:00", "2023-04-27T14:00:00+04:00")
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"] == {"@type": "Place", "name": "Pearl Hall",
                                "address": {"@type": "PostalAddress", "addressLocality": "Ajman",
                                            "addressCountry": "AE"}}
    assert data["organizer"] == [{"@type": "Organization", "name": "Coast Department",
                                  "url": SITE_URL + "en/organisations/coast-department/"}]
    assert "sameAs" not in data  # no official website is known


def test_all_day_conference_has_dates_without_time_and_its_website(sample_site: BuiltSite) -> None:
    data = structured_data(sample_site.html("conferences/lakeside-congress-2023/"))
    assert (data["startDate"], data["endDate"]) == ("2023-05-21", "2023-05-24")
    assert data["sameAs"] == "https://lakeside.example.net/"
    assert data["inLanguage"] == "ar"
    # Organiser and co-organiser, not the participant; an organisation's website where it has one, else its page.
    assert data["organizer"] == [
        {"@type": "Organization", "name": "الاتحاد العالمي", "url": SITE_URL + "organisations/world-federation/",
         "alternateName": "WF"},
        {"@type": "Organization", "name": "جمعية براغ", "url": "https://society.example.net/"}]


def google_event_problems(node: dict) -> list[str]:
    """What Google's Event rich result would refuse or miss in a schema.org Event: its required properties (name,
    startDate, location with a name and an address), and the recommended ones the site always knows."""
    problems = [name for name in ("name", "startDate", "endDate", "location", "eventStatus", "eventAttendanceMode",
                                  "image", "description") if not node.get(name)]
    location = node.get("location") or {}
    if location.get("@type") != "Place" or not location.get("name") or not location.get("address"):
        problems.append("location: a Place with a name and an address")
    for name in ("startDate", "endDate"):
        if node.get(name):
            try:
                (dt.datetime if "T" in node[name] else dt.date).fromisoformat(node[name])
            except ValueError:
                problems.append(f"{name}: an ISO 8601 date")
    if not all(isinstance(url, str) and url.startswith(SITE_URL) for url in node.get("image") or [None]):
        problems.append("image: absolute addresses on the site")
    return problems


def events_of(site: BuiltSite, project: Path) -> list[tuple[str, dict]]:
    found = []
    for language, page_uri in every_page(project):
        for script in site.html(url_of(page_uri, language)).select('script[type="application/ld+json"]'):
            data = json.loads(script.string)
            if data.get("@type") == "Event":
                found.append((url_of(page_uri, language), data))
    return found


def test_every_event_meets_googles_event_requirements(site: BuiltSite, project: Path, catalog: Catalog) -> None:
    events = events_of(site, project)
    # Every conference and every workshop, in both languages, is an Event.
    assert len(events) == len(LANGUAGES) * (len(catalog.conferences) + len(catalog.workshops))
    for url, data in events:
        assert google_event_problems(data) == [], url
        image = data["image"][0].removeprefix(SITE_URL)
        assert site.path(image).is_file(), image


def test_every_fixture_event_meets_googles_event_requirements(sample_site: BuiltSite) -> None:
    project = sample_site.root.parent / "project"  # the content the sample site was built from (conftest)
    events = events_of(sample_site, project)
    assert len(events) == 2 * (3 + 6)
    for url, data in events:
        assert google_event_problems(data) == [], url
    untimed = structured_data(sample_site.html("en/workshops/harbour-2023-family-workshop/"))
    assert (untimed["startDate"], untimed["endDate"]) == ("2023-04-26", "2023-04-27")
    assert untimed["image"] == [SITE_URL + "en/conferences/harbour-conference-2023/share.png"]
    conference = structured_data(sample_site.html("conferences/lakeside-congress-2023/"))
    assert conference["image"] == [SITE_URL + "conferences/lakeside-congress-2023/share.png"]


def test_general_pages_have_no_structured_data(site: BuiltSite) -> None:
    for url in ("", "en/conferences/"):
        assert site.html(url).select('script[type="application/ld+json"]') == []
