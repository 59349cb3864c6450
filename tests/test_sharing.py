"""Sharing and saving: the home page's hero, the share links, the online-calendar links, the map link and the
optional event links of conference and workshop pages.

The event-links fixture site (tests/fixtures/base/ and event-links/, built for the test day 2023-05-01): the Spring
forum (2030) is the next conference, the Open summit (2031) gives every optional link, the Closed congress (2022,
over) gives registration and recordings. Its expectations are exact. The real site: the calendar links of every
event page give the times of its `.ics` file, and its share links its own address.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlparse

import pytest
from icalendar import Calendar
from playwright.sync_api import Browser, Page

from conference_site import check, formatting
from conference_site.catalog import Catalog, load_catalog
from conference_site.event_links import event_links
from conftest import BuiltSite, serving
from site_builder import FIXTURES, REPO, build, make_fixture_site
from site_pages import LANGUAGE_PREFIX, LANGUAGES, TEST_DAY, entity_url

SPRING = "conferences/spring-forum-2030/"
SUMMIT = "conferences/open-summit-2031/"
CLOSED = "conferences/closed-congress-2022/"
OPENING = "workshops/spring-forum-2030-opening/"
SUMMIT_LINKS = ["https://summit.example.net/register", "https://summit.example.net/papers",
                "https://summit.example.net/live", "https://summit.example.net/recordings",
                "https://summit.example.net/programme.pdf"]
WIDTHS = (1280, 360)
# Records the calls to navigator.share, which a headless browser cannot show.
STUB_SHARE = "window.__shared = []; navigator.share = data => { window.__shared.push(data); return Promise.resolve(); };"
NO_SHARE = "delete Navigator.prototype.share;"


@dataclass(frozen=True)
class ServedSite:
    url: str
    built: BuiltSite
    catalog: Catalog


@pytest.fixture(scope="module")
def event_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    """The event-links fixture site, built for and served at a loopback address."""
    root = tmp_path_factory.mktemp("event-links")
    project = make_fixture_site(root / "project", "event-links")
    with serving(root / "site") as url:
        result = build(project, root / "site", site_url=url)
        assert result.returncode == 0, f"the event-links site does not build:\n{result.stdout}\n{result.stderr}"
        yield ServedSite(url, BuiltSite(root / "site", result.stdout), load_catalog(project, project / "docs"))


def query(href: str) -> dict[str, str]:
    values = parse_qs(urlparse(href).query, keep_blank_values=True, strict_parsing=True)
    assert all(len(value) == 1 for value in values.values()), href
    return {name: value[0] for name, value in values.items()}


def calendar_event(site: BuiltSite, page_url: str, page) -> object:
    """The page's own event in the `.ics` file its calendar link downloads."""
    link = page.select_one("article .cs-calendar a[download]")
    calendar = Calendar.from_ical(site.path(urljoin(f"/{page_url}", link["href"])).read_bytes())
    (event,) = [event for event in calendar.walk("VEVENT") if str(event["URL"]) == page.select_one(
        'link[rel="canonical"]')["href"]]
    return event


def google_dates(moment: dt.datetime | dt.date) -> str:
    return moment.strftime("%Y%m%dT%H%M%S" if isinstance(moment, dt.datetime) else "%Y%m%d")


