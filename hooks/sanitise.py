"""Sanitise the HTML an editor's Markdown produced before anything is built around it.

Python-Markdown passes raw HTML through and `attr_list` can put any attribute on an element, so a page body
could carry scripts, event handlers or `javascript:` links. The high priority runs this before
hooks/entity_pages.py and hooks/listings.py wrap the body in generated HTML (rendered with autoescaping from
trusted templates), so the sanitiser sees only what the editor wrote.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from conference_site.html_policy import sanitise


@event_priority(100)
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    return sanitise(html)
