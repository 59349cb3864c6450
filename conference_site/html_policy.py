"""What HTML a page body may contain once Markdown has rendered it, and the sanitiser that enforces it.

The allowlist keeps what Python-Markdown, our extensions (admonition, details, tabbed, tables, footnotes,
toc permalinks, abbr, def_list, attr_list, md_in_html) and Material's styles need, and nothing that runs
code, loads another site or submits data. `markdown_checks` reports the same things at their source line,
so an editor learns about them instead of seeing content silently disappear.
"""

from __future__ import annotations

import re

import nh3

TAGS = frozenset({
    "a", "abbr", "b", "bdi", "bdo", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd",
    "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5",
    "h6", "hr", "i", "img", "input", "ins", "kbd", "label", "li", "mark", "ol", "p", "pre", "q", "s", "samp",
    "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time",
    "tr", "u", "ul", "var", "wbr"})

# Removed together with everything inside them: their content is code, another document or a form's widgets,
# never text meant for the reader.
REMOVED_WITH_CONTENT = frozenset({
    "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "button", "select",
    "textarea", "template", "noscript", "noembed", "svg", "math", "link", "meta", "base", "title"})

GLOBAL_ATTRIBUTES = frozenset({"class", "id", "dir", "lang", "title"})
TAG_ATTRIBUTES = {
    "a": frozenset({"href", "hreflang"}),
    "img": frozenset({"src", "alt", "width", "height", "loading"}),
    "th": frozenset({"colspan", "rowspan", "style"}),
    "td": frozenset({"colspan", "rowspan", "style"}),
    "col": frozenset({"span"}),
    "ol": frozenset({"start", "reversed"}),
    "time": frozenset({"datetime"}),
    "details": frozenset({"open"}),
    # pymdownx.tabbed (alternate style): radio buttons and their labels switch the tabs without a script.
    "input": frozenset({"id", "name", "checked"}),
    "label": frozenset({"for"}),
    "div": frozenset({"data-tabs"}),
}
# Python-Markdown's tables align columns with `style="text-align: …"`; no other property survives.
STYLE_PROPERTIES = frozenset({"text-align"})
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
EXTERNAL_LINK_REL = "noopener noreferrer"

# Material's scripts find their own elements by ids starting with "__" (`__config`, `__search`, `__drawer`…);
# a body element claiming one would hijack them. pymdownx.tabbed's own ids are the only such ids allowed.
_TABBED_ID = re.compile(r"__tabbed_\d+(?:_\d+)?")
_ID_ATTRIBUTES = frozenset({"id", "for", "name"})
# Ids are letters (of any script), digits, `_`, `-`, `.` and `:` (footnotes' `fn:1`): Material writes a heading's
# id unescaped into the table of contents and the skip link, so an id with a quote or `<` would be markup there.
SAFE_ID = re.compile(r"[\w.:-]+")
SAFE_ID_SHOWN = "an id of letters, digits, '-' and '_' only, not starting with '__'"
# Material's own interface is styled by its `md-` classes (dialogs, banners, the search box, the header): a page
# body using them could draw a fake dialog or search field. Its documented content buttons are the exception.
MATERIAL_CONTENT_CLASSES = frozenset({"md-button", "md-button--primary"})
# Material shows a `title` as a tooltip by putting it into the page as HTML (`content.tooltips`), so a title
# holding `<` would become markup there.
TOOLTIP_ATTRIBUTES = frozenset({"title"})


def allowed_attributes(tag: str) -> frozenset[str]:
    return GLOBAL_ATTRIBUTES | TAG_ATTRIBUTES.get(tag, frozenset())


def is_reserved_id(value: str) -> bool:
    return value.startswith("__") and not _TABBED_ID.fullmatch(value)


def is_safe_id(value: str) -> bool:
    return bool(SAFE_ID.fullmatch(value)) and not is_reserved_id(value)


def is_interface_class(name: str) -> bool:
    return name.startswith("md-") and name not in MATERIAL_CONTENT_CLASSES


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    if attribute in _ID_ATTRIBUTES and not is_safe_id(value):
        return None
    if attribute in TOOLTIP_ATTRIBUTES and "<" in value:
        return None
    if attribute == "class" and any(is_interface_class(name) for name in value.split()):
        kept = [name for name in value.split() if not is_interface_class(name)]
        return " ".join(kept) if kept else None
    return value


_CLEANER = nh3.Cleaner(
    tags=set(TAGS),
    clean_content_tags=set(REMOVED_WITH_CONTENT),
    attributes={"*": set(GLOBAL_ATTRIBUTES), **{tag: set(names) for tag, names in TAG_ATTRIBUTES.items()}},
    attribute_filter=_filter_attribute,
    set_tag_attribute_values={"input": {"type": "radio"}},
    url_schemes=set(URL_SCHEMES),
    filter_style_properties=set(STYLE_PROPERTIES),
    strip_comments=True,
    link_rel=None,
)

# nh3 serialises every start tag as `<a name="value" …>` with `"` escaped inside values, so this pattern
# matches each link it writes, whatever its attributes contain.
_LINK_START_TAG = re.compile(r'<a((?:\s+[^\s="<>/]+="[^"]*")*)\s*>')
_HREF = re.compile(r'\shref="([^"]*)"')
_EXTERNAL = re.compile(r"(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)")


def _mark_external(match: re.Match[str]) -> str:
    href = _HREF.search(match[1])
    if href is None or not _EXTERNAL.match(href[1]):
        return match[0]
    return f'<a{match[1]} rel="{EXTERNAL_LINK_REL}">'


def sanitise(html: str) -> str:
    """The body HTML with everything outside the allowlist removed, external links marked `rel=…`."""
    return _LINK_START_TAG.sub(_mark_external, _CLEANER.clean(html))
