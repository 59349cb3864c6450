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

from fontTools.ttLib import TTFont
from PIL import Image, ImageDraw, ImageFont, features

FONT = Path(__file__).with_name("fonts") / "NotoSansArabic-NotoSans-Bold.ttf"
SHARE_IMAGE_NAME = "share.png"
WIDTH, HEIGHT = 1200, 630  # the size Open Graph and Twitter's large card show without cropping
MARGIN = 80
BACKGROUND = (0, 105, 92)  # Material's teal, darkened for white text (contrast 7:1)
TEXT = (255, 255, 255)
MUTED = (204, 230, 227)
DIRECTIONS = {"ar": "rtl", "en": "ltr"}
TITLE_SIZE, LINE_SIZE, FOOTER_SIZE = 64, 40, 32
MAX_TITLE_LINES = 3


@dataclass(frozen=True)
class ShareText:
    """What the image says, in one language."""

    title: str
    lines: tuple[str, ...]  # the date, the place
    footer: str  # the site's name


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


def _wrapped(text: str, font: ImageFont.FreeTypeFont, width: int, options: dict) -> list[str]:
    """Greedy word wrap at `width` pixels; words stay in logical order, Raqm orders each line for display."""
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and font.getlength(candidate, **options) <= width:
            lines[-1] = candidate
        else:
            lines.append(word)
    if len(lines) > MAX_TITLE_LINES:
        lines = [*lines[:MAX_TITLE_LINES - 1], " ".join(lines[MAX_TITLE_LINES - 1:])]
    return lines


def render(text: ShareText, language: str, layout: ImageFont.Layout = ImageFont.Layout.RAQM) -> Image.Image:
    """The image; `layout` is Raqm for the site (the basic layout exists to show what shaping changes)."""
    direction = DIRECTIONS[language]
    # The basic layout knows no direction or language: it draws characters in stored order, unjoined.
    options = {"direction": direction, "language": language} if layout == ImageFont.Layout.RAQM else {}
    anchor_x, anchor = (WIDTH - MARGIN, "r") if direction == "rtl" else (MARGIN, "l")
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    y = MARGIN
    title_font = _font(TITLE_SIZE, layout)
    for line in _wrapped(text.title, title_font, WIDTH - 2 * MARGIN, options):
        draw.text((anchor_x, y), line, font=title_font, fill=TEXT, anchor=f"{anchor}a", **options)
        y += int(TITLE_SIZE * 1.45)
    y += LINE_SIZE // 2
    for line in text.lines:
        draw.text((anchor_x, y), line, font=_font(LINE_SIZE, layout), fill=MUTED, anchor=f"{anchor}a", **options)
        y += int(LINE_SIZE * 1.5)
    draw.text((anchor_x, HEIGHT - MARGIN), text.footer, font=_font(FOOTER_SIZE, layout), fill=TEXT,
              anchor=f"{anchor}d", **options)
    return image


def png(image: Image.Image) -> bytes:
    """PNG bytes with no time stamp or other metadata: the same image gives the same file."""
    output = io.BytesIO()
    # zlib's default level: `optimize=True` makes each image 6× slower to write (85 ms, one per conference and
    # language) for a file 3% smaller.
    image.save(output, format="PNG")
    return output.getvalue()
