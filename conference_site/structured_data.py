"""schema.org JSON-LD for conference, workshop and organisation pages: only facts the content holds.

An event's dates come from conference_site.events, the same source as the calendar files.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any, assert_never
from urllib.parse import urljoin

from .catalog import Catalog
from .events import Event, conference_event, workshop_event
from .share_image import SHARE_IMAGE_NAME
from .kinds import AnyEntity, Conference, Organisation, Workshop

SCHEMA = "https://schema.org"
# The absolute address of an entity's page in the language of the data.
UrlOf = Callable[[AnyEntity], str]
# Roles that make an organisation an organiser of the conference in schema.org's sense.
ORGANISER_ROLES = ("organiser", "co-organiser")


def _iso(moment: dt.datetime | dt.date) -> str:
    return moment.isoformat()


def _event_dates(event: Event) -> dict[str, str]:
    """startDate/endDate with their UTC offset; an all-day event's dates as days (endDate its last day)."""
    if not event.timed:
        return {"startDate": _iso(event.first_day), "endDate": _iso(event.last_day)}
    assert isinstance(event.end, dt.datetime)
    last_end = event.end + dt.timedelta(days=event.days - 1)
    return {"startDate": _iso(event.start), "endDate": _iso(last_end)}


def _place(conference: Conference, language: str) -> dict[str, Any]:
    text = conference.text(language)
    address: dict[str, Any] = {"@type": "PostalAddress", "addressLocality": text.city,
                               "addressCountry": conference.data.country}
    if conference.data.address:
        address["streetAddress"] = conference.data.address
    return {"@type": "Place", "name": text.venue_name, "address": address}


def _organisation(organisation: Organisation, language: str, url_of: UrlOf) -> dict[str, Any]:
    text = organisation.text(language)
    node: dict[str, Any] = {"@type": "Organization", "name": text.title,
                            "url": organisation.data.website or url_of(organisation)}
    if text.short_name:
        node["alternateName"] = text.short_name
    return node


def _event_node(entity: Conference | Workshop, language: str, url_of: UrlOf) -> dict[str, Any]:
    text = entity.text(language)
    return {"@type": "Event", "@id": f"{url_of(entity)}#event", "name": text.title, "url": url_of(entity)}


def _share_image(conference: Conference, url_of: UrlOf) -> str:
    """The conference's share image (hooks/share_images.py), which its workshops' pages share too."""
    return urljoin(url_of(conference), SHARE_IMAGE_NAME)


def conference_data(catalog: Catalog, conference: Conference, language: str,
                    url_of: UrlOf) -> dict[str, Any]:
    node = {"@context": SCHEMA, **_event_node(conference, language, url_of),
            "description": conference.text(language).summary, "inLanguage": language,
            **_event_dates(conference_event(conference)),
            "image": [_share_image(conference, url_of)],
            "eventStatus": f"{SCHEMA}/EventScheduled",
            "eventAttendanceMode": f"{SCHEMA}/OfflineEventAttendanceMode",
            "location": _place(conference, language)}
    organisers = [catalog.organisations[part.organisation] for part in conference.data.organisations
                  if part.role in ORGANISER_ROLES]
    if organisers:
        node["organizer"] = [_organisation(organisation, language, url_of) for organisation in organisers]
    if conference.data.website:
        node["sameAs"] = conference.data.website
    return node


def workshop_data(catalog: Catalog, workshop: Workshop, language: str,
                  url_of: UrlOf) -> dict[str, Any]:
    conference = catalog.conferences[workshop.data.conference]
    node: dict[str, Any] = {"@context": SCHEMA, **_event_node(workshop, language, url_of),
                            "description": workshop.text(language).summary, "inLanguage": language}
    event = workshop_event(catalog, workshop)
    # A session whose time has not been announced still takes place within its conference: its dates are the
    # conference's days, as an all-day range (true, and what Google's Event needs: a startDate), never a time
    # of day the sources do not give.
    if event is not None:
        node.update(_event_dates(event))
    else:
        node.update({"startDate": _iso(conference.data.start), "endDate": _iso(conference.data.end)})
    node.update({"image": [_share_image(conference, url_of)],
                 "eventStatus": f"{SCHEMA}/EventScheduled",
                 "eventAttendanceMode": f"{SCHEMA}/OfflineEventAttendanceMode",
                 "location": _place(conference, language),
                 "superEvent": {**_event_node(conference, language, url_of),
                                **_event_dates(conference_event(conference))}})
    if workshop.data.presenters:
        node["performer"] = [_organisation(catalog.organisations[presenter], language, url_of)
                             for presenter in workshop.data.presenters]
    return node


def organisation_data(organisation: Organisation, language: str, url_of: UrlOf) -> dict[str, Any]:
    node = {"@context": SCHEMA, **_organisation(organisation, language, url_of),
            "description": organisation.text(language).summary, "mainEntityOfPage": url_of(organisation)}
    if organisation.data.country:
        node["address"] = {"@type": "PostalAddress", "addressCountry": organisation.data.country}
    return node


def structured_data(catalog: Catalog, entity: AnyEntity, language: str, url_of: UrlOf) -> dict[str, Any]:
    if isinstance(entity, Conference):
        return conference_data(catalog, entity, language, url_of)
    if isinstance(entity, Workshop):
        return workshop_data(catalog, entity, language, url_of)
    if isinstance(entity, Organisation):
        return organisation_data(entity, language, url_of)
    assert_never(entity)


def script_text(data: dict[str, Any]) -> str:
    """The JSON for a <script type="application/ld+json"> element: `<` escaped so no text can close the element."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
