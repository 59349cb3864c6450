"""The listings, in pages whose size does not grow with the site.

- Conferences: the first page holds every upcoming conference (soonest first), then the past conferences of the
  most recent year that has any (most recent first), then an index of the years; each year has a page of its
  own (`conferences/years/<year>/`: that year's upcoming conferences, then its past ones).
- Workshops: the same, by the year of their conference, grouped by conference (`workshops/years/<year>/`).
- Organisations: grouped by kind and ordered by name, ORGANISATIONS_PER_PAGE to a page (`organisations/`, then
  `organisations/pages/2/`, …), with an index of the pages.

A year page sits one folder below the entity pages (`conferences/years/…`), so no entity id can take its address.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import yaml
from dataclasses import dataclass

from .catalog import Catalog
from .kinds import Conference, Organisation

ORGANISATION_KINDS = ("government-department", "federation", "professional-association", "foundation", "ngo",
                      "un-body")
ORGANISATIONS_PER_PAGE = 100
YEARS_FOLDER = "years"
PAGES_FOLDER = "pages"


@dataclass(frozen=True)
class ListingPage:
    """A listing page the build generates (besides the index pages editors write)."""

    uri: str                                   # its path inside a language folder, e.g. `conferences/years/2023.md`
    listing: str                               # "conferences", "workshops" or "organisations"
    number: int                                # the year, or the page's number


def upcoming_and_past(conferences: Iterable[Conference], day: dt.date) -> tuple[list[Conference], list[Conference]]:
    """Upcoming conferences (soonest first) and past ones (most recent first), as of `day`."""
    ordered = sorted(conferences, key=lambda c: (c.data.start, c.id))
    return [c for c in ordered if c.data.end >= day], [c for c in reversed(ordered) if c.data.end < day]


def conference_years(conferences: Iterable[Conference]) -> list[int]:
    """The years in which the conferences start, most recent first."""
    return sorted({conference.data.start.year for conference in conferences}, reverse=True)


def of_year(conferences: Iterable[Conference], year: int) -> list[Conference]:
    return [conference for conference in conferences if conference.data.start.year == year]


def first_page(conferences: Iterable[Conference], day: dt.date) -> tuple[list[Conference], list[Conference]]:
    """What the first page of a listing shows: every upcoming conference, and the past ones of the most recent
    year that has past conferences."""
    upcoming, past = upcoming_and_past(conferences, day)
    latest = past[0].data.start.year if past else None
    return upcoming, [conference for conference in past if conference.data.start.year == latest]


def with_workshops(catalog: Catalog) -> list[Conference]:
    return [conference for conference in catalog.conferences.values() if catalog.workshops_of(conference.id)]


def organisation_order(catalog: Catalog, language: str) -> list[Organisation]:
    """Every organisation, grouped by kind in ORGANISATION_KINDS order, by name (in `language`) within a kind."""
    unknown = {o.data.kind for o in catalog.organisations.values()} - set(ORGANISATION_KINDS)
    if unknown:
        raise ValueError(f"no place in the organisations listing for kinds {sorted(unknown)}")
    return sorted(catalog.organisations.values(),
                  key=lambda o: (ORGANISATION_KINDS.index(o.data.kind), o.text(language).title, o.id))


def organisation_page_count(catalog: Catalog) -> int:
    return max(1, -(-len(catalog.organisations) // ORGANISATIONS_PER_PAGE))


def organisations_on_page(catalog: Catalog, language: str, number: int) -> list[Organisation]:
    start = (number - 1) * ORGANISATIONS_PER_PAGE
    return organisation_order(catalog, language)[start:start + ORGANISATIONS_PER_PAGE]


def listing_path(uri: str) -> str:
    """The address of a generated listing page (`conferences/years/2023.md`), from its language's root."""
    return f"{uri.removesuffix('.md')}/"


def year_page_uri(listing: str, year: int) -> str:
    return f"{listing}/{YEARS_FOLDER}/{year}.md"


def organisation_page_uri(number: int) -> str:
    return "organisations/index.md" if number == 1 else f"organisations/{PAGES_FOLDER}/{number}.md"


def generated_pages(catalog: Catalog) -> list[ListingPage]:
    """The listing pages to generate, the same in every language."""
    conferences = list(catalog.conferences.values())
    return [
        *(ListingPage(year_page_uri("conferences", year), "conferences", year)
          for year in conference_years(conferences)),
        *(ListingPage(year_page_uri("workshops", year), "workshops", year)
          for year in conference_years(with_workshops(catalog))),
        *(ListingPage(organisation_page_uri(number), "organisations", number)
          for number in range(2, organisation_page_count(catalog) + 1)),
    ]


def page_source(title: str, summary: str) -> str:
    """The Markdown of a generated listing page: its front matter only (the listing is rendered into it)."""
    return f"---\n{yaml.safe_dump({'title': title, 'summary': summary}, allow_unicode=True, width=10_000)}---\n"
