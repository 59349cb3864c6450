"""The sections a template adds after an editor's text (themes, programme, organisations, sources, a listing's
groups), for the page's table of contents: Python-Markdown made that from the editor's headings alone."""

from __future__ import annotations

import re

# The site's templates write a generated section's heading as `<h2 id="…">text</h2>`, its text autoescaped.
_HEADING = re.compile(r'<h2 id="(?P<id>[^"<>]+)"[^>]*>(?P<content>.*?)</h2>', re.DOTALL)
_TAG = re.compile(r"<[^>]*>")


def headings_after(rendered: str, body: str) -> list[tuple[str, str]]:
    """The level-2 headings `rendered` has after `body` (which it holds as written), in order: (id, title as
    HTML, escaped as the template wrote it)."""
    start = rendered.find(body) + len(body) if body else 0
    return [(match["id"], _TAG.sub("", match["content"]).strip()) for match in _HEADING.finditer(rendered, start)]
