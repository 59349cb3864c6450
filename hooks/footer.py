"""The footer's line in the page's language (conference_site/footer.py), for overrides/partials/copyright.html:
on every page and on the 404 page, which MkDocs renders as a template."""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from conference_site.editing import repository
from conference_site.footer import FOOTER_KEY, site_footer

from mkdocs_glue import build_language, catalog_of


def _with_footer(context: dict[str, Any], config: MkDocsConfig) -> dict[str, Any]:
    context[FOOTER_KEY] = site_footer(catalog_of(config), build_language(config), config.site_name,
                                      repository(config.extra))
    return context


def on_page_context(context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    return _with_footer(context, config)


def on_template_context(context: dict[str, Any], *, template_name: str, config: MkDocsConfig) -> dict[str, Any]:
    return _with_footer(context, config) if template_name.endswith(".html") else context
