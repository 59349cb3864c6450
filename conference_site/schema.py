"""The schema of every file an editor writes: one data file and two pages per entity.

Each field's `description` is the "expected …" half of the message an editor sees when the field is wrong.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import zoneinfo
from collections.abc import Callable
from typing import Annotated, Any, Literal, TypeVar

from babel import Locale
from pydantic import (AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, ValidationError,
                      ValidationInfo, model_validator)

from . import languages, limits, time_zones
from .formatting import country_name
from .problems import Problem
from .suggestions import did_you_mean, nearest
from .yaml_source import SourceDocument

LANGUAGES = languages.CODES
DEFAULT_LANGUAGE = languages.DEFAULT.code
LANGUAGE_NAMES = {language.code: language.english_name for language in languages.REGISTRY}

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
ID_EXPECTED = "an id of lower-case letters, digits and '-' (e.g. sharjah-social-services-department)"

# In English, as the site writes them (formatting.country_name), to name a country in a message.
_COUNTRY_NAMES = {code: country_name(code, "en") for code in map(str, Locale("en").territories)
                  if re.fullmatch(r"[A-Z]{2}", code)}
_COUNTRY_CODES = frozenset(_COUNTRY_NAMES)
_TIME_ZONES = frozenset(zoneinfo.available_timezones())
_MONTHS = Locale("en").months["format"]["wide"]
# An error message with a second part: "what is wrong|what is expected" (see _problem).
_EXPECTED = "|"


def _require_text(value: Any) -> Any:
    # A number here means YAML read an unquoted time (14:00 is 840 in YAML 1.1): refuse it, never guess.
    if not isinstance(value, str):
        raise ValueError("not text: write it in quotes")
    return value


def _check_calendar(value: Any) -> Any:
    """A date (or date and time) that names a day or hour the calendar does not have, said in plain words."""
    value = _require_text(value)
    match = re.fullmatch(r"\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2})?)?\s*", value)
    if match:
        year, month, day = (int(part) for part in match.groups()[:3])
        if not 1 <= month <= 12:
            raise ValueError(f"there is no month {month:02d}: months are 01 to 12")
        days = calendar.monthrange(year, month)[1]
        if not 1 <= day <= days:
            raise ValueError(f"{_MONTHS[month]} {year} has {days} days")
        if match[4] is not None:
            _check_hour_and_minute(int(match[4]), int(match[5]))
    return value


def _check_clock(value: Any) -> Any:
    value = _require_text(value)
    match = re.fullmatch(r"\s*(\d{1,2}):(\d{2})(?::\d{2})?\s*", value)
    if match:
        _check_hour_and_minute(int(match[1]), int(match[2]))
    return value


def _check_hour_and_minute(hour: int, minute: int) -> None:
    if hour > 23:
        raise ValueError(f"there is no hour {hour}: hours are 00 to 23")
    if minute > 59:
        raise ValueError(f"there is no minute {minute}: minutes are 00 to 59")


def _check_https(value: str) -> str:
    # Printable ASCII only (an address with other letters is written percent-encoded or in punycode), and no
    # user name or password before the host: `https://user:secret@host/` would publish the secret.
    if not re.fullmatch(r"https://[^\s/$.?#][!-~]*", value):
        raise ValueError("not an https:// address")
    if len(value) > limits.MAX_URL:
        raise ValueError(f"{len(value):,} characters, over the limit of {limits.MAX_URL:,}")
    if "@" in value[len("https://"):].split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]:
        raise ValueError("it holds a user name or password before the host")
    return value


# Material's templates print titles and other front-matter text without escaping (and `striptags` turns
# `&lt;` back into `<`), so text that looks like HTML markup is refused rather than published.
_MARKUP = re.compile(r"<[a-zA-Z/!?]|&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);")


def _check_plain_text(value: str) -> str:
    if _MARKUP.search(value):
        raise ValueError("HTML markup is not allowed here")
    invisible = limits.invisible_character(value)
    if invisible is not None:
        raise ValueError(f"it contains the invisible character {limits.character_name(invisible)}; write the text "
                         "on one line, with visible characters only")
    return value


def label_problem(text: str) -> str | None:
    """What is wrong with the text of a label in data/labels.yml (shown on every page), checked as an editor's
    text is: None when nothing is."""
    try:
        _check_plain_text(text)
        _length_limit(limits.MAX_LONG_TEXT)(text)
    except ValueError as error:
        return str(error)
    return None


def _length_limit(most: int) -> Callable[[str], str]:
    def check(value: str) -> str:
        if len(value) > most:
            raise ValueError(f"{len(value):,} characters, over the limit of {most}")
        return value
    return check


def _check_day(value: dt.date) -> dt.date:
    day = value.date() if isinstance(value, dt.datetime) else value
    if not limits.in_day_range(day):
        raise ValueError(f"{day:%Y-%m-%d} is outside the days the site can write in the Hijri calendar, "
                         f"{limits.DAYS_SHOWN}")
    return value


def _check_document(value: str) -> str:
    if value.startswith("https://"):
        return _check_https(value)
    if not re.fullmatch(r"[\w.-]+", value):
        raise ValueError("neither a file name nor an https:// address")
    return value


def _country_zones(country: str) -> str:
    zones = time_zones.zones_of(country)
    listed = ", ".join(zones[:8]) + (", …" if len(zones) > 8 else "")
    return (f"the time zone of {_COUNTRY_NAMES[country]}: {listed}" if len(zones) == 1 else
            f"one of the time zones of {_COUNTRY_NAMES[country]}: {listed}")


def _check_time_zone(value: str, info: ValidationInfo) -> str:
    """A zone of the tz database, and one of the country's (`country` is validated before `timezone`)."""
    country = info.data.get("country")
    zones = time_zones.zones_of(country) if country else []
    if value not in _TIME_ZONES:
        # The country's own zone is the likeliest meaning, however the name was misspelt (Asia/Doha).
        suggestion = zones[0] if len(zones) == 1 else nearest(value, zones) or nearest(value, _TIME_ZONES)
        hint = f"; did you mean {suggestion}?" if suggestion else ""
        expected = _country_zones(str(country)) if zones else "an IANA time zone such as Asia/Dubai or Europe/Prague"
        raise ValueError(f"not a time zone{hint}{_EXPECTED}{expected}")
    if country and not time_zones.belongs_to(value, country):
        raise ValueError(f"not a time zone of {_COUNTRY_NAMES[country]} ({country}), the conference's country"
                         f"{_EXPECTED}{_country_zones(country)}")
    return value


