"""Guard each page's conversion: ids of a safe character set, a checked table of contents, and a time bound.

The source check (hooks/content.py) refuses what is not allowed at its line; this is the second line of defence,
on what Python-Markdown actually produced, because Material prints the table of contents (ids and titles) and
the page title without escaping them. A page whose conversion takes longer than the bound (limits.PAGE_SECONDS)
ends the build with a message naming it instead of hanging it.
"""

from __future__ import annotations

import html

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink

from conference_site import deadline
from conference_site.html_policy import is_safe_id
from conference_site.limits import PAGE_SECONDS
from conference_site.markdown_checks import looks_like_markup
from conference_site.safe_ids import SafeIds, safe_slugify


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # static-i18n configures the build again for each language: add the extension once.
    if not any(isinstance(extension, SafeIds) for extension in config.markdown_extensions):
        config.markdown_extensions.append(SafeIds())
    toc = config.mdx_configs.get("toc")
    if toc is None or "slugify" not in toc:
        raise PluginError("mkdocs.yml: the toc extension has no slugify setting; expected pymdownx.slugs.slugify, "
                          "which keeps Arabic letters in heading ids")
    toc["slugify"] = safe_slugify(toc["slugify"])
    return config


def _source(page: Page) -> str:
    return page.file.src_path if page.file.abs_src_path is None else f"docs/{page.file.src_uri}"


# Before every other hook's page events: the bound covers the whole of the page's conversion.
@event_priority(1000)
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    deadline.start(PAGE_SECONDS, PluginError(
        f"{_source(page)}: the page took over {PAGE_SECONDS:.0f} seconds of processor time to build; expected a page within the "
        "limits of CONTRIBUTING.md (section 8, 'Limits'): split it, or simplify what it nests"))
    return markdown


def _unsafe_entries(items: list[AnchorLink]) -> list[str]:
    found = []
    for item in items:
        if not is_safe_id(item.id):
            found.append(f"the heading id {item.id!r} holds characters outside the safe set")
        if "<" in item.title or looks_like_markup(html.unescape(item.title)):
            found.append(f"the heading {item.title!r} looks like HTML markup")
        found.extend(_unsafe_entries(item.children))
    return found


@event_priority(-1000)
def on_page_content(html_content: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    problems = _unsafe_entries(list(page.toc))
    if page.title and looks_like_markup(html.unescape(page.title)):
        problems.append(f"the title {page.title!r} looks like HTML markup")
    if problems:
        deadline.stop()
        raise PluginError("\n".join(f"{_source(page)}: {problem}; expected text in words, and ids of letters, "
                                    "digits, '-' and '_' (the table of contents shows both unescaped)"
                                    for problem in problems))
    return html_content


@event_priority(-1000)
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    deadline.stop()
    return output
