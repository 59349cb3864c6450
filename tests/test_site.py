"""Languages, switcher, entity pages, listings and labels.

The real site: what holds for any valid content (every page in its language, every entity with both pages, every
conference listed in order, every workshop under its conference, every organisation with exactly the
participations the data gives). The sample fixture site (tests/fixtures/sample/): the exact texts and orders.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml

from conference_site.catalog import Catalog
from conference_site.formatting import date_range
from conftest import BuiltSite
from site_builder import REPO
from site_pages import (DIRECTION, LANGUAGE_PREFIX, LANGUAGES, entity_url, hrefs, source_pages,
                        upcoming_and_past, url_of)

SECTIONS = ["", "conferences/", "workshops/", "organisations/"]


def resolved(page_url: str, href: str) -> str:
    """A link of the page at `page_url` as a URL path from the site's root."""
    return urljoin(f"/{page_url}", href).lstrip("/")


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_has_its_language_and_direction(site: BuiltSite, project: Path, language: str) -> None:
    for page_uri in source_pages(project):
        html = site.html(url_of(page_uri, language)).html
        assert (html["lang"], html["dir"]) == (language, DIRECTION[language]), page_uri


@pytest.mark.parametrize("language,other", [("ar", "en"), ("en", "ar")])
def test_switcher_leads_to_the_same_page_in_the_other_language(site: BuiltSite, project: Path, language: str,
                                                               other: str) -> None:
    for page_uri in source_pages(project):
        url = url_of(page_uri, language)
        links = site.html(url).select(f'a.md-select__link[hreflang="{other}"]')
        assert len(links) == 1, url
        target = resolved(url, links[0]["href"])
        assert target == url_of(page_uri, other), url
        assert site.path(target).is_file()


def test_every_entity_has_a_page_in_both_languages(site: BuiltSite, catalog: Catalog) -> None:
    for kind in catalog.entities.values():
        for entity in kind.values():
            for language in LANGUAGES:
                assert site.path(entity_url(entity, language)).is_file(), (language, entity.id)


def test_navigation_lists_sections_not_entities(site: BuiltSite, catalog: Catalog) -> None:
    for kind in catalog.entities.values():
        for entity in kind.values():
            for language in LANGUAGES:
                url = entity_url(entity, language)
                links = site.html(url).select("nav.md-nav--primary a.md-nav__link")
                assert [resolved(url, a["href"]).removeprefix(LANGUAGE_PREFIX[language]).rstrip("/")
                        for a in links] == [section.rstrip("/") for section in SECTIONS], url


def test_every_conference_page_shows_its_facts_programme_and_organisations(site: BuiltSite,
                                                                           catalog: Catalog) -> None:
    for conference in catalog.conferences.values():
        for language in LANGUAGES:
            url = entity_url(conference, language)
            article = site.html(url).select_one("article")
            text = conference.text(language)
            assert article.h1.get_text() == text.title
            assert article.select_one(".cs-dates .cs-gregorian").get_text() == date_range(
                conference.data.start, conference.data.end, language)
            assert (article.select_one(".cs-hours") is not None) == (conference.data.daily_start is not None)
            assert text.venue_name in article.select_one(".cs-venue").get_text()
            assert [li.get_text() for li in article.select(".cs-themes li")] == text.themes
            programme = article.select_one(".cs-programme")
            assert [resolved(url, href) for href in (hrefs(programme) if programme else [])] == [
                entity_url(workshop, language) for workshop in catalog.workshops_of(conference.id)]
            organisations = article.select_one(".cs-organisations")
            assert [resolved(url, href) for href in (hrefs(organisations) if organisations else [])] == [
                entity_url(catalog.organisations[part.organisation], language)
                for part in conference.data.organisations]
            if conference.data.website:
                assert article.select_one(f'.cs-facts a[href="{conference.data.website}"]') is not None


