"""Dates, times and place names as a reader of each language expects them, formatted by Babel."""

from __future__ import annotations

import datetime as dt
import zoneinfo

from babel import Locale
from babel.dates import format_interval, format_time

# en_GB writes "26–27 April 2023", the day-first order the site uses in both languages.
BABEL_LOCALES = {"ar": "ar", "en": "en_GB"}


def date_range(start: dt.date, end: dt.date, language: str) -> str:
    """`26–27 أبريل 2023` / `26–27 April 2023`; a single date when start and end are the same day."""
    return format_interval(start, end, "yMMMMd", locale=BABEL_LOCALES[language])


def clock_range(start: dt.time, end: dt.time, language: str) -> str:
    locale = BABEL_LOCALES[language]
    return f"{format_time(start, 'HH:mm', locale=locale)}–{format_time(end, 'HH:mm', locale=locale)}"


def utc_offset(time_zone: str, day: dt.date) -> str:
    """The zone's offset on that day, e.g. `UTC+4` or `UTC+2`."""
    offset = dt.datetime.combine(day, dt.time(12), zoneinfo.ZoneInfo(time_zone)).utcoffset()
    assert offset is not None
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def country_name(code: str, language: str) -> str:
    return Locale.parse(BABEL_LOCALES[language]).territories[code]
