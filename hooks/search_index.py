"""One search index per language, at the root of that language's site: `search/search_index.json` for Arabic,
`en/search/search_index.json` for English, and a log line with the size of each.

Material's search plugin indexes the pages of each language build, and mkdocs-static-i18n then merges every
language into the one index at the site root: an Arabic visitor downloaded the English pages and got English
results. Once every language is built, this hook splits the merged index by language root and writes each
language's own index where that language's pages look for it (their search `base` is the language's root, see
overrides/assets/javascripts/search/page.js). The words themselves are normalised in the browser by the search
worker, at index and at query time alike (overrides/assets/javascripts/search/).
"""

from __future__ import annotations

import gzip
import json
import logging
import re
from pathlib import Path, PurePosixPath
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from conference_site.catalog import Entity
from conference_site.rendering import catalog_of
from conference_site.schema import LANGUAGES

log = logging.getLogger(f"mkdocs.hooks.{__name__}")

INDEX = Path("search") / "search_index.json"

# Which of lunr's own pipeline steps each language keeps, besides the site normaliser: English drops its stop
# words (in the index and, by the worker, in the query); lunr has no Arabic stop-word list worth keeping.
PIPELINES = {"ar": [], "en": ["stopWordFilter"]}

# A query matching an entity's other names ranks its page as a query matching its title does: the index field
# `names` gets the title's boost. They are a conference's slogan and year(s) ("2023" is how people tell
# conferences apart) and an organisation's short name.
# Material's indexer joins the text of adjacent cells (`<dt>المكان</dt><dd>قاعة…` became «المكانقاعة»), so
# the boundary between two such elements gets a line break, which is white space to the indexer as in HTML.
ADJACENT_CELLS = re.compile(r"(</(?:dt|dd|th|td|li|caption|figcaption)>)(?=<)")

# The names of each entity page, keyed by its URL from the site root, kept across the language builds.
_names: dict[str, list[str]] = {}

def _languages(config: MkDocsConfig) -> tuple[str, list[str]]:
    """The default language and every language built, from the i18n plugin's configuration."""
    languages = config.plugins["i18n"].config.languages
    default = next(language.locale for language in languages if language.default)
    return default, [language.locale for language in languages if language.build]


def language_root(language: str, config: MkDocsConfig) -> str:
    """Where a language's site starts, relative to the site root: '' for the default language, 'en/' …"""
    default, _ = _languages(config)
    return "" if language == default else f"{language}/"


def on_env(env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    env.globals["search_language_root"] = language_root(config.theme["language"], config)
    return env


@event_priority(-100)  # after the hooks that generate HTML
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    return ADJACENT_CELLS.sub("\\1\n", html)


# From each language build's files, not its rendered pages: scripts/build.py renders each language in its own
# process, where the other languages go through their files and navigation only. After static-i18n (priority
# -100) has kept the build language's files: their URLs are final then.
@event_priority(-110)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    catalog = catalog_of(config)
    for file in files.documentation_pages():
        parts = PurePosixPath(file.src_uri).parts
        if len(parts) < 2 or parts[0] not in LANGUAGES:
            continue
        entity = catalog.entity_for_page(PurePosixPath(*parts[1:]).as_posix())
        names = _other_names(entity, parts[0]) if entity is not None else []
        if names:
            _names[file.url] = names
    return files


def _other_names(entity: Entity, language: str) -> list[str]:
    text = entity.text(language)
    if entity.kind == "conference":
        years = sorted({str(entity.data.start.year), str(entity.data.end.year)})
        return [text.slogan, *years] if text.slogan else years
    if entity.kind == "organisation":
        return [text.short_name] if text.short_name else []
    return []


@event_priority(-200)  # after mkdocs-static-i18n has built every language and merged their indexes into one
def on_post_build(*, config: MkDocsConfig) -> None:
    if config.plugins["i18n"].building:
        return  # a language build nested in the default one: the merged index is not written yet
    merged = json.loads((Path(config.site_dir) / INDEX).read_text(encoding="utf-8"))
    _, languages = _languages(config)
    # The longest root first: every location is under the default language's root ''.
    roots = sorted(((language_root(language, config), language) for language in languages), reverse=True)
    entries: dict[str, list[dict[str, Any]]] = {language: [] for language in languages}
    for entry in merged["docs"]:
        root, language = next((root, language) for root, language in roots if entry["location"].startswith(root))
        names = {"names": _names[entry["location"]]} if entry["location"] in _names else {}
        entries[language].append({**entry, "location": entry["location"][len(root):], **names})
    for language in languages:
        root = language_root(language, config)
        if language not in PIPELINES:
            raise ValueError(f"search index: no search pipeline is defined for language '{language}'")
        if not entries[language]:
            raise ValueError(f"search index: no page in '{language}' was indexed")
        _write_index(config, language, root, entries[language], merged["config"])


def _write_index(config: MkDocsConfig, language: str, root: str, docs: list[dict[str, Any]],
                 search_config: dict[str, Any]) -> None:
    fields = {**search_config["fields"], "names": search_config["fields"]["title"]}
    index = {
        "config": {**search_config, "lang": [language], "pipeline": PIPELINES[language], "fields": fields},
        "docs": docs,
    }
    data = json.dumps(index, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    path = Path(config.site_dir) / root / INDEX
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    pages = sum(1 for entry in docs if "#" not in entry["location"])
    log.info(
        f"search index '{language}': {pages} pages, {len(docs)} sections, {len(data) / 1024:.1f} KiB "
        f"({len(gzip.compress(data, mtime=0)) / 1024:.1f} KiB gzipped) at {(root / INDEX).as_posix()}"
    )
