"""The line at the foot of every page, in the page's language: the site's name, its feeds and its source
repository (in place of Material's "Made with Material for MkDocs", which is English on every page)."""

from __future__ import annotations

from dataclasses import dataclass

from .calendar import FEED_NAME as CALENDAR_FEED
from .catalog import Catalog
from .news_feed import FEED_NAME as NEWS_FEED

FOOTER_KEY = "site_footer"


@dataclass(frozen=True)
class FooterLink:
    label: str
    href: str  # from the root of the language's build (for the `url` filter), or an absolute address
    media_type: str | None = None


@dataclass(frozen=True)
class SiteFooter:
    site_name: str
    links: list[FooterLink]


def site_footer(catalog: Catalog, language: str, site_name: str, repository: str) -> SiteFooter:
    # Each language's build writes its feeds at its own root (scripts/build.py).
    return SiteFooter(site_name, [
        FooterLink(catalog.label("feed_news", language), NEWS_FEED, "application/rss+xml"),
        FooterLink(catalog.label("feed_calendar", language), CALENDAR_FEED, "text/calendar"),
        FooterLink(catalog.label("source_repository", language), repository)])
