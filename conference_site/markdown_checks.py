"""Find, in a page's Markdown, what the sanitiser would remove, and say where it is written.

The sanitiser (html_policy) keeps the published site safe whatever the source holds; these checks make the
build fail at the source line instead, so the editor sees the problem rather than silently missing content.
Code (fenced blocks and `inline code`) is skipped: writing about `<script>` in code is fine. The checks also
bound what Python-Markdown would take long or recurse deeply on (limits.py): paragraph length and nesting.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Callable
from urllib.parse import urlsplit

from markdown.extensions.attr_list import get_attrs_and_remainder

from .html_policy import (REMOVED_WITH_CONTENT, SAFE_ID_SHOWN, TAGS, URL_SCHEMES, allowed_attributes,
                          is_interface_class, is_reserved_id, is_safe_id)
from .limits import MAX_BLOCK_DEPTH, MAX_BRACKET_DEPTH, MAX_HTML_DEPTH, MAX_PARAGRAPH
from .problems import Problem
from .schema import LANGUAGES

SCHEMES_EXPECTED = ("a link starting with https://, http://, mailto: or tel:, or a relative link to a page or "
                    "image of this site")
HTML_EXPECTED = ("Markdown, or HTML that only shapes text, such as <div>, <span>, <details>, <abbr> (nothing "
                 "that runs, embeds or submits)")
# pymdownx.tabbed writes radio buttons and labels itself; an editor has no use for them.
EDITOR_TAGS = TAGS - {"input", "label"}

_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)")
# A start tag as a browser reads it (HTML's tokenizer): the name runs to white space, `/` or `>`; attributes are
# separated by white space or `/` (`<img/src=x/onerror=…>`), or by nothing after a quoted value; an attribute's
# name is anything up to white space, `/`, `>` or `=`, an unquoted value runs to white space or `>`.
_ATTRIBUTE = r"""[^\s/>][^\s/>=]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?"""
# Atomic and possessive: an attribute is read once, as the browser reads it, so that a tag that never closes
# cannot make the expression try every way of splitting it into attributes.
_START_TAG = re.compile(rf"<([a-zA-Z][^\s/>]*+)((?:[\s/]*+(?>{_ATTRIBUTE}))*+)[\s/]*+>")
_VOID_TAGS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
                        "wbr"})
_HTML_ATTRIBUTE = re.compile(r"""([^\s/>][^\s/>=]*)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?""")
# attr_list: `{: #id .class key="value" }` after a heading, paragraph, link or image (Python-Markdown's BASE_RE),
# read by attr_list's own scanner; also the shortest such braces, as attr_list may stop at the first `}`.
_ATTR_LIST = re.compile(r"\{:?[ ]*([^}\n ][^\n]*)\}")
_ATTR_LIST_SHORTEST = re.compile(r"\{:?[ ]*([^}\n ][^}\n]*)\}")
_IMAGE_BEFORE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)$")
IMAGE_ATTR_LIST = frozenset({"width", "height", "loading"})
_INLINE_LINK = re.compile(r"\]\(\s*<?([^\s>]+)")
# A reference definition, also inside a quote or a list item (Python-Markdown reads them in any block), its
# address possibly on the next line.
_REFERENCE_DEFINITION = re.compile(r"^(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))*[ \t]*\[[^\]\n]+\]:"
                                   r"[ \t]*(?:\n(?:[ \t]*>)*)?[ \t]*<?([^\s>]+)>?", re.MULTILINE)
# `<scheme:…>`: an autolink for Python-Markdown (http, https, ftp) or raw HTML the sanitiser removes (any other).
_AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>]*)>")
# Titles that Material shows as tooltips: `[text](url "title")`, `'title'`, `(title)`, also in definitions.
_LINK_TITLE = re.compile(r"""(?:\]\(\s*<?[^\s>)]*>?|\]:[ \t]*\S+)\s+("[^"\n]*"|'[^'\n]*'|\([^)\n]*\))""")
_ABBREVIATION = re.compile(r"^[ ]{0,3}\*\[[^\]\n]*\]:[ \t]*(.*)$", re.MULTILINE)
_FOOTNOTE_LABEL = re.compile(r"\[\^([^\]\n]*)\]")
_HEADING = re.compile(r"^[ ]{0,3}#{1,6}[ \t]+(.*)$|^(.+)\n[ ]{0,3}(?:=+|-+)[ \t]*$", re.MULTILINE)
# Text that a browser would read as the start of a tag, once entities are decoded.
_TAG_START = re.compile(r"<[a-zA-Z/!?]")
_TAG_NESTING = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)(?=[\s/>])[^<>]*?(/?)>")
_BRACKET = re.compile(r"[\[\]()]")
_BLOCK_BREAK = re.compile(r"\n[ \t]*\n")
_CONTAINER = re.compile(r"[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))")
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):")
# What browsers ignore in a URL before its scheme: ASCII whitespace and control characters.
_IGNORED_IN_URL = re.compile(r"[\x00-\x20\x7f]+")
_URL_ATTRIBUTES = frozenset({"href", "src"})
_IMAGE = re.compile(r"!\[([^\]]*)\](?:\(\s*<?([^\s>]*)|\[)")
ALT_EXPECTED = "a short description of the image for those who cannot see it: ![Delegates in the main hall](../images/hall.jpg)"

