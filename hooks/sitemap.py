"""The sitemap's entries: every page of every language with absolute alternates, x-default (Arabic) included,
and the day its content last changed; and robots.txt, which gives the sitemap's address.

Only the default language's build writes sitemap.xml (hooks/content.py removes it from the other builds' static
templates) and robots.txt: its pages, each at its address in every language's folder (every page has its
counterparts at the same address, hooks/page_metadata.py), rendered by overrides/sitemap.xml, which takes the
place of Material's.
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
from mkdocs.structure.files import File, Files

from conference_site import languages
from conference_site.content_dates import ContentDates, page_sources
from conference_site.robots import ROBOTS_NAME, SITEMAP_NAME, robots_txt

from mkdocs_glue import build_language, catalog_of, generated_file


@dataclass(frozen=True)
class SitemapEntry:
    url: str
    alternates: list[tuple[str, str]]
    lastmod: str  # the day the page's content last changed (conference_site/content_dates.py), YYYY-MM-DD


def sitemap_entries(pages: list[File], site_url: str, lastmod: Callable[[str, str], str]) -> list[SitemapEntry]:
    """Every page of every language, from the pages of one language's build (addresses from its root);
    `lastmod(language, page_uri)` the day a page last changed."""
    entries = []
    for file in pages:
        if file.page is None or file.page.is_link:
            continue
        page_uri = PurePosixPath(*PurePosixPath(file.src_uri).parts[1:]).as_posix()
        urls = {language.code: urljoin(site_url, language.root + file.url) for language in languages.REGISTRY}
        alternates = [*urls.items(), ("x-default", urls[languages.DEFAULT.code])]
        entries.extend(SitemapEntry(url, alternates, lastmod(code, page_uri)) for code, url in urls.items())
    return sorted(entries, key=lambda entry: entry.url)


# After static-i18n (priority -100) has chosen the build's files, as the other generated files are added.
@event_priority(-110)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    # Once, at the site's root, beside the sitemap of the whole site.
    if build_language(config) == languages.DEFAULT.code:
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
        return f"{dates.last_changed(page_sources(catalog, language, page_uri)):%Y-%m-%d}"

    site_url = languages.site_root_url(config.site_url, build_language(config))
    # `pages`: MkDocs' template variable, every documentation page of the build, generated ones included.
    context["sitemap_entries"] = sitemap_entries(context["pages"], site_url, lastmod)
    return context
