"""The calendar files the build wrote: they parse as iCalendar, hold the expected events in the right zones, keep
their UIDs from build to build, and the conference page links to them and lays out the same times."""

from __future__ import annotations

import datetime as dt
import json
import zoneinfo
from pathlib import Path
from urllib.parse import urljoin

import pytest
from icalendar import Calendar
from playwright.sync_api import Browser

from conftest import BuiltSite, serving
from site_builder import REPO, build
from test_broken_content import make_site

SITE_URL = "http://127.0.0.1:8000/"
SHARJAH = "sharjah-social-service-conference-14"
EUROPEAN = "european-social-work-conference-2023"


def read_calendar(path: Path) -> Calendar:
    raw = path.read_bytes()
    # RFC 5545 3.1: lines end with CRLF and are folded at 75 octets.
    lines = raw.split(b"\r\n")
    assert lines[-1] == b"" and all(len(line) <= 75 for line in lines), path
    return Calendar.from_ical(raw)


def events_of(calendar: Calendar) -> dict[str, object]:
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The small fixture site, whose workshop has a time."""
    root = tmp_path_factory.mktemp("calendar-fixture")
    result = build(make_site(root / "project"), root / "site")
    assert result.returncode == 0, result.stderr
    return BuiltSite(root / "site", result.stderr)


@pytest.mark.parametrize("prefix,language,title", [
    ("", "ar", "مؤتمر الخدمة الاجتماعية، الدورة الرابعة عشرة"),
    ("en/", "en", "14th Social Service Conference")])
def test_conference_with_daily_hours_repeats_them_in_its_zone(site: BuiltSite, prefix: str, language: str,
                                                              title: str) -> None:
    calendar = read_calendar(site.path(f"{prefix}conferences/{SHARJAH}/{SHARJAH}.ics"))
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Asia/Dubai"]
    (event,) = calendar.walk("VEVENT")
    dubai = zoneinfo.ZoneInfo("Asia/Dubai")
    assert event["UID"] == f"conference-{SHARJAH}@127.0.0.1"
    assert event.decoded("DTSTART") == dt.datetime(2023, 4, 26, 9, 0, tzinfo=dubai)
    assert event["DTSTART"].params["TZID"] == "Asia/Dubai"
    assert event.decoded("DTEND") == dt.datetime(2023, 4, 26, 14, 0, tzinfo=dubai)
    assert dict(event["RRULE"]) == {"FREQ": ["DAILY"], "COUNT": [2]}
    assert str(event["SUMMARY"]) == title
    assert event["SUMMARY"].params["LANGUAGE"] == language
    assert str(event["URL"]) == f"{SITE_URL}{prefix}conferences/{SHARJAH}/"
    assert str(event["DESCRIPTION"]).endswith(f"\n\n{SITE_URL}{prefix}conferences/{SHARJAH}/")
    assert ("الشارقة" if language == "ar" else "Sharjah") in str(event["LOCATION"])
    assert event.decoded("DTSTAMP") == dt.datetime(2023, 5, 1, tzinfo=dt.timezone.utc)


def test_conference_without_hours_is_an_all_day_event(site: BuiltSite) -> None:
    (event,) = read_calendar(site.path(f"en/conferences/{EUROPEAN}/{EUROPEAN}.ics")).walk("VEVENT")
    # 21–24 May: DTEND is the day after the last day (exclusive).
    assert event.decoded("DTSTART") == dt.date(2023, 5, 21)
    assert event.decoded("DTEND") == dt.date(2023, 5, 25)
    assert "RRULE" not in event
    assert str(event["SUMMARY"]) == "European Social Work Conference 2023"


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_feed_holds_every_conference_of_the_site(site: BuiltSite, prefix: str) -> None:
    events = events_of(read_calendar(site.path(f"{prefix}calendar.ics")))
    conferences = sorted(path.stem for path in (REPO / "data" / "conferences").glob("*.yml"))
    assert sorted(events) == [f"conference-{conference}@127.0.0.1" for conference in conferences]
    # The European conference is all-day (dates have no zone); Sharjah's hours are in Dubai's zone.
    assert [tz["TZID"] for tz in read_calendar(site.path(f"{prefix}calendar.ics")).walk("VTIMEZONE")] == [
        "Asia/Dubai"]


def test_uids_and_events_are_the_same_in_another_build(site: BuiltSite, tmp_path: Path) -> None:
    # Another day's build: only DTSTAMP may differ.
    result = build(REPO, tmp_path / "site", epoch="1700000000")
    assert result.returncode == 0, result.stderr
    for feed in ("calendar.ics", "en/calendar.ics", f"conferences/{SHARJAH}/{SHARJAH}.ics"):
        first, second = (events_of(read_calendar(root / feed)) for root in (site.root, tmp_path / "site"))
        assert sorted(first) == sorted(second)
        for uid, event in first.items():
            assert event.decoded("DTSTART") == second[uid].decoded("DTSTART"), uid
            assert event.decoded("DTEND") == second[uid].decoded("DTEND"), uid


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_conference_page_links_to_its_calendar_file(site: BuiltSite, prefix: str) -> None:
    url = f"/{prefix}conferences/{SHARJAH}/"
    link = site.html(url).select_one("article .cs-calendar a[download]")
    assert site.path(urljoin(url, link["href"])).is_file()


def test_programme_says_times_are_unknown_instead_of_inventing_them(site: BuiltSite) -> None:
    article = site.html(f"conferences/{SHARJAH}/").select_one("article")
    assert article.select(".cs-timetable table") == []
    assert article.select_one(".cs-times-unknown").get_text() == (
        "لم تُعلن مواعيد ورش العمل والجلسات، فلا يُعرض لها جدول زمني.")


def test_timed_workshop_is_in_the_calendar_and_the_timetable(fixture_site: BuiltSite) -> None:
    events = events_of(read_calendar(fixture_site.path("conferences/spring-forum-2030/spring-forum-2030.ics")))
    workshop = events["workshop-spring-forum-2030-opening@127.0.0.1"]
    qatar = zoneinfo.ZoneInfo("Asia/Qatar")
    assert workshop.decoded("DTSTART") == dt.datetime(2030, 4, 10, 9, 0, tzinfo=qatar)
    assert workshop.decoded("DTEND") == dt.datetime(2030, 4, 10, 10, 30, tzinfo=qatar)
    assert str(workshop["RELATED-TO"]) == "conference-spring-forum-2030@127.0.0.1"
    assert str(workshop["URL"]) == f"{SITE_URL}workshops/spring-forum-2030-opening/"

    for prefix, day in (("", "10 أبريل 2030"), ("en/", "10 April 2030")):
        table = fixture_site.html(f"{prefix}conferences/spring-forum-2030/").select_one(".cs-timetable table")
        assert table.caption.get_text().startswith(day)
        cells = [td.get_text(" ", strip=True) for td in table.select("tbody td")]
        assert cells[0] == "09:00–10:30"
        assert cells[1].startswith("ورشة الافتتاح" if prefix == "" else "Opening workshop")


def test_timed_workshop_page_offers_its_own_calendar_file(fixture_site: BuiltSite) -> None:
    for prefix in ("", "en/"):
        url = f"/{prefix}workshops/spring-forum-2030-opening/"
        link = fixture_site.html(url).select_one("article .cs-calendar a[download]")
        events = events_of(read_calendar(fixture_site.path(urljoin(url, link["href"]))))
        assert list(events) == ["workshop-spring-forum-2030-opening@127.0.0.1"]


def test_workshop_without_a_time_offers_no_calendar_file(site: BuiltSite) -> None:
    page = site.html("workshops/sharjah-14-opening-panel/")
    assert page.select("article .cs-calendar") == []


@pytest.mark.browser
@pytest.mark.parametrize("prefix,direction", [("", "rtl"), ("en/", "ltr")])
def test_timetable_reads_in_the_page_direction_on_a_phone(fixture_site: BuiltSite, browser: Browser, prefix: str,
                                                         direction: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740})
    try:
        with serving(fixture_site.root) as url:
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


def test_structured_data_and_calendar_give_the_same_times(fixture_site: BuiltSite) -> None:
    events = events_of(read_calendar(fixture_site.path("conferences/spring-forum-2030/spring-forum-2030.ics")))
    for uid, url in (("workshop-spring-forum-2030-opening@127.0.0.1", "workshops/spring-forum-2030-opening/"),
                     ("conference-spring-forum-2030@127.0.0.1", "conferences/spring-forum-2030/")):
        (script,) = fixture_site.html(url).select('script[type="application/ld+json"]')
        data = json.loads(script.string)
        event = events[uid]
        assert dt.datetime.fromisoformat(data["startDate"]) == event.decoded("DTSTART")
        days = int(event["RRULE"]["COUNT"][0]) if "RRULE" in event else 1
        assert dt.datetime.fromisoformat(data["endDate"]) == event.decoded("DTEND") + dt.timedelta(days=days - 1)
    assert json.loads(fixture_site.html("workshops/spring-forum-2030-opening/").select_one(
        'script[type="application/ld+json"]').string)["startDate"] == "2030-04-10T09:00:00+03:00"