def test_every_workshop_page_links_back_to_its_conference(site: BuiltSite, catalog: Catalog) -> None:
    for workshop in catalog.workshops.values():
        for language in LANGUAGES:
            url = entity_url(workshop, language)
            link = site.html(url).select_one("a.cs-conference-link")
            assert resolved(url, link["href"]) == entity_url(catalog.conferences[workshop.data.conference],
                                                             language), workshop.id


def test_every_organisation_page_lists_exactly_its_participations(site: BuiltSite, catalog: Catalog) -> None:
    for organisation in catalog.organisations.values():
        for language in LANGUAGES:
            url = entity_url(organisation, language)
            items = site.html(url).select(".cs-participations li")
            expected = [(entity_url(part.conference, language),
                         entity_url(part.workshop, language) if part.workshop else None)
                        for part in catalog.participations_of(organisation.id)]
            found = []
            for item in items:
                links = [resolved(url, href) for href in hrefs(item)]
                found.append((links[0], links[1] if len(links) > 1 else None))
            assert found == expected, organisation.id


def listing_pages(site: BuiltSite, listing: str, language: str) -> list[str]:
    """A listing's first page and every page its index links to (the years, or the further pages)."""
    first = f"{LANGUAGE_PREFIX[language]}{listing}/"
    index = site.html(first).select(".cs-years a[href], .cs-pages a[href]")
    return [first, *(resolved(first, link["href"]) for link in index)]


def test_conference_listing_lists_every_conference_upcoming_first_in_date_order(site: BuiltSite,
                                                                               catalog: Catalog) -> None:
    upcoming, past = upcoming_and_past(catalog)
    for language in LANGUAGES:
        reached = []
        for url in listing_pages(site, "conferences", language):
            page = site.html(url)
            shown = {}
            for selector, conferences in ((".cs-upcoming", upcoming), (".cs-past", past)):
                listed = page.select_one(selector)
                shown[selector] = [resolved(url, href) for href in (hrefs(listed) if listed else [])]
                # In the listing's order: each page shows a part of it, in that order.
                order = [entity_url(conference, language) for conference in conferences]
                assert shown[selector] == [each for each in order if each in shown[selector]], url
            headings = [h2["id"] for h2 in page.select("article h2")]
            if shown[".cs-upcoming"] and shown[".cs-past"]:
                assert headings.index("upcoming") < headings.index("past"), url
            reached += shown[".cs-upcoming"] + shown[".cs-past"]
        first = site.html(f"{LANGUAGE_PREFIX[language]}conferences/")
        assert "upcoming" in [h2["id"] for h2 in first.select("article h2")]
        assert set(reached) == {entity_url(conference, language) for conference in upcoming + past}
        first_upcoming = first.select_one(".cs-upcoming")
        assert [resolved(f"{LANGUAGE_PREFIX[language]}conferences/", href)
                for href in (hrefs(first_upcoming) if first_upcoming else [])] == [
            entity_url(conference, language) for conference in upcoming]


def test_home_page_presents_the_next_conference_or_else_the_latest(site: BuiltSite, catalog: Catalog) -> None:
    upcoming, past = upcoming_and_past(catalog)
    featured = (upcoming or past or [None])[0]
    for language in LANGUAGES:
        url = LANGUAGE_PREFIX[language]
        card = site.html(url).select_one(".cs-featured")
        assert ([resolved(url, href) for href in hrefs(card)] if card else []) == (
            [entity_url(featured, language)] if featured else [])


def test_workshops_listing_puts_every_workshop_under_its_conference(site: BuiltSite, catalog: Catalog) -> None:
    upcoming, past = upcoming_and_past(catalog)
    order = [conference.id for conference in upcoming + past if catalog.workshops_of(conference.id)]
    for language in LANGUAGES:
        listed = []
        for url in listing_pages(site, "workshops", language):
            groups = site.html(url).select("article h2:not(#years)")
            ids = [h2["id"] for h2 in groups]
            assert ids == [each for each in order if each in ids], url
            for h2 in groups:
                assert [resolved(url, href) for href in hrefs(h2.find_next_sibling("ul"))] == [
                    entity_url(workshop, language) for workshop in catalog.workshops_of(h2["id"])]
            listed += ids
        assert set(listed) == set(order)


