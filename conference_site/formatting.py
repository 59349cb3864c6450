"""Dates, times and place names as a reader of each language expects them, formatted by Babel."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
import zoneinfo
from collections.abc import Mapping
from typing import Literal
from functools import cache

from babel import Locale
from babel.dates import format_time, parse_pattern
from hijridate import Gregorian, Hijri
from . import languages

# The day-month-year skeleton whose CLDR interval patterns the site uses. CLDR gives interval patterns for the
# abbreviated month only; UTS #35 (2.6.2.1, "missing skeleton fields") widens the matched pattern's fields to the
# requested width, which Babel does not do, so `_widened` does it: MMM → MMMM.
_SKELETON = "yMMMd"
_ABBREVIATED_MONTH = re.compile(r"(?<!M)MMM(?!M)")

# `extra.arabic_digits` in mkdocs.yml: the digits of dates and times on Arabic pages.
ARABIC_DIGIT_STYLES = ("western", "arabic-indic")
_ARABIC_INDIC_DIGITS = str.maketrans({
    digit: unicodedata.lookup(f"ARABIC-INDIC DIGIT {unicodedata.name(digit).removeprefix('DIGIT ')}")
    for digit in "0123456789"})


def _widened(pattern: str) -> str:
    return _ABBREVIATED_MONTH.sub("MMMM", pattern)


def _interval_patterns(start: dt.date | Gregorian | Hijri, end: dt.date | Gregorian | Hijri,
                       language: str) -> list[str]:
    """The CLDR patterns of `start` and `end`, split at the greatest field that differs (one pattern if none)."""
    locale = Locale.parse(languages.language(language).babel_locale)
    if (start.year, start.month, start.day) == (end.year, end.month, end.day):
        return [_widened(locale.datetime_skeletons[_SKELETON].pattern)]
    greatest = "y" if start.year != end.year else "M" if start.month != end.month else "d"
    return [_widened(pattern) for pattern in locale.interval_formats[_SKELETON][greatest]]


# Babel parses its locale data on every call: a conference's dates are shown on each of its workshops' pages
# and on the listings, so each formatting is done once per build.
@cache
def date_range(start: dt.date, end: dt.date, language: str) -> str:
    """`26–27 أبريل 2023` / `26–27 April 2023`; a single date when start and end are the same day."""
    locale = Locale.parse(languages.language(language).babel_locale)
    patterns = _interval_patterns(start, end, language)
    return "".join(parse_pattern(pattern).apply(day, locale) for pattern, day in zip(patterns, (start, end)))


# The Hijri months whose Arabic names change with case: ذو القعدة and ذو الحجة.
ARABIC_GENITIVE_MONTHS = {"ذو القعدة": "ذي القعدة", "ذو الحجة": "ذي الحجة"}


@cache
def hijri_date_range(start: dt.date, end: dt.date, language: str) -> str:
    """The same days in the Hijri calendar (Umm al-Qura), written with the Gregorian range's CLDR pattern:
    `6–7 شوال 1444 هـ` / `6–7 Shawwal 1444 AH`. The month names come from hijridate (Babel's CLDR data holds the
    Gregorian calendar only)."""
    first, last = (Gregorian(day.year, day.month, day.day).to_hijri() for day in (start, end))
    patterns = _interval_patterns(first, last, language)
    parts = []
    for pattern, day in zip(patterns, (first, last)):
        month = day.month_name(_hijri_language(language))
        # After a day's number the month is in the genitive: «1 ذي القعدة», not «1 ذو القعدة» (hijridate gives the
        # nominative). Every pattern the site uses puts the day first.
        if language == "ar":
            month = ARABIC_GENITIVE_MONTHS.get(month, month)
        fields = {"d": str(day.day), "MMMM": month, "y": str(day.year)}
        parts.append(str(parse_pattern(pattern).format) % fields)
    return f"{''.join(parts)} {first.notation(_hijri_language(language))}"


def _hijri_language(language: str) -> Literal["en", "ar"]:
    """hijridate's name for the language of its month names and era (it has English and Arabic, among others)."""
    if language not in ("en", "ar"):
        raise ValueError(f"no Hijri month names for language '{language}'")
    return "ar" if language == "ar" else "en"


@cache
def clock_range(start: dt.time, end: dt.time, language: str) -> str:
    locale = languages.language(language).babel_locale
    return f"{format_time(start, 'HH:mm', locale=locale)}–{format_time(end, 'HH:mm', locale=locale)}"


def arabic_digit_style(extra: Mapping[str, object]) -> str:
    """The `extra.arabic_digits` setting of mkdocs.yml (Western digits when not set)."""
    style = extra.get("arabic_digits", "western")
    if style not in ARABIC_DIGIT_STYLES:
        raise ValueError(f"mkdocs.yml: 'extra.arabic_digits' is {style!r}; expected one of "
                         f"{', '.join(ARABIC_DIGIT_STYLES)}")
    return str(style)


def with_digits(text: str, language: str, arabic_digits: str) -> str:
    """`text` with the digits an Arabic page is set to use; other languages keep Western digits."""
    if arabic_digits == "arabic-indic" and languages.language(language).may_use_arabic_indic_digits:
        return text.translate(_ARABIC_INDIC_DIGITS)
    return text


@cache
def utc_offset(time_zone: str, day: dt.date) -> str:
    """The zone's offset on that day, e.g. `UTC+4` or `UTC+2`."""
    offset = dt.datetime.combine(day, dt.time(12), zoneinfo.ZoneInfo(time_zone)).utcoffset()
    assert offset is not None
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


# Where a line may not break: inside a date's day and month and a range's dash ("21–24 May", «1444 هـ»), and
# inside a short label of several words («ورشة عمل»). NO-BREAK SPACE for the spaces, WORD JOINER on both sides of
# the dash (a line may break after an en dash).
NO_BREAK_SPACE = "\u00a0"
WORD_JOINER = "\u2060"
_SPACE_AFTER_NUMBER = re.compile(r"(?<=[0-9\u0660-\u0669]) (?=[^0-9\u0660-\u0669])")


def unbreakable(text: str) -> str:
    """A short text (a label of a few words) that a line must not break: its spaces made no-break."""
    return text.replace(" ", NO_BREAK_SPACE)


def unbreakable_date(text: str) -> str:
    """A date or range as formatted here, with no line break after a number (between a day and its month, a
    year and its era) or around a range's dash: `21\u2060–\u206024\u00a0May 2023`, `1444\u00a0هـ`; a line may
    still break before the year."""
    return _SPACE_AFTER_NUMBER.sub(NO_BREAK_SPACE, text.replace("–", f"{WORD_JOINER}–{WORD_JOINER}"))
# Country names the site writes where CLDR's differ, per language: the sources and the English pages say
# "Czech Republic", CLDR's en_GB "Czechia".
COUNTRY_NAMES: dict[str, dict[str, str]] = {"en": {"CZ": "Czech Republic"}}


@cache
def country_name(code: str, language: str) -> str:
    return (COUNTRY_NAMES.get(language, {}).get(code)
            or Locale.parse(languages.language(language).babel_locale).territories[code])
