"""Offer the site's events as iCalendar files, in the language of the build.

Each conference page has `<id>.ics` beside it (the conference and its timed workshops), so has each workshop
page whose time is known (that workshop alone), and each language's home has `calendar.ics`, the feed of every
event. The files are generated MkDocs files: `mkdocs serve` serves them too
and nothing is written into docs/.
"""

from __future__ import annotations

import posixpath
from functools import partial

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from conference_site.calendar import FEED_NAME, CalendarFiles, calendar_file_name, event_text
from conference_site.events import Event, conference_event, timed_workshops

from mkdocs_glue import build_language, catalog_of, generated_file, page_file


# After static-i18n (priority -100) has kept this build's language's pages: their URLs are final then.
@event_priority(-110)
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    language = build_language(config)
    catalog = catalog_of(config)
    name = config.site_name

    calendars = CalendarFiles(language, config.site_url,
                              lambda event: event_text(event, language, catalog, config.site_url + page_file(
                                  files, language, event.entity.page_uri).url))

    every_event: list[Event] = []
    for conference in sorted(catalog.conferences.values(), key=lambda c: c.id):
        events = [conference_event(conference), *timed_workshops(catalog, conference)]
        every_event.extend(events)
        for entity_events in (events, *([workshop] for workshop in events[1:])):
            entity = entity_events[0].entity
            folder = posixpath.dirname(page_file(files, language, entity.page_uri).dest_uri)
            files.append(generated_file(config, posixpath.join(folder, calendar_file_name(entity.id)), partial(
                calendars.calendar_file, entity_events, f"{name}: {entity.text(language).title}")))
    home = posixpath.dirname(page_file(files, language, "index.md").dest_uri)
    files.append(generated_file(config, posixpath.join(home, FEED_NAME),
                                partial(calendars.calendar_file, every_event, name)))
    return files
