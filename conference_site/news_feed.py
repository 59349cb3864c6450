"""An RSS 2.0 feed of the site's conferences in one language, newest first.

RSS rather than Atom: Atom requires an `updated` time for every entry, which the content does not record, and
the site invents no facts. Each item carries its page's address as its permanent guid, and as its `pubDate` the
day its conference was first published on the site (conference_site/content_dates.py: its data file's first
commit), not a date of the conference itself.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from email.utils import format_datetime
from xml.etree import ElementTree

ATOM = "http://www.w3.org/2005/Atom"
FEED_NAME = "feed.xml"
# What XML 1.0 cannot hold, even escaped: a feed with one of these is not well-formed and readers reject it whole.
# The content checks refuse them already; this keeps the feed well-formed if one gets through.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml_text(text: str) -> str:
    return _NOT_XML.sub("", text)


@dataclass(frozen=True)
class FeedItem:
    title: str
    url: str
    description: str
    published: dt.datetime


def rss(title: str, home_url: str, feed_url: str, description: str, language: str,
        items: Iterable[FeedItem]) -> bytes:
    ElementTree.register_namespace("atom", ATOM)
    root = ElementTree.Element("rss", {"version": "2.0"})
    channel = ElementTree.SubElement(root, "channel")
    for name, value in (("title", title), ("link", home_url), ("description", description), ("language", language)):
        ElementTree.SubElement(channel, name).text = _xml_text(value)
    ElementTree.SubElement(channel, f"{{{ATOM}}}link", {"href": feed_url, "rel": "self",
                                                        "type": "application/rss+xml"})
    for entry in items:
        item = ElementTree.SubElement(channel, "item")
        ElementTree.SubElement(item, "title").text = _xml_text(entry.title)
        ElementTree.SubElement(item, "link").text = entry.url
        ElementTree.SubElement(item, "description").text = _xml_text(entry.description)
        ElementTree.SubElement(item, "guid", {"isPermaLink": "true"}).text = entry.url
        ElementTree.SubElement(item, "pubDate").text = format_datetime(entry.published, usegmt=True)
    ElementTree.indent(root)
    document: bytes = ElementTree.tostring(root, encoding="utf-8", xml_declaration=True)
    return document + b"\n"
