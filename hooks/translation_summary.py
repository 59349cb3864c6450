"""At the end of a build, tell maintainers which English pages no longer match their Arabic page.

Informational only: a translation may lag behind its Arabic for a while, so this never fails the build.
`make translation-status` prints the full table.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from conference_site.translations import TRANSLATION_LANGUAGE, statuses

from mkdocs_glue import catalog_of

log = logging.getLogger("mkdocs.hooks.translation_summary")


def on_post_build(*, config: MkDocsConfig) -> None:
    # One build per language: summarise once, in the build of the translations the summary is about (the Arabic
    # build, the default language's, has more to do: the Hijri dates, the shaping of its share images).
    if config.theme["language"] != TRANSLATION_LANGUAGE:
        return
    pages, _ = statuses(Path(config.config_file_path).parent, Path(config.docs_dir), catalog_of(config).pages_read())
    behind = [page for page in pages if not page.is_current]
    log.info("Translation status: %d of %d pages up to date%s", len(pages) - len(behind), len(pages),
             "" if not behind else " (make translation-status lists them)")
    for page in behind:
        log.info("Translation status: %s: %s", page.uri, page.status)