def _check_country(value: str) -> str:
    if value not in _COUNTRY_CODES:
        names = {name: code for code, name in _COUNTRY_NAMES.items()}
        name = nearest(value, names)
        code = value.upper() if value.upper() in _COUNTRY_CODES else (names[name] if name else None)
        raise ValueError(f"not a country code{f'; did you mean {code} ({_COUNTRY_NAMES[code]})?' if code else ''}")
    return value


EntityId = Annotated[str, StringConstraints(pattern=ID_PATTERN), Field(description=ID_EXPECTED)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(_check_plain_text),
                 AfterValidator(_length_limit(limits.MAX_SHORT_TEXT)),
                 Field(description=f"plain text on one line (not empty, no HTML markup, at most "
                                   f"{limits.MAX_SHORT_TEXT} characters)")]
LongText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(_check_plain_text),
                     AfterValidator(_length_limit(limits.MAX_LONG_TEXT)),
                     Field(description=f"plain text (not empty, no HTML markup, at most {limits.MAX_LONG_TEXT} "
                                       "characters)")]
DocumentRef = Annotated[str, AfterValidator(_check_document),
                        Field(description="a source file name such as 003_8ef96eab551f5210.txt, or an https:// address")]
HttpsUrl = Annotated[str, AfterValidator(_check_https),
                     Field(description="a web address starting with https://")]
