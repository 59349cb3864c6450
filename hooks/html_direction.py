"""Give each page's <html> element the direction of its language (`dir="rtl"` for Arabic).

Material puts `dir` on <body> only; on <html> it also reaches the scroll bars, print and assistive tools,
and tells anyone reading the document its direction from its first tag.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from conference_site import languages

HTML_TAG = re.compile(r'<html lang="(?P<lang>[a-z]{2})"')


def _with_direction(output: str, name: str) -> str:
    match = HTML_TAG.search(output, 0, 400)
    if match is None:
        raise ValueError(f"{name}: no <html lang=…> tag at the start of the page")
    language = match["lang"]
    if language not in languages.BY_CODE:
        raise ValueError(f"{name}: no text direction known for language '{language}'")
    return f'{output[:match.end()]} dir="{languages.BY_CODE[language].direction}"{output[match.end():]}'


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return _with_direction(output, page.file.src_uri)


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    if not template_name.endswith(".html"):
        return output_content
    return _with_direction(output_content, template_name)
