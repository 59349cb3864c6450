"""robots.txt: every page may be crawled, and the sitemap is at this address."""

from __future__ import annotations

ROBOTS_NAME = "robots.txt"
SITEMAP_NAME = "sitemap.xml"


def robots_txt(sitemap_url: str) -> bytes:
    return f"User-agent: *\nAllow: /\n\nSitemap: {sitemap_url}\n".encode("ascii")
