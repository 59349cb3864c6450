"""iCalendar (RFC 5545) files of the site's events, written with `icalendar`."""

from __future__ import annotations

import datetime as dt
import os
import re
import zoneinfo
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from icalendar import Calendar, Event as CalendarEvent, Timezone, vText

from .catalog import Catalog
from .events import Event, site_host, uid
from .formatting import country_name
from .schema import ConferenceData


# Each language's feed of every event, in the folder of that language's home page.
FEED_NAME = "calendar.ics"


def calendar_file_name(entity_id: str) -> str:
    """The name of a conference's or a timed workshop's calendar file, in the folder of its page."""
    return f"{entity_id}.ics"


# Control characters in a text property: icalendar refuses some mid-build, and calendar programs show none. The
# content checks refuse them already; this keeps a calendar file whole if one gets through.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def _one_line(text: str) -> str:
    return _CONTROL.sub(" ", text.replace("\n", " "))


def _text(text: str) -> str:
    return _CONTROL.sub(" ", text)


@dataclass(frozen=True)
class EventText:
    """What an event's calendar entry says in one language, and where its page is: one line each but the
    description, with no control character."""

    summary: str
    description: str
    location: str
    url: str


def event_text(event: Event, language: str, catalog: Catalog, url: str) -> EventText:
    """What an event's calendar entry says in `language`; `url` is the address of its page. The calendar files
    and the links that add the event to an online calendar (sharing.py) both take their text from here."""
    data = event.conference.data
    assert isinstance(data, ConferenceData)
    conference: Any = event.conference.text(language)
    place: list[str] = [conference.venue_name, *([data.address] if data.address else []), conference.city,
                        country_name(data.country, language)]
    text: Any = event.entity.text(language)
    return EventText(summary=_one_line(text.title), description=_text(text.summary),
                     location=_one_line(catalog.label("list_separator", language).join(place)), url=url)


def calendar_description(text: EventText) -> str:
    """The event's description, then its page's address: several calendar programs show no URL property."""
    return f"{text.description}\n\n{text.url}"


def build_stamp() -> dt.datetime:
    """DTSTAMP: SOURCE_DATE_EPOCH when set, so that a rebuild of the same commit writes the same files."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc)
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


class CalendarFiles:
    """The calendar files of one language: each event's VEVENT and each zone's VTIMEZONE is written out once,
    however many files hold it (a timed workshop is in its own file, its conference's and the feed)."""

    def __init__(self, language: str, site_url: str, text_of: Callable[[Event], EventText]) -> None:
        self._language, self._site_url, self._text_of = language, site_url, text_of
        self._stamp = build_stamp()
        self._vevents: dict[str, bytes] = {}

    def calendar_file(self, events: Sequence[Event], name: str) -> bytes:
        """A VCALENDAR with the VTIMEZONE of each zone the events use, then one VEVENT per event (by start)."""
        calendar = Calendar()
        calendar.add("prodid", f"-//{site_host(self._site_url)}//events//{self._language.upper()}")
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("x-wr-calname", _one_line(name))
        components = []
        if events:
            # Only the transitions around the events, from the year before the first to the year after the last:
            # a VTIMEZONE from 1970 to 2038 is mostly noise. In the order of their names, so that every build
            # writes the same file.
            first_year = min(e.first_day for e in events).year - 1
            last_year = max(e.last_day for e in events).year + 1
            components = [vtimezone(tzid, first_year, last_year)
                          for tzid in sorted({event.time_zone for event in events if event.timed})]
        for event in sorted(events, key=lambda e: (e.first_day, e.entity.kind != "conference", str(e.start),
                                                   e.entity.id)):
            key = uid(event.entity, self._site_url)
            if key not in self._vevents:
                self._vevents[key] = _vevent(event, self._language, self._site_url, self._stamp,
                                             self._text_of(event)).to_ical()
            components.append(self._vevents[key])
        # The components go inside the calendar's BEGIN/END lines, as icalendar would write them there.
        calendar_end = b"END:VCALENDAR\r\n"
        head: bytes = calendar.to_ical()
        return head.removesuffix(calendar_end) + b"".join(components) + calendar_end


class _EndingZone(dt.tzinfo):
    """A zone whose offsets end at `end`: past it they raise OverflowError, as zoneinfo's do past the end of its
    range.

    icalendar's `Timezone.from_tzinfo` finds the zone's changes by stepping forward from the window's first day,
    64 days at a time, then ever smaller steps, and ends a search at an OverflowError. In a zone that no longer
    changes its clocks (Qatar, the Emirates, Saudi Arabia…) the last search steps on to the year 9999: 45,000 steps,
    most of the time of a build's calendars. Ending the zone 65 days after the window — one step more than the
    largest — leaves every change inside the window found as before (tests/test_calendar.py compares the two), and
    stops the search there."""

    def __init__(self, zone: dt.tzinfo, end: dt.datetime) -> None:
        self._zone, self._end = zone, end + dt.timedelta(days=65)

    def _within(self, moment: dt.datetime | None) -> dt.datetime | None:
        if moment is not None and moment.replace(tzinfo=None) > self._end:
            raise OverflowError("past the end of the calendar's window")
        return moment

    def utcoffset(self, moment: dt.datetime | None) -> dt.timedelta | None:
        return self._zone.utcoffset(self._within(moment))

    def dst(self, moment: dt.datetime | None) -> dt.timedelta | None:
        return self._zone.dst(self._within(moment))

    def tzname(self, moment: dt.datetime | None) -> str | None:
        return self._zone.tzname(self._within(moment))


@cache
def vtimezone(tzid: str, first_year: int, last_year: int) -> bytes:
    """The VTIMEZONE of `tzid` over whole years (the calendars of the conferences of one year share it)."""
    last_date = dt.date(last_year, 12, 31)
    zone = _EndingZone(zoneinfo.ZoneInfo(tzid), dt.datetime.combine(last_date, dt.time()))
    component: bytes = Timezone.from_tzinfo(zone, tzid, first_date=dt.date(first_year, 1, 1),
                                            last_date=last_date).to_ical()
    return component


def _vevent(event: Event, language: str, site_url: str, stamp: dt.datetime, text: EventText) -> CalendarEvent:
    vevent = CalendarEvent()
    vevent.add("uid", uid(event.entity, site_url))
    vevent.add("dtstamp", stamp)
    vevent.add("dtstart", event.start)
    vevent.add("dtend", event.end)
    if event.timed and event.days > 1:
        # The same hours on each day of the conference, not one span from the first morning to the last afternoon.
        vevent.add("rrule", {"FREQ": "DAILY", "COUNT": event.days})
    vevent.add("summary", vText(text.summary), parameters={"LANGUAGE": language})
    vevent.add("description", vText(calendar_description(text)), parameters={"LANGUAGE": language})
    vevent.add("location", vText(text.location), parameters={"LANGUAGE": language})
    vevent.add("url", text.url, parameters={"VALUE": "URI"})
    if event.entity is not event.conference:
        vevent.add("related-to", uid(event.conference, site_url), parameters={"RELTYPE": "PARENT"})
    return vevent
