"""One Pagefind search bundle per language, at the root of that language's site: `pagefind/` for Arabic,
`en/pagefind/` for English, and a log line with the size of each.

Each page the language's build renders is handed to the build's bundle with its search record (names and
facets, conference_site/search_records.py), at its address from the language's root (which Material resolves
from its base); the bundle is written when the build ends. Material's own search index is left
empty (every page is excluded from it with its documented `search.exclude`): Material's search box stays, and
answers from the bundle through the site's worker (overrides/assets/javascripts/search/worker.js).
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
from conference_site.search_bundle import BUNDLE_FOLDER, SearchBundle
from conference_site.search_keys import rules_script
from conference_site.search_records import FACETS, search_document, search_record

log = logging.getLogger(f"mkdocs.hooks.{__name__}")

RULES = "assets/javascripts/search/rules.js"
# The bundle of this build, kept on its configuration.
BUNDLE_KEY = "conference_site_search_bundle"


def on_env(env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    language = build_language(config)
    catalog = catalog_of(config)
    env.globals["search_bundle"] = f"{BUNDLE_FOLDER}/"
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
    bundle: SearchBundle = config[BUNDLE_KEY]
    entity = view.catalog.entity_for_page(view.uri)
    record = search_record(view.catalog, entity, view.language, page.url, page.meta["title"])
    bundle.add(page.url, search_document(record, html))
    return html


def on_pre_build(*, config: MkDocsConfig) -> None:
    config[BUNDLE_KEY] = SearchBundle(build_language(config))


def on_post_build(*, config: MkDocsConfig) -> None:
    language = build_language(config)
    bundle: SearchBundle = config.pop(BUNDLE_KEY)
    size = bundle.write(Path(config.site_dir) / BUNDLE_FOLDER)
    root = languages.language(language).root
    log.info(f"search bundle '{language}': {size.pages} pages, {size.files} files, "
             f"{size.bytes / 1024:.1f} KiB at {root}{BUNDLE_FOLDER}/")
