"""The calendar files the build wrote: they parse as iCalendar, hold the expected events in the right zones, keep
their UIDs from build to build, and the conference page links to them and lays out the same times.

The real site: every conference and every timed session, at the times and in the zone its data gives. The sample
fixture site: the exact events, titles and timetable."""

from __future__ import annotations

import datetime as dt
import json
import zoneinfo
from pathlib import Path
from urllib.parse import urljoin

import pytest
from icalendar import Calendar, Timezone
from playwright.sync_api import Browser

from conference_site.calendar import vtimezone
from conference_site.catalog import Catalog
from conftest import BuiltSite, serving
from site_builder import build
from site_pages import LANGUAGE_PREFIX, LANGUAGES, SITE_URL, as_read, entity_url

HARBOUR = "harbour-conference-2023"
LAKESIDE = "lakeside-congress-2023"
SPRING = "spring-forum-2030"


def read_calendar(path: Path) -> Calendar:
    raw = path.read_bytes()
    # RFC 5545 3.1: lines end with CRLF and are folded at 75 octets.
    lines = raw.split(b"\r\n")
    assert lines[-1] == b"" and all(len(line) <= 75 for line in lines), path
    return Calendar.from_ical(raw)


def events_of(calendar: Calendar) -> dict[str, object]:
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def expected_events(catalog: Catalog, conferences) -> dict[str, tuple]:
    """UID → (start, end, zone) of the conferences and their timed sessions, as their data files give them."""
    events = {}
    for conference in conferences:
        data = conference.data
        zone = zoneinfo.ZoneInfo(data.timezone)
        if data.daily_start:
            events[f"conference-{conference.id}@127.0.0.1"] = (
                dt.datetime.combine(data.start, data.daily_start, zone),
                dt.datetime.combine(data.start, data.daily_end, zone), data.timezone)
        else:
            events[f"conference-{conference.id}@127.0.0.1"] = (data.start, data.end + dt.timedelta(days=1), None)
        for workshop in catalog.workshops_of(conference.id):
            if workshop.data.start:
                events[f"workshop-{workshop.id}@127.0.0.1"] = (workshop.data.start.replace(tzinfo=zone),
                                                               workshop.data.end.replace(tzinfo=zone), data.timezone)
    return events


def assert_holds(calendar: Calendar, expected: dict[str, tuple]) -> None:
    events = events_of(calendar)
    assert sorted(events) == sorted(expected)
    for uid, (start, end, zone) in expected.items():
        event = events[uid]
        assert (event.decoded("DTSTART"), event.decoded("DTEND")) == (start, end), uid
        assert event["DTSTART"].params.get("TZID") == zone, uid
    assert sorted(str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")) == sorted(
        {zone for _, _, zone in expected.values() if zone})


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_conference_calendar_holds_it_and_its_timed_sessions_in_its_zone(site: BuiltSite, catalog: Catalog,
                                                                               language: str) -> None:
    for conference in catalog.conferences.values():
        url = entity_url(conference, language)
        calendar = read_calendar(site.path(f"{url}{conference.id}.ics"))
        assert_holds(calendar, expected_events(catalog, [conference]))
        (event,) = [event for event in calendar.walk("VEVENT") if str(event["UID"]).startswith("conference-")]
        days = (conference.data.end - conference.data.start).days + 1
        if conference.data.daily_start:
            assert dict(event["RRULE"]) == {"FREQ": ["DAILY"], "COUNT": [days]}
        assert str(event["SUMMARY"]) == conference.text(language).title
        assert event["SUMMARY"].params["LANGUAGE"] == language
        assert str(event["URL"]) == f"{SITE_URL}{url}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_site_calendar_holds_every_conference_and_every_timed_session(site: BuiltSite, catalog: Catalog,
                                                                          language: str) -> None:
    calendar = read_calendar(site.path(f"{LANGUAGE_PREFIX[language]}calendar.ics"))
    assert_holds(calendar, expected_events(catalog, catalog.conferences.values()))


def test_uids_and_events_are_the_same_in_another_build(site: BuiltSite, project: Path, catalog: Catalog,
                                                       tmp_path: Path) -> None:
    # Another day's build: only DTSTAMP may differ.
    result = build(project, tmp_path / "site", epoch="1700000000")
    assert result.returncode == 0, result.stderr
    feeds = ["calendar.ics", "en/calendar.ics"] + [f"conferences/{conference}/{conference}.ics"
                                                   for conference in catalog.conferences]
    for feed in feeds:
        first, second = (events_of(read_calendar(root / feed)) for root in (site.root, tmp_path / "site"))
        assert sorted(first) == sorted(second)
        for uid, event in first.items():
            assert event.decoded("DTSTART") == second[uid].decoded("DTSTART"), uid
            assert event.decoded("DTEND") == second[uid].decoded("DTEND"), uid


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_event_page_links_to_its_calendar_file_when_it_has_a_time(site: BuiltSite, catalog: Catalog,
                                                                        language: str) -> None:
    for entity in [*catalog.conferences.values(), *catalog.workshops.values()]:
        url = f"/{entity_url(entity, language)}"
        links = site.html(url).select("article .cs-calendar a[download]")
        if entity.kind == "workshop" and entity.data.start is None:
            assert links == [], entity.id
            continue
        (link,) = links
        events = events_of(read_calendar(site.path(urljoin(url, link["href"]))))
        assert f"{entity.kind}-{entity.id}@127.0.0.1" in events


