"""Generate the listings of the home page and of the three index pages from the catalog.

Conferences: upcoming first (soonest first), then past (most recent first), "today" being the build date.
Workshops: grouped by conference. Organisations: grouped by kind. The home page presents the next
conference, or the most recent one when none is coming.
"""

from __future__ import annotations

from itertools import groupby

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from conference_site.calendar import FEED_NAME as CALENDAR_FEED
from conference_site.catalog import Catalog, Entity
from conference_site.news_feed import FEED_NAME as NEWS_FEED
from conference_site.rendering import PageView, markup, page_view, render, today

ORGANISATION_KINDS = ("government-department", "federation", "professional-association", "foundation", "ngo",
                      "un-body")


def upcoming_and_past(catalog: Catalog) -> tuple[list[Entity], list[Entity]]:
    day = today()
    conferences = sorted(catalog.conferences.values(), key=lambda c: (c.data.start, c.id))
    upcoming = [c for c in conferences if c.data.end >= day]
    past = [c for c in reversed(conferences) if c.data.end < day]
    return upcoming, past


def _by_title(view: PageView, entities: list[Entity]) -> list[Entity]:
    return sorted(entities, key=lambda entity: (view.text(entity).title, entity.id))


def _listing_context(view: PageView) -> tuple[str, dict] | None:
    catalog = view.catalog
    if view.uri == "index.md":
        upcoming, past = upcoming_and_past(catalog)
        featured, is_upcoming = (upcoming[0], True) if upcoming else ((past[0], False) if past else (None, False))
        return "home.html", {"featured": featured, "featured_is_upcoming": is_upcoming}
    if view.uri == "conferences/index.md":
        upcoming, past = upcoming_and_past(catalog)
        return "conference-list.html", {"upcoming": upcoming, "past": past, "calendar_feed": CALENDAR_FEED,
                                        "news_feed": NEWS_FEED}
    if view.uri == "workshops/index.md":
        upcoming, past = upcoming_and_past(catalog)
        groups = [(conference, catalog.workshops_of(conference.id)) for conference in upcoming + past]
        return "workshop-list.html", {"groups": [group for group in groups if group[1]]}
    if view.uri == "organisations/index.md":
        unknown = {o.data.kind for o in catalog.organisations.values()} - set(ORGANISATION_KINDS)
        if unknown:
            raise ValueError(f"no place in the organisations listing for kinds {sorted(unknown)}")
        ordered = sorted(catalog.organisations.values(), key=lambda o: ORGANISATION_KINDS.index(o.data.kind))
        groups = [(kind, _by_title(view, list(items))) for kind, items in groupby(ordered, lambda o: o.data.kind)]
        return "organisation-list.html", {"groups": groups}
    return None


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    view = page_view(page, config, files)
    listing = _listing_context(view) if view else None
    if view is None or listing is None:
        return html
    template, context = listing
    text = view.catalog.general_pages[view.uri][view.language].fields
    return render(config, template, view, text=text, body=markup(html), **context)
