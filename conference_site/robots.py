"""robots.txt: every page may be crawled, and the sitemap is at this address.

Crawlers read robots.txt at a host's root only: on a project's GitHub Pages (`https://owner.github.io/name/`) the
file written at the site's root is not read, and the sitemap is found through the pages' own links instead."""

from __future__ import annotations

ROBOTS_NAME = "robots.txt"
SITEMAP_NAME = "sitemap.xml"


def robots_txt(sitemap_url: str) -> bytes:
    return f"User-agent: *\nAllow: /\n\nSitemap: {sitemap_url}\n".encode("ascii")
