"""A "page not found" page in each language, although GitHub Pages serves only the site's `/404.html`.

static-i18n builds the languages one after the other into the same folder, so each build's 404.html overwrites
the previous one. After each build this hook keeps that language's page: the default language's stays at
`/404.html`, another language's moves to `/<language>/404.html`. The default page carries a small script that
sends a visitor whose address lies under `/<language>/` to that language's page (overrides/404.html).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig

from conference_site.rendering import build_language, catalog_of
from conference_site.schema import DEFAULT_LANGUAGE, LANGUAGES

NOT_FOUND = "404.html"
# The pages of the languages built so far in this run, kept on the config object static-i18n reuses per language.
PAGES_KEY = "conference_site_not_found_pages"


def _site_path(config: MkDocsConfig) -> str:
    """The path the site is served under: `/` locally, `/<repository>/` on a project's GitHub Pages."""
    return urlsplit(config.site_url).path or "/"


def on_template_context(context: dict[str, Any], *, template_name: str, config: MkDocsConfig) -> dict[str, Any]:
    if template_name != NOT_FOUND:
        return context
    language = build_language(config)
    catalog = catalog_of(config)
    base = _site_path(config)
    homes = {other: base if other == DEFAULT_LANGUAGE else f"{base}{other}/" for other in LANGUAGES}
    # The language switcher would otherwise lead to whichever page static-i18n handled last: lead it home.
    # (static-i18n sets `config.extra.alternate` as an attribute, which is what Material's template reads.)
    for alternate in getattr(config.extra, "alternate", None) or []:
        alternate["link"] = homes[alternate["lang"]]
    context["not_found"] = {
        "title": catalog.label("not_found_title", language),
        "text": catalog.label("not_found_text", language),
        "home_label": catalog.label("not_found_home", language),
        "home_url": homes[language],
        # Only the default language's page (the one GitHub Pages serves) sends visitors on.
        "redirects": {f"{base}{other}/": f"{base}{other}/{NOT_FOUND}" for other in LANGUAGES
                      if other != DEFAULT_LANGUAGE} if language == DEFAULT_LANGUAGE else {},
    }
    return context


def on_post_build(*, config: MkDocsConfig) -> None:
    language = build_language(config)
    site = Path(config.site_dir)
    if PAGES_KEY not in config:
        config[PAGES_KEY] = {}
    pages: dict[str, bytes] = config[PAGES_KEY]
    pages[language] = (site / NOT_FOUND).read_bytes()
    if language == DEFAULT_LANGUAGE:
        return
    if DEFAULT_LANGUAGE not in pages:
        raise RuntimeError(f"the {language} site was built before the {DEFAULT_LANGUAGE} site: no {NOT_FOUND} "
                           f"of the default language to keep at the site's root")
    (site / language / NOT_FOUND).write_bytes(pages[language])
    (site / NOT_FOUND).write_bytes(pages[DEFAULT_LANGUAGE])
