"""Links that share a page or save its event elsewhere: messaging and e-mail, online calendars, a map search.

Every link is a plain address the visitor's browser opens on a click; the page loads nothing from those hosts.
The calendar links are made from the same Event and EventText as the page's `.ics` file (events.py,
calendar.py), so that the three ways of adding an event to a calendar give the same times and text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlencode

from .calendar import EventText, calendar_description, event_text
from .catalog import Catalog
from .kinds import Conference, Workshop
from .event_links import EventLink, event_links
from .events import Event, conference_event, workshop_event
from .formatting import country_name
from .schema import ConferenceData, WorkshopData

MAP_SEARCH = "https://www.openstreetmap.org/search"
GOOGLE_CALENDAR = "https://calendar.google.com/calendar/render"
OUTLOOK_CALENDAR = "https://outlook.live.com/calendar/0/deeplink/compose"


def _query(params: dict[str, str]) -> str:
    # %20 for a space, as every one of these services reads it (some show a `+` literally).
    return urlencode(params, quote_via=quote)


def share_links(title: str, url: str) -> dict[str, str]:
    """The address that shares the page at `url`, titled `title`, on each service, in the order the page lists
    them: WhatsApp (what most visitors in the Gulf use), Telegram, X, e-mail."""
    message = f"{title} {url}"
    return {
        "whatsapp": f"https://wa.me/?{_query({'text': message})}",
        "telegram": f"https://t.me/share/url?{_query({'url': url, 'text': title})}",
        "x": f"https://x.com/intent/post?{_query({'text': title, 'url': url})}",
        "email": f"mailto:?{_query({'subject': title, 'body': url})}",
    }


def map_search_url(place: str) -> str:
    """OpenStreetMap's search for a place ("venue, city, country"): a link, never an embedded map."""
    return f"{MAP_SEARCH}?{_query({'query': place})}"


def _local(moment: dt.datetime | dt.date) -> str:
    """A date (all-day) or a local date and time, as Google Calendar's `dates` writes them."""
    if isinstance(moment, dt.datetime):
        return moment.strftime("%Y%m%dT%H%M%S")
    return moment.strftime("%Y%m%d")


@dataclass(frozen=True)
class CalendarLinks:
    google: str
    outlook: str


def calendar_links(event: Event, text: EventText) -> CalendarLinks:
    """The addresses that add `event` to Google Calendar and to Outlook on the web.

    Google's are the `.ics` file's: the local times in the venue's zone (`ctz`, the VTIMEZONE's zone), an
    all-day event's exclusive end, and the daily repetition of a conference's hours as the same RRULE. Outlook's
    link has no repetition: a conference whose hours repeat over several days is given there as its days, all
    day, which is true, rather than as its first day only or as one span from the first morning to the last
    afternoon, which would not be.
    """
    description = calendar_description(text)
    google = {"action": "TEMPLATE", "text": text.summary, "dates": f"{_local(event.start)}/{_local(event.end)}",
              "details": description, "location": text.location}
    if event.timed:
        google["ctz"] = event.time_zone
        if event.days > 1:
            google["recur"] = f"RRULE:FREQ=DAILY;COUNT={event.days}"
    outlook = {"path": "/calendar/action/compose", "rru": "addevent", "subject": text.summary,
               "body": description, "location": text.location}
    if event.timed and event.days == 1:
        assert isinstance(event.start, dt.datetime) and isinstance(event.end, dt.datetime)
        outlook |= {"startdt": event.start.isoformat(), "enddt": event.end.isoformat(), "allday": "false"}
    else:
        outlook |= {"startdt": event.first_day.isoformat(),
                    "enddt": (event.first_day + dt.timedelta(days=event.days)).isoformat(), "allday": "true"}
    return CalendarLinks(google=f"{GOOGLE_CALENDAR}?{_query(google)}", outlook=f"{OUTLOOK_CALENDAR}?{_query(outlook)}")


@dataclass(frozen=True)
class PageSharing:
    """What a conference or workshop page offers for sharing and saving it (overrides/partials/site/share.html,
    event-links.html)."""

    title: str
    url: str  # the page's absolute address, as shared
    share: dict[str, str]  # service → address (share_links)
    calendar: CalendarLinks | None  # None for a workshop whose time is not announced
    map: str
    links: list[EventLink]  # the conference's optional links of use today (none on a workshop page)


def page_sharing(catalog: Catalog, entity: Conference | Workshop, language: str, url: str,
                 today: dt.date) -> PageSharing:
    """The sharing of a conference's or a workshop's page at `url`, in `language`, on `today`."""
    event: Event | None
    conference: Conference
    if isinstance(entity, Workshop):
        conference = catalog.conferences[entity.data.conference]
        event = workshop_event(catalog, entity)
    else:
        conference, event = entity, conference_event(entity)
    data = conference.data
    assert isinstance(data, ConferenceData)
    title: str = entity.text(language).title
    place: Any = conference.text(language)
    return PageSharing(
        title=title, url=url, share=share_links(title, url),
        calendar=calendar_links(event, event_text(event, language, catalog, url)) if event else None,
        map=map_search_url(catalog.label("list_separator", language).join(
            [place.venue_name, place.city, country_name(data.country, language)])),
        links=event_links(data, today) if entity is conference else [])
