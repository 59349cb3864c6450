"""The preview image of each conference page: Arabic shaped and right-to-left (Raqm), English left-to-right, linked
from the Open Graph and Twitter tags of the conference page and its workshops' pages; the site card of every other
page.

The real site: every conference has its image, and its pages and its workshops' point to it. The sample fixture
site: the image is exactly Raqm's layout of the conference's text."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageFont, features

from conference_site.catalog import Catalog
from conference_site.check import content_problems
from conference_site.share_image import FONT, ShareText, render, site_card_text
from conftest import BuiltSite
from site_pages import LANGUAGES, SITE_URL, entity_url
from test_broken_content import make_site

HARBOUR = "conferences/harbour-conference-2023/"
ARABIC = ShareText(title="مؤتمر الميناء، الدورة الثالثة",
                   lines=("26–27 أبريل 2023، 6–7 شوال 1444 هـ", "عجمان، الإمارات العربية المتحدة"),
                   footer="مؤتمرات العمل الاجتماعي")
ENGLISH = ShareText(title="3rd Harbour Conference", lines=("26–27 April 2023", "Ajman, United Arab Emirates"),
                    footer="Social Work Conferences")


def built_image(site: BuiltSite, url: str) -> Image.Image:
    image = Image.open(site.path(url))
    assert image.format == "PNG" and image.size == (1200, 630)
    return image.convert("RGB")


def differing_pixels(first: Image.Image, second: Image.Image) -> int:
    # The site's images are palette images: compare the colours they show.
    difference = ImageChops.difference(first.convert("RGB"), second.convert("RGB"))
    changed = difference.convert("L").point(lambda value: 255 if value else 0)
    return changed.histogram()[255]


def test_pillow_lays_out_with_raqm() -> None:
    assert features.check("raqm"), "Pillow without Raqm would draw Arabic unshaped"


def test_arabic_image_is_the_shaped_right_to_left_render_of_the_conference_text(sample_site: BuiltSite) -> None:
    image = built_image(sample_site, f"{HARBOUR}share.png")
    # The built image is exactly Raqm's layout of the conference's title, Gregorian and Hijri dates and city…
    assert differing_pixels(image, render(ARABIC, "ar")) == 0
    # …and not what Pillow's basic layout draws (isolated letters, left to right): shaping changed the pixels.
    unshaped = render(ARABIC, "ar", layout=ImageFont.Layout.BASIC)
    assert differing_pixels(image, unshaped) > 10_000


def test_arabic_letters_are_joined(sample_site: BuiltSite) -> None:
    # Joined letters overlap at their connections: a shaped word is narrower than its letters set side by side.
    font = ImageFont.truetype(str(FONT), 64)
    word = "الاجتماعية"
    shaped = font.getlength(word, direction="rtl", language="ar")
    isolated = sum(font.getlength(letter, direction="rtl", language="ar") for letter in word)
    assert shaped < 0.9 * isolated
    # The built image's text is right-aligned at the right margin, as Arabic is read.
    image = built_image(sample_site, f"{HARBOUR}share.png")
    ink = ImageChops.difference(image, Image.new("RGB", image.size, image.getpixel((0, 0)))).getbbox()
    assert ink is not None and 1120 - 4 <= ink[2] <= 1120 and ink[0] > 80 + 100


def test_english_image_is_left_to_right(sample_site: BuiltSite) -> None:
    image = built_image(sample_site, f"en/{HARBOUR}share.png")
    assert differing_pixels(image, render(ENGLISH, "en")) == 0
    ink = ImageChops.difference(image, Image.new("RGB", image.size, image.getpixel((0, 0)))).getbbox()
    assert ink is not None and 80 <= ink[0] <= 80 + 8


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_conference_and_workshop_page_shares_the_conference_image(site: BuiltSite, catalog: Catalog,
                                                                       language: str) -> None:
    for conference in catalog.conferences.values():
        image_url = f"{SITE_URL}{entity_url(conference, language)}share.png"
        built_image(site, image_url.removeprefix(SITE_URL))
        for entity in (conference, *catalog.workshops_of(conference.id)):
            page = site.html(entity_url(entity, language))
            assert page.select_one('meta[property="og:image"]')["content"] == image_url, entity.id
            assert page.select_one('meta[name="twitter:image"]')["content"] == image_url
            assert page.select_one('meta[name="twitter:card"]')["content"] == "summary_large_image"
            assert page.select_one('meta[property="og:image:width"]')["content"] == "1200"


def test_every_other_page_shares_its_language_site_card(site: BuiltSite, catalog: Catalog) -> None:
    event_pages = {entity_url(entity, language) for language in LANGUAGES
                   for entity in (*catalog.conferences.values(), *catalog.workshops.values())}
    pages = [path.parent.relative_to(site.root).as_posix() for path in site.root.rglob("index.html")]
    others = [f"{path}/" if path != "." else "" for path in pages if f"{path}/" not in event_pages]
    assert len(others) >= 2 * (4 + len(catalog.organisations)), others  # the home, the listings, the organisations
    for url in others:
        page = site.html(url)
        card = f"{SITE_URL}{'en/' if page.html['lang'] == 'en' else ''}site-card.png"
        assert page.select_one('meta[property="og:image"]')["content"] == card, url
        assert page.select_one('meta[name="twitter:card"]')["content"] == "summary_large_image", url
        assert page.select_one('meta[property="og:image:alt"]')["content"], url
    for language in LANGUAGES:
        built_image(site, f"{'en/' if language == 'en' else ''}site-card.png")


@pytest.mark.parametrize("language,text", [
    ("ar", site_card_text("مؤتمرات العمل الاجتماعي", "المؤتمرات وورش عملها والجهات التي تنظّمها أو تشارك فيها",
                          "127.0.0.1")),
    ("en", site_card_text("Social Work Conferences", "Conferences, their workshops and the organisations behind them",
                          "127.0.0.1"))])
def test_site_card_is_the_site_name_and_tagline_in_each_language(sample_site: BuiltSite, language: str,
                                                                  text: ShareText) -> None:
    image = built_image(sample_site, f"{'en/' if language == 'en' else ''}site-card.png")
    assert differing_pixels(image, render(text, language)) == 0


def test_text_the_font_cannot_draw_is_refused_at_its_line(tmp_path: Path) -> None:
    project = make_site(tmp_path / "project")
    page = project / "docs/en/conferences/spring-forum-2030.md"
    page.write_text(page.read_text(encoding="utf-8").replace("title: Spring Forum 2030",
                                                             "title: Spring Forum 2030 会议"), encoding="utf-8")
    assert [str(problem) for problem in content_problems(project)] == [
        "docs/en/conferences/spring-forum-2030.md:2: the share image's font has no glyph for '会', '议' in 'title'; "
        "expected Arabic or Latin letters"]
