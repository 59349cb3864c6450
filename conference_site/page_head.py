"""What hooks/page_metadata.py computes for a page's <head> and overrides/partials/site/head-meta.html renders."""

from __future__ import annotations

from dataclasses import dataclass

# Where the hook leaves a page's PageHead for the template: in `page.meta`, the only per-page object both see.
HEAD_KEY = "conference_site_head"
# Search engines show about this many characters of a description; a longer summary is cut at a word before it.
DESCRIPTION_LENGTH = 160
ELLIPSIS = "…"
# Not left at the end of a cut description, before the ellipsis: spaces and the punctuation between words.
_TRAILING = " \t,;:.-–—،؛"


def page_description(summary: str, most: int = DESCRIPTION_LENGTH) -> str:
    """The summary, or, when it is longer than `most` characters, its words up to there and an ellipsis."""
    if len(summary) <= most:
        return summary
    cut = summary[:most - len(ELLIPSIS)]
    # Up to the last whole word: a word that runs past the limit is left out (a text with no space is cut).
    if not summary[len(cut)].isspace() and " " in cut:
        cut = cut[:cut.rindex(" ")]
    return cut.rstrip(_TRAILING) + ELLIPSIS


@dataclass(frozen=True)
class PageHead:
    title: str
    description: str
    url: str
    alternates: list[tuple[str, str]]
    locale: str
    locale_alternates: list[str]
    og_type: str
    structured_data: str | None
    feeds: list[tuple[str, str, str]]  # (media type, title, absolute URL) of this language's feeds
    image: str  # the absolute URL of the conference's share image (conference and workshop pages) or site card
    image_alt: str
    image_size: tuple[int, int]
