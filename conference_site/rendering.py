"""What the page-generating hooks share: the page's language and links, and the templates in `overrides/`."""

from __future__ import annotations

import datetime as dt
import os
import posixpath
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

import jinja2
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from . import editing, formatting
from .catalog import Catalog, Entity
from .schema import LANGUAGES

CATALOG_KEY = "conference_site_catalog"


def catalog_of(config: MkDocsConfig) -> Catalog:
    """The catalog `hooks/content.py` loaded for this build."""
    return config[CATALOG_KEY]


def build_language(config: MkDocsConfig) -> str:
    """The language static-i18n is building now (it builds each language in turn, setting the theme's language)."""
    language = config.theme["language"]
    if language not in LANGUAGES:
        raise ValueError(f"mkdocs.yml: the theme language '{language}' is not one of the site's languages "
                         f"{', '.join(LANGUAGES)}")
    return language


def page_file(files: Files, language: str, page_uri: str) -> File:
    """The file of a page (`conferences/x.md`) in a language folder; it must exist."""
    # By its exact path: static-i18n's `files.get_file_from_path` also looks in other folders, at 60 µs a call,
    # and the generated links of a large site look up tens of thousands of pages.
    file = files.src_uris.get(f"{language}/{page_uri}")
    if file is None:
        raise LookupError(f"no page {language}/{page_uri} in this build")
    return file


def today() -> dt.date:
    """The build's date: SOURCE_DATE_EPOCH when set, so that a rebuild of the same commit is identical."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    return dt.date.today()


@dataclass(frozen=True)
class PageView:
    """One page being built: its language, and how it names and links the rest of the site."""

    page: Page
    files: Files
    catalog: Catalog
    language: str
    uri: str
    arabic_digits: str = "western"
    repository: str = ""

    def edit_url(self, path: str) -> str:
        """GitHub's web editor for a file of the repository (`docs/ar/…`, `data/…`)."""
        return editing.edit_url(self.repository, path)

    def t(self, key: str) -> str:
        return self.catalog.label(key, self.language)

    def href(self, target: Entity | str) -> str:
        """The relative link from this page to an entity's page (or a page uri) in the same language."""
        uri = target.page_uri if isinstance(target, Entity) else target
        file = self.files.src_uris.get(f"{self.language}/{uri}")
        if file is None:
            raise LookupError(f"{self.page.file.src_uri}: no page {self.language}/{uri} to link to")
        return get_relative_url(file.url, self.page.url)

    def site_file_href(self, name: str) -> str:
        """The relative link from this page to a file the build generates beside this language's home page
        (`calendar.ics`, `feed.xml`)."""
        home = self.files.src_uris.get(f"{self.language}/index.md")
        if home is None:
            raise LookupError(f"{self.page.file.src_uri}: no home page {self.language}/index.md")
        if posixpath.join(posixpath.dirname(home.dest_uri), name) not in self.files.src_uris:
            raise LookupError(f"{self.page.file.src_uri}: no generated file {name} beside the {self.language} home")
        return get_relative_url(home.url + name, self.page.url)

    def text(self, entity: Entity) -> Any:
        return entity.text(self.language)

    def date_range(self, start: dt.date, end: dt.date) -> str:
        return self.digits(formatting.date_range(start, end, self.language))

    @property
    def shows_hijri(self) -> bool:
        """Arabic pages give the Hijri date beside the Gregorian one."""
        return self.language == "ar"

    def hijri_date_range(self, start: dt.date, end: dt.date) -> str:
        return self.digits(formatting.hijri_date_range(start, end, self.language))

    def clock_range(self, start: dt.time, end: dt.time) -> str:
        return self.digits(formatting.clock_range(start, end, self.language))

    def digits(self, text: str) -> str:
        return formatting.with_digits(text, self.language, self.arabic_digits)

    def time_zone_name(self, time_zone: str, day: dt.date) -> str:
        return formatting.time_zone_name(time_zone, day, self.language)

    def country(self, code: str) -> str:
        return formatting.country_name(code, self.language)

    def utc_offset(self, time_zone: str, day: dt.date) -> str:
        return formatting.utc_offset(time_zone, day)


def page_view(page: Page, config: MkDocsConfig, files: Files) -> PageView | None:
    """The view of a page of one of the site's languages; None for a file outside the language folders."""
    parts = PurePosixPath(page.file.src_uri).parts
    if len(parts) < 2 or parts[0] not in LANGUAGES:
        return None
    return PageView(page, files, catalog_of(config), parts[0], PurePosixPath(*parts[1:]).as_posix(),
                    formatting.arabic_digit_style(config.extra), editing.repository(config.extra))


_environments: dict[tuple[str, ...], jinja2.Environment] = {}


def render(config: MkDocsConfig, template: str, view: PageView, **context: Any) -> str:
    """Render `overrides/partials/site/<template>` with autoescaping: editors' text never becomes markup."""
    search_path = tuple(config.theme.dirs)
    environment = _environments.get(search_path)
    if environment is None:
        environment = jinja2.Environment(loader=jinja2.FileSystemLoader(search_path), autoescape=True,
                                         undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
        _environments[search_path] = environment
    return environment.get_template(f"partials/site/{template}").render(view=view, t=view.t, **context)


def markup(html: str) -> Markup:
    """HTML that Python-Markdown already produced from the page body."""
    return Markup(html)
