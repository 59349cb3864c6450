"""Translate the title of the heading permalinks (¶) that Python-Markdown's toc extension writes in English."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page


from mkdocs_glue import page_view

# The toc extension's default `permalink_title`, which mkdocs.yml keeps so this hook can find it.
ENGLISH_TITLE = 'title="Permanent link"'


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    view = page_view(page, config, files)
    if view is None or ENGLISH_TITLE not in html:
        return html
    return html.replace(ENGLISH_TITLE, f'title="{view.t("permalink")}"')