def assert_calendar_links_match_the_ics(site: BuiltSite, page_url: str) -> None:
    page = site.html(page_url)
    event = calendar_event(site, page_url, page)
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    google = query(page.select_one("article a.cs-calendar__google")["href"])
    assert google["action"] == "TEMPLATE"
    assert google["dates"] == f"{google_dates(start)}/{google_dates(end)}", page_url
    assert google["text"] == str(event["SUMMARY"])
    assert google["location"] == str(event["LOCATION"])
    assert google["details"] == str(event["DESCRIPTION"])
    if isinstance(start, dt.datetime):
        assert google["ctz"] == event["DTSTART"].params["TZID"]
    if "RRULE" in event:
        assert google["recur"] == f"RRULE:{event['RRULE'].to_ical().decode()}"
    else:
        assert "recur" not in google
    outlook = query(page.select_one("article a.cs-calendar__outlook")["href"])
    assert outlook["subject"] == str(event["SUMMARY"]) and outlook["location"] == str(event["LOCATION"])
    if isinstance(start, dt.datetime) and "RRULE" not in event:
        assert (outlook["startdt"], outlook["enddt"], outlook["allday"]) == (
            start.isoformat(), end.isoformat(), "false")
    else:
        # Outlook's link cannot repeat: the event's days, all day.
        days = int(event["RRULE"]["COUNT"][0]) if "RRULE" in event else None
        first = start.date() if isinstance(start, dt.datetime) else start
        after = first + dt.timedelta(days=days) if days else end
        assert (outlook["startdt"], outlook["enddt"], outlook["allday"]) == (
            first.isoformat(), after.isoformat(), "true")


def assert_share_links_carry(page, title: str, url: str) -> None:
    links = {a["class"][0].removeprefix("cs-share__"): a["href"] for a in page.select("article .cs-share a")}
    assert list(links) == ["whatsapp", "telegram", "x", "email", "copy"]
    assert query(links["whatsapp"]) == {"text": f"{title} {url}"}
    assert urlparse(links["whatsapp"]).netloc == "wa.me"
    assert query(links["telegram"]) == {"url": url, "text": title}
    assert query(links["x"]) == {"text": title, "url": url}
    assert links["email"].startswith("mailto:?") and query(links["email"]) == {"subject": title, "body": url}
    assert links["copy"] == url


# In-process: which optional links a conference shows on a day.

def test_optional_links_are_shown_only_while_of_use(event_site: ServedSite) -> None:
    summit = event_site.catalog.conferences["open-summit-2031"].data
    kinds = lambda day: [link.kind for link in event_links(summit, day)]  # noqa: E731
    every = ["registration", "call_for_papers", "livestream", "recordings", "programme_pdf"]
    assert kinds(TEST_DAY) == every
    assert kinds(dt.date(2030, 12, 1)) == every  # the deadline's own day
    assert kinds(dt.date(2030, 12, 2)) == ["registration", "livestream", "recordings", "programme_pdf"]
    assert kinds(dt.date(2031, 3, 2)) == ["livestream", "recordings", "programme_pdf"]
    assert kinds(dt.date(2031, 3, 12)) == ["livestream", "recordings", "programme_pdf"]
    assert kinds(dt.date(2031, 3, 13)) == ["recordings", "programme_pdf"]


@pytest.fixture
def base(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURES / "base", tmp_path, dirs_exist_ok=True)
    shutil.copy2(REPO / "data" / "labels.yml", tmp_path / "data" / "labels.yml")
    return tmp_path


CONFERENCE = "data/conferences/spring-forum-2030.yml"


@pytest.mark.parametrize("added,message", [
    ("registration:\n  url: http://forum.example.net/register\n",
     "9: 'registration.url' is 'http://forum.example.net/register' (not an https:// address); expected a web "
     "address starting with https://"),
    ("call_for_papers:\n  deadline: 2030-01-01\n",
     "8: the required field 'call_for_papers.url' is missing; expected a web address starting with https://"),
    ("recordings: www.example.net/recordings\n",
     "8: 'recordings' is 'www.example.net/recordings' (not an https:// address); expected a web address starting "
     "with https://"),
    ("registration:\n  url: https://forum.example.net/register\n  closes: 2030-04-12\n",
     "10: 'registration.closes' 2030-04-12 is after the conference's end 2030-04-11; expected a date on or before "
     "the conference's last day"),
    ("live_stream: https://forum.example.net/live\n",
     "8: unknown field 'live_stream' (did you mean livestream?); expected one of: edition, start, end, "
     "daily_start, daily_end, country, timezone, address, public, website, registration, call_for_papers, "
     "livestream, recordings, programme_pdf, organisations, sources"),
])
def test_an_optional_link_is_checked_like_the_website(base: Path, added: str, message: str) -> None:
    path = base / CONFERENCE
    path.write_text(path.read_text(encoding="utf-8").replace("public: true\n", f"public: true\n{added}"),
                    encoding="utf-8")
    assert [str(problem) for problem in check.content_problems(base)] == [f"{CONFERENCE}:{message}"]