def test_the_programme_shows_a_timetable_only_of_announced_times(site: BuiltSite, catalog: Catalog) -> None:
    for conference in catalog.conferences.values():
        workshops = catalog.workshops_of(conference.id)
        timed = [workshop for workshop in workshops if workshop.data.start]
        article = site.html(entity_url(conference, "ar")).select_one("article")
        cells = article.select(".cs-timetable tbody tr")
        assert len(cells) == len(timed), conference.id
        assert (article.select_one(".cs-times-unknown") is not None) == (len(timed) < len(workshops))


# The sample site: the exact events.
@pytest.mark.parametrize("prefix,language,title,city", [
    ("", "ar", "مؤتمر الميناء، الدورة الثالثة", "عجمان"), ("en/", "en", "3rd Harbour Conference", "Ajman")])
def test_conference_with_daily_hours_repeats_them_in_its_zone(sample_site: BuiltSite, prefix: str, language: str,
                                                              title: str, city: str) -> None:
    calendar = read_calendar(sample_site.path(f"{prefix}conferences/{HARBOUR}/{HARBOUR}.ics"))
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Asia/Dubai"]
    (event,) = calendar.walk("VEVENT")
    dubai = zoneinfo.ZoneInfo("Asia/Dubai")
    assert event["UID"] == f"conference-{HARBOUR}@127.0.0.1"
    assert event.decoded("DTSTART") == dt.datetime(2023, 4, 26, 9, 0, tzinfo=dubai)
    assert event["DTSTART"].params["TZID"] == "Asia/Dubai"
    assert event.decoded("DTEND") == dt.datetime(2023, 4, 26, 14, 0, tzinfo=dubai)
    assert dict(event["RRULE"]) == {"FREQ": ["DAILY"], "COUNT": [2]}
    assert str(event["SUMMARY"]) == title
    assert event["SUMMARY"].params["LANGUAGE"] == language
    assert str(event["URL"]) == f"{SITE_URL}{prefix}conferences/{HARBOUR}/"
    assert str(event["DESCRIPTION"]).endswith(f"\n\n{SITE_URL}{prefix}conferences/{HARBOUR}/")
    assert city in str(event["LOCATION"])
    assert event.decoded("DTSTAMP") == dt.datetime(2023, 5, 1, tzinfo=dt.timezone.utc)


def test_conference_without_hours_is_an_all_day_event(sample_site: BuiltSite) -> None:
    (event,) = read_calendar(sample_site.path(f"en/conferences/{LAKESIDE}/{LAKESIDE}.ics")).walk("VEVENT")
    # 21–24 May: DTEND is the day after the last day (exclusive).
    assert event.decoded("DTSTART") == dt.date(2023, 5, 21)
    assert event.decoded("DTEND") == dt.date(2023, 5, 25)
    assert "RRULE" not in event
    assert str(event["SUMMARY"]) == "Lakeside Congress 2023"


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_feed_holds_every_conference_of_the_site(sample_site: BuiltSite, prefix: str) -> None:
    calendar = read_calendar(sample_site.path(f"{prefix}calendar.ics"))
    assert sorted(events_of(calendar)) == [f"conference-{HARBOUR}@127.0.0.1", f"conference-{LAKESIDE}@127.0.0.1",
                                           f"conference-{SPRING}@127.0.0.1",
                                           "workshop-spring-forum-2030-opening@127.0.0.1"]
    # The Lakeside congress is all-day (its dates have no zone); the others' hours are in their venues' zones.
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Asia/Dubai", "Asia/Qatar"]


@pytest.mark.parametrize("tzid", ["Asia/Qatar", "Asia/Dubai", "Europe/Berlin", "America/New_York", "Asia/Tehran",
                                  "Africa/Casablanca", "Australia/Lord_Howe"])