TimeZone = Annotated[str, AfterValidator(_check_time_zone),
                     Field(description="an IANA time zone such as Asia/Dubai or Europe/Prague")]
Country = Annotated[str, AfterValidator(_check_country),
                    Field(description="a two-letter country code such as AE, QA or CZ")]
Day = Annotated[dt.date, BeforeValidator(_check_calendar), AfterValidator(_check_day),
                Field(description=f"a date written YYYY-MM-DD, such as 2023-04-26, from {limits.DAYS_SHOWN}")]
ClockTime = Annotated[dt.time, BeforeValidator(_check_clock),
                      Field(description='a time written in quotes as "HH:MM", such as "09:00"')]
TranslationHash = Annotated[str, BeforeValidator(_require_text), StringConstraints(pattern=r"^[0-9a-f]{12}$"),
                            Field(description='12 hexadecimal characters in quotes, as written by '
                                              '"make translation-done"')]
LocalDateTime = Annotated[dt.datetime, BeforeValidator(_check_calendar), AfterValidator(_check_day),
                          Field(description="a local date and time such as 2023-04-26T09:00")]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SourceRef(Strict):
    id: EntityId
    document: DocumentRef
    # Where a reader can read the source, when it is public (a `document` given as an https address is its own).
    url: HttpsUrl | None = None
    facts: Annotated[list[Text], Field(min_length=1, description="a list of the field names this source gives")]


Sources = Annotated[list[SourceRef], Field(min_length=1, description="at least one source: id, document, facts")]


class ConferenceRole(Strict):
    organisation: EntityId
    role: Annotated[Literal["organiser", "co-organiser", "partner", "participant"],
                    Field(description="one of organiser, co-organiser, partner, participant")]


class Registration(Strict):
    url: HttpsUrl
    closes: Day | None = None


class CallForPapers(Strict):
    url: HttpsUrl
    deadline: Day | None = None


class ConferenceData(Strict):
    edition: Annotated[int, Field(ge=1, le=limits.MAX_EDITION,
                                  description=f"a whole number such as 14, at most {limits.MAX_EDITION}")] | None = None
    start: Day
    end: Day
    daily_start: ClockTime | None = None
    daily_end: ClockTime | None = None
    # Before the time zone, which must be one of the country's: an online conference is written with the country
    # whose time its programme is announced in. (Organisations have no time zone: an international body simply
    # has no country.)
    country: Country
    timezone: TimeZone
    address: LongText | None = None
    public: Annotated[bool, Field(description="true or false")] | None = None
    website: HttpsUrl | None = None
    # The optional event links (event_links.py): each shown only when given, and only while it is of use.
    registration: Annotated[Registration, Field(description="a group of 'url:' (https://…) and, optionally, "
                                                            "'closes:' (YYYY-MM-DD)")] | None = None
    call_for_papers: Annotated[CallForPapers, Field(description="a group of 'url:' (https://…) and, optionally, "
                                                                "'deadline:' (YYYY-MM-DD)")] | None = None
    livestream: HttpsUrl | None = None
    recordings: HttpsUrl | None = None
    programme_pdf: HttpsUrl | None = None
    organisations: Annotated[list[ConferenceRole], Field(description="a list of 'organisation:' and 'role:'")] = []
    sources: Sources

    @model_validator(mode="after")
    def _dates_in_order(self) -> ConferenceData:
        if self.end < self.start:
            raise ValueError(f"end|end {self.end} is before start {self.start}|an end on or after the start")
        if (self.daily_start is None) != (self.daily_end is None):
            raise ValueError("daily_start|only one of daily_start and daily_end is given|both daily times or neither")
        if self.daily_start and self.daily_end and self.daily_end <= self.daily_start:
            raise ValueError(f"daily_end|daily_end {self.daily_end:%H:%M} is not after daily_start "
                             f"{self.daily_start:%H:%M}|a closing time after the opening time")
        for field, day in (("registration.closes", self.registration and self.registration.closes),
                           ("call_for_papers.deadline", self.call_for_papers and self.call_for_papers.deadline)):
            if day and day > self.end:
                raise ValueError(f"{field}|'{field}' {day} is after the conference's end {self.end}"
                                 f"|a date on or before the conference's last day")
        return self


