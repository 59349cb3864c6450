"""The sitemap's entries: every page of both languages with absolute alternates, x-default (Arabic) included.

static-i18n's own sitemap template has no x-default; overrides/sitemap.xml (which takes its place) renders the
entries computed here from static-i18n's record of every language's pages, and of the listing pages the build
generates (hooks/listings.py), which static-i18n does not know.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig

from conference_site.listings import generated_pages, listing_url
from conference_site.rendering import catalog_of
from conference_site.schema import DEFAULT_LANGUAGE, LANGUAGES


@dataclass(frozen=True)
class SitemapEntry:
    url: str
    alternates: list[tuple[str, str]]


def _entry(url: str, alternates: dict[str, str], site_url: str) -> SitemapEntry:
    urls = {other: urljoin(site_url, alternate) for other, alternate in alternates.items()}
    return SitemapEntry(urljoin(site_url, url), [*((other, urls[other]) for other in LANGUAGES),
                                                 ("x-default", urls[DEFAULT_LANGUAGE])])


def sitemap_entries(pages_per_language: dict[str, Any], generated: list[dict[str, str]],
                    site_url: str) -> list[SitemapEntry]:
    """Every page of every language; `generated` gives the address of each generated page in each language."""
    entries = []
    for language in LANGUAGES:
        for file in pages_per_language.get(language, []):
            if file.page is None or file.page.is_link:
                continue
            if set(file.alternates) != set(LANGUAGES):
                raise ValueError(f"{file.src_uri}: static-i18n lists alternates {sorted(file.alternates)}, "
                                 f"expected {', '.join(LANGUAGES)}")
            entries.append(_entry(file.url, {other: f.url for other, f in file.alternates.items()}, site_url))
        entries.extend(_entry(urls[language], urls, site_url) for urls in generated)
    return sorted(entries, key=lambda entry: entry.url)


def on_template_context(context: dict[str, Any], *, template_name: str, config: MkDocsConfig) -> dict[str, Any]:
    if template_name != "sitemap.xml":
        return context
    generated = [{language: listing_url(language, page.uri) for language in LANGUAGES}
                 for page in generated_pages(catalog_of(config))]
    context["sitemap_entries"] = sitemap_entries(context["i18n_alternates"], generated, config.site_url)
    return context
