"""What the search knows of each page: its names, its facets, its text, and the keys the index holds for it.

A page's search record holds its title and other names (a conference's slogan and years, an organisation's
short name: a query naming one ranks the page first), its facets — kind, year, country and organisation, written
as a visitor of that language reads them (they are the values the search offers to narrow the results) — and its
text section by section, as the page writes it (what a result shows, with the query words marked).

The index holds the search key of each word (search_keys.py), once per page, at the weight of the most telling
place it is in (a name, a heading, the text): «ورشات» and «ورشة», «اليونيسيف» and «اليونيسف», "workers" and
"working" meet at their key, whatever form the query and the page write them in. The calendar, share and map
links of an entity page are the same words on every page: they are neither indexed nor shown. Each facet value is
a word of the index too (`facet_word`), whose pages the worker intersects with the results to narrow them.
"""

from __future__ import annotations

import hashlib
import html
import re
from dataclasses import dataclass, field
from typing import assert_never

from .catalog import Catalog
from .kinds import AnyEntity, Conference, Organisation, Workshop
from .formatting import country_name
from .search_keys import SHORTEST_KEY, search_key, words

# The facets, in the order the search shows them.
FACETS = ("kind", "year", "country", "organisation")
# A key weighs by the most telling place the page has it in: text 1, a section heading more, a name most.
NAME_WEIGHT = 10
HEADING_WEIGHT = 5
# The home page and the listings name every entity they list: their text weighs less than an entity's own page,
# or a query would find the listings before the pages it names.
GENERAL_PAGE_WEIGHT = 0.2
# Elements whose text is not the page's subject: Material's permanent-link marks (¶), and the calendar, share
# and map links of an entity page (overrides/partials/site/share.html).
NOT_SEARCHED = frozenset({"headerlink", "cs-actions"})
# Elements that end a run of text: their text and the next are separate words (`<dt>المكان</dt><dd>قاعة…`).
BLOCKS = frozenset({"address", "article", "blockquote", "br", "caption", "dd", "details", "div", "dl", "dt",
                    "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
                    "nav", "ol", "p", "section", "summary", "table", "td", "th", "tr", "ul"})
SECTION_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
# Elements without an end tag: they never hold text.
VOID = frozenset({"area", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})


@dataclass(frozen=True)
class SearchRecord:
    url: str                                   # the page's address from its language's root, as MkDocs writes it
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


@dataclass
class Section:
    """A stretch of a page's text: the introduction (no id, no heading), or a heading with an id and its text."""
    id: str = ""
    heading: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)


# The tokens of a page's content: what is not text (a comment, a declaration, a script or style element whole),
# a start or end tag (an attribute's quoted value may hold ">"), or text (a "<" that opens none of them is text,
# as browsers read it). One regular expression over the content, not html.parser's tag-by-tag loop: every page of
# the site goes through it, and html.parser took three times as long.
_TOKEN = re.compile(r"""(?P<ignored><!--.*?(?:-->|\Z)|<[!?][^>]*>?|<(?:script|style)\b.*?(?:</(?:script|style)\s*>|\Z))"""
                    r"""|<(?P<end>/?)(?P<tag>[A-Za-z][^\t\n\f\r />]*)(?P<attributes>(?:[^>"']|"[^"]*"|'[^']*')*)>"""
                    r"""|(?P<text>[^<]+|<)""", re.DOTALL | re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""([^\t\n\f\r />="']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\t\n\f\r >]+)))?""")


def _attributes(text: str) -> dict[str, str]:
    """The class and id attributes of a tag's attribute text, their values unescaped (the first of each counts,
    as in a browser)."""
    found: dict[str, str] = {}
    for match in _ATTRIBUTE.finditer(text):
        name = match[1].lower()
        if name in ("class", "id") and name not in found:
            found[name] = html.unescape(next((value for value in match.groups()[1:] if value is not None), ""))
    return found


def page_sections(content: str) -> list[Section]:
    """The text of a page's content (HTML) section by section, as the page writes it; the introduction first.
    The elements of NOT_SEARCHED are left out, and BLOCKS end a run of text."""
    sections = [Section()]
    skipped: list[str] = []           # the open elements inside a skipped one, the skipped one first
    heading: str | None = None        # the tag of the section heading being read
    run: list[str] = []               # text since the last block boundary

    def end_run() -> None:
        words = html.unescape("".join(run)).split()
        run.clear()
        (sections[-1].heading if heading else sections[-1].text).extend(words)

    for token in _TOKEN.finditer(content):
        if token["text"] is not None:
            if not skipped:
                run.append(token["text"])
            continue
        if token["tag"] is None:      # ignored
            continue
        tag, attribute_text = token["tag"].lower(), token["attributes"]
        if token["end"]:
            if skipped:
                if tag in skipped:
                    while skipped.pop() != tag:
                        pass
                continue
            if tag in BLOCKS:
                end_run()
            if tag == heading:
                heading = None
            continue
        if skipped:
            if tag not in VOID:
                skipped.append(tag)
            continue
        attributes = _attributes(attribute_text) if "=" in attribute_text else {}
        if set(attributes.get("class", "").split()) & NOT_SEARCHED:
            if tag not in VOID:
                skipped.append(tag)
            continue
        if tag in BLOCKS:
            end_run()
        if tag in SECTION_HEADINGS and attributes.get("id"):
            sections.append(Section(attributes["id"]))
            heading = tag
        if attribute_text.endswith("/") and tag not in VOID:      # <tag/>: opened and closed at once
            if tag in BLOCKS:
                end_run()
            if tag == heading:
                heading = None
    end_run()
    return sections


def _keys(text: str, seen: set[str]) -> list[str]:
    """The keys of the words of `text` not in `seen`, each once, in their order; `seen` then holds them too."""
    found = []
    for word in words(text):
        key = search_key(word)
        if len(key) >= SHORTEST_KEY and key not in seen:
            seen.add(key)
            found.append(key)
    return found


@dataclass(frozen=True)
class IndexedPage:
    """A page as the search index takes it: what a result shows of it, and the weight of each of its keys."""
    record: SearchRecord
    sections: list[Section]
    weights: dict[str, float]                  # key → weight of the most telling place it is in

    def facets(self) -> dict[str, list[list[str]]]:
        """Each facet of the page, in FACETS' order: its values as [word in the index, value as written]."""
        return {name: [[facet_word(name, value), value] for value in self.record.facets[name]]
                for name in FACETS if self.record.facets.get(name)}

    def facet_words(self) -> list[str]:
        """The words that stand for the page's facet values in the index."""
        return [word for values in self.facets().values() for word, _ in values]

    def shown(self) -> dict[str, object]:
        """What the search worker reads of the page to show it as a result."""
        return {
            "url": self.record.url,
            "title": self.record.title,
            "names": self.record.names,
            "facets": self.facets(),
            "sections": [[section.id, " ".join(section.heading), " ".join(section.text)]
                         for section in self.sections],
        }


def indexed_page(record: SearchRecord, content: str) -> IndexedPage:
    """The page of `record`, whose content (HTML, as the page shows it) is `content`, as the index takes it."""
    sections = page_sections(content)
    seen: set[str] = set()
    scale = 1.0 if record.facets else GENERAL_PAGE_WEIGHT
    weights: dict[str, float] = {}
    for text, weight in ((" ".join([record.title, *record.names]), NAME_WEIGHT),
                         (" ".join(" ".join(section.heading) for section in sections), HEADING_WEIGHT * scale),
                         (" ".join(" ".join(section.text) for section in sections), scale)):
        weights.update(dict.fromkeys(_keys(text, seen), weight))
    return IndexedPage(record, sections, weights)
