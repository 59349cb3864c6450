"""One language's search bundle: Pagefind's chunked index of that language's pages, and its JavaScript.

Pagefind (its Python API, which drives the `pagefind` binary of the `pagefind_bin` package) splits the index into
chunks by word and keeps each page's text in a fragment of its own, so that a query downloads the chunks of its
words and the fragments of the results it shows — not an index of the whole site. Each page's search document
is written into a scratch folder as the build renders it; when the language's build ends, Pagefind indexes the
folder in one request (its Python API answers at most ten requests a second: one request per page would cost a
large site minutes) and writes the bundle, in a thread of its own: the build goes on meanwhile (static-i18n
builds the next language), and waits for it at its end.
"""

from __future__ import annotations

import asyncio
import shutil
import tempfile
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from pagefind.index import IndexConfig
from pagefind.service import PagefindService

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

    async def _index(self, folder: Path) -> None:
        service = await PagefindService().launch()
        try:
            index = await service.create_index(IndexConfig(force_language=self.language, exclude_selectors=EXCLUDED))
            await index.add_directory(str(self._scratch))
            await index.write_files(output_path=str(folder))
        finally:
            await service.close()

    def start_writing(self, folder: Path) -> Future[BundleSize]:
        """Write the bundle into `folder` (replacing what is there) in a thread of its own; its size when done."""
        executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"search-bundle-{self.language}")
        future = executor.submit(self.write, folder)
        executor.shutdown(wait=False)
        return future

    def write(self, folder: Path) -> BundleSize:
        """Write the bundle into `folder`, replacing what is there."""
        try:
            shutil.rmtree(folder, ignore_errors=True)
            # Its own event loop, in its own thread: the caller may be running one (a browser test does).
            with ThreadPoolExecutor(max_workers=1) as thread:
                thread.submit(asyncio.run, self._index(folder)).result()
        finally:
            shutil.rmtree(self._scratch, ignore_errors=True)
        kept = {path for pattern in KEPT for path in folder.glob(pattern.format(language=self.language))}
        for path in folder.iterdir():
            if path not in kept:
                shutil.rmtree(path) if path.is_dir() else path.unlink()
        files = [path for path in folder.rglob("*") if path.is_file()]
        return BundleSize(self.pages, len(files), sum(path.stat().st_size for path in files))
