"""Make the share images' font: Noto Sans Arabic Bold (Arabic) merged with Noto Sans Bold (Latin, punctuation).

Neither font alone covers an Arabic title with a date range ("26–27") or a Latin name; Pillow draws with one font
file, so the two are merged once with fontTools and the result is committed. To remake it (Debian's
fonts-noto-core 20201225-1):

    .venv/bin/python conference_site/fonts/merge_fonts.py /usr/share/fonts/truetype/noto
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools.merge import Merger

SOURCES = ("NotoSansArabic-Bold.ttf", "NotoSans-Bold.ttf")
MERGED = Path(__file__).with_name("NotoSansArabic-NotoSans-Bold.ttf")


def main(source_folder: str) -> None:
    # The Arabic font first: where both have a character (space, digits), the Arabic font's glyph is kept.
    Merger().merge([str(Path(source_folder) / name) for name in SOURCES]).save(MERGED)


if __name__ == "__main__":
    main(sys.argv[1])
