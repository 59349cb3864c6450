"""The sitemap's entries: every page of every language with absolute alternates, x-default (Arabic) included.

Only the default language's build writes sitemap.xml (hooks/content.py removes it from the other builds' static
templates): its pages, each at its address in every language's folder (every page has its counterparts at the
same address, hooks/page_metadata.py), rendered by overrides/sitemap.xml, which takes the place of Material's.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

from conference_site import languages

from mkdocs_glue import build_language


@dataclass(frozen=True)
class SitemapEntry:
    url: str
    alternates: list[tuple[str, str]]


def sitemap_entries(pages: list[File], site_url: str) -> list[SitemapEntry]:
    """Every page of every language, from the pages of one language's build (addresses from its root)."""
    entries = []
    for file in pages:
        if file.page is None or file.page.is_link:
            continue
        urls = {language.code: urljoin(site_url, language.root + file.url) for language in languages.REGISTRY}
        alternates = [*urls.items(), ("x-default", urls[languages.DEFAULT.code])]
        entries.extend(SitemapEntry(url, alternates) for url in urls.values())
    return sorted(entries, key=lambda entry: entry.url)


def on_template_context(context: dict[str, Any], *, template_name: str, config: MkDocsConfig) -> dict[str, Any]:
    if template_name != "sitemap.xml":
        return context
    site_url = languages.site_root_url(config.site_url, build_language(config))
    # `pages`: MkDocs' template variable, every documentation page of the build, generated ones included.
    context["sitemap_entries"] = sitemap_entries(context["pages"], site_url)
    return context