Report = Callable[[str, str], None]


def _without_code(body: str) -> str:
    """The body with code blocks and code spans blanked out, every other character at its place."""
    lines = body.splitlines(keepends=True)
    fence: str | None = None
    for index, line in enumerate(lines):
        match = _FENCE.match(line)
        if fence is None and match:
            fence = match[1]
            lines[index] = "\n"
        elif fence is not None:
            if match and match[1][0] == fence[0] and len(match[1]) >= len(fence):
                fence = None
            lines[index] = "\n"
    text = "".join(lines)
    return _CODE_SPAN.sub(lambda span: re.sub(r"[^\n]", " ", span[0]), text)


def _unquoted(value: str | None) -> str:
    if value and value[0] in "\"'" and value[-1] == value[0]:
        return value[1:-1]
    return value or ""


def _bad_scheme(url: str) -> str | None:
    """The scheme of `url` when it is not one a link may use, as a browser would read it."""
    match = _SCHEME.match(_IGNORED_IN_URL.sub("", html.unescape(url)))
    if match and match[1].lower() not in URL_SCHEMES:
        return match[1].lower()
    return None


def _balanced(url: str) -> str:
    """The link target up to the `)` that closes the Markdown link, as Python-Markdown reads it."""
    depth = 0
    for index, character in enumerate(url):
        depth += {"(": 1, ")": -1}.get(character, 0)
        if depth < 0:
            return url[:index]
    return url


