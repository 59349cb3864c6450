"""Make the site's web fonts: subset WOFF2 files from Debian's Noto fonts, and their licence.

Run it again only to change the fonts; the build uses the committed files and needs neither this script nor
the source fonts:

    apt-get install fonts-noto-core        # Debian bookworm: 20201225-1
    .venv/bin/pip install fonttools==4.68.0 brotli==1.2.1
    .venv/bin/python scripts/subset_fonts.py

Sources (SIL Open Font License 1.1, no reserved font names, so subsets may keep their names):
  /usr/share/fonts/truetype/noto/NotoSansArabic-{Regular,Bold}.ttf  (Noto Sans Arabic 2.005)
  /usr/share/fonts/truetype/noto/NotoSans-{Regular,Bold}.ttf        (Noto Sans 2.004)

Each family is cut to the characters its `@font-face` rule in overrides/assets/stylesheets/site.css
declares in `unicode-range` (the same ranges as below), so a browser fetches the Latin file only for a page
that has Latin text and the Arabic file only for a page that has Arabic text.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

SOURCE_DIR = Path("/usr/share/fonts/truetype/noto")
DEBIAN_COPYRIGHT = Path("/usr/share/doc/fonts-noto-core/copyright")
OUTPUT_DIR = Path(__file__).resolve().parent.parent / "overrides" / "assets" / "fonts"

# The Arabic block (letters, harakat, Arabic-Indic and Persian digits, Arabic punctuation), the joiners and
# bidi marks that shape and order Arabic text, hyphens, the dotted circle that shows a lone mark, and the
# ornate parentheses.
ARABIC_RANGES = "U+0600-06FF, U+200C-200F, U+2010-2011, U+25CC, U+FD3E-FD3F"
# Basic Latin and Latin-1 (ASCII digits, « » · and accented names), the typographic quotes, dashes,
# ellipsis and spaces of General Punctuation, and the few other signs English text here uses.
LATIN_RANGES = ("U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+2000-200B, "
                "U+2012-206F, U+20AC, U+2122, U+2212")

# The one Arabic word of an English page: «العربية», the language menu's name of the other language. English
# pages draw it from this file, of its seven letters (and their joined forms), rather than download the whole
# Arabic font for it; site.css gives it a family of its own, used only there, so Arabic text never mixes the two.
LANGUAGE_NAME = "العربية"
LANGUAGE_NAME_RANGES = ", ".join(f"U+{ord(letter):04X}" for letter in sorted(set(LANGUAGE_NAME)))


@dataclass(frozen=True)
class WebFont:
    source: str
    output: str
    unicode_ranges: str


FONTS = [
    WebFont("NotoSansArabic-Regular.ttf", "noto-sans-arabic-400.woff2", ARABIC_RANGES),
    WebFont("NotoSansArabic-Bold.ttf", "noto-sans-arabic-700.woff2", ARABIC_RANGES),
    WebFont("NotoSans-Regular.ttf", "noto-sans-latin-400.woff2", LATIN_RANGES),
    WebFont("NotoSans-Bold.ttf", "noto-sans-latin-700.woff2", LATIN_RANGES),
    WebFont("NotoSansArabic-Regular.ttf", "noto-sans-arabic-language-name-400.woff2", LANGUAGE_NAME_RANGES),
]


def code_points(ranges: str) -> list[int]:
    """The code points of a CSS `unicode-range` list such as "U+0600-06FF, U+25CC"."""
    points: list[int] = []
    for item in ranges.split(","):
        first, _, last = item.strip().removeprefix("U+").partition("-")
        points.extend(range(int(first, 16), int(last or first, 16) + 1))
    return points


def subset_font(font: WebFont) -> Path:
    options = subset.Options()
    options.flavor = "woff2"
    # Keep the OpenType features Arabic shaping and good Latin setting need beyond fontTools' defaults.
    options.layout_features = ["*"]
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]  # names, versions, copyright and the licence
    options.hinting = False  # the hints are for Windows GDI at small sizes; browsers today do not need them
    options.desubroutinize = True  # compresses better in WOFF2
    source = TTFont(SOURCE_DIR / font.source, recalcTimestamp=False)  # the same bytes on every run
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=code_points(font.unicode_ranges))
    subsetter.subset(source)
    output = OUTPUT_DIR / font.output
    source.flavor = "woff2"
    source.save(output)
    return output


def licence_text() -> str:
    """The OFL 1.1 as Debian's copyright file of fonts-noto-core states it, with the fonts' copyright lines."""
    lines = DEBIAN_COPYRIGHT.read_text(encoding="utf-8").splitlines()
    # The licence's full text is the last "License: OFL-1.1" paragraph; the earlier ones only name it.
    start = len(lines) - lines[::-1].index("License: OFL-1.1")
    body: list[str] = []
    for line in lines[start:]:
        if not line.startswith(" "):
            break
        body.append("" if line == " ." else line[1:])
    copyrights = sorted({TTFont(SOURCE_DIR / font.source)["name"].getDebugName(0) for font in FONTS})
    header = [f"{font.output}: subset of {font.source} (Debian fonts-noto-core)" for font in FONTS]
    return "\n".join([*copyrights, "", *header, "",
                      "This Font Software is licensed under the SIL Open Font License, Version 1.1.", "",
                      *body]) + "\n"


def main() -> int:
    missing = [font.source for font in FONTS if not (SOURCE_DIR / font.source).is_file()]
    if missing or not DEBIAN_COPYRIGHT.is_file():
        print(f"{SOURCE_DIR}: missing {', '.join(missing) or DEBIAN_COPYRIGHT}; "
              "expected Debian's fonts-noto-core (apt-get install fonts-noto-core)", file=sys.stderr)
        return 1
    OUTPUT_DIR.mkdir(parents=True, exist_ok=True)
    for font in FONTS:
        output = subset_font(font)
        print(f"{output.relative_to(OUTPUT_DIR.parent.parent.parent)}: {output.stat().st_size} bytes")
    (OUTPUT_DIR / "OFL.txt").write_text(licence_text(), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
