"""The sitemap's entries: every page of both languages with absolute alternates, x-default (Arabic) included,
and the day its content last changed; and robots.txt, which gives the sitemap's address.

static-i18n's own sitemap template has no x-default; overrides/sitemap.xml (which takes its place) renders the
entries computed here from static-i18n's record of every language's pages, and of the listing pages the build
generates (hooks/listings.py), which static-i18n does not know.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from conference_site.content_dates import ContentDates, page_sources
from conference_site.generated_files import generated_file
from conference_site.listings import generated_pages, listing_url
from conference_site.rendering import build_language, catalog_of
from conference_site.robots import ROBOTS_NAME, SITEMAP_NAME, robots_txt
from conference_site.schema import DEFAULT_LANGUAGE, LANGUAGES


@dataclass(frozen=True)
class SitemapEntry:
    url: str
    alternates: list[tuple[str, str]]
    lastmod: str  # the day the page's content last changed (conference_site/content_dates.py), YYYY-MM-DD


def _entry(url: str, alternates: dict[str, str], site_url: str, lastmod: str) -> SitemapEntry:
    urls = {other: urljoin(site_url, alternate) for other, alternate in alternates.items()}
    return SitemapEntry(urljoin(site_url, url), [*((other, urls[other]) for other in LANGUAGES),
                                                 ("x-default", urls[DEFAULT_LANGUAGE])], lastmod)


def sitemap_entries(pages_per_language: dict[str, Any], generated: list[tuple[str, dict[str, str]]],
                    site_url: str, lastmod: Callable[[str, str], str]) -> list[SitemapEntry]:
    """Every page of every language; `generated` gives each generated page's uri and its address in each
    language; `lastmod(language, page_uri)` the day a page last changed."""
    entries = []
    for language in LANGUAGES:
        for file in pages_per_language.get(language, []):
            if file.page is None or file.page.is_link:
                continue
            if set(file.alternates) != set(LANGUAGES):
                raise ValueError(f"{file.src_uri}: static-i18n lists alternates {sorted(file.alternates)}, "
                                 f"expected {', '.join(LANGUAGES)}")
            page_uri = PurePosixPath(file.src_uri).relative_to(language).as_posix()
            entries.append(_entry(file.url, {other: f.url for other, f in file.alternates.items()}, site_url,
                                  lastmod(language, page_uri)))
        entries.extend(_entry(urls[language], urls, site_url, lastmod(language, uri)) for uri, urls in generated)
    return sorted(entries, key=lambda entry: entry.url)


# After static-i18n (priority -100) has chosen the build's files, as the other generated files are added.
@event_priority(-110)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    # Once, at the site's root, beside the default language's sitemap (the one of the whole site).
    if build_language(config) == DEFAULT_LANGUAGE:
        sitemap = urljoin(config.site_url, SITEMAP_NAME)
        files.append(generated_file(config, ROBOTS_NAME, lambda: robots_txt(sitemap)))
    return files


def on_template_context(context: dict[str, Any], *, template_name: str, config: MkDocsConfig) -> dict[str, Any]:
    if template_name != SITEMAP_NAME:
        return context
    catalog = catalog_of(config)
    dates = ContentDates(Path(config.config_file_path).parent)

    @cache
    def lastmod(language: str, page_uri: str) -> str:
        sources = page_sources(catalog, language, page_uri)
        return f"{dates.last_changed(sources):%Y-%m-%d}"

    generated = [(page.uri, {language: listing_url(language, page.uri) for language in LANGUAGES})
                 for page in generated_pages(catalog)]
    context["sitemap_entries"] = sitemap_entries(context["i18n_alternates"], generated, config.site_url, lastmod)
    return context
