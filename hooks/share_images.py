"""A preview image for each conference page, in the build's language (`share.png` beside the page), and the site
card of the other pages (`site-card.png` beside the language's home page).

hooks/page_metadata.py points the page's Open Graph and Twitter tags (and those of the conference's workshops) to
it. The text is the conference's title, dates (with the Hijri date on Arabic pages) and city; the site card's,
the site's name, what it holds and its host.
"""

from __future__ import annotations

import posixpath
from functools import partial

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from conference_site import formatting, languages
from conference_site.events import site_host
from conference_site.kinds import Conference

from mkdocs_glue import build_language, catalog_of, generated_file, page_file
from conference_site.share_image import (SHARE_IMAGE_NAME, SITE_CARD_NAME, ShareText, missing_characters, png, render,
                                         require_raqm, site_card_text)


def share_text(conference: Conference, language: str, config: MkDocsConfig) -> ShareText:
    catalog = catalog_of(config)
    data, text = conference.data, conference.text(language)
    separator = catalog.label("list_separator", language)
    digits = formatting.arabic_digit_style(config.extra)
    dates = [formatting.date_range(data.start, data.end, language)]
    if languages.language(language).shows_hijri:
        dates.append(formatting.hijri_date_range(data.start, data.end, language))
    return ShareText(title=text.title,
                     lines=(formatting.with_digits(separator.join(dates), language, digits),
                            separator.join([text.city, formatting.country_name(data.country, language)])),
                     footer=config.site_name)


def _image(text: ShareText, language: str) -> bytes:
    return png(render(text, language))


# After static-i18n (priority -100) has kept this build's language's pages: their folders are final then.
@event_priority(-110)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    try:
        require_raqm()
    except RuntimeError as error:
        raise PluginError(str(error)) from None
    language = build_language(config)
    catalog = catalog_of(config)
    problems = []
    home = page_file(files, language, "index.md")
    # The site card's text is the site's name (mkdocs.yml) and a label (data/labels.yml, checked as content is).
    images = [("mkdocs.yml", SITE_CARD_NAME, posixpath.dirname(home.dest_uri), site_card_text(
        config.site_name, catalog.label("site_card_tagline", language), site_host(config.site_url)))]
    for conference in sorted(catalog.conferences.values(), key=lambda c: c.id):
        page = page_file(files, language, conference.page_uri)
        images.append((f"docs/{page.src_uri}", SHARE_IMAGE_NAME, posixpath.dirname(page.dest_uri),
                       share_text(conference, language, config)))
    for source, name, folder, text in images:
        missing = missing_characters(" ".join([text.title, *text.lines, text.footer]))
        if missing:
            problems.append(f"{source}:1: the share image's font has no glyph for "
                            f"{', '.join(repr(char) for char in missing)}; expected Arabic or Latin letters")
            continue
        files.append(generated_file(config, posixpath.join(folder, name), partial(_image, text, language)))
    if problems:
        raise PluginError("\n".join(problems))
    return files
