"""Generate the listings of the home page, of the three index pages and of their further pages from the catalog.

Conferences and workshops: upcoming first (soonest first), then past (most recent first), "today" being the
build date; the first page holds what is upcoming and the most recent year, a page per year holds the rest, so
that no page grows with the site (conference_site/listings.py). Organisations: grouped by kind, a page of them at
a time. The year and page pages are MkDocs generated pages, added after static-i18n has chosen the build's files,
at the same address in every language (each language's build adds its own), so that each has its counterparts.
The home page presents the next conference, or the most recent one when none is coming, as a hero above its
content (overrides/home.html), then a few more as cards.
"""

from __future__ import annotations

from itertools import groupby
from types import SimpleNamespace
from typing import Any
from urllib.parse import urljoin

from markupsafe import Markup

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from conference_site import listings
from conference_site.calendar import FEED_NAME as CALENDAR_FEED, calendar_file_name
from conference_site.catalog import Catalog
from conference_site.kinds import Conference, Workshop
from conference_site.news_feed import FEED_NAME as NEWS_FEED
from conference_site.headings import headings_after
from conference_site.home import home_conferences
from conference_site.rendering import PageView, markup, today

from mkdocs_glue import build_language, catalog_of, page_file, page_view, render, with_generated_sections

# Where the home page's hero waits for overrides/home.html: in `page.meta`, the only per-page object both see.
HERO_KEY = "conference_site_hero"

TITLES = {"conferences": "year_conferences", "workshops": "year_workshops", "organisations": "organisations_page"}


def _page_text(catalog: Catalog, page: listings.ListingPage, language: str) -> dict[str, str]:
    label = TITLES[page.listing]
    number = str(page.number)
    return {"title": catalog.label(label, language).format(number=number),
            "summary": catalog.label(f"{label}_summary", language).format(number=number)}


@event_priority(-110)  # after static-i18n (-100) has chosen this build's files
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    catalog = catalog_of(config)
    language = build_language(config)
    for page in listings.generated_pages(catalog):
        file = File.generated(config, f"{language}/{page.uri}", inclusion=InclusionLevel.NOT_IN_NAV,
                              content=listings.page_source(**_page_text(catalog, page, language)))
        file.dest_uri = f"{listings.listing_path(page.uri)}index.html"
        files.append(file)
    return files


def _years(view: PageView, listing: str, conferences: list[Conference]) -> list[tuple[str, str, int]]:
    return [(view.digits(str(year)), view.href(listings.year_page_uri(listing, year)),
             len(listings.of_year(conferences, year))) for year in listings.conference_years(conferences)]


def _workshop_groups(catalog: Catalog, conferences: list[Conference]) -> list[tuple[Conference, list[Workshop]]]:
    return [(conference, catalog.workshops_of(conference.id)) for conference in conferences]


def _organisation_context(view: PageView, number: int) -> tuple[str, dict]:
    catalog = view.catalog
    on_page = listings.organisations_on_page(catalog, view.language, number)
    groups = [(kind, list(items)) for kind, items in groupby(on_page, lambda o: o.data.kind)]
    count = listings.organisation_page_count(catalog)
    pages = [(view.digits(str(n)), view.href(listings.organisation_page_uri(n)), n == number)
             for n in range(1, count + 1)] if count > 1 else []
    return "organisation-list.html", {"groups": groups, "pages": pages}


def _listing_context(view: PageView) -> tuple[str, dict] | None:
    catalog = view.catalog
    # An entity's page lists nothing: returning before the listings are worked out keeps them from being worked
    # out once per page of the site (a cost that would grow with the square of its size).
    if catalog.entity_for_page(view.uri) is not None:
        return None
    conferences = list(catalog.conferences.values())
    if view.uri == "index.md":
        return "home.html", {"home": home_conferences(conferences, today())}
    generated = {page.uri: page for page in listings.generated_pages(catalog)}
    page = generated.get(view.uri)
    if view.uri == "conferences/index.md":
        upcoming, past = listings.first_page(conferences, today())
        return "conference-list.html", {"first_page": True, "upcoming": upcoming, "past": past,
                                        "years": _years(view, "conferences", conferences),
                                        "calendar_feed": CALENDAR_FEED, "news_feed": NEWS_FEED}
    if page is not None and page.listing == "conferences":
        upcoming, past = listings.upcoming_and_past(listings.of_year(conferences, page.number), today())
        return "conference-list.html", {"first_page": False, "upcoming": upcoming, "past": past, "years": []}
    with_workshops = listings.with_workshops(catalog)
    if view.uri == "workshops/index.md":
        upcoming, past = listings.first_page(with_workshops, today())
        return "workshop-list.html", {"groups": _workshop_groups(catalog, upcoming + past),
                                      "years": _years(view, "workshops", with_workshops)}
    if page is not None and page.listing == "workshops":
        upcoming, past = listings.upcoming_and_past(listings.of_year(with_workshops, page.number), today())
        return "workshop-list.html", {"groups": _workshop_groups(catalog, upcoming + past), "years": []}
    if view.uri == "organisations/index.md":
        return _organisation_context(view, 1)
    if page is not None and page.listing == "organisations":
        return _organisation_context(view, page.number)
    return None


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    view = page_view(page, config, files)
    listing = _listing_context(view) if view else None
    if view is None or listing is None:
        return html
    template, context = listing
    home = context.get("home")
    if home is not None and home.featured is not None:
        # The hero is drawn above the content by overrides/home.html, from the page's meta (MkDocs' `template`).
        page.meta["template"] = "home.html"
        page.meta[HERO_KEY] = Markup(render(
            config, "hero.html", view, featured=home.featured, featured_is_upcoming=home.featured_is_upcoming,
            calendar_file=calendar_file_name(home.featured.id),
            featured_url=urljoin(config.site_url, page_file(files, view.language, home.featured.page_uri).url)))
    general = view.catalog.general_pages.get(view.uri)
    text = general[view.language].fields if general else SimpleNamespace(title=page.meta["title"])
    rendered = render(config, template, view, text=text, body=markup(html), **context)
    page.toc = with_generated_sections(page.toc, headings_after(rendered, html))
    return rendered
