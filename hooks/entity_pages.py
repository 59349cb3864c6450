"""Put the facts of a conference, workshop or organisation around the text its editor wrote.

The facts come from the entity's data file (written once for both languages) and its page's front matter
(translated); the HTML comes from `overrides/partials/site/<kind>.html`. The links to edit the page and its data
file go to `page.meta` (EDIT_LINKS_KEY), which `overrides/main.html` shows after the content: outside the
content, search does not index them.
"""

from __future__ import annotations

from typing import Any, assert_never
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from conference_site.calendar import calendar_file_name
from conference_site.events import timetable
from conference_site.grouping import roles_by_conference
from conference_site.headings import headings_after
from conference_site.kinds import Conference, Organisation, Workshop
from conference_site.rendering import markup, today
from conference_site.sharing import page_sharing

from mkdocs_glue import page_view, render, with_generated_sections

EDIT_LINKS_KEY = "conference_site_edit_links"


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    view = page_view(page, config, files)
    entity = view.catalog.entity_for_page(view.uri) if view else None
    if view is None or entity is None:
        return html
    catalog = view.catalog
    page.meta[EDIT_LINKS_KEY] = [(view.t("edit_page"), view.edit_url(entity.translations[view.language].path)),
                                 (view.t("edit_data"), view.edit_url(entity.data_path))]
    context: dict[str, Any] = {"entity": entity, "data": entity.data, "text": entity.text(view.language),
                               "body": markup(html)}
    if isinstance(entity, (Conference, Workshop)):
        context["sharing"] = page_sharing(catalog, entity, view.language, urljoin(config.site_url, page.url), today())
    if isinstance(entity, Conference):
        context["workshops"] = catalog.workshops_of(entity.id)
        context["calendar_file"] = calendar_file_name(entity.id)
        context["timetable"] = timetable(catalog, entity)
        context["untimed"] = [workshop for workshop in context["workshops"] if workshop.data.start is None]
        context["organisations"] = [(catalog.organisations[part.organisation], part.role)
                                    for part in entity.data.organisations]
    elif isinstance(entity, Workshop):
        context["conference"] = catalog.conferences[entity.data.conference]
        context["presenters"] = [catalog.organisations[org_id] for org_id in entity.data.presenters]
        context["calendar_file"] = calendar_file_name(entity.id) if entity.data.start else None
    elif isinstance(entity, Organisation):
        context["participations"] = roles_by_conference(catalog.participations_of(entity.id))
    else:
        assert_never(entity)
    rendered = render(config, f"{entity.kind}.html", view, **context)
    page.toc = with_generated_sections(page.toc, headings_after(rendered, html))
    return rendered
