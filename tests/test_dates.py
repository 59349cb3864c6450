"""Dates and times as each language's reader expects them: Babel's CLDR patterns, the Hijri date on Arabic pages,
the digits the site is set to use, and times labelled with the venue's time zone.

The real site: every conference's dates alike on its page and its card. The sample fixture site: the exact texts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conference_site.catalog import Catalog
from conference_site.formatting import date_range, hijri_date_range
from conftest import BuiltSite
from site_builder import build
from site_pages import DIRECTION, LANGUAGE_PREFIX, LANGUAGES, as_read, entity_url
from test_broken_content import make_site

HARBOUR = "conferences/harbour-conference-2023/"


def test_arabic_conference_page_gives_the_hijri_date_beside_the_gregorian(sample_site: BuiltSite) -> None:
    dates = sample_site.html(HARBOUR).select_one("article .cs-dates")
    # No line break after a number or around the dash: no-break spaces and word joiners.
    assert dates.select_one(".cs-gregorian").get_text() == "26\u2060–\u206027\u00a0أبريل 2023"
    # 26–27 April 2023 is 6–7 Shawwal 1444 by the Umm al-Qura calendar.
    assert dates.select_one(".cs-hijri").get_text() == "6\u2060–\u20607\u00a0شوال 1444\u00a0هـ"
    assert as_read(dates.get_text()) == "26–27 أبريل 2023 (6–7 شوال 1444 هـ)"


def test_english_pages_write_the_month_in_full_without_hijri(sample_site: BuiltSite) -> None:
    dates = sample_site.html(f"en/{HARBOUR}").select_one("article .cs-dates")
    assert dates.get_text() == "26\u2060–\u206027\u00a0April 2023"
    assert dates.select_one(".cs-hijri") is None


# The venue's time by its city, as a local reader names it, not CLDR's region («توقيت الخليج», "Gulf Standard Time").
@pytest.mark.parametrize("language,hours_text", [("ar", "09:00–14:00 يوميًا، توقيت عجمان (UTC+4)"),
                                                 ("en", "09:00–14:00 daily, Ajman time (UTC+4)")])
def test_opening_hours_name_the_venue_time_by_its_city(sample_site: BuiltSite, language: str,
                                                       hours_text: str) -> None:
    hours = sample_site.html(f"{LANGUAGE_PREFIX[language]}{HARBOUR}").select_one("article .cs-hours")
    assert as_read(hours.get_text()) == hours_text
    # In the page's direction: on an Arabic page the start comes first for a reader reading from the right.
    assert hours.select_one("bdi.cs-time-range")["dir"] == DIRECTION[language]


@pytest.mark.parametrize("start,end,language,gregorian,hijri", [
    # Across two Hijri months, and across two Gregorian years: CLDR's interval patterns, month names written out.
    (dt.date(2023, 4, 19), dt.date(2023, 4, 22), "ar", "19–22 أبريل 2023", "28 رمضان – 2 شوال 1444 هـ"),
    (dt.date(2023, 4, 19), dt.date(2023, 4, 22), "en", "19–22 April 2023", "28 Ramadan\u2009–\u20092 Shawwal 1444 AH"),
    (dt.date(2023, 12, 30), dt.date(2024, 1, 2), "en", "30 December 2023\u2009–\u20092 January 2024",
     "17–20 Jumada al-Akhirah 1445 AH"),
    (dt.date(2023, 4, 29), dt.date(2023, 4, 29), "ar", "29 أبريل 2023", "9 شوال 1444 هـ"),
    # After a number, the genitive: «ذي القعدة», «ذي الحجة» (hijridate names the months in the nominative).
    (dt.date(2023, 5, 21), dt.date(2023, 5, 24), "ar", "21–24 مايو 2023", "1–4 ذي القعدة 1444 هـ"),
    (dt.date(2023, 6, 19), dt.date(2023, 6, 20), "ar", "19–20 يونيو 2023", "1–2 ذي الحجة 1444 هـ"),
])
def test_date_ranges_follow_cldr_patterns(start: dt.date, end: dt.date, language: str, gregorian: str,
                                          hijri: str) -> None:
    assert date_range(start, end, language) == gregorian
    assert hijri_date_range(start, end, language) == hijri


def _build_with_digits(tmp_path: Path, setting: str):
    project = make_site(tmp_path / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  arabic_digits: western\n" in text
    config.write_text(text.replace("  arabic_digits: western\n", f"  arabic_digits: {setting}\n"), encoding="utf-8")
    return build(project, tmp_path / "site")


def test_arabic_indic_digits_setting_changes_arabic_pages_only(tmp_path: Path) -> None:
    result = _build_with_digits(tmp_path, "arabic-indic")
    assert result.returncode == 0, result.stderr
    site = BuiltSite(tmp_path / "site", result.stderr)
    arabic = site.html("conferences/spring-forum-2030/").select_one("article")
    # 10–11 April 2030 is 7–8 Dhu al-Hijjah 1451 (Eid al-Adha, 10 Dhu al-Hijjah, falls on 13 April 2030).
    # «ذي الحجة», genitive after a number.
    assert as_read(arabic.select_one(".cs-dates").get_text()) == "١٠–١١ أبريل ٢٠٣٠ (٧–٨ ذي الحجة ١٤٥١ هـ)"
    assert "٠٩:٠٠–١٣:٠٠" in arabic.select_one(".cs-hours").get_text()
    english = site.html("en/conferences/spring-forum-2030/").select_one("article")
    assert as_read(english.select_one(".cs-dates").get_text()) == "10–11 April 2030"


def test_unknown_digit_setting_fails_the_build_with_a_clear_message(tmp_path: Path) -> None:
    result = _build_with_digits(tmp_path, "roman")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    assert "mkdocs.yml: 'extra.arabic_digits' is 'roman'; expected one of western, arabic-indic" in output


@pytest.mark.parametrize("prefix,dates", [
    ("", "26–27 أبريل 2023 (6–7 شوال 1444 هـ)"), ("en/", "26–27 April 2023")])
def test_conference_cards_give_the_dates_with_the_hijri_date_in_arabic(sample_site: BuiltSite, prefix: str,
                                                                      dates: str) -> None:
    card = sample_site.html(f"{prefix}conferences/").select_one(".cs-past .cs-card__meta")
    assert as_read(card.get_text()).startswith(f"{dates} · ")


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_conference_card_gives_the_dates_of_its_page(site: BuiltSite, catalog: Catalog, language: str) -> None:
    listing = site.html(f"{LANGUAGE_PREFIX[language]}conferences/")
    for conference in catalog.conferences.values():
        page_dates = site.html(entity_url(conference, language)).select_one("article .cs-dates")
        card = listing.select_one(f'.cs-card a[href="{conference.id}/"]').find_next_sibling(class_="cs-card__meta")
        assert card.get_text().startswith(f"{page_dates.get_text()} · "), conference.id
        expected = date_range(conference.data.start, conference.data.end, language)
        if language == "ar":
            expected += f" ({hijri_date_range(conference.data.start, conference.data.end, language)})"
        assert as_read(page_dates.get_text()) == expected
