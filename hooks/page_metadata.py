"""The metadata in each page's <head>: description, canonical and hreflang links with absolute URLs (x-default:
Arabic), the language's news and calendar feeds, Open Graph and Twitter tags (with the conference's share image
from hooks/share_images.py on conference and workshop pages, the site card on the others), and schema.org JSON-LD
for entity pages.

Every page has its counterpart at the same address in every language's folder (the catalog refuses a page
without its partners, and the listing pages are generated for every language), so the alternates are computed
from the language registry; overrides/main.html replaces Material's `site_meta` block with
overrides/partials/site/head-meta.html, which renders what this hook computes. The language switcher
(overrides/partials/alternate.html) leads to the same counterparts: `site_alternates` in the page's context.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from conference_site import languages
from conference_site.calendar import FEED_NAME as CALENDAR_FEED
from conference_site.kinds import AnyEntity, Conference, Workshop
from conference_site.news_feed import FEED_NAME as NEWS_FEED
from conference_site.page_head import HEAD_KEY, PageHead, page_description
from conference_site.rendering import relative_url

from mkdocs_glue import build_language, page_file, page_view
from conference_site.schema import DEFAULT_LANGUAGE, LANGUAGES
from conference_site.share_image import HEIGHT, SHARE_IMAGE_NAME, SITE_CARD_NAME, WIDTH
from conference_site.structured_data import script_text, structured_data


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    view = page_view(page, config, files)
    if view is None:
        return html
    site = languages.site_root_url(config.site_url, view.language)
    urls = {language.code: urljoin(site, language.root + page.url) for language in languages.REGISTRY}
    entity = view.catalog.entity_for_page(view.uri)

    def url_of(target: AnyEntity) -> str:
        return urljoin(config.site_url, page_file(files, view.language, target.page_uri).url)

    home = urljoin(config.site_url, page_file(files, view.language, "index.md").url)
    feeds = [("application/rss+xml", view.t("feed_news"), urljoin(home, NEWS_FEED)),
             ("text/calendar", view.t("feed_calendar"), urljoin(home, CALENDAR_FEED))]
    conference = None
    if isinstance(entity, Conference):
        conference = entity
    elif isinstance(entity, Workshop):
        conference = view.catalog.conferences[entity.data.conference]
    # Every other page (home, listings, organisations) shows the site card of its language.
    image = urljoin(url_of(conference), SHARE_IMAGE_NAME) if conference else urljoin(home, SITE_CARD_NAME)
    fields = page.meta
    page.meta[HEAD_KEY] = PageHead(
        title=fields["title"], description=page_description(fields["summary"]), url=urls[view.language],
        alternates=[*((language, urls[language]) for language in LANGUAGES), ("x-default", urls[DEFAULT_LANGUAGE])],
        locale=languages.language(view.language).og_locale,
        locale_alternates=[language.og_locale for language in languages.REGISTRY if language.code != view.language],
        og_type="article" if entity else "website",
        structured_data=script_text(structured_data(view.catalog, entity, view.language, url_of)) if entity else None,
        feeds=feeds, image=image, image_alt=view.text(conference).title if conference else config.site_name,
        image_size=(WIDTH, HEIGHT))
    return html


def on_page_context(context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    # Relative links, from the page's place in the site to its counterpart's (as static-i18n wrote them).
    # A home's address is './' at its build's root.
    url = page.url.removeprefix("./")
    here = languages.language(build_language(config)).root + url
    context["site_alternates"] = [
        {"name": language.name, "lang": language.code, "link": relative_url(language.root + url or "./", here)}
        for language in languages.REGISTRY]
    return context
