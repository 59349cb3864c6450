"""Conferences and workshops as events in time: the one source of the calendar files, the programme timetable and
the structured data, so that they can never disagree."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import dataclass
from urllib.parse import urlsplit

from .catalog import Catalog
from .kinds import Conference, Workshop


@dataclass(frozen=True)
class Event:
    """A conference or a timed workshop.

    A timed event has aware `start`/`end` date-times in the venue's zone; a conference whose daily hours are known
    repeats them on each of its `days`. A conference without hours is an all-day event: `start` is its first day
    and `end` the day after its last (exclusive, as in iCalendar).
    """

    entity: Conference | Workshop
    conference: Conference
    start: dt.datetime | dt.date
    end: dt.datetime | dt.date
    days: int

    @property
    def timed(self) -> bool:
        return isinstance(self.start, dt.datetime)

    @property
    def time_zone(self) -> str:
        return self.conference.data.timezone

    @property
    def first_day(self) -> dt.date:
        return self.start.date() if isinstance(self.start, dt.datetime) else self.start

    @property
    def last_day(self) -> dt.date:
        """The event's last day (inclusive)."""
        if isinstance(self.end, dt.datetime):
            return self.end.date()
        return self.end - dt.timedelta(days=1)


def site_host(site_url: str) -> str:
    host = urlsplit(site_url).hostname
    if not host:
        raise ValueError(f"mkdocs.yml: site_url {site_url!r} has no host name; expected an address such as "
                         "https://example.org/")
    return host


def uid(entity: Conference | Workshop, site_url: str) -> str:
    """A UID made of the entity's kind and id and the site's host: the same in every build and both languages."""
    return f"{entity.kind}-{entity.id}@{site_host(site_url)}"


def conference_event(conference: Conference) -> Event:
    data = conference.data
    days = (data.end - data.start).days + 1
    if data.daily_start is None:
        return Event(conference, conference, data.start, data.end + dt.timedelta(days=1), days)
    zone = zoneinfo.ZoneInfo(data.timezone)
    # The schema takes both daily hours or neither.
    assert data.daily_end is not None
    return Event(conference, conference, dt.datetime.combine(data.start, data.daily_start, zone),
                 dt.datetime.combine(data.start, data.daily_end, zone), days)


def workshop_event(catalog: Catalog, workshop: Workshop) -> Event | None:
    """The workshop's event, or None when its time has not been announced."""
    data = workshop.data
    if data.start is None:
        return None
    conference = catalog.conferences[data.conference]
    zone = zoneinfo.ZoneInfo(conference.data.timezone)
    # The schema takes both times or neither.
    assert data.end is not None
    return Event(workshop, conference, data.start.replace(tzinfo=zone), data.end.replace(tzinfo=zone), 1)


def timed_workshops(catalog: Catalog, conference: Conference) -> list[Event]:
    """The conference's workshops whose times are known, in the order they take place."""
    timed = [(workshop, event) for workshop in catalog.workshops_of(conference.id)
             if (event := workshop_event(catalog, workshop)) is not None]
    return [event for _, event in sorted(timed, key=lambda pair: (pair[1].start, pair[1].end, pair[0].data.order,
                                                                  pair[0].id))]


def timetable(catalog: Catalog, conference: Conference) -> list[tuple[dt.date, list[Event]]]:
    """The timed workshops of a conference grouped by day, earliest first; empty when no time is known."""
    days: dict[dt.date, list[Event]] = {}
    for event in timed_workshops(catalog, conference):
        days.setdefault(event.first_day, []).append(event)
    return list(days.items())
