"""One search index per language, at the root of that language's site: `search-index/` for Arabic,
`en/search-index/` for English (conference_site/search_index.py), and a log line with the size of each.

Each page the language's build renders is handed to the build's index with its search record (names, facets
and text, conference_site/search_records.py), at its address from the language's root (which Material resolves
from its base); the index is written when the build ends. Material's own search index is left
empty (every page is excluded from it with its documented `search.exclude`): Material's search box stays, and
answers from the index through the site's worker (overrides/assets/javascripts/search/worker.js).
"""

from __future__ import annotations

import logging
from pathlib import Path

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from conference_site import languages

from mkdocs_glue import build_language, catalog_of, generated_file, page_view
from conference_site.search_index import INDEX_FOLDER, SearchIndex
from conference_site.search_keys import rules_script
from conference_site.search_records import FACETS, indexed_page, search_record

log = logging.getLogger(f"mkdocs.hooks.{__name__}")

RULES = "assets/javascripts/search/rules.js"
# The index of this build, kept on its configuration.
INDEX_KEY = "conference_site_search_index"


def on_env(env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    language = build_language(config)
    catalog = catalog_of(config)
    env.globals["search_index"] = f"{INDEX_FOLDER}/"
    env.globals["search_facets"] = {
        "label": catalog.label("search_facets", language), "all": catalog.label("search_facet_all", language),
        "facets": [(facet, catalog.label(f"search_facet_{facet}", language)) for facet in FACETS]}
    return env


@event_priority(-110)  # after static-i18n (-100) has chosen this build's files
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    files.append(generated_file(config, RULES, rules_script))
    return files


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    page.meta["search"] = {"exclude": True}
    return markdown


@event_priority(-150)  # after every hook that makes the page's content
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    view = page_view(page, config, files)
    if view is None:
        return html
    index: SearchIndex = config[INDEX_KEY]
    entity = view.catalog.entity_for_page(view.uri)
    record = search_record(view.catalog, entity, view.language, page.url, page.meta["title"])
    index.add(indexed_page(record, html))
    return html


def on_pre_build(*, config: MkDocsConfig) -> None:
    config[INDEX_KEY] = SearchIndex(build_language(config))


def on_post_build(*, config: MkDocsConfig) -> None:
    language = build_language(config)
    index: SearchIndex = config.pop(INDEX_KEY)
    size = index.write(Path(config.site_dir) / INDEX_FOLDER)
    root = languages.language(language).root
    log.info(f"search index '{language}': {size.pages} pages, {size.keys} keys, {size.files} files, "
             f"{size.bytes / 1024:.1f} KiB at {root}{INDEX_FOLDER}/ (largest key file {size.largest_key_file} B)")
