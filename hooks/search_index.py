"""One Pagefind search bundle per language, at the root of that language's site: `pagefind/` for Arabic,
`en/pagefind/` for English, and a log line with the size of each.

Each page the language's build renders is handed to that language's bundle with its search record (names and
facets, conference_site/search_records.py); the bundle is written when the language's build ends, so that each
process of scripts/build.py writes the bundle of the language it renders. Material's own search index is left
empty (every page is excluded from it with its documented `search.exclude`): Material's search box stays, and
answers from the bundle through the site's worker (overrides/assets/javascripts/search/worker.js).
"""

from __future__ import annotations

import logging
from pathlib import Path

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from conference_site.generated_files import generated_file
from conference_site.listings import language_root
from conference_site.rendering import build_language, catalog_of, page_view
from conference_site.search_bundle import BUNDLE_FOLDER, SearchBundle
from conference_site.search_keys import rules_script
from conference_site.search_records import FACETS, search_document, search_record

log = logging.getLogger(f"mkdocs.hooks.{__name__}")

RULES = "assets/javascripts/search/rules.js"
# The bundle of each language being built in this process, and those being written, kept on the configuration
# static-i18n reuses for each language.
BUNDLES_KEY = "conference_site_search_bundles"
WRITING_KEY = "conference_site_search_bundles_written"


def on_env(env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    language = build_language(config)
    catalog = catalog_of(config)
    env.globals["search_bundle"] = f"{language_root(language)}{BUNDLE_FOLDER}/"
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
    bundles: dict[str, SearchBundle] = config[BUNDLES_KEY]
    if view.language not in bundles:
        bundles[view.language] = SearchBundle(view.language)
    entity = view.catalog.entity_for_page(view.uri)
    record = search_record(view.catalog, entity, view.language, page.url, page.meta["title"])
    bundles[view.language].add(page.url, search_document(record, html))
    return html


def on_pre_build(*, config: MkDocsConfig) -> None:
    if BUNDLES_KEY not in config:
        config[BUNDLES_KEY] = {}
        config[WRITING_KEY] = []


@event_priority(0)
def _start_writing(*, config: MkDocsConfig) -> None:
    language = build_language(config)
    bundle = config[BUNDLES_KEY].pop(language, None)
    if bundle is None:
        return  # this process did not render the language (scripts/build.py renders each in its own)
    root = language_root(language)
    config[WRITING_KEY].append((language, bundle.start_writing(Path(config.site_dir) / root / BUNDLE_FOLDER)))


@event_priority(-150)  # after static-i18n (-100) has built the languages after this one: the build's end
def _finish_writing(*, config: MkDocsConfig) -> None:
    while config[WRITING_KEY]:
        language, writing = config[WRITING_KEY].pop(0)
        size = writing.result()
        log.info(f"search bundle '{language}': {size.pages} pages, {size.files} files, "
                 f"{size.bytes / 1024:.1f} KiB at {language_root(language)}{BUNDLE_FOLDER}/")


# The language's bundle is written while static-i18n builds the next language, and waited for at the end.
on_post_build = CombinedEvent(_start_writing, _finish_writing)
