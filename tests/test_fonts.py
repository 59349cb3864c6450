"""The site's own fonts: the committed WOFF2 subsets match what the stylesheet says they hold, and no page
asks any other host for a font."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from conftest import BrowserPage, BuiltSite
from site_builder import REPO

STYLESHEET = REPO / "overrides" / "assets" / "stylesheets" / "site.css"
FONTS = REPO / "overrides" / "assets" / "fonts"
FONT_FACE = re.compile(r"@font-face\s*{(?P<body>[^}]*)}")
ARABIC_LETTERS = range(0x0621, 0x064B)
ARABIC_INDIC_DIGITS = range(0x0660, 0x066A)
PRINTABLE_ASCII = range(0x20, 0x7F)
# The Arabic language's name in the language menu: on English pages, drawn from a file of its letters alone.
LANGUAGE_NAME = "العربية"


def font_faces() -> list[dict[str, str]]:
    faces = []
    for match in FONT_FACE.finditer(STYLESHEET.read_text(encoding="utf-8")):
        declarations = (line.strip().rstrip(";").partition(":") for line in match["body"].split(";"))
        faces.append({name.strip(): " ".join(value.split()) for name, _, value in declarations if name.strip()})
    return faces


def code_points(unicode_range: str) -> set[int]:
    points: set[int] = set()
    for item in unicode_range.split(","):
        first, _, last = item.strip().removeprefix("U+").partition("-")
        points.update(range(int(first, 16), int(last or first, 16) + 1))
    return points


def test_every_font_face_is_a_committed_woff2_shown_at_once() -> None:
    faces = font_faces()
    assert len(faces) == 5
    for face in faces:
        file = re.fullmatch(r'url\("\.\./fonts/(?P<name>[a-z0-9-]+\.woff2)"\) format\("woff2"\)', face["src"])
        assert file is not None, face["src"]
        assert (FONTS / file["name"]).is_file(), file["name"]
        assert face["font-display"] == "swap"
    licence = (FONTS / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL Open Font License, Version 1.1" in licence and "PERMISSION & CONDITIONS" in licence


@pytest.mark.parametrize("face", font_faces(), ids=lambda face: face["src"].split("/")[-1].split('"')[0])
def test_font_file_holds_what_its_unicode_range_declares(face: dict[str, str]) -> None:
    name = re.search(r"fonts/([^\"]+)", face["src"])[1]
    covered = set(TTFont(FONTS / name).getBestCmap())
    declared = code_points(face["unicode-range"])
    # The browser picks the file by the declared range: a character outside it would never be drawn from
    # this file, and one declared but missing would fall back to another font.
    assert covered <= declared
    if "language-name" in name:
        expected = {ord(letter) for letter in LANGUAGE_NAME}
    elif "arabic" in name:
        expected = set(ARABIC_LETTERS) | set(ARABIC_INDIC_DIGITS)
    else:
        expected = set(PRINTABLE_ASCII)
    assert expected <= covered


def test_no_page_asks_another_host_for_a_font(site: BuiltSite) -> None:
    pages = list(site.root.rglob("*.html"))
    assert site.root / "index.html" in pages
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html, page


@pytest.mark.browser
def test_english_page_draws_the_arabic_language_name_without_the_arabic_font(site_url: str,
                                                                           browser_page: BrowserPage) -> None:
    page = browser_page.page
    page.goto(f"{site_url}en/", wait_until="networkidle")
    page.evaluate("document.fonts.ready")
    fonts = [url.rsplit("/", 1)[-1] for url in browser_page.requests if url.endswith(".woff2")]
    assert "noto-sans-arabic-language-name-400.woff2" in fonts
    assert not [font for font in fonts if font.startswith("noto-sans-arabic-") and "language-name" not in font], fonts
    name = page.locator('a.md-select__link[lang="ar"]')
    assert name.inner_text().strip() == LANGUAGE_NAME
    assert page.evaluate(f"document.fonts.check('16px \"Site Arabic Language Name\"', {LANGUAGE_NAME!r})")


@pytest.mark.browser
def test_arabic_page_draws_its_text_from_the_arabic_font_alone(site_url: str, browser_page: BrowserPage) -> None:
    page = browser_page.page
    page.goto(site_url, wait_until="networkidle")
    page.evaluate("document.fonts.ready")
    fonts = [url.rsplit("/", 1)[-1] for url in browser_page.requests if url.endswith(".woff2")]
    assert "noto-sans-arabic-400.woff2" in fonts and "noto-sans-arabic-language-name-400.woff2" not in fonts, fonts
