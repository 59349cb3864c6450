"""A "page not found" page in each language, although GitHub Pages serves only the site's `/404.html`.

Each language's build writes its own 404.html at its root: the default language's is the site's `/404.html`,
another language's ends up at `/<language>/404.html` (scripts/build.py). The default page carries a small script
that sends a visitor whose address lies under `/<language>/` to that language's page (overrides/404.html).
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from conference_site import languages

from mkdocs_glue import build_language, catalog_of

NOT_FOUND = "404.html"


def on_template_context(context: dict[str, Any], *, template_name: str, config: MkDocsConfig) -> dict[str, Any]:
    if template_name != NOT_FOUND:
        return context
    code = build_language(config)
    catalog = catalog_of(config)
    site_url = languages.site_root_url(config.site_url, code)
    homes = {language.code: languages.site_path(site_url, language.code, "") for language in languages.REGISTRY}
    context["not_found"] = {
        "title": catalog.label("not_found_title", code),
        "text": catalog.label("not_found_text", code),
        "home_label": catalog.label("not_found_home", code),
        "home_url": homes[code],
        # Only the default language's page (the one GitHub Pages serves) sends visitors on.
        "redirects": {homes[other.code]: f"{homes[other.code]}{NOT_FOUND}" for other in languages.REGISTRY
                      if other != languages.DEFAULT} if code == languages.DEFAULT.code else {},
    }
    return context
