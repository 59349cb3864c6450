"""Where an editor's files may be, and what an image may be: checked before anything is built.

Pages live in `docs/<language>/` (the home page and index pages) and its `conferences/`, `workshops/` and
`organisations/` folders; images in `docs/<language>/images/` (each language has its own, as static-i18n builds
each language from its own folder); data files in `data/<kind folder>/` beside `data/labels.yml`. Anything
else is a file the build would ignore or publish by mistake, so it is a problem.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

from .problems import Problem
from .kinds import KIND_FOLDERS
from .schema import LANGUAGES

IMAGE_FOLDER = "images"
MAX_IMAGE_BYTES = 1024 * 1024
MAX_IMAGE_SHOWN = "1 MB (1,048,576 bytes)"
# The formats every browser shows, by the bytes a file of that format starts with.
IMAGE_SIGNATURES = {
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".gif": (b"GIF87a", b"GIF89a"),
    ".webp": (b"RIFF",),
    ".avif": (b"\x00\x00\x00",),
}
IMAGE_FORMATS_SHOWN = "a PNG, JPEG, WebP, AVIF or GIF image (.png, .jpg, .jpeg, .webp, .avif, .gif)"
DATA_EXPECTED = ("data files in data/" + ", data/".join(KIND_FOLDERS.values()) + " and the labels in "
                 "data/labels.yml")
LINK_EXPECTED = "the file or folder itself, added to the repository, not a symbolic link to it"
DOCS_EXPECTED = ("pages in docs/<language>/ or its " + ", ".join(f"{folder}/" for folder in KIND_FOLDERS.values())
                 + " folders, images in docs/<language>/images/ (languages: " + ", ".join(LANGUAGES) + ")")


def _walk(folder: Path, relative: Callable[[Path], str], problems: list[Problem]) -> list[Path]:
    """The regular files under `folder` whose names do not start with a dot, found as MkDocs 1.6.1's `get_files`
    finds the files it publishes (`os.walk(docs_dir, followlinks=True)`); a symbolic link, to a file or a folder,
    is a problem instead of being followed: it can point outside the repository (MkDocs would publish what it
    points to), and so is anything that is not a regular file (a named pipe would stop the build reading it)."""
    found: list[Path] = []
    if folder.is_symlink():
        problems.append(Problem(relative(folder), 1, "this folder is a symbolic link", LINK_EXPECTED))
        return found
    for directory, folders, names in os.walk(folder, followlinks=True):
        here = Path(directory)
        for name in sorted(folders):
            if (here / name).is_symlink():
                problems.append(Problem(relative(here / name), 1, "this folder is a symbolic link", LINK_EXPECTED))
                folders.remove(name)
        folders.sort()
        for name in sorted(names):
            file = here / name
            if file.is_symlink():
                problems.append(Problem(relative(file), 1, "this file is a symbolic link", LINK_EXPECTED))
            elif not stat.S_ISREG(file.lstat().st_mode):
                problems.append(Problem(relative(file), 1, "this is not a regular file", LINK_EXPECTED))
            elif not any(part.startswith(".") for part in file.relative_to(folder).parts):
                found.append(file)
    return found


def _is_image(file: Path) -> bool:
    header = file.read_bytes()[:16]
    suffix = file.suffix.lower()
    if suffix == ".webp":
        return header.startswith(b"RIFF") and header[8:12] == b"WEBP"
    if suffix == ".avif":
        return header[4:12] in (b"ftypavif", b"ftypavis")
    return any(header.startswith(signature) for signature in IMAGE_SIGNATURES.get(suffix, ()))


def check_image(file: Path, path: str, problems: list[Problem]) -> None:
    suffix = file.suffix.lower()
    if suffix == ".svg":
        problems.append(Problem(path, 1, "SVG images are not accepted (an SVG file can carry scripts)",
                                IMAGE_FORMATS_SHOWN))
    elif suffix not in IMAGE_SIGNATURES:
        problems.append(Problem(path, 1, f"'{file.name}' is not an image format every browser shows",
                                IMAGE_FORMATS_SHOWN))
    elif not _is_image(file):
        problems.append(Problem(path, 1, f"the file's content is not a {suffix[1:].upper()} image",
                                f"{IMAGE_FORMATS_SHOWN}, saved in the format its name says"))
    size = file.stat().st_size
    if size > MAX_IMAGE_BYTES:
        problems.append(Problem(path, 1, f"the image is {size:,} bytes, over the limit of {MAX_IMAGE_SHOWN}",
                                "an image of at most 1 MB: scale it down (about 1600 pixels wide is plenty) "
                                "or save it as WebP or JPEG"))


def check_layout(root: Path, docs_dir: Path, relative: Callable[[Path], str], problems: list[Problem]) -> None:
    """Add a problem for each file outside the expected folders and for each image that breaks the rules."""
    data = root / "data"
    allowed_data = {data / "labels.yml", *(data / folder for folder in KIND_FOLDERS.values())}
    for file in _walk(data, relative, problems) if data.is_dir() or data.is_symlink() else []:
        if not any(file == allowed or allowed in file.parents for allowed in allowed_data):
            problems.append(Problem(relative(file), 1, "this file is outside the expected folders", DATA_EXPECTED))
    for file in _walk(docs_dir, relative, problems) if docs_dir.is_dir() or docs_dir.is_symlink() else []:
        parts = file.relative_to(docs_dir).parts
        in_language = parts[0] in LANGUAGES
        if in_language and len(parts) == 2 and file.suffix == ".md":
            continue
        if in_language and len(parts) == 3 and parts[1] in KIND_FOLDERS.values() and file.suffix == ".md":
            continue
        if in_language and len(parts) == 3 and parts[1] == IMAGE_FOLDER:
            check_image(file, relative(file), problems)
            continue
        problems.append(Problem(relative(file), 1, "this file is outside the expected folders", DOCS_EXPECTED))
