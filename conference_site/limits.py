"""How large, long, deep and strange an editor's input may be: every limit the checks apply, in one place.

Each limit is far above what the real content needs (measured on the site's pages and data files: the largest
page is 5.3 KB, its longest paragraph 692 characters, the largest data file 5.8 KB, the longest title 140
characters, the longest summary 284, no list or quote nested deeper than one level) and low enough that any
input within them is checked in milliseconds and built in seconds, with bounded memory. CONTRIBUTING.md
(section 8) lists them for editors; tests/hostile_corpus.py tests each.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

MAX_PAGE_BYTES = 64 * 1024
# Python-Markdown's inline patterns take time growing with the square of a paragraph's length on some input
# (unclosed links: 1.5 s for 8,000 characters of them), so a paragraph is bounded too (the longest is 692).
MAX_PARAGRAPH = 8000
MAX_DATA_BYTES = 64 * 1024
# Titles, names, places and themes are one line; summaries and the descriptions of sources a few sentences.
MAX_SHORT_TEXT = 200
MAX_LONG_TEXT = 600
MAX_URL = 2000
# Lists and quotes inside each other; brackets and parentheses inside each other; HTML elements inside each other.
MAX_BLOCK_DEPTH = 8
MAX_BRACKET_DEPTH = 10
MAX_HTML_DEPTH = 16
# The longest integer YAML is asked to read (Python refuses to read one of over 4,300 digits, and ever longer ones
# take ever longer): an edition or a programme position needs a few digits, the schema bounds their values.
MAX_INTEGER_DIGITS = 20
# Fields inside lists inside fields: a data file's sources are three levels deep.
MAX_YAML_DEPTH = 6
MAX_EDITION = 9999
MAX_ORDER = 9999
# The days hijridate can write in the Hijri (Umm al-Qura) calendar, which every Arabic page shows.
FIRST_DAY = dt.date(1924, 8, 1)
LAST_DAY = dt.date(2077, 11, 16)
DAYS_SHOWN = f"{FIRST_DAY:%Y-%m-%d} to {LAST_DAY:%Y-%m-%d}"
# The most processor time a page may take to be turned into HTML, however it is written: a page within the
# limits above takes a few milliseconds, a listing page of a hundred entries well under a second.
PAGE_SECONDS = 20.0

# Invisible characters that change what a text seems to say: the bidirectional embeddings, overrides and
# isolates (they reorder what a reviewer reads in the diff and a visitor on the page), zero-width characters
# (they hide inside a name: "Shar\u200bjah" is not "Sharjah"), and characters that some programs read as line
# breaks. The left-to-right, right-to-left and Arabic letter marks (U+200E, U+200F, U+061C) stay allowed:
# they only settle the direction of neutral characters next to them.
_BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff\u180e"
_LINE_BREAKS = "\u0085\u2028\u2029"
# Anywhere in a file: control characters other than tab and line feed, and the characters above.
FILE_FORBIDDEN = re.compile(f"[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f{_BIDI_CONTROLS}{_ZERO_WIDTH}{_LINE_BREAKS}]")
_DIRECTION_MARKS = frozenset("\u200e\u200f\u061c")


def character_name(character: str) -> str:
    """`U+202E (RIGHT-TO-LEFT OVERRIDE)`: how a message names an invisible character."""
    name = unicodedata.name(character, "")
    if not name and unicodedata.category(character) == "Cc":
        name = {"\x00": "NULL", "\t": "TAB", "\n": "LINE FEED", "\r": "CARRIAGE RETURN", "\x1b": "ESCAPE",
                "\x0c": "FORM FEED"}.get(character, "CONTROL CHARACTER")
    return f"U+{ord(character):04X} ({name})" if name else f"U+{ord(character):04X}"


def invisible_character(text: str) -> str | None:
    """The first character of a one-line text field that is not visible text: a control or format character,
    a line or paragraph separator, a private-use character."""
    # Every such character is one Python does not count as printable: most texts are answered in one call.
    if text.isprintable():
        return None
    for character in text:
        category = unicodedata.category(character)
        if category in ("Cc", "Zl", "Zp", "Co", "Cs") or (category == "Cf" and character not in _DIRECTION_MARKS):
            return character
    return None


def in_day_range(day: dt.date) -> bool:
    return FIRST_DAY <= day <= LAST_DAY
