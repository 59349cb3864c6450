"""The sitemap's entries: every page of both languages with absolute alternates, x-default (Arabic) included.

static-i18n's own sitemap template has no x-default; overrides/sitemap.xml (which takes its place) renders the
entries computed here from static-i18n's record of every language's pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig

from conference_site.schema import DEFAULT_LANGUAGE, LANGUAGES


@dataclass(frozen=True)
class SitemapEntry:
    url: str
    alternates: list[tuple[str, str]]


def sitemap_entries(pages_per_language: dict[str, Any], site_url: str) -> list[SitemapEntry]:
    entries = []
    for language in LANGUAGES:
        for file in pages_per_language.get(language, []):
            if file.page is None or file.page.is_link:
                continue
            urls = {other: urljoin(site_url, alternate.url) for other, alternate in file.alternates.items()}
            if set(urls) != set(LANGUAGES):
                raise ValueError(f"{file.src_uri}: static-i18n lists alternates {sorted(urls)}, "
                                 f"expected {', '.join(LANGUAGES)}")
            alternates = [*((other, urls[other]) for other in LANGUAGES), ("x-default", urls[DEFAULT_LANGUAGE])]
            entries.append(SitemapEntry(urljoin(site_url, file.url), alternates))
    return sorted(entries, key=lambda entry: entry.url)


def on_template_context(context: dict[str, Any], *, template_name: str, config: MkDocsConfig) -> dict[str, Any]:
    if template_name != "sitemap.xml":
        return context
    context["sitemap_entries"] = sitemap_entries(context["i18n_alternates"], config.site_url)
    return context
