"""The preview image of a conference page (Open Graph / Twitter), drawn with Pillow and laid out by Raqm.

Arabic is drawn shaped (letters joined in their contextual forms) and right-to-left only through Raqm (HarfBuzz
and FriBiDi); Pillow's basic layout would draw isolated letters in the wrong order, so without Raqm the build
stops instead of publishing such an image.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TypedDict

from fontTools.ttLib import TTFont
from PIL import Image, ImageDraw, ImageFont, features

from . import languages
from .limits import invisible_character


class Shaping(TypedDict, total=False):
    """What Raqm needs to shape a line: its direction and language (Pillow's `direction`, `language`)."""

    direction: str
    language: str

FONT = Path(__file__).with_name("fonts") / "NotoSansArabic-NotoSans-Bold.ttf"
SHARE_IMAGE_NAME = "share.png"
# The image of the pages that are not a conference's or a workshop's (home, listings, organisations), beside each
# language's home page.
SITE_CARD_NAME = "site-card.png"
WIDTH, HEIGHT = 1200, 630  # the size Open Graph and Twitter's large card show without cropping
MARGIN = 80
BACKGROUND = (0, 105, 92)  # Material's teal, darkened for white text (contrast 6.6:1)
TEXT = (255, 255, 255)
# The image is drawn as the share of TEXT over BACKGROUND in each pixel (0 background … 255 text), shown through
# a palette of that blend: the same pixels as drawing in colour, a third of the bytes to compress (each image is
# written 5× faster) and a file half the size.
PALETTE = [round(background + (text - background) * share / 255)
           for share in range(256) for background, text in zip(BACKGROUND, TEXT)]
TEXT_SHARE = 255
MUTED_SHARE = 204  # the dates and the place: (204, 225, 222), contrast 4.8:1 on the background
TITLE_SIZE, LINE_SIZE, FOOTER_SIZE = 64, 40, 32
MAX_TITLE_LINES = 3
# More characters than any line of the image holds (about 35 of the title's, 60 of the other lines').
MAX_LINE_CHARACTERS = 120


@dataclass(frozen=True)
class ShareText:
    """What the image says, in one language."""

    title: str
    lines: tuple[str, ...]  # the date, the place
    footer: str  # the site's name


def site_card_text(site_name: str, tagline: str, site_host: str) -> ShareText:
    """The site card's text: the site's name, what it holds, and its host."""
    return ShareText(title=site_name, lines=(tagline,), footer=site_host)


def require_raqm() -> None:
    if not features.check("raqm"):
        raise RuntimeError("Pillow cannot lay out text with Raqm (it needs the system's libfribidi: apt-get install "
                           "libfribidi0), so Arabic would be drawn unshaped; expected Pillow with Raqm available")


@cache
def _covered() -> frozenset[int]:
    return frozenset(TTFont(FONT, lazy=True).getBestCmap())


def missing_characters(text: str) -> list[str]:
    """The characters of `text` the font has no glyph for (they would be drawn as empty boxes)."""
    covered = _covered()
    return sorted({char for char in text if ord(char) not in covered and not char.isspace()})


@cache
def _font(size: int, layout: ImageFont.Layout) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT), size, layout_engine=layout)


def _wrapped(text: str, font: ImageFont.FreeTypeFont, width: int, options: Shaping) -> list[str]:
    """Greedy word wrap at `width` pixels; words stay in logical order, Raqm orders each line for display."""
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and font.getlength(candidate, **options) <= width:
            lines[-1] = candidate
        else:
            lines.append(word)
    if len(lines) > MAX_TITLE_LINES:
        lines = [*lines[:MAX_TITLE_LINES - 1], _shortened(" ".join(lines[MAX_TITLE_LINES - 1:]), font, width, options)]
    return [_shortened(line, font, width, options) for line in lines]


def _shortened(line: str, font: ImageFont.FreeTypeFont, width: int, options: Shaping) -> str:
    """The line cut at a word and ended with "…" where it is wider than the image: a line is drawn as one image
    of its whole width, and a very long one would be refused by Pillow's guard against huge images."""
    if font.getlength(line[:MAX_LINE_CHARACTERS], **options) <= width and len(line) <= MAX_LINE_CHARACTERS:
        return line
    words = line[:MAX_LINE_CHARACTERS].split()
    while len(words) > 1 and font.getlength(" ".join(words) + " …", **options) > width:
        words.pop()
    shortened = " ".join(words)
    while len(shortened) > 1 and font.getlength(shortened + "…", **options) > width:
        shortened = shortened[:-1]
    return shortened + "…"


def visible(text: str) -> str:
    """The text without the invisible characters that would reorder or hide what it says (limits.py); the
    content checks refuse them already, so this only keeps the image honest if one gets through."""
    return "".join(character for character in text if invisible_character(character) is None)


def render(text: ShareText, language: str, layout: ImageFont.Layout = ImageFont.Layout.RAQM) -> Image.Image:
    """The image; `layout` is Raqm for the site (the basic layout exists to show what shaping changes)."""
    direction = languages.language(language).direction
    # The basic layout knows no direction or language: it draws characters in stored order, unjoined.
    options: Shaping = {"direction": direction, "language": language} if layout == ImageFont.Layout.RAQM else {}
    anchor_x, anchor = (WIDTH - MARGIN, "r") if direction == "rtl" else (MARGIN, "l")
    image = Image.new("L", (WIDTH, HEIGHT), 0)
    draw = ImageDraw.Draw(image)
    y = MARGIN
    title_font = _font(TITLE_SIZE, layout)
    for line in _wrapped(visible(text.title), title_font, WIDTH - 2 * MARGIN, options):
        draw.text((anchor_x, y), line, font=title_font, fill=TEXT_SHARE, anchor=f"{anchor}a", **options)
        y += int(TITLE_SIZE * 1.45)
    y += LINE_SIZE // 2
    for line in text.lines:
        line = _shortened(visible(line), _font(LINE_SIZE, layout), WIDTH - 2 * MARGIN, options)
        draw.text((anchor_x, y), line, font=_font(LINE_SIZE, layout), fill=MUTED_SHARE, anchor=f"{anchor}a",
                  **options)
        y += int(LINE_SIZE * 1.5)
    footer = _shortened(visible(text.footer), _font(FOOTER_SIZE, layout), WIDTH - 2 * MARGIN, options)
    draw.text((anchor_x, HEIGHT - MARGIN), footer, font=_font(FOOTER_SIZE, layout), fill=TEXT_SHARE,
              anchor=f"{anchor}d", **options)
    image.putpalette(PALETTE)
    return image


def png(image: Image.Image) -> bytes:
    """PNG bytes with no time stamp or other metadata: the same image gives the same file."""
    output = io.BytesIO()
    # zlib's level 3: its default (6) takes twice as long for a file 15% smaller, `optimize=True` 17× as long
    # (50 ms, one image per conference and language) for 20% smaller.
    image.save(output, format="PNG", compress_level=3)
    return output.getvalue()
