"""Each language's RSS feed of conferences: valid RSS 2.0 in that language, newest conference first, every item
leading to its page, and every page pointing feed readers to its language's feeds."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from urllib.parse import urljoin

import pytest

from conftest import BuiltSite

SITE_URL = "http://127.0.0.1:8000/"


@pytest.mark.parametrize("prefix,language,first_title,first_line", [
    ("", "ar", "المؤتمر الأوروبي للعمل الاجتماعي 2023", "21–24 مايو 2023، براغ، التشيك. "),
    ("en/", "en", "European Social Work Conference 2023", "21–24 May 2023, Prague, Czech Republic. ")])
def test_feed_lists_conferences_newest_first(site: BuiltSite, prefix: str, language: str, first_title: str,
                                             first_line: str) -> None:
    root = ElementTree.parse(site.path(f"{prefix}feed.xml")).getroot()
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    assert channel.findtext("language") == language
    assert channel.findtext("link") == f"{SITE_URL}{prefix}"
    self_link = channel.find("{http://www.w3.org/2005/Atom}link")
    assert self_link.get("href") == f"{SITE_URL}{prefix}feed.xml" and self_link.get("rel") == "self"
    items = channel.findall("item")
    assert [item.findtext("link") for item in items] == [
        f"{SITE_URL}{prefix}conferences/european-social-work-conference-2023/",
        f"{SITE_URL}{prefix}conferences/sharjah-social-service-conference-14/"]
    assert items[0].findtext("title") == first_title
    assert items[0].findtext("description").startswith(first_line)
    for item in items:
        assert item.findtext("guid") == item.findtext("link")
        assert site.path(item.findtext("link").removeprefix(SITE_URL)).is_file()


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_pages_announce_their_language_feeds(site: BuiltSite, prefix: str) -> None:
    for url in (prefix, f"{prefix}workshops/sharjah-14-opening-panel/"):
        page = site.html(url)
        feeds = {link["type"]: link["href"] for link in page.select('head link[rel="alternate"][type]')}
        assert feeds == {"application/rss+xml": f"{SITE_URL}{prefix}feed.xml",
                         "text/calendar": f"{SITE_URL}{prefix}calendar.ics"}
        for href in feeds.values():
            assert site.path(href.removeprefix(SITE_URL)).is_file()


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_conference_listing_links_to_both_feeds(site: BuiltSite, prefix: str) -> None:
    url = f"/{prefix}conferences/"
    links = site.html(url).select("article .cs-subscribe a")
    targets = {link["type"]: urljoin(url, link["href"]) for link in links}
    assert targets == {"text/calendar": f"/{prefix}calendar.ics", "application/rss+xml": f"/{prefix}feed.xml"}
