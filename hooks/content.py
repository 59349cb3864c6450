"""Load and check every conference, workshop and organisation before anything is built.

A problem in the content stops the build with one `path:line: what is wrong; expected …` line per problem
and no traceback, so an editor can fix them all from one message.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from conference_site.catalog import load_catalog
from conference_site.editing import repository
from conference_site.formatting import arabic_digit_style
from conference_site.problems import ContentError
from conference_site.rendering import CATALOG_KEY


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).parent
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