class WorkshopData(Strict):
    conference: EntityId
    format: Annotated[Literal["workshop", "panel", "paper"], Field(description="one of workshop, panel, paper")]
    order: Annotated[int, Field(ge=0, le=limits.MAX_ORDER, description=f"a whole number from 0 to {limits.MAX_ORDER}: "
                                                                     "the position in the programme")]
    start: LocalDateTime | None = None
    end: LocalDateTime | None = None
    presenters: Annotated[list[EntityId], Field(description="a list of organisation ids")] = []
    # One entry for several sessions that the sources mention without naming them one by one: its labels are
    # plural («ورش عمل», "Workshops").
    grouped: Annotated[bool, Field(description="true or false: true when the entry stands for several sessions "
                                               "that the sources do not name one by one")] = False
    sources: Sources

    @model_validator(mode="after")
    def _times_in_order(self) -> WorkshopData:
        if (self.start is None) != (self.end is None):
            raise ValueError("start|only one of start and end is given|both start and end, or neither")
        if self.start and self.end and self.end <= self.start:
            raise ValueError(f"end|end {self.end:%Y-%m-%dT%H:%M} is not after start "
                             f"{self.start:%Y-%m-%dT%H:%M}|an end after the start")
        return self


class OrganisationData(Strict):
    kind: Annotated[Literal["government-department", "ngo", "foundation", "federation",
                            "professional-association", "un-body"],
                    Field(description="one of government-department, ngo, foundation, federation, "
                                      "professional-association, un-body")]
    country: Country | None = None
    website: HttpsUrl | None = None
    sources: Sources


SourceNotes = Annotated[dict[EntityId, LongText],
                        Field(description="one line per source id of the data file: 'id: description'")]


class ConferencePage(Strict):
    title: Text
    slogan: Text | None = None
    summary: LongText
    venue_name: Text
    city: Text
    themes: Annotated[list[Text], Field(description="a list of themes, one '- theme' per line")] = []
    # Shown under the themes' heading, before them: how the list was read from the sources, when it was.
    themes_note: LongText | None = None
    sources: SourceNotes
    # English pages only: the hash of the Arabic page this translation matches (see translations.py).
    translated_from: TranslationHash | None = None


class WorkshopPage(Strict):
    title: Text
    summary: LongText
    sources: SourceNotes
    # English pages only: the hash of the Arabic page this translation matches (see translations.py).
    translated_from: TranslationHash | None = None


class OrganisationPage(Strict):
    title: Text
    short_name: Text | None = None
    summary: LongText
    sources: SourceNotes
    # English pages only: the hash of the Arabic page this translation matches (see translations.py).
    translated_from: TranslationHash | None = None


class GeneralPage(Strict):
    """The home page, the index pages and any other page that is not an entity."""

    title: Text
    summary: LongText
    # English pages only: the hash of the Arabic page this translation matches (see translations.py).
    translated_from: TranslationHash | None = None


def _expected(model: type[BaseModel], location: tuple[str | int, ...]) -> str:
    """The description of the field at `location`, following nested models and lists."""
    current: Any = model
    description = ""
    for part in location:
        if isinstance(part, int) or not (isinstance(current, type) and issubclass(current, BaseModel)):
            continue
        info = current.model_fields.get(part)
        if info is None:
            return ""
        annotation = info.annotation
        description = info.description or _description_in(annotation) or description
        for candidate in (annotation, *getattr(annotation, "__args__", ())):
            if isinstance(candidate, type) and issubclass(candidate, BaseModel):
                current = candidate
                break
            for inner in getattr(candidate, "__args__", ()):
                if isinstance(inner, type) and issubclass(inner, BaseModel):
                    current = inner
                    break
    return description


