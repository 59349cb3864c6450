"""Complete each page's Content-Security-Policy with the hashes of the inline scripts and styles it holds.

overrides/main.html writes the policy, which allows no inline code; Material needs a few small inline
scripts (its storage scope, the saved palette) that differ from page to page (relative paths), so each page
allows exactly its own, by SHA-256 hash, computed from the final HTML. This runs after every other hook
that changes the written page, since any later change to a script would invalidate its hash.
"""

from __future__ import annotations

import base64
import hashlib
import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

POLICY_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="(?P<policy>[^"]*)">')
# How browsers read a script or style element: its text runs to the first closing tag.
INLINE_ELEMENTS = {
    "script-src": re.compile(r"<script(?![^>]*\ssrc=)[^>]*>(?P<code>.*?)</script>", re.DOTALL | re.IGNORECASE),
    "style-src": re.compile(r"<style[^>]*>(?P<code>.*?)</style>", re.DOTALL | re.IGNORECASE),
}

_serving = False


def on_startup(*, command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def _digest(code: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode("ascii") + "'"


def _with_hashes(policy: str, output: str) -> str:
    directives = [directive.strip() for directive in policy.split(";")]
    for name, pattern in INLINE_ELEMENTS.items():
        hashes = sorted({_digest(match["code"]) for match in pattern.finditer(output)})
        if not hashes:
            continue
        index = next((i for i, directive in enumerate(directives) if directive.split()[0] == name), None)
        if index is None:
            raise ValueError(f"the Content-Security-Policy has no {name} directive to allow inline code by hash")
        directives[index] = " ".join([directives[index], *hashes])
    return "; ".join(directives)


def _secured(output: str, name: str) -> str:
    match = POLICY_META.search(output)
    if match is None:
        raise ValueError(f"{name}: no Content-Security-Policy <meta> in the page (overrides/main.html writes it)")
    if _serving:
        # `mkdocs serve` adds its own inline live-reload script after this hook; a policy would block it.
        return output[:match.start()] + output[match.end():]
    policy = _with_hashes(match["policy"], output)
    return f'{output[:match.start("policy")]}{policy}{output[match.end("policy"):]}'


@event_priority(-200)
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return _secured(output, page.file.src_uri)


@event_priority(-200)
def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    if not template_name.endswith(".html"):
        return output_content
    return _secured(output_content, template_name)
