"""Every link a page body writes to another file of the site must lead somewhere, checked at its source line.

MkDocs (strict) refuses the same links, but with a warning that names no line and aborts the build; this check
runs first and says where the link is and what it should be. A relative link must name a file of the page's
own language folder (`../organisations/<id>.md`, `../images/<name>`), never a folder, an address starting with
`/` or another language's page; a `#anchor` must be a heading or an `{#id}` of the page it leads to, as
Python-Markdown writes them (the generated parts of a page are added after MkDocs checks anchors).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from urllib.parse import unquote

from pymdownx.slugs import slugify

# The body checks' reading of Markdown: code blanked out, a link target up to its closing parenthesis.
from .markdown_checks import _balanced, _without_code
from .problems import Problem
from .suggestions import nearest

# mkdocs.yml's toc setting: pymdownx's slugify, lower case, which keeps Arabic letters.
_SLUGIFY = slugify(case="lower")
_INLINE = re.compile(r"(!?)\[[^\]]*\]\(\s*<?([^\s>]+)")
# A reference definition, not a footnote's (`[^name]: text`).
_REFERENCE = re.compile(r"^[ ]{0,3}\[(?!\^)[^\]]+\]:\s*<?([^\s>]+)>?", re.MULTILINE)
_SCHEME = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:")
_ATX_HEADING = re.compile(r"^[ ]{0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$", re.MULTILINE)
_SETEXT_HEADING = re.compile(r"^([^\n]*\S[^\n]*)\n[ ]{0,3}(?:=+|-+)[ \t]*$", re.MULTILINE)
_ATTR_ID = re.compile(r"\{:?[^}]*?(?<![\w-])#([^\s}]+)[^}]*\}")
_TRAILING_ATTRS = re.compile(r"\s*\{:?[^}]*\}\s*$")
_FOOTNOTE = re.compile(r"^\[\^([^\]]+)\]:", re.MULTILINE)
_INLINE_MARKUP = re.compile(r"!?\[([^\]]*)\]\([^)]*\)|[*_`~]+|<[^>]+>")
PAGE_EXPECTED = "a link to a page of this language's folder, relative to this page, such as ../organisations/<id>.md"


@dataclass(frozen=True)
class PageBody:
    """A page's body and where it is: `docs/<language>/<uri>`, its body starting at file line `first_line`."""

    path: str
    body: str
    first_line: int


def anchors(body: str) -> frozenset[str]:
    """The ids Python-Markdown gives the body's elements: headings (unique, as toc makes them), `{#id}`s, footnotes."""
    text = _without_code(body)
    found: set[str] = set()
    headings = sorted([(match.start(), match[2]) for match in _ATX_HEADING.finditer(text)]
                      + [(match.start(), match[1]) for match in _SETEXT_HEADING.finditer(text)
                         if not match[1].lstrip().startswith(("#", "-", "*", "|", ">"))])
    for _, heading in headings:
        explicit = _ATTR_ID.search(heading)
        if explicit:
            found.add(explicit[1])
            continue
        slug = base = _SLUGIFY(_INLINE_MARKUP.sub(r"\1", _TRAILING_ATTRS.sub("", heading)).strip(), "-")
        number = 0
        while slug in found:
            number += 1
            slug = f"{base}_{number}"
        found.add(slug)
    found.update(match[1] for match in _ATTR_ID.finditer(text))
    found.update(f"fn:{name}" for name in _FOOTNOTE.findall(text))
    found.update(f"fnref:{name}" for name in _FOOTNOTE.findall(text))
    return frozenset(found)


def _targets(text: str) -> Iterable[tuple[int, str, bool]]:
    """Each link target of the text: its offset, the target, and whether it is an image's."""
    for match in _INLINE.finditer(text):
        yield match.start(2), _balanced(match[2]), bool(match[1])
    for match in _REFERENCE.finditer(text):
        yield match.start(1), match[1], False


def check_links(pages: list[PageBody], files: frozenset[str], problems: list[Problem]) -> None:
    """Add a problem for each relative link of `pages` that does not lead to one of `files` (paths from the
    project's root, such as docs/en/images/hall.jpg) or to an anchor of the page it names."""
    bodies = {page.path: page.body for page in pages}

    @cache
    def anchors_of(path: str) -> frozenset[str]:
        return anchors(bodies.get(path, ""))

    for page in pages:
        text = _without_code(page.body)
        language_folder = "/".join(page.path.split("/")[:2]) + "/"
        folder = posixpath.dirname(page.path)
        for offset, target, is_image in _targets(text):
            if is_image and not posixpath.normpath(posixpath.join(folder, target)).startswith(
                    f"{language_folder}images/"):
                continue  # an image from anywhere but the images folder is the body checks' problem
            line = page.first_line + text.count("\n", 0, offset)
            message = _link_problem(target, page.path, folder, language_folder, files, anchors_of)
            if message:
                problems.append(Problem(page.path, line, *message))


def _link_problem(target: str, page: str, folder: str, language_folder: str, files: frozenset[str],
                  anchors_of: Callable[[str], frozenset[str]]) -> tuple[str, str] | None:
    if not target or _SCHEME.match(target) or target.startswith("//"):
        return None
    shown = target if len(target) <= 80 else target[:77] + "…"
    address, _, fragment = target.partition("#")
    address = unquote(address.split("?", 1)[0])
    if address.startswith("/"):
        return (f"the link '{shown}' starts with '/', which leads elsewhere once the site is published",
                PAGE_EXPECTED)
    resolved = posixpath.normpath(posixpath.join(folder, address)) if address else page
    if not resolved.startswith(language_folder):
        return (f"the link '{shown}' leads out of {language_folder}",
                f"{PAGE_EXPECTED} (the language switcher links each page to its other language)")
    if resolved not in files:
        as_page = resolved.rstrip("/") + ".md"
        if as_page in files or posixpath.join(resolved, "index.md") in files:
            page_file = as_page if as_page in files else posixpath.join(resolved, "index.md")
            return (f"the link '{shown}' names a folder, not a page",
                    f"the page's file: {posixpath.relpath(page_file, folder)}")
        kind = "page" if resolved.endswith(".md") else "file"
        candidates = [posixpath.relpath(file, folder) for file in files if file.startswith(language_folder)
                      and file.endswith(".md") == resolved.endswith(".md")]
        suggestion = nearest(posixpath.relpath(resolved, folder), candidates)
        hint = f"; did you mean {suggestion}?" if suggestion else ""
        return (f"the link '{shown}' leads to no {kind}: there is no {resolved}{hint}",
                PAGE_EXPECTED if kind == "page" else f"a file of {language_folder}images/, linked as ../images/<name>")
    if fragment and resolved.endswith(".md"):
        present = anchors_of(resolved)
        if unquote(fragment) not in present:
            suggestion = nearest(unquote(fragment), present)
            hint = f"; did you mean #{suggestion}?" if suggestion else ""
            where = "this page" if resolved == page else resolved
            return (f"the link '{shown}' names the anchor '#{fragment}', which {where} does not have{hint}",
                    "the id of a heading of that page: its text in lower case, spaces as '-' "
                    f"({', '.join(f'#{anchor}' for anchor in sorted(present)[:5]) or 'it has no headings'})")
    return None
