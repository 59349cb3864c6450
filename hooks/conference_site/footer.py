"""The line at the foot of every page, in the page's language: the site's name, its feeds and its source
repository (in place of Material's "Made with Material for MkDocs", which is English on every page)."""

from __future__ import annotations

from dataclasses import dataclass

from .calendar import FEED_NAME as CALENDAR_FEED
from .catalog import Catalog
from .listings import language_root
from .news_feed import FEED_NAME as NEWS_FEED

FOOTER_KEY = "site_footer"


@dataclass(frozen=True)
class FooterLink:
    label: str
    href: str  # from the site's root (for the `url` filter), or an absolute address
    media_type: str | None = None


@dataclass(frozen=True)
class SiteFooter:
    site_name: str
    links: list[FooterLink]


def site_footer(catalog: Catalog, language: str, site_name: str, repository: str) -> SiteFooter:
    home = language_root(language)
    return SiteFooter(site_name, [
        FooterLink(catalog.label("feed_news", language), home + NEWS_FEED, "application/rss+xml"),
        FooterLink(catalog.label("feed_calendar", language), home + CALENDAR_FEED, "text/calendar"),
        FooterLink(catalog.label("source_repository", language), repository)])
