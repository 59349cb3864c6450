"""What hooks/page_metadata.py computes for a page's <head> and overrides/partials/site/head-meta.html renders."""

from __future__ import annotations

from dataclasses import dataclass

# Where the hook leaves a page's PageHead for the template: in `page.meta`, the only per-page object both see.
HEAD_KEY = "conference_site_head"


@dataclass(frozen=True)
class PageHead:
    title: str
    description: str
    url: str
    alternates: list[tuple[str, str]]
    locale: str
    locale_alternates: list[str]
    og_type: str
    structured_data: str | None
    feeds: list[tuple[str, str, str]]  # (media type, title, absolute URL) of this language's feeds
    image: str | None  # the absolute URL of the conference's share image (conference and workshop pages)
    image_alt: str | None
    image_size: tuple[int, int] | None