def _description_in(annotation: Any) -> str:
    """The description an `Annotated[..., Field(description=...)]` member of a union carries."""
    for member in getattr(annotation, "__args__", ()):
        for metadata in getattr(member, "__metadata__", ()):
            description = getattr(metadata, "description", None)
            if description:
                return str(description)
    return ""


def _field_name(location: tuple[str | int, ...]) -> str:
    return ".".join(str(part) if isinstance(part, str) else f"[{part}]" for part in location).replace(".[", "[")


Model = TypeVar("Model", bound=Strict)


def validate(model: type[Model], document: SourceDocument, problems: list[Problem]) -> Model | None:
    """The document as `model`, or None after adding one problem per wrong field."""
    try:
        return model.model_validate(document.data)
    except ValidationError as error:
        details = [(detail, tuple(part for part in detail["loc"] if not (isinstance(part, str) and "[" in part)))
                   for detail in error.errors(include_url=False)]
        # A misspelt field is one slip, not two: its "unknown field … (did you mean …?)" says all that the
        # missing field it was meant to be would.
        misspelt = {(*location[:-1], nearest(str(location[-1]), _allowed_fields(model, location[:-1])))
                    for detail, location in details if detail["type"] == "extra_forbidden"}
        for detail, location in details:
            if not (detail["type"] == "missing" and location in misspelt):
                problems.append(_problem(model, document, detail, location))
        return None


def _problem(model: type[Strict], document: SourceDocument, detail: Any,
             location: tuple[str | int, ...]) -> Problem:
    name = _field_name(location)
    line = document.line_of(location)
    kind = detail["type"]
    if kind == "extra_forbidden":
        allowed = _allowed_fields(model, location[:-1])
        return Problem(document.path, line, f"unknown field '{name}'{did_you_mean(str(location[-1]), allowed)}",
                       f"one of: {', '.join(allowed)}")
    if kind == "missing":
        return Problem(document.path, line, f"the required field '{name}' is missing",
                       _expected(model, location) or "a value")
    if kind == "value_error" and not location:
        field_name, message, expected = str(detail["ctx"]["error"]).split("|")
        return Problem(document.path, document.line_of(tuple(field_name.split("."))), message, expected)
    expected = _expected(model, location) or "a valid value"
    value = detail.get("input")
    if value in ("", None, [], {}):
        shown = "empty"
    elif isinstance(value, str) and len(value) > 60:
        shown = repr(value[:57] + "…")
    elif isinstance(value, (str, int, float, bool)):
        shown = repr(value)
    else:
        shown = "a list" if isinstance(value, list) else "a group of fields"
    reason = ""
    if kind == "value_error":
        error, _, specific = str(detail["ctx"]["error"]).partition(_EXPECTED)
        reason, expected = f" ({error})", specific or expected
    elif kind == "literal_error" and isinstance(value, str):
        reason = did_you_mean(value, re.findall(r"'([^']*)'", detail["ctx"]["expected"]))
    elif kind.startswith(("date_", "time_", "datetime_")):
        reason = f" ({detail['msg'].split(',', 1)[-1].strip()})"
    return Problem(document.path, line, f"'{name}' is {shown}{reason}", expected)


def _allowed_fields(model: type[Strict], location: tuple[str | int, ...]) -> list[str]:
    current: Any = model
    for part in location:
        if isinstance(part, int):
            continue
        annotation = current.model_fields[part].annotation
        for candidate in (annotation, *getattr(annotation, "__args__", ())):
            if isinstance(candidate, type) and issubclass(candidate, BaseModel):
                current = candidate
                break
    return list(current.model_fields)
