"""Where the built site puts each page, and what the tests read from a page, for the real and the fixture sites."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path, PurePosixPath

from conference_site.catalog import Catalog
from conference_site.kinds import AnyEntity, Conference
from conference_site.kinds import KIND_FOLDERS
from site_builder import TEST_EPOCH

LANGUAGES = ("ar", "en")
LANGUAGE_PREFIX = {"ar": "", "en": "en/"}
DIRECTION = {"ar": "rtl", "en": "ltr"}
SITE_URL = "http://127.0.0.1:8000/"
# The day the tests' builds take as today (SOURCE_DATE_EPOCH, tests/site_builder.py).
TEST_DAY = dt.datetime.fromtimestamp(int(TEST_EPOCH), dt.timezone.utc).date()


def as_read(text: str) -> str:
    """A page's text as a reader reads it: the no-break spaces and word joiners that keep a date or a label on one
    line (conference_site.formatting.unbreakable_date) read as the spaces and nothing they stand for."""
    return text.replace("\u2060", "").replace("\u00a0", " ")


def source_pages(project: Path) -> list[str]:
    """Every page an editor wrote, as a path inside a language folder (e.g. `conferences/x.md`)."""
    folder = project / "docs" / "ar"
    pages = sorted(page.relative_to(folder).as_posix() for page in folder.rglob("*.md"))
    assert "index.md" in pages
    return pages


def url_of(page_uri: str, language: str) -> str:
    """The URL path of a page (`conferences/x.md` → `en/conferences/x/`), relative to the site's root."""
    path = PurePosixPath(page_uri)
    folder = path.parent.as_posix() if path.stem == "index" else path.with_suffix("").as_posix()
    folder = "" if folder == "." else f"{folder}/"
    return f"{LANGUAGE_PREFIX[language]}{folder}"


def entity_url(entity: AnyEntity, language: str) -> str:
    return f"{LANGUAGE_PREFIX[language]}{KIND_FOLDERS[entity.kind]}/{entity.id}/"


def hrefs(element) -> list[str]:
    return [a["href"] for a in element.select("a[href]")]


def upcoming_and_past(catalog: Catalog, today: dt.date = TEST_DAY) -> tuple[list[Conference], list[Conference]]:
    """The conferences still to come (soonest first) and those over (latest first) on `today`."""
    by_start = sorted(catalog.conferences.values(), key=lambda conference: (conference.data.start, conference.id))
    return ([conference for conference in by_start if conference.data.end >= today],
            [conference for conference in reversed(by_start) if conference.data.end < today])


def page_of_each_kind(catalog: Catalog) -> dict[str, str]:
    """One page of every kind, as a URL path inside a language: the home page, the three listings, and the fullest
    conference (the most sessions), its first session and the organisation with the most participations."""
    conference = max(catalog.conferences.values(), key=lambda c: (len(catalog.workshops_of(c.id)), c.id))
    organisation = max(catalog.organisations.values(),
                       key=lambda o: (len(catalog.participations_of(o.id)), o.id))
    return {"home": "", "conferences-index": "conferences/", "workshops-index": "workshops/",
            "organisations-index": "organisations/", "conference": entity_url(conference, "ar"),
            "workshop": entity_url(catalog.workshops_of(conference.id)[0], "ar"),
            "organisation": entity_url(organisation, "ar")}


def search_records(site: Path) -> list[dict]:
    """What the site's search indexes keep of each page to show it (every language's): its address from its
    language's root, title, names, facets and text section by section ([id, heading, text])."""
    return [json.loads(path.read_text(encoding="utf-8"))
            for path in sorted(site.rglob("search-index/pages/*.json"))]
