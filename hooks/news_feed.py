"""Each language's RSS feed of conferences (`feed.xml` beside its home page), newest first.

An item says when and where, then the conference's summary, all in the build's language.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from conference_site.content_dates import ContentDates
from conference_site.formatting import arabic_digit_style, country_name, date_range, with_digits
from conference_site.news_feed import FEED_NAME, FeedItem, rss

from mkdocs_glue import build_language, catalog_of, page_file


# After static-i18n (priority -100) has kept this build's language's pages: their URLs are final then.
@event_priority(-110)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    language = build_language(config)
    catalog = catalog_of(config)
    separator = catalog.label("list_separator", language)
    digits = arabic_digit_style(config.extra)
    home = page_file(files, language, "index.md")
    dates = ContentDates(Path(config.config_file_path).parent)
    items = []
    for conference in sorted(catalog.conferences.values(), key=lambda c: (c.data.start, c.id), reverse=True):
        text = conference.text(language)
        when = with_digits(date_range(conference.data.start, conference.data.end, language), language, digits)
        where = separator.join([text.city, country_name(conference.data.country, language)])
        items.append(FeedItem(title=text.title,
                              url=urljoin(config.site_url, page_file(files, language, conference.page_uri).url),
                              description=f"{when}{separator}{where}. {text.summary}",
                              published=dates.of(conference.data_path).first_published))
    feed_path = posixpath.join(posixpath.dirname(home.dest_uri), FEED_NAME)
    content = rss(config.site_name, urljoin(config.site_url, home.url), urljoin(config.site_url, feed_path),
                  config.site_description, language, items)
    files.append(File.generated(config, feed_path, content=content))
    return files
