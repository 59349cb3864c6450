"""Load and check every conference, workshop and organisation before anything is built, and set the build up
for the one language it renders.

A problem in the content stops the build with one `path:line: what is wrong; expected …` line per problem
and no traceback, so an editor can fix them all from one message. The build's `site_url` becomes the address of
its language's root (mkdocs.yml's is the site's), Material's storage scope is the site's root for every
language, the language switcher lists every language's home
(Material's `extra.alternate`; pages replace the links with their counterparts, hooks/page_metadata.py), and
only the default language's build writes the sitemap, which lists every language's pages (hooks/sitemap.py).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from conference_site import languages
from conference_site.catalog import load_catalog
from conference_site.editing import repository
from conference_site.formatting import arabic_digit_style
from conference_site.problems import ContentError

from mkdocs_glue import CATALOG_KEY, build_language

SITEMAP = "sitemap.xml"


@event_priority(-110)  # after static-i18n (-100) has set the theme's language to the build's
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).parent
    try:
        code = build_language(config)
    except ValueError as error:
        raise PluginError(f"mkdocs.yml: {error}") from None
    if not config.site_url:
        raise PluginError("mkdocs.yml: no site_url; expected the site's address (SITE_URL)")
    site_url = config.site_url if config.site_url.endswith("/") else f"{config.site_url}/"
    config.site_url = site_url + languages.language(code).root
    config.extra["alternate"] = [{"name": other.name, "lang": other.code,
                                  "link": languages.site_path(site_url, other.code, "")}
                                 for other in languages.REGISTRY]
    # Material keeps a visitor's choices (the palette) under its scope: the site's root for every language, as
    # when the languages were one build (Material's documented `extra.scope`; by default each build's root).
    config.extra.setdefault("scope", languages.site_path(site_url, languages.DEFAULT.code, ""))
    if code != languages.DEFAULT.code:
        config.theme.static_templates.discard(SITEMAP)
    try:
        arabic_digit_style(config.extra)
        repository(config.extra)
    except ValueError as error:
        raise PluginError(str(error)) from None
    try:
        config[CATALOG_KEY] = load_catalog(root, Path(config.docs_dir))
    except ContentError as error:
        raise PluginError(error.report()) from None
    except Exception as error:  # noqa: BLE001 - a message, never a traceback (the loader reports per file)
        raise PluginError(f"docs/, data/: the content could not be loaded ({type(error).__name__}: {error})") from None
    return config


@event_priority(-110)  # after static-i18n (-100) has chosen this build's files
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    # overrides/sitemap.xml, no longer a template of this build, would otherwise be copied as it is.
    if build_language(config) != languages.DEFAULT.code:
        sitemap = files.src_uris.get(SITEMAP)
        if sitemap is not None:
            files.remove(sitemap)
    return files
