"""The Content-Security-Policy of every page: the site's own files, and the inline scripts of Material's templates
allowed by hash — hashes computed from those templates, never from the finished page.

overrides/main.html writes the policy from `content_security_policy` in the template context. Material's inline
scripts are its `partials/javascripts/*.html` templates (the storage scope, the saved palette, the tabs); they
read the configuration and the page's base URL only, so rendering them for the page's base URL gives the
scripts the page holds before any content is inserted into it. A script that content smuggles into a page has
no hash in the policy and does not run; a feature that needs another source adds it in overrides/main.html.
"""

from __future__ import annotations

import base64
import hashlib
import re
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

POLICY_KEY = "content_security_policy"
SCRIPT_TEMPLATES = "partials/javascripts/"
# A script element without `src` and of no data type: the code a browser runs (JSON and JSON-LD are not run).
_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\s(?:src|type)=)[^>]*>(?P<code>.*?)</script>", re.DOTALL | re.IGNORECASE)

# The theme's environment and the hashes computed from it, kept on the build's configuration.
ENVIRONMENT_KEY = "conference_site_policy_environment"
HASHES_KEY = "conference_site_policy_hashes"
SCRIPT_NAMES_KEY = "conference_site_policy_script_templates"
# The command this process runs, the one fact kept beyond a build: MkDocs tells it once, before any build.
_command = {"name": "build"}


def on_startup(*, command: str, dirty: bool) -> None:
    # `mkdocs serve` adds its own inline live-reload script to every page: a policy would block it.
    _command["name"] = command


def on_env(env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    config[ENVIRONMENT_KEY] = env
    config[HASHES_KEY] = {}
    # Listed once per build: listing walks every template folder of the theme.
    config[SCRIPT_NAMES_KEY] = env.list_templates(
        filter_func=lambda name: name.startswith(SCRIPT_TEMPLATES) and name.endswith(".html"))
    return env


def _digest(code: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode("ascii") + "'"


def _template_hashes(env: jinja2.Environment, names: list[str], base_url: str, features: tuple[str, ...],
                     scope: str | None) -> str:
    """The hashes of the scripts the script templates `names` write on a page with this base URL."""
    # Only what those templates read: `config.extra.scope` (absent unless configured), the base URL, the features.
    context = {"base_url": base_url, "features": list(features),
               "config": {"extra": {"scope": scope} if scope is not None else {}}}
    hashes = {_digest(match["code"]) for name in names
              for match in _INLINE_SCRIPT.finditer(env.get_template(name).render(context))}
    return " ".join(sorted(hashes))


def _with_policy(context: dict[str, Any], config: MkDocsConfig) -> dict[str, Any]:
    if _command["name"] == "serve":
        context[POLICY_KEY] = None
        return context
    extra = config.extra
    key = (context["base_url"], tuple(config.theme.get("features") or ()), extra.get("scope") if extra else None)
    hashes: dict[tuple[str, tuple[str, ...], str | None], str] = config[HASHES_KEY]
    if key not in hashes:
        hashes[key] = _template_hashes(config[ENVIRONMENT_KEY], config[SCRIPT_NAMES_KEY], *key)
    context[POLICY_KEY] = {"script_hashes": hashes[key]}
    return context


def on_page_context(context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    return _with_policy(context, config)


def on_template_context(context: dict[str, Any], *, template_name: str, config: MkDocsConfig) -> dict[str, Any]:
    return _with_policy(context, config) if template_name.endswith(".html") else context
