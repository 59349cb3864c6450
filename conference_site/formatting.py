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
from babel.dates import format_time, get_timezone_name, parse_pattern
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


@cache
def hijri_date_range(start: dt.date, end: dt.date, language: str) -> str:
    """The same days in the Hijri calendar (Umm al-Qura), written with the Gregorian range's CLDR pattern:
    `6–7 شوال 1444 هـ` / `6–7 Shawwal 1444 AH`. The month names come from hijridate (Babel's CLDR data holds the
    Gregorian calendar only)."""
    first, last = (Gregorian(day.year, day.month, day.day).to_hijri() for day in (start, end))
    patterns = _interval_patterns(first, last, language)
    parts = []
    for pattern, day in zip(patterns, (first, last)):
        fields = {"d": str(day.day), "MMMM": day.month_name(_hijri_language(language)), "y": str(day.year)}
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


@cache
def time_zone_name(time_zone: str, day: dt.date, language: str) -> str:
    """The zone's name on that day as the reader's language gives it: `توقيت الخليج`, `Central European Summer Time`."""
    noon = dt.datetime.combine(day, dt.time(12), zoneinfo.ZoneInfo(time_zone))
    return get_timezone_name(noon, locale=languages.language(language).babel_locale)


# Country names the site writes where CLDR's differ, per language: the sources and the English pages say
# "Czech Republic", CLDR's en_GB "Czechia".
COUNTRY_NAMES: dict[str, dict[str, str]] = {"en": {"CZ": "Czech Republic"}}


@cache
def country_name(code: str, language: str) -> str:
    return (COUNTRY_NAMES.get(language, {}).get(code)
            or Locale.parse(languages.language(language).babel_locale).territories[code])
