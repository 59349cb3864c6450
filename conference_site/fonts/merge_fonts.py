"""Make the share images' font: Noto Sans Arabic Bold (Arabic) merged with Noto Sans Bold (Latin, punctuation).

Neither font alone covers an Arabic title with a date range ("26–27") or a Latin name; Pillow draws with one font
file, so the two are merged once with fontTools and the result is committed. Its hinting (the TrueType
instructions that fit outlines to the pixel grid of small sizes) is left out: the images draw text at 32 to 64
pixels, where it changes little, and FreeType ran the Arabic's instructions for every glyph drawn, two and a half
times the time of drawing it. To remake it (Debian's fonts-noto-core 20201225-1):

    .venv/bin/python conference_site/fonts/merge_fonts.py /usr/share/fonts/truetype/noto
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.merge import Merger
from fontTools.ttLib import TTFont

SOURCES = ("NotoSansArabic-Bold.ttf", "NotoSans-Bold.ttf")
MERGED = Path(__file__).with_name("NotoSansArabic-NotoSans-Bold.ttf")


def without_hinting(font: TTFont) -> TTFont:
    """The font with every glyph, feature and name it has, but no hinting (fontTools' subsetter keeping all)."""
    options = subset.Options(hinting=False, glyph_names=True, notdef_outline=True, layout_features=["*"],
                             name_IDs=["*"], name_languages=["*"], name_legacy=True, legacy_kern=True)
    subsetter = subset.Subsetter(options)
    subsetter.populate(glyphs=font.getGlyphOrder())
    subsetter.subset(font)
    return font


def main(source_folder: str) -> None:
    # The Arabic font first: where both have a character (space, digits), the Arabic font's glyph is kept.
    without_hinting(Merger().merge([str(Path(source_folder) / name) for name in SOURCES])).save(MERGED)


if __name__ == "__main__":
    main(sys.argv[1])