@pytest.mark.parametrize("years", [(2022, 2024), (2029, 2031), (2000, 2038)])
def test_a_zone_s_vtimezone_is_icalendar_s_own_for_the_window(tzid: str, years: tuple[int, int]) -> None:
    # The site ends the zone's search 65 days after the window (conference_site/calendar.py, _EndingZone); the
    # changes written are those icalendar finds searching on to the year 9999.
    first, last = years
    unbounded = Timezone.from_tzid(tzid, first_date=dt.date(first, 1, 1), last_date=dt.date(last, 12, 31))
    assert vtimezone(tzid, first, last) == unbounded.to_ical()


def test_programme_says_times_are_unknown_instead_of_inventing_them(sample_site: BuiltSite) -> None:
    article = sample_site.html(f"conferences/{HARBOUR}/").select_one("article")
    assert article.select(".cs-timetable table") == []
    assert article.select_one(".cs-times-unknown").get_text() == (
        "لم تُعلن مواعيد ورش العمل والجلسات، فلا يُعرض لها جدول زمني.")
    assert sample_site.html("workshops/harbour-2023-opening-panel/").select("article .cs-calendar") == []


def test_timed_workshop_is_in_the_calendar_and_the_timetable(sample_site: BuiltSite) -> None:
    events = events_of(read_calendar(sample_site.path(f"conferences/{SPRING}/{SPRING}.ics")))
    workshop = events["workshop-spring-forum-2030-opening@127.0.0.1"]
    qatar = zoneinfo.ZoneInfo("Asia/Qatar")
    assert workshop.decoded("DTSTART") == dt.datetime(2030, 4, 10, 9, 0, tzinfo=qatar)
    assert workshop.decoded("DTEND") == dt.datetime(2030, 4, 10, 10, 30, tzinfo=qatar)
    assert str(workshop["RELATED-TO"]) == f"conference-{SPRING}@127.0.0.1"
    assert str(workshop["URL"]) == f"{SITE_URL}workshops/spring-forum-2030-opening/"

    for prefix, day in (("", "10 أبريل 2030"), ("en/", "10 April 2030")):
        table = sample_site.html(f"{prefix}conferences/{SPRING}/").select_one(".cs-timetable table")
        assert as_read(table.caption.get_text()).startswith(day)
        cells = [td.get_text(" ", strip=True) for td in table.select("tbody td")]
        assert cells[0] == "09:00–10:30"
        assert cells[1].startswith("ورشة الافتتاح" if prefix == "" else "Opening workshop")


def test_timed_workshop_page_offers_its_own_calendar_file(sample_site: BuiltSite) -> None:
    for prefix in ("", "en/"):
        url = f"/{prefix}workshops/spring-forum-2030-opening/"
        link = sample_site.html(url).select_one("article .cs-calendar a[download]")
        events = events_of(read_calendar(sample_site.path(urljoin(url, link["href"]))))
        assert list(events) == ["workshop-spring-forum-2030-opening@127.0.0.1"]


@pytest.mark.browser
@pytest.mark.parametrize("prefix,direction", [("", "rtl"), ("en/", "ltr")])
def test_timetable_reads_in_the_page_direction_on_a_phone(sample_site: BuiltSite, browser: Browser, prefix: str,
                                                         direction: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740})
    try:
        with serving(sample_site.root) as url:
            page = context.new_page()
            page.goto(f"{url}{prefix}conferences/spring-forum-2030/")
            table = page.locator(".cs-timetable table")
            time_cell, session_cell = (table.locator("tbody td").nth(index).bounding_box() for index in (0, 1))
            # The time comes first in reading order: on the right in Arabic, on the left in English.
            if direction == "rtl":
                assert time_cell["x"] > session_cell["x"]
            else:
                assert time_cell["x"] < session_cell["x"]
            # Readable on a phone: the page itself does not scroll sideways.
            assert page.evaluate("document.documentElement.scrollWidth") <= 360
    finally:
        context.close()


def test_structured_data_and_calendar_give_the_same_times(sample_site: BuiltSite) -> None:
    events = events_of(read_calendar(sample_site.path("conferences/spring-forum-2030/spring-forum-2030.ics")))
    for uid, url in (("workshop-spring-forum-2030-opening@127.0.0.1", "workshops/spring-forum-2030-opening/"),
                     ("conference-spring-forum-2030@127.0.0.1", "conferences/spring-forum-2030/")):
        (script,) = sample_site.html(url).select('script[type="application/ld+json"]')
        data = json.loads(script.string)
        event = events[uid]
        assert dt.datetime.fromisoformat(data["startDate"]) == event.decoded("DTSTART")
        days = int(event["RRULE"]["COUNT"][0]) if "RRULE" in event else 1
        assert dt.datetime.fromisoformat(data["endDate"]) == event.decoded("DTEND") + dt.timedelta(days=days - 1)
    assert json.loads(sample_site.html("workshops/spring-forum-2030-opening/").select_one(
        'script[type="application/ld+json"]').string)["startDate"] == "2030-04-10T09:00:00+03:00"