def test_organisations_listing_puts_every_organisation_under_its_kind(site: BuiltSite, catalog: Catalog) -> None:
    for language in LANGUAGES:
        listed: dict[str, list[str]] = {}
        for url in listing_pages(site, "organisations", language):
            for h2 in site.html(url).select("article h2:not(#pages)"):
                listed.setdefault(h2["id"], []).extend(resolved(url, href) for href in hrefs(h2.find_next_sibling("ul")))
        expected: dict[str, list[str]] = {}
        for organisation in catalog.organisations.values():
            expected.setdefault(organisation.data.kind, []).append(entity_url(organisation, language))
        assert {kind: sorted(urls) for kind, urls in listed.items()} == {
            kind: sorted(urls) for kind, urls in expected.items()}


def test_the_strict_build_reports_no_warning(site: BuiltSite) -> None:
    assert "WARNING" not in site.log
    assert Path(site.root / "sitemap.xml").is_file()


def test_the_palette_toggle_is_labelled_in_the_page_language(site: BuiltSite, project: Path) -> None:
    for page_uri in source_pages(project):
        arabic = site.path(url_of(page_uri, "ar")).read_text(encoding="utf-8")
        english = site.path(url_of(page_uri, "en")).read_text(encoding="utf-8")
        assert "التبديل إلى الوضع الداكن" in arabic and "Switch to dark mode" not in arabic, page_uri
        assert "Switch to dark mode" in english, page_uri


# The sample site: exact texts, orders and labels.
HARBOUR = "conferences/harbour-conference-2023/"


def test_conference_page_shows_facts_themes_workshops_and_organisations(sample_site: BuiltSite) -> None:
    article = sample_site.html(HARBOUR).select_one("article")
    assert article.h1.get_text() == "مؤتمر الميناء، الدورة الثالثة"
    assert article.select_one(".cs-slogan").get_text() == "معًا من أجل الأسرة"
    assert article.select_one(".cs-dates .cs-gregorian").get_text() == "26–27 أبريل 2023"
    assert "09:00–14:00" in article.select_one(".cs-hours").get_text()
    assert article.select_one(".cs-venue").get_text() == "قاعة اللؤلؤ، عجمان، الإمارات العربية المتحدة"
    assert [li.get_text() for li in article.select(".cs-themes li")] == ["الأسرة", "الشباب", "التطوع"]
    # In the order the data files give (0, 1, 2), not by title.
    assert hrefs(article.select_one(".cs-programme")) == [
        "../../workshops/harbour-2023-opening-panel/", "../../workshops/harbour-2023-family-workshop/",
        "../../workshops/harbour-2023-youth-workshop/"]
    assert hrefs(article.select_one(".cs-organisations")) == ["../../organisations/coast-department/"]


def test_english_conference_page_formats_dates_for_english(sample_site: BuiltSite) -> None:
    article = sample_site.html("en/conferences/lakeside-congress-2023/").select_one("article")
    assert article.select_one(".cs-dates").get_text() == "21–24 May 2023"
    assert article.select_one(".cs-venue").get_text() == "Congress Centre, Prague, Czech Republic"
    assert article.select_one('a[href="https://lakeside.example.net/"]') is not None
    assert article.select_one(".cs-hours") is None