def _shown(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 60 else text[:57] + "…"


def check_body(body: str, path: str, first_line: int, problems: list[Problem]) -> None:
    """Add a problem for each element, attribute or link in `body` that the sanitiser would remove, and for
    nesting deeper than the limits (Python-Markdown reads each level by a recursive call)."""
    text = _without_code(body)

    def report(offset: int, message: str, expected: str) -> None:
        problems.append(Problem(path, first_line + text.count("\n", 0, offset), message, expected))

    blocks = _blocks(text)
    for start, end in blocks:
        if end - start > MAX_PARAGRAPH:
            first = text[start:end]
            report(start + len(first) - len(first.lstrip()),
                   f"this paragraph has {end - start:,} characters, over the limit of {MAX_PARAGRAPH:,}",
                   "shorter paragraphs: a blank line between them")
            return
    if _check_depth(text, report):
        return

    def each(pattern: re.Pattern[str], *marks: str) -> list[re.Match[str]]:
        # Only where one of the characters the construct starts with is written at all: most pages have few.
        return list(pattern.finditer(text)) if any(mark in text for mark in marks) else []
    for image in each(_IMAGE, "!["):
        if not image[1].strip():
            report(image.start(), "the image has no alt text", ALT_EXPECTED)
        if image[2]:
            _check_image_source(path, _balanced(image[2]), lambda message, expected: report(image.start(), message,
                                                                                           expected))
    # Tags block by block: no tag spans a blank line, and a tag that never closes cannot make the pattern scan the
    # rest of the page from every `<` of it.
    for tag in (match for start, end in blocks for match in _START_TAG.finditer(text, start, end)):
        _check_tag(path, tag, lambda message, expected: report(tag.start(), message, expected))
    for attr_list in {*each(_ATTR_LIST, "{"), *each(_ATTR_LIST_SHORTEST, "{")}:
        on_image = bool(_IMAGE_BEFORE.search(text, text.rfind("\n", 0, attr_list.start()) + 1, attr_list.start()))
        _check_attr_list(attr_list[1], on_image, lambda message, expected: report(attr_list.start(), message,
                                                                                  expected))
    for link in [*each(_INLINE_LINK, "]("), *each(_REFERENCE_DEFINITION, "]:"), *each(_AUTOLINK, "<")]:
        _check_link(_balanced(link[1]), lambda message, expected: report(link.start(1), message, expected))
    for title in [*each(_LINK_TITLE, "](", "]:"), *each(_ABBREVIATION, "*[")]:
        _check_tooltip(title[1], lambda message, expected: report(title.start(1), message, expected))
    for label in each(_FOOTNOTE_LABEL, "[^"):
        if not is_safe_id(label[1]):
            report(label.start(), f"the footnote label '{_shown(label[1])}' is not allowed", "a footnote label of "
                   "letters, digits, '-' and '_', such as [^1] or [^source]")
    # Headings are found outside code blocks, and their words read with their code spans (which the table of
    # contents shows as text too).
    for heading in each(_HEADING, "#", "\n=", "\n-"):
        group = 1 if heading[1] is not None else 2
        if looks_like_markup(html.unescape(body[heading.start(group):heading.end(group)])):
            report(heading.start(), "the heading's text looks like HTML markup", "a heading in words: the table of "
                   "contents shows headings as HTML, so write 'the script element', not '<script>'")


def _blocks(text: str) -> list[tuple[int, int]]:
    """The spans of the text between blank lines."""
    spans, start = [], 0
    for gap in _BLOCK_BREAK.finditer(text):
        spans.append((start, gap.start() + 1))
        start = gap.end()
    return [*spans, (start, len(text))]


def looks_like_markup(text: str) -> bool:
    """Whether `text` (entities decoded) holds what a browser would read as the start of a tag."""
    return bool(_TAG_START.search(text))


def _check_depth(text: str, report: Callable[[int, str, str], None]) -> bool:
    """Report the first line nested deeper than the limits; True when there is one (the rest is not checked:
    each further level would only repeat the message)."""
    brackets = html_depth = 0
    offset = 0
    for line in text.split("\n"):
        if not line.strip():
            brackets = 0
        markers = 0
        rest = line
        while match := _CONTAINER.match(rest):
            markers += 1
            rest = rest[match.end():]
        # Python-Markdown nests a list item four spaces deeper than its parent; an indented line that is not a
        # list item or a quote is code or the continuation of one, not a level more.
        indent = len(line) - len(line.lstrip(" \t")) if markers else 0
        if markers + indent // 4 > MAX_BLOCK_DEPTH:
            report(offset, f"lists and quotes are nested over {MAX_BLOCK_DEPTH} levels deep",
                   f"at most {MAX_BLOCK_DEPTH} levels of lists and quotes inside each other")
            return True
        for bracket in _BRACKET.findall(line):
            brackets = brackets + 1 if bracket in "[(" else max(0, brackets - 1)
            if brackets > MAX_BRACKET_DEPTH:
                report(offset, f"brackets are nested over {MAX_BRACKET_DEPTH} deep",
                       f"at most {MAX_BRACKET_DEPTH} brackets or parentheses inside each other")
                return True
        for tag in _TAG_NESTING.finditer(line) if "<" in line else ():
            if tag[2].lower() in _VOID_TAGS or tag[3]:
                continue
            html_depth = max(0, html_depth - 1) if tag[1] else html_depth + 1
            if html_depth > MAX_HTML_DEPTH:
                report(offset, f"HTML elements are nested over {MAX_HTML_DEPTH} deep",
                       f"at most {MAX_HTML_DEPTH} HTML elements inside each other")
                return True
        offset += len(line) + 1
    return False


def _check_tag(path: str, tag: re.Match[str], report: Report) -> None:
    name = tag[1].lower()
    attributes = [(attribute[1].lower(), _unquoted(attribute[2])) for attribute in _HTML_ATTRIBUTE.finditer(tag[2])]
    if name == "img":
        values = dict(attributes)
        if not values.get("alt", "").strip():
            report("the image has no alt text", 'alt="…": ' + ALT_EXPECTED)
        if values.get("src"):
            _check_image_source(path, values["src"], report)
    if name in REMOVED_WITH_CONTENT or name not in EDITOR_TAGS:
        report(f"the HTML element <{name}> is not allowed in a page", HTML_EXPECTED)
        return
    allowed = allowed_attributes(name) | {"markdown"}
    for attribute, value in attributes:
        _check_attribute(name, attribute, value, allowed, report)


def _check_attr_list(inside: str, on_image: bool, report: Report) -> None:
    attributes, _ = get_attrs_and_remainder(inside)
    allowed = GLOBAL_ATTR_LIST | (IMAGE_ATTR_LIST if on_image else frozenset())
    for key, value in attributes:
        if key == ".":
            key = "class"
        _check_attribute(None, key.lower(), value if value is not None else key, allowed, report)


def _check_link(url: str, report: Report) -> None:
    scheme = _bad_scheme(url)
    if scheme:
        report(f"the link '{_shown(url)}' uses '{scheme}:'", SCHEMES_EXPECTED)
    elif _has_credentials(url):
        report(f"the link '{_shown(url)}' holds a user name or password", "the address without 'name:password@'")


def _has_credentials(url: str) -> bool:
    try:
        parts = urlsplit(html.unescape(url).strip())
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and "@" in parts.netloc


def _check_tooltip(title: str, report: Report) -> None:
    if "<" in html.unescape(_unquoted(title.strip("()")) if title.startswith("(") else _unquoted(title)):
        report("the title holds '<', which Material's tooltip would show as HTML markup",
               "a title in words, without '<'")


# What `{: … }` may set: the element it applies to is only known once Markdown has run.
GLOBAL_ATTR_LIST = frozenset({"class", "id", "dir", "lang", "title"})


def _check_attribute(tag: str | None, name: str, value: str, allowed: frozenset[str], report: Report) -> None:
    """`tag` is None for attr_list, whose element is only known once Markdown has run."""
    # attr_list hands its values over as written, raw HTML is decoded: an id must be safe both ways.
    written, value = value, html.unescape(value)
    if name.startswith("on"):
        report(f"the event-handler attribute '{name}' is not allowed (it runs a script)",
               "no on… attributes: pages cannot run scripts")
    elif name == "style" and tag not in ("th", "td"):
        report("the 'style' attribute is not allowed", "classes from the site's styles instead of 'style'")
    elif name not in allowed:
        where = f"on <{tag}>" if tag else "in {: … }"
        report(f"the attribute '{name}' is not allowed {where}",
               f"only these attributes {where}: {', '.join(sorted(allowed - {'markdown'}))}")
    elif name in _URL_ATTRIBUTES:
        _check_link(written, report)
    elif name in ("id", "for", "name") and is_reserved_id(value):
        report(f"the id '{_shown(value)}' is reserved for the site's own scripts",
               "an id that does not start with '__'")
    elif name in ("id", "for", "name") and not (is_safe_id(value) and is_safe_id(written)):
        report(f"the id '{_shown(value)}' is not allowed", SAFE_ID_SHOWN)
    elif name == "title" and "<" in value:
        report("the title holds '<', which Material's tooltip would show as HTML markup",
               "a title in words, without '<'")
    elif name == "class" and any(is_interface_class(word) for word in value.split()):
        word = next(word for word in value.split() if is_interface_class(word))
        report(f"the class '{word}' belongs to Material's own interface (its dialogs, banners, search)",
               "classes of the site's styles, not Material's md-… classes (except md-button)")


def _check_image_source(page_path: str, source: str, report: Report) -> None:
    """An image must be a file of the page's language's images folder: no other site is contacted."""
    parts = page_path.split("/")
    language_index = next((index for index, part in enumerate(parts) if part in LANGUAGES), None)
    if language_index is None or _bad_scheme(source):
        return
    folder = "/".join(parts[:language_index + 1]) + "/images/"
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page_path), html.unescape(source).split("#")[0]))
    if _SCHEME.match(source) or source.startswith("//") or not resolved.startswith(folder):
        report(f"the image '{_shown(source)}' is not in {folder}",
               f"an image file in {folder}, linked relative to the page (../images/<name> from a conference, "
               "workshop or organisation page)")
