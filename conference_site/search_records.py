"""What the search knows of each page: its names, its facets, and the document Pagefind indexes for it.

A page's search record holds its title and other names (a conference's slogan and years, an organisation's
short name: a query naming one ranks the page first), and its facets — kind, year, country and organisation,
written as a visitor of that language reads them (they are the values the search offers to narrow the results).
The indexed document is the page's content with, before it, the search key of its Arabic words (search_keys.py):
Pagefind stems each form of a word in its own way, so that «ورشات» and «ورشة» or «اليونيسيف» and «اليونيسف» did
not meet; a query key meets the indexed key whatever form either was written in. Each facet value is indexed as
a word of its own too (`facet_word`), which the worker adds to the query words to narrow the results: Pagefind's
own filters are written in an order that changes from build to build (and their chunks hold every page of a
value, which grows with the site). The number of these added words goes into the record's metadata, and the
search worker leaves them out of what it shows.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from typing import assert_never
from dataclasses import dataclass, field

from .catalog import Catalog
from .kinds import AnyEntity, Conference, Organisation, Workshop
from .formatting import country_name
from .search_keys import is_arabic, search_key, words

# The facets, in the order the search shows them.
FACETS = ("kind", "year", "country", "organisation")
# Pagefind weighs a word by the element it is in (1 for text, 7 for <h1>); names outweigh a title's heading.
NAME_WEIGHT = 10
# The home page and the listings name every entity they list: their text weighs less than an entity's own page,
# or a query would find the listings before the pages it names.
GENERAL_PAGE_WEIGHT = 0.2
_TAG = re.compile(r"<[^>]*>")
# Pagefind joins the text of adjacent cells (`<dt>المكان</dt><dd>قاعة…` would be «المكانقاعة»): the boundary
# between two such elements gets a space, which is white space to the indexer as in HTML.
_ADJACENT_CELLS = re.compile(r"(</(?:dt|dd|th|td|li|caption|figcaption)>)(?=<)")
_SPACED = r"\1 "


@dataclass(frozen=True)
class SearchRecord:
    url: str                                   # the page's address from the site root, as MkDocs writes it
    language: str
    title: str
    names: list[str] = field(default_factory=list)
    facets: dict[str, list[str]] = field(default_factory=dict)


def _years(*conferences: Conference) -> list[str]:
    return sorted({str(year) for conference in conferences
                   for year in (conference.data.start.year, conference.data.end.year)},
                  reverse=True)


def _organisation_titles(catalog: Catalog, ids: list[str], language: str) -> list[str]:
    return sorted({catalog.organisations[org_id].text(language).title for org_id in ids})


def entity_facets(catalog: Catalog, entity: AnyEntity, language: str) -> dict[str, list[str]]:
    """The facets of an entity's page, each value as the page's language writes it."""
    kind = [catalog.label(f"search_kind_{entity.kind}", language)]
    if isinstance(entity, Conference):
        organisations = [part.organisation for part in entity.data.organisations]
        return {"kind": kind, "year": _years(entity), "country": [country_name(entity.data.country, language)],
                "organisation": _organisation_titles(catalog, organisations, language)}
    if isinstance(entity, Workshop):
        conference = catalog.conferences[entity.data.conference]
        return {"kind": kind, "year": _years(conference), "country": [country_name(conference.data.country, language)],
                "organisation": _organisation_titles(catalog, entity.data.presenters, language)}
    if isinstance(entity, Organisation):
        country = (country_name(entity.data.country, language) if entity.data.country
                   else catalog.label("international", language))
        conferences = [participation.conference for participation in catalog.participations_of(entity.id)]
        return {"kind": kind, "year": _years(*conferences), "country": [country],
                "organisation": [entity.text(language).title]}
    assert_never(entity)


def other_names(entity: AnyEntity | None, language: str) -> list[str]:
    """The names a visitor may search an entity by besides its title: slogan and years, short name."""
    if entity is None:
        return []
    if isinstance(entity, Conference):
        slogan = entity.text(language).slogan
        return [*([slogan] if slogan else []), *sorted(_years(entity))]
    if isinstance(entity, Organisation):
        short_name = entity.text(language).short_name
        return [short_name] if short_name else []
    return []


def search_record(catalog: Catalog, entity: AnyEntity | None, language: str, url: str, title: str) -> SearchRecord:
    """The record of a page: an entity's page has names and facets; a general page has its title only."""
    facets = entity_facets(catalog, entity, language) if entity is not None else {}
    return SearchRecord(url, language, title, other_names(entity, language), facets)


def facet_word(facet: str, value: str) -> str:
    """The word that stands for a facet's value in the index: no word of a page can be it or begin it."""
    return f"zz{facet}{hashlib.sha256(value.encode('utf-8')).hexdigest()[:12]}"


def _keys(text: str, arabic_only: bool) -> list[str]:
    found = (search_key(word) for word in words(text) if not arabic_only or is_arabic(word))
    return list(dict.fromkeys(key for key in found if key))


def search_document(record: SearchRecord, content: str) -> str:
    """The HTML Pagefind indexes for a page: its metadata and facets, the keys of its words, then its content."""
    name_keys = _keys(" ".join([record.title, *record.names]), arabic_only=False)
    body_keys = _keys(html.unescape(_TAG.sub(" ", content)), arabic_only=True)
    escape = html.escape
    weight = "" if record.facets else f' data-pagefind-weight="{GENERAL_PAGE_WEIGHT}"'
    facets = {name: [[facet_word(name, value), value] for value in record.facets[name]]
              for name in FACETS if record.facets.get(name)}
    facet_words = [word for values in facets.values() for word, _ in values]
    return (
        f'<html lang="{record.language}"><head><title>{escape(record.title)}</title></head><body>'
        f'<span data-pagefind-meta="title">{escape(record.title)}</span>'
        f'<span data-pagefind-meta="names">{escape(json.dumps(record.names, ensure_ascii=False))}</span>'
        f'<span data-pagefind-meta="facets">{escape(json.dumps(facets, ensure_ascii=False))}</span>'
        f'<span data-pagefind-meta="keys">{len(name_keys) + len(facet_words) + len(body_keys)}</span>'
        f'<main data-pagefind-body><p data-pagefind-weight="{NAME_WEIGHT}">{escape(" ".join(name_keys))}</p>'
        f'<p>{" ".join(facet_words)}</p>'
        f'<div{weight}><p>{escape(" ".join(body_keys))}</p>{_ADJACENT_CELLS.sub(_SPACED, content)}</div>'
        f'</main></body></html>'
    )