# The built fixture site's HTML.

@pytest.mark.parametrize("language", LANGUAGES)
def test_conference_with_every_optional_link_shows_each_once(event_site: ServedSite, language: str) -> None:
    page = event_site.built.html(f"{LANGUAGE_PREFIX[language]}{SUMMIT}")
    assert [a["href"] for a in page.select("article .cs-event-links a")] == SUMMIT_LINKS
    for href in SUMMIT_LINKS:
        assert len(page.select(f'a[href="{href}"]')) == 1, href
    until = [span.get_text() for span in page.select(".cs-event-links__until")]
    # Dates keep their day and month on one line (formatting.unbreakable_date).
    assert until == [formatting.unbreakable_date(text) for text in (
        ["(يُغلق التسجيل في 1 مارس 2031)", "(آخر موعد للتقديم 1 ديسمبر 2030)"] if language == "ar"
        else ["(closes 1 March 2031)", "(deadline 1 December 2030)"])]


@pytest.mark.parametrize("language", LANGUAGES)
def test_past_conference_shows_its_recordings_and_no_registration(event_site: ServedSite, language: str) -> None:
    page = event_site.built.html(f"{LANGUAGE_PREFIX[language]}{CLOSED}")
    assert [a["href"] for a in page.select("article .cs-event-links a")] == ["https://congress.example.net/recordings"]
    assert page.select('a[href="https://congress.example.net/register"]') == []


def test_conference_without_optional_links_shows_none(event_site: ServedSite) -> None:
    assert event_site.built.html(SPRING).select(".cs-event-links") == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_event_pages_share_their_title_and_address_and_link_the_venue_map(event_site: ServedSite,
                                                                          language: str) -> None:
    for url, title, venue in ((SUMMIT, {"ar": "القمة المفتوحة 2031", "en": "Open Summit 2031"},
                               {"ar": "مركز القمة، دبي، الإمارات العربية المتحدة",
                                "en": "Summit Centre, Dubai, United Arab Emirates"}),
                              (OPENING, {"ar": "ورشة الافتتاح", "en": "Opening workshop"},
                               {"ar": "قاعة الاختبار، الدوحة، قطر", "en": "Test Hall, Doha, Qatar"})):
        page_url = f"{LANGUAGE_PREFIX[language]}{url}"
        page = event_site.built.html(page_url)
        assert_share_links_carry(page, title[language], f"{event_site.url}{page_url}")
        (map_link,) = page.select("article .cs-map a")
        assert map_link["href"].startswith("https://www.openstreetmap.org/search?")
        assert query(map_link["href"]) == {"query": venue[language]}


@pytest.mark.parametrize("language", LANGUAGES)
def test_calendar_links_give_the_ics_times(event_site: ServedSite, language: str) -> None:
    for url in (SPRING, SUMMIT, CLOSED, OPENING):
        assert_calendar_links_match_the_ics(event_site.built, f"{LANGUAGE_PREFIX[language]}{url}")
    spring = query(event_site.built.html(f"{LANGUAGE_PREFIX[language]}{SPRING}").select_one(
        "a.cs-calendar__google")["href"])
    assert (spring["dates"], spring["ctz"], spring["recur"]) == (
        "20300410T090000/20300410T130000", "Asia/Qatar", "RRULE:FREQ=DAILY;COUNT=2")


def test_untimed_session_has_no_calendar_links(sample_site: BuiltSite) -> None:
    page = sample_site.html("workshops/harbour-2023-opening-panel/")
    assert page.select("article .cs-calendar") == [] and page.select("article .cs-share a")


# The real site: invariants of every event page.

