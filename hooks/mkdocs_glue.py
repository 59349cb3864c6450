"""What the hooks share: MkDocs' objects handed to the core (conference_site/) and its results handed back.

Not a hook itself (mkdocs.yml does not list it): the hooks import it, from the folder MkDocs puts on the path
while it loads them. Everything kept for a build is kept on that build's configuration object, never in a
module global, so that `mkdocs serve`'s rebuilds and two builds in one process start afresh.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePosixPath
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents

from conference_site import editing, formatting, grouping, languages
from conference_site.catalog import Catalog
from conference_site.rendering import PageView

CATALOG_KEY = "conference_site_catalog"
ENVIRONMENT_KEY = "conference_site_templates"


def catalog_of(config: MkDocsConfig) -> Catalog:
    """The catalog `hooks/content.py` loaded for this build."""
    catalog: Catalog = config[CATALOG_KEY]
    return catalog


def build_language(config: MkDocsConfig) -> str:
    """The language this build renders: static-i18n builds one (`build_only_locale`), setting the theme's
    language to it (its documented `reconfigure_material`)."""
    code = str(config.theme["language"])
    languages.language(code)
    return code


def page_file(files: Files, language: str, page_uri: str) -> File:
    """The file of a page (`conferences/x.md`) in a language folder; it must exist."""
    # By its exact path: static-i18n's `files.get_file_from_path` also looks in other folders, at 60 µs a call,
    # and the generated links of a large site look up tens of thousands of pages.
    file = files.src_uris.get(f"{language}/{page_uri}")
    if file is None:
        raise LookupError(f"no page {language}/{page_uri} in this build")
    return file


def url_lookup(files: Files) -> Callable[[str], str | None]:
    """The address of a file of this build by its path in docs/, None when the build has none."""
    by_source = files.src_uris

    def url_of(src_uri: str) -> str | None:
        file = by_source.get(src_uri)
        return None if file is None else file.url
    return url_of


def page_view(page: Page, config: MkDocsConfig, files: Files) -> PageView | None:
    """The view of a page of one of the site's languages; None for a file outside the language folders."""
    parts = PurePosixPath(page.file.src_uri).parts
    if len(parts) < 2 or parts[0] not in languages.CODES:
        return None
    return PageView(page.file.src_uri, page.url, url_lookup(files), catalog_of(config), parts[0],
                    PurePosixPath(*parts[1:]).as_posix(), formatting.arabic_digit_style(config.extra),
                    editing.repository(config.extra))


def render(config: MkDocsConfig, template: str, view: PageView, **context: Any) -> str:
    """Render `overrides/partials/site/<template>` with autoescaping: editors' text never becomes markup. The
    environment is made once per build, on its configuration (so it need not look for changed templates: a
    rebuild makes a new one)."""
    environment = config.get(ENVIRONMENT_KEY)
    if environment is None:
        environment = jinja2.Environment(loader=jinja2.FileSystemLoader(list(config.theme.dirs)), autoescape=True,
                                         undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                                         auto_reload=False)
        environment.filters["format_runs"] = grouping.format_runs
        config[ENVIRONMENT_KEY] = environment
    html: str = environment.get_template(f"partials/site/{template}").render(view=view, t=view.t, **context)
    return html


def generated_file(config: MkDocsConfig, src_uri: str, make: Callable[[], bytes]) -> File:
    """A generated file of this build at `src_uri`, whose content `make()` returns (each build writes every
    file it lists: one language's files only)."""
    return File.generated(config, src_uri, content=make())


def with_generated_sections(toc: TableOfContents, sections: list[tuple[str, str]]) -> TableOfContents:
    """The page's table of contents, the editor's headings followed by the generated sections' (id, title as
    HTML), which Material lists too."""
    return TableOfContents([*toc, *(AnchorLink(title, heading_id, 2) for heading_id, title in sections)])
