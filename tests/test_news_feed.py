"""Each language's RSS feed of conferences: valid RSS 2.0 in that language, newest conference first, every item
leading to its page, and every page pointing feed readers to its language's feeds.

The real site: every conference, newest first, titled as its page. The sample fixture site: the exact items."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from pathlib import Path
from urllib.parse import urljoin

import pytest

from conference_site.catalog import Catalog
from conftest import BuiltSite
from site_pages import LANGUAGE_PREFIX, LANGUAGES, SITE_URL, entity_url, source_pages, url_of


def feed_items(site: BuiltSite, prefix: str, language: str) -> list:
    root = ElementTree.parse(site.path(f"{prefix}feed.xml")).getroot()
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    assert channel.findtext("language") == language
    assert channel.findtext("link") == f"{SITE_URL}{prefix}"
    self_link = channel.find("{http://www.w3.org/2005/Atom}link")
    assert self_link.get("href") == f"{SITE_URL}{prefix}feed.xml" and self_link.get("rel") == "self"
    items = channel.findall("item")
    for item in items:
        assert item.findtext("guid") == item.findtext("link")
        assert site.path(item.findtext("link").removeprefix(SITE_URL)).is_file()
    return items


@pytest.mark.parametrize("language", LANGUAGES)
def test_feed_lists_every_conference_newest_first(site: BuiltSite, catalog: Catalog, language: str) -> None:
    items = feed_items(site, LANGUAGE_PREFIX[language], language)
    newest_first = sorted(catalog.conferences.values(), key=lambda c: (c.data.start, c.id), reverse=True)
    assert [(item.findtext("link"), item.findtext("title")) for item in items] == [
        (SITE_URL + entity_url(conference, language), conference.text(language).title) for conference in newest_first]
    for item, conference in zip(items, newest_first):
        assert item.findtext("description").endswith(conference.text(language).summary)


@pytest.mark.parametrize("prefix,language,first_title,first_line", [
    ("", "ar", "منتدى الربيع 2030", "10–11 أبريل 2030، الدوحة، قطر. "),
    ("en/", "en", "Spring Forum 2030", "10–11 April 2030, Doha, Qatar. ")])
def test_feed_lists_conferences_newest_first(sample_site: BuiltSite, prefix: str, language: str, first_title: str,
                                             first_line: str) -> None:
    items = feed_items(sample_site, prefix, language)
    assert [item.findtext("link") for item in items] == [
        f"{SITE_URL}{prefix}conferences/spring-forum-2030/", f"{SITE_URL}{prefix}conferences/lakeside-congress-2023/",
        f"{SITE_URL}{prefix}conferences/harbour-conference-2023/"]
    assert items[0].findtext("title") == first_title
    assert items[0].findtext("description") == f"{first_line}{'منتدى تجريبي.' if language == 'ar' else 'A test forum.'}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_announces_its_language_feeds(site: BuiltSite, project: Path, language: str) -> None:
    prefix = LANGUAGE_PREFIX[language]
    for url in (url_of(page_uri, language) for page_uri in source_pages(project)):
        page = site.html(url)
        feeds = {link["type"]: link["href"] for link in page.select('head link[rel="alternate"][type]')}
        assert feeds == {"application/rss+xml": f"{SITE_URL}{prefix}feed.xml",
                         "text/calendar": f"{SITE_URL}{prefix}calendar.ics"}, url
    for name in ("feed.xml", "calendar.ics"):
        assert site.path(f"{prefix}{name}").is_file()


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_conference_listing_links_to_both_feeds(site: BuiltSite, prefix: str) -> None:
    url = f"/{prefix}conferences/"
    links = site.html(url).select("article .cs-subscribe a")
    targets = {link["type"]: urljoin(url, link["href"]) for link in links}
    assert targets == {"text/calendar": f"/{prefix}calendar.ics", "application/rss+xml": f"/{prefix}feed.xml"}