@pytest.mark.parametrize("language", LANGUAGES)
def test_every_event_page_links_online_calendars_with_its_ics_times(site: BuiltSite, catalog: Catalog,
                                                                    language: str) -> None:
    for entity in [*catalog.conferences.values(), *catalog.workshops.values()]:
        url = entity_url(entity, language)
        page = site.html(url)
        assert_share_links_carry(page, entity.text(language).title, page.select_one('link[rel="canonical"]')["href"])
        if entity.kind == "workshop" and entity.data.start is None:
            assert page.select("article .cs-calendar") == [], url
        else:
            assert_calendar_links_match_the_ics(site, url)


# In Chromium: the hero and the share button, at a desktop's and a phone's width, in both languages.

def open_tab(browser: Browser, url: str, width: int, init_script: str | None = None,
             permissions: list[str] | None = None) -> tuple[Page, list[str]]:
    context = browser.new_context(viewport={"width": width, "height": 800}, permissions=permissions or [])
    if init_script:
        context.add_init_script(init_script)
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(url, wait_until="networkidle")
    return page, requests


def assert_on_screen(page: Page, selector: str, width: int, *, button: bool = True) -> None:
    """On the screen's width; a button also large enough to tap (WCAG 2.5.8; links in a line of text are exempt)."""
    box = page.locator(selector).bounding_box()
    assert box is not None and 0 <= box["x"] and box["x"] + box["width"] <= width, (selector, box)
    assert not button or box["height"] >= 24, (selector, box)


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_home_hero_presents_the_next_conference_with_working_buttons(event_site: ServedSite, browser: Browser,
                                                                      language: str, width: int) -> None:
    home = f"{event_site.url}{LANGUAGE_PREFIX[language]}"
    conference_url = f"{home}{SPRING}"
    page, requests = open_tab(browser, home, width, STUB_SHARE)
    hero = page.locator(".cs-hero")
    assert hero.locator("#featured").inner_text() == {"ar": "المؤتمر القادم", "en": "Next conference"}[language]
    title = {"ar": "منتدى الربيع 2030", "en": "Spring Forum 2030"}[language]
    assert hero.locator(".cs-hero__title").inner_text() == title
    when = hero.locator(".cs-hero__when").inner_text()
    start, end = dt.date(2030, 4, 10), dt.date(2030, 4, 11)
    assert formatting.unbreakable_date(formatting.date_range(start, end, language)) in when
    assert (formatting.unbreakable_date(formatting.hijri_date_range(start, end, language)) in when) == (
        language == "ar")
    assert hero.locator(".cs-hero__where").inner_text() == {"ar": "الدوحة، قطر", "en": "Doha, Qatar"}[language]
    assert page.evaluate("[document.documentElement.scrollWidth, innerWidth]") == [width, width]
    for button in (".cs-hero__programme", ".cs-hero__calendar", ".cs-hero__share"):
        assert_on_screen(page, button, width)
    # The calendar button downloads the conference's .ics file.
    calendar = page.request.get(urljoin(home, hero.locator(".cs-hero__calendar").get_attribute("href")))
    assert calendar.ok and "UID:conference-spring-forum-2030@127.0.0.1" in calendar.text()
    # The share button opens the browser's share sheet with the conference's title and address.
    hero.locator(".cs-hero__share").click()
    assert page.evaluate("window.__shared") == [{"title": title, "url": conference_url}]
    assert page.url == home
    # The programme button leads to the conference page's programme.
    hero.locator(".cs-hero__programme").click()
    page.wait_for_url(f"{conference_url}#programme")
    assert page.locator("#programme").is_visible()
    assert {urlparse(url).hostname for url in requests} == {"127.0.0.1"}, requests
    page.context.close()


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_share_button_calls_web_share_with_the_page_title_and_address(event_site: ServedSite, browser: Browser,
                                                                       language: str, width: int) -> None:
    url = f"{event_site.url}{LANGUAGE_PREFIX[language]}{SUMMIT}"
    page, requests = open_tab(browser, url, width, STUB_SHARE)
    button = page.locator("article .cs-share__button")
    assert button.is_visible()
    assert_on_screen(page, "article .cs-share__button", width)
    button.click()
    assert page.evaluate("window.__shared") == [{"title": page.locator("article h1").inner_text(), "url": url}]
    assert page.evaluate("[document.documentElement.scrollWidth, innerWidth]") == [width, width]
    assert {urlparse(request).hostname for request in requests} == {"127.0.0.1"}, requests
    page.context.close()


