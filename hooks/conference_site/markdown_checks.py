"""Find, in a page's Markdown, what the sanitiser would remove, and say where it is written.

The sanitiser (html_policy) keeps the published site safe whatever the source holds; these checks make the
build fail at the source line instead, so the editor sees the problem rather than silently missing content.
Code (fenced blocks and `inline code`) is skipped: writing about `<script>` in code is fine.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Callable

from .html_policy import REMOVED_WITH_CONTENT, TAGS, URL_SCHEMES, allowed_attributes, is_reserved_id
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
_START_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s\"'<>/=]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?)*)"
                        r"\s*/?>")
_HTML_ATTRIBUTE = re.compile(r"([^\s\"'<>/=]+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?")
# attr_list: `{: #id .class key="value" }` after a heading, paragraph, link or image.
_ATTR_LIST = re.compile(r"\{:?((?:\s*(?:[#.][^\s{}]+|[^\s{}=\"']+=(?:\"[^\"]*\"|'[^']*'|[^\s{}\"']+)))+)\s*\}")
_ATTR_LIST_PAIR = re.compile(r"([^\s{}=\"']+)=(\"[^\"]*\"|'[^']*'|[^\s{}\"']+)")
_ATTR_LIST_ID = re.compile(r"(?:^|\s)#([^\s{}]+)")
_INLINE_LINK = re.compile(r"\]\(\s*<?([^\s>]+)")
_REFERENCE_DEFINITION = re.compile(r"^[ ]{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.MULTILINE)
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
    """Add a problem for each element, attribute or link in `body` that the sanitiser would remove."""
    text = _without_code(body)

    def report(offset: int, message: str, expected: str) -> None:
        problems.append(Problem(path, first_line + text.count("\n", 0, offset), message, expected))

    for image in _IMAGE.finditer(text):
        if not image[1].strip():
            report(image.start(), "the image has no alt text", ALT_EXPECTED)
        if image[2]:
            _check_image_source(path, _balanced(image[2]), lambda message, expected: report(image.start(), message,
                                                                                           expected))
    for tag in _START_TAG.finditer(text):
        name = tag[1].lower()
        if name == "img":
            attributes = {attribute[1].lower(): _unquoted(attribute[2]) for attribute in _HTML_ATTRIBUTE.finditer(tag[2])}
            if not attributes.get("alt", "").strip():
                report(tag.start(), "the image has no alt text", 'alt="…": ' + ALT_EXPECTED)
            if attributes.get("src"):
                _check_image_source(path, attributes["src"],
                                    lambda message, expected: report(tag.start(), message, expected))
        if name in REMOVED_WITH_CONTENT or name not in EDITOR_TAGS:
            report(tag.start(), f"the HTML element <{name}> is not allowed in a page", HTML_EXPECTED)
            continue
        allowed = allowed_attributes(name)
        for attribute in _HTML_ATTRIBUTE.finditer(tag[2]):
            _check_attribute(name, attribute[1].lower(), _unquoted(attribute[2]), allowed,
                             lambda message, expected: report(tag.start(), message, expected))
    for attr_list in _ATTR_LIST.finditer(text):
        for pair in _ATTR_LIST_PAIR.finditer(attr_list[1]):
            _check_attribute(None, pair[1].lower(), _unquoted(pair[2]), None,
                             lambda message, expected: report(attr_list.start(), message, expected))
        for element_id in _ATTR_LIST_ID.finditer(attr_list[1]):
            if is_reserved_id(element_id[1]):
                report(attr_list.start(), f"the id '{element_id[1]}' is reserved for the site's own scripts",
                       "an id that does not start with '__'")
    for link in [*_INLINE_LINK.finditer(text), *_REFERENCE_DEFINITION.finditer(text)]:
        url = _balanced(link[1])
        scheme = _bad_scheme(url)
        if scheme:
            report(link.start(1), f"the link '{_shown(url)}' uses '{scheme}:'", SCHEMES_EXPECTED)


def _check_attribute(tag: str | None, name: str, value: str, allowed: frozenset[str] | None,
                     report: Report) -> None:
    """`tag` and `allowed` are None for attr_list, whose element is only known once Markdown has run."""
    if name.startswith("on"):
        report(f"the event-handler attribute '{name}' is not allowed (it runs a script)",
               "no on… attributes: pages cannot run scripts")
    elif name == "style" and tag not in ("th", "td"):
        report("the 'style' attribute is not allowed", "classes from the site's styles instead of 'style'")
    elif allowed is not None and name not in allowed:
        report(f"the attribute '{name}' is not allowed on <{tag}>",
               f"only these attributes on <{tag}>: {', '.join(sorted(allowed))}")
    elif name in _URL_ATTRIBUTES and _bad_scheme(value):
        report(f"the link '{_shown(value)}' uses '{_bad_scheme(value)}:'", SCHEMES_EXPECTED)
    elif name in ("id", "for", "name") and is_reserved_id(value):
        report(f"the id '{value}' is reserved for the site's own scripts", "an id that does not start with '__'")


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
