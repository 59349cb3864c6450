"""A Python-Markdown extension that keeps every id of a page within the safe character set before the table of
contents is made from them.

Material writes a heading's id and table-of-contents title into the page unescaped (the table of contents, the
skip link), so an id that attr_list (`{: id='…' }`) or md_in_html (`<h2 id="…">`) gave a heading must not hold a
quote or `<`. The source check (markdown_checks) refuses such ids at their line; this runs after attr_list and
before toc (priorities 8 and 5) and removes any id the check did not see, so the toc extension gives the heading
its slug instead, and drops `data-toc-label` (a second title, which the toc extension reads as HTML).
`safe_slugify` keeps the slugs the toc extension makes from a heading's words out of the ids Material reserves
for its own elements (a heading "__search" would otherwise get the id of Material's search toggle).
"""

from __future__ import annotations

from collections.abc import Callable
from xml.etree import ElementTree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from .html_policy import is_reserved_id, is_safe_id

ID_ATTRIBUTES = ("id", "for", "name")


class _SafeIds(Treeprocessor):
    def run(self, root: ElementTree.Element) -> None:
        for element in root.iter():
            for attribute in ID_ATTRIBUTES:
                value = element.get(attribute)
                if value is not None and not is_safe_id(value):
                    del element.attrib[attribute]
            element.attrib.pop("data-toc-label", None)


class SafeIds(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        md.treeprocessors.register(_SafeIds(md), "conference_site_safe_ids", 6)


Slugify = Callable[[str, str], str]


def safe_slugify(slugify: Slugify) -> Slugify:
    """`slugify` (the toc extension's setting), giving no id that Material reserves: leading `_` removed."""
    if getattr(slugify, "keeps_reserved_ids_free", False):
        return slugify

    def safe(text: str, separator: str) -> str:
        slug = slugify(text, separator)
        return slug.lstrip("_") if is_reserved_id(slug) else slug

    safe.keeps_reserved_ids_free = True  # type: ignore[attr-defined]
    return safe
