"""What the templates of the generated parts see of a page: its language, its links, the site's formatting."""

from __future__ import annotations

import datetime as dt
import os
import posixpath
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from . import editing, formatting, languages
from .catalog import Catalog
from .kinds import AnyEntity, Entity


def relative_url(url: str, other: str) -> str:
    """The link from the page at `other` to `url`, both relative to the build's root (as MkDocs' page URLs are):
    the rule of MkDocs' `get_relative_url`, which the core cannot import."""
    if other != ".":
        head, tail = posixpath.split(other)
        other = head if "." in tail else other
    link = posixpath.relpath("/" + url, "/" + other)
    return link + "/" if url.endswith("/") else link


def today() -> dt.date:
    """The build's date: SOURCE_DATE_EPOCH when set, so that a rebuild of the same commit is identical."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    return dt.date.today()


@dataclass(frozen=True)
class PageView:
    """One page being built: its language, and how it names and links the rest of the site."""

    source: str
    """The page's file in docs/ (`ar/conferences/x.md`)."""
    url: str
    """The page's address, relative to its build's root."""
    url_of: Callable[[str], str | None]
    """The address of a file of this build by its path in docs/ (`ar/conferences/x.md`, or a generated file's),
    None when the build has no such file."""
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

    def href(self, target: AnyEntity | str) -> str:
        """The relative link from this page to an entity's page (or a page uri) in the same language."""
        uri = target.page_uri if isinstance(target, Entity) else target
        url = self.url_of(f"{self.language}/{uri}")
        if url is None:
            raise LookupError(f"{self.source}: no page {self.language}/{uri} to link to")
        return relative_url(url, self.url)

    def site_file_href(self, name: str) -> str:
        """The relative link from this page to a file the build generates beside this language's home page
        (`calendar.ics`, `feed.xml`)."""
        home = self.url_of(f"{self.language}/index.md")
        if home is None:
            raise LookupError(f"{self.source}: no home page {self.language}/index.md")
        # The home's address is './' at the build's root: the file's is then its name alone.
        generated = (home + name).removeprefix("./")
        if self.url_of(generated) is None:
            raise LookupError(f"{self.source}: no generated file {name} beside the {self.language} home")
        return relative_url(generated, self.url)

    def text(self, entity: AnyEntity) -> Any:
        return entity.text(self.language)

    @property
    def direction(self) -> str:
        """The page's writing direction, which a time range is laid out in (the start first for its reader)."""
        return languages.language(self.language).direction

    def date_range(self, start: dt.date, end: dt.date) -> str:
        return formatting.unbreakable_date(self.digits(formatting.date_range(start, end, self.language)))

    @property
    def shows_hijri(self) -> bool:
        return languages.language(self.language).shows_hijri

    def hijri_date_range(self, start: dt.date, end: dt.date) -> str:
        return formatting.unbreakable_date(self.digits(formatting.hijri_date_range(start, end, self.language)))

    def clock_range(self, start: dt.time, end: dt.time) -> str:
        return self.digits(formatting.clock_range(start, end, self.language))

    def digits(self, text: str) -> str:
        return formatting.with_digits(text, self.language, self.arabic_digits)

    def unbreakable(self, text: str) -> str:
        return formatting.unbreakable(text)

    def local_time(self, conference: AnyEntity) -> str:
        """The venue's time named as its reader names it, by the conference's city: `توقيت الشارقة`, `Sharjah time`
        (CLDR's names are regions', such as «توقيت الخليج» or «التوقيت العربي الرسمي», which few readers use)."""
        return self.t("local_time").format(city=self.text(conference).city)

    def country(self, code: str) -> str:
        return formatting.country_name(code, self.language)

    def utc_offset(self, time_zone: str, day: dt.date) -> str:
        return formatting.utc_offset(time_zone, day)


def markup(html: str) -> Markup:
    """HTML that Python-Markdown already produced from the page body."""
    return Markup(html)
