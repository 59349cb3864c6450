"""One language's search bundle: Pagefind's chunked index of that language's pages, and its JavaScript.

Pagefind (the `pagefind` binary of the `pagefind_bin` package) splits the index into chunks by word and keeps
each page's text in a fragment of its own, so that a query downloads the chunks of its words and the fragments of
the results it shows — not an index of the whole site. Each page's search document is written into a scratch
folder as the build renders it; when the language's build ends, Pagefind's command indexes the folder and writes
the bundle. The command, not the Python API's service: in Pagefind 1.5.2 the service acknowledges the writing of
the files before their bytes reach the disk, and closing it then leaves truncated files (Pagefind issue 1271,
fixed after 1.5.2); the command's exit waits for its writes.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

BUNDLE_FOLDER = "pagefind"
# What a visitor's browser loads of the bundle; Pagefind also writes its own search interfaces, which the site
# does not use (it keeps Material's), and the WebAssembly of languages the bundle does not hold.
KEPT = ("pagefind.js", "pagefind-entry.json", "pagefind.*.pf_meta", "wasm.{language}.pagefind", "index", "fragment",
        "filter")
# Material's permanent-link marks (¶) are not words of the page.
EXCLUDED = [".headerlink"]


@dataclass(frozen=True)
class BundleSize:
    pages: int
    files: int
    bytes: int


class SearchBundle:
    """Collects one language's pages (`add`) and writes their bundle (`write`)."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.pages = 0
        self._scratch = Path(tempfile.mkdtemp(prefix=f"search-{language}-"))

    def add(self, url: str, document: str) -> None:
        """Index `document` (HTML) as the page at `url` (a folder address such as `en/conferences/x/`)."""
        path = self._scratch / PurePosixPath(url) / "index.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(document, encoding="utf-8")
        self.pages += 1

    def _index(self, folder: Path) -> None:
        command = [sys.executable, "-m", "pagefind", "--site", str(self._scratch), "--output-path", str(folder),
                   "--force-language", self.language, "--quiet",
                   *(argument for selector in EXCLUDED for argument in ("--exclude-selectors", selector))]
        result = subprocess.run(command, capture_output=True, text=True)
        if result.returncode != 0:
            raise RuntimeError(f"Pagefind could not write the {self.language} search bundle: "
                               f"{' '.join((result.stderr or result.stdout).split())[:300]}")

    def write(self, folder: Path) -> BundleSize:
        """Write the bundle into `folder`, replacing what is there."""
        try:
            shutil.rmtree(folder, ignore_errors=True)
            self._index(folder)
        finally:
            shutil.rmtree(self._scratch, ignore_errors=True)
        kept = {path for pattern in KEPT for path in folder.glob(pattern.format(language=self.language))}
        for path in folder.iterdir():
            if path not in kept:
                shutil.rmtree(path) if path.is_dir() else path.unlink()
        files = [path for path in folder.rglob("*") if path.is_file()]
        return BundleSize(self.pages, len(files), sum(path.stat().st_size for path in files))