def test_organisation_page_lists_its_conferences_with_roles(sample_site: BuiltSite) -> None:
    page = sample_site.html("en/organisations/host-org/")
    items = [" ".join(li.get_text(" ", strip=True).split()) for li in page.select(".cs-participations li")]
    # The latest conference first; a presented session is a participation of its own.
    assert items == ["Spring Forum 2030 ( 10–11 April 2030 ) — Presenter: Opening workshop",
                     "Spring Forum 2030 ( 10–11 April 2030 ) — Organiser",
                     "Lakeside Congress 2023 ( 21–24 May 2023 ) — Presenter: The host organisation's paper",
                     "Lakeside Congress 2023 ( 21–24 May 2023 ) — Participant"]


def test_conference_listing_puts_upcoming_first_then_past(sample_site: BuiltSite) -> None:
    # The session builds on 2023-05-01 (SOURCE_DATE_EPOCH, tests/site_builder.py).
    for prefix in ("", "en/"):
        page = sample_site.html(f"{prefix}conferences/")
        assert hrefs(page.select_one(".cs-upcoming")) == ["lakeside-congress-2023/", "spring-forum-2030/"]
        assert hrefs(page.select_one(".cs-past")) == ["harbour-conference-2023/"]
        assert [h2["id"] for h2 in page.select("article h2")] == ["upcoming", "past", "years"]


def test_home_page_presents_the_next_conference(sample_site: BuiltSite) -> None:
    page = sample_site.html("")
    assert hrefs(page.select_one(".cs-featured")) == ["conferences/lakeside-congress-2023/"]
    assert page.select_one("#featured").get_text() == "المؤتمر القادم"


def test_workshops_listing_groups_by_conference(sample_site: BuiltSite) -> None:
    groups = sample_site.html("en/workshops/").select("article h2:not(#years)")
    assert [h2["id"] for h2 in groups] == ["lakeside-congress-2023", "spring-forum-2030", "harbour-conference-2023"]
    assert hrefs(groups[2].find_next_sibling("ul")) == [
        "harbour-2023-opening-panel/", "harbour-2023-family-workshop/", "harbour-2023-youth-workshop/"]


def test_organisations_listing_groups_by_kind(sample_site: BuiltSite) -> None:
    page = sample_site.html("organisations/")
    groups = {h2["id"]: hrefs(h2.find_next_sibling("ul")) for h2 in page.select("article h2")}
    assert groups == {
        "government-department": ["coast-department/"],
        "federation": ["world-federation/"],
        "professional-association": ["prague-society/"],
        "ngo": ["host-org/"],
    }
    assert page.select_one("h2#federation").get_text() == "اتحادات"
    assert "(WF)" in page.select_one('a[href="world-federation/"]').parent.get_text()


def test_generated_labels_are_in_the_page_language(sample_site: BuiltSite) -> None:
    labels = yaml.safe_load((REPO / "data" / "labels.yml").read_text(encoding="utf-8"))
    arabic = sample_site.html("workshops/harbour-2023-family-workshop/").select_one(".cs-facts").get_text()
    english = sample_site.html("en/workshops/harbour-2023-family-workshop/").select_one(".cs-facts").get_text()
    for key in ("kind", "part_of", "session_time", "venue", "presented_by"):
        assert labels[key]["ar"] in arabic and labels[key]["en"] not in arabic
        assert labels[key]["en"] in english
    assert "Asia/Dubai" not in arabic


def test_interface_labels_outside_the_content_are_translated(sample_site: BuiltSite) -> None:
    arabic = sample_site.path(HARBOUR).read_text(encoding="utf-8")
    english = sample_site.path(f"en/{HARBOUR}").read_text(encoding="utf-8")
    for english_label in ("Permanent link", "Switch to dark mode", "Switch to light mode"):
        assert english_label not in arabic
        assert english_label in english
    assert 'title="رابط دائم لهذا القسم"' in arabic


def test_arabic_headings_keep_arabic_anchors(sample_site: BuiltSite) -> None:
    ids = [h2.get("id") for h2 in sample_site.html(HARBOUR).select("article h2")]
    assert "أهداف-المؤتمر" in ids
    assert not any(heading_id.startswith("_") for heading_id in ids)