@pytest.mark.browser
@pytest.mark.parametrize("language", LANGUAGES)
def test_without_web_share_the_plain_links_remain(event_site: ServedSite, browser: Browser, language: str) -> None:
    home = f"{event_site.url}{LANGUAGE_PREFIX[language]}"
    page, _ = open_tab(browser, f"{home}{SUMMIT}", 360, NO_SHARE)
    assert page.locator("article .cs-share__button").count() == 0
    for service in ("whatsapp", "telegram", "x", "email", "copy"):
        assert page.locator(f"article a.cs-share__{service}").is_visible(), service
    # The hero's share button then leads to those links on the conference page.
    page.goto(home, wait_until="networkidle")
    page.locator(".cs-hero__share").click()
    page.wait_for_url(f"{home}{SPRING}#share")
    assert page.locator("article a.cs-share__whatsapp").is_visible()
    page.context.close()


@pytest.mark.browser
@pytest.mark.parametrize("language", LANGUAGES)
def test_copy_link_copies_the_page_address(event_site: ServedSite, browser: Browser, language: str) -> None:
    url = f"{event_site.url}{LANGUAGE_PREFIX[language]}{OPENING}"
    page, _ = open_tab(browser, url, 1280, permissions=["clipboard-read", "clipboard-write"])
    page.locator("article a.cs-share__copy").click()
    status = page.locator("article .cs-share__copied")
    status.wait_for(state="visible")
    assert status.inner_text() == {"ar": "نُسخ الرابط.", "en": "Link copied."}[language]
    assert page.evaluate("navigator.clipboard.readText()") == url
    assert page.url == url
    page.context.close()


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_calendar_and_share_links_in_the_browser_give_the_ics_event(event_site: ServedSite, browser: Browser,
                                                                     language: str, width: int) -> None:
    url = f"{event_site.url}{LANGUAGE_PREFIX[language]}{SUMMIT}"
    page, requests = open_tab(browser, url, width, NO_SHARE)
    hrefs = {name: page.locator(f"article {selector}").evaluate("a => a.href") for name, selector in (
        ("ics", ".cs-calendar a[download]"), ("cs-calendar__google", "a.cs-calendar__google"),
        ("cs-calendar__outlook", "a.cs-calendar__outlook"), ("cs-share__whatsapp", "a.cs-share__whatsapp"),
        ("cs-share__copy", "a.cs-share__copy"))}
    for selector in ("a.cs-calendar__google", "a.cs-calendar__outlook", "a.cs-share__whatsapp", "a.cs-share__copy",
                     ".cs-map a"):
        assert_on_screen(page, f"article {selector}", width, button=False)
    calendar = Calendar.from_ical(page.request.get(hrefs["ics"]).body())
    (event,) = calendar.walk("VEVENT")
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    google = query(hrefs["cs-calendar__google"])
    assert google["dates"] == f"{google_dates(start)}/{google_dates(end)}" == "20310310T100000/20310310T160000"
    assert (google["ctz"], google["recur"]) == ("Asia/Dubai", "RRULE:FREQ=DAILY;COUNT=3")
    assert google["text"] == str(event["SUMMARY"]) == page.locator("article h1").inner_text()
    assert google["details"] == str(event["DESCRIPTION"]) and url in google["details"]
    outlook = query(hrefs["cs-calendar__outlook"])
    assert (outlook["startdt"], outlook["enddt"], outlook["allday"]) == ("2031-03-10", "2031-03-13", "true")
    assert query(hrefs["cs-share__whatsapp"]) == {"text": f"{page.locator('article h1').inner_text()} {url}"}
    assert hrefs["cs-share__copy"] == url
    assert page.evaluate("[document.documentElement.scrollWidth, innerWidth]") == [width, width]
    assert {urlparse(request).hostname for request in requests} == {"127.0.0.1"}, requests
    page.context.close()
