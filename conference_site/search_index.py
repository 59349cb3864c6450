"""One language's search index: files a query fetches a few small ones of, however large the site grows.

A query fetches, for each of its words, the files of the word's key — a few kilobytes each — and then the record
of each result it shows; nothing whose size grows with the number of pages. The files, in the index's folder:

- `manifest.json`: the format, the number of pages, the first two letters of every key (at most the squares
  of the alphabets' sizes, whatever the number of pages: the worker fetches only the key files that exist), and
  the index's `version`, a digest of every other file. GitHub Pages lets browsers keep a file ten minutes: the
  worker asks for the manifest afresh and for every other file with `?v=<version>`, so that a visitor never
  reads the key files of one build with the page records of another.
- `keys/<prefix>.json`: the keys that start with `prefix` (its UTF-8 bytes in hexadecimal), each with the number
  of pages it is on and the best `HEAD` of them, as [page, score] best first. A file that would grow past
  `NODE_BYTES` is split: it keeps the key equal to its prefix, the best pages of all its keys together (for a
  query word that is the prefix itself, still being typed) and the letters its longer prefixes continue with,
  each of which has a file of its own, split in turn when it grows.
- `full/<key>.json`: every page of a key that is on more than `HEAD` pages, and of each facet value's word: the
  worker reads them only when the visitor narrows the results by a facet or scrolls past what the heads hold.
- `pages/<number>.json`: what a result shows of a page (search_records.py's IndexedPage.shown).

A page's score for a key is BM25's, with the weight of the key's place in the page (search_records.py) for the
term frequency: rare keys count more than common ones, and a key in a short page more than in a long one.
"""

from __future__ import annotations

import hashlib
import json
import math
import shutil
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .search_records import IndexedPage

INDEX_FOLDER = "search-index"
FORMAT = 1
# The best pages of a key that its key file holds: more than a visitor reads through before narrowing the query.
HEAD = 100
# The size, in bytes of JSON, past which a key file is split by its next letter (about a third of it gzip-compressed).
NODE_BYTES = 16_000
# The letters a key file's prefix starts with: the root files.
ROOT_LENGTH = 2
# BM25's parameters (their usual values).
K1 = 1.2
B = 0.75

Posting = list[int]                            # [page number, score × SCORE_SCALE]
SCORE_SCALE = 1000


@dataclass(frozen=True)
class IndexSize:
    pages: int
    keys: int
    files: int
    bytes: int
    largest_key_file: int


def _hex(text: str) -> str:
    return text.encode("utf-8").hex()


def _encoded(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


class _Writer:
    """Writes the index's files, keeping a digest of their names and contents, their number and their bytes."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.digest = hashlib.sha256()
        self.files = 0
        self.bytes = 0

    def write(self, name: str, data: bytes) -> int:
        (self.folder / name).write_bytes(data)
        self.digest.update(f"{name}\0{len(data)}\0".encode())
        self.digest.update(data)
        self.files += 1
        self.bytes += len(data)
        return len(data)

    def dump(self, name: str, value: Any) -> int:
        """Write `value` as compact JSON."""
        return self.write(name, _encoded(value))


class SearchIndex:
    """Collects one language's pages (`add`) and writes their index (`write`)."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.pages: list[IndexedPage] = []

    def add(self, page: IndexedPage) -> None:
        self.pages.append(page)

    def _postings(self) -> dict[str, list[Posting]]:
        """Each key's pages, best first (ties by page number: the index is the same for the same site)."""
        count = len(self.pages)
        lengths = [len(page.weights) for page in self.pages]
        average = sum(lengths) / count if count else 1.0
        # BM25's length normalisation of each page, times K1: the same for every key of the page.
        damping = [K1 * (1 - B + B * length / average) for length in lengths]
        pages_of: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for number, page in enumerate(self.pages):
            for key, weight in page.weights.items():
                pages_of[key].append((number, weight))
        postings = {}
        for key, found in pages_of.items():
            idf_scale = math.log(1 + (count - len(found) + 0.5) / (len(found) + 0.5)) * (K1 + 1) * SCORE_SCALE
            scored = sorted((-max(1, round(idf_scale * weight / (weight + damping[number]))), number)
                            for number, weight in found)
            postings[key] = [[number, -negative] for negative, number in scored]
        return postings

    def _write_node(self, writer: _Writer, prefix: str, keys: list[str], postings: dict[str, list[Posting]]) -> int:
        """The key file of `prefix` (and of its longer prefixes, if it must be split); the largest size written."""
        entries = {key: [len(postings[key]), postings[key][:HEAD]] for key in keys}
        whole = _encoded({"keys": entries})
        longer = [key for key in keys if len(key) > len(prefix)]
        if len(whole) <= NODE_BYTES or not longer:
            return writer.write(f"keys/{_hex(prefix)}.json", whole)
        merged: dict[int, int] = {}
        for key in keys:
            for number, score in postings[key][:HEAD]:
                merged[number] = max(merged.get(number, 0), score)
        best = sorted(merged.items(), key=lambda item: (-item[1], item[0]))[:HEAD]
        by_letter: dict[str, list[str]] = defaultdict(list)
        for key in longer:
            by_letter[key[len(prefix)]].append(key)
        own = {key: entries[key] for key in keys if key == prefix}
        largest = writer.dump(f"keys/{_hex(prefix)}.json",
                              {"keys": own, "prefix": [list(item) for item in best], "split": sorted(by_letter)})
        for letter, continued in sorted(by_letter.items()):
            largest = max(largest, self._write_node(writer, prefix + letter, continued, postings))
        return largest

    def write(self, folder: Path) -> IndexSize:
        """Write the index into `folder`, replacing what is there."""
        shutil.rmtree(folder, ignore_errors=True)
        for name in ("keys", "full", "pages"):
            (folder / name).mkdir(parents=True)
        writer = _Writer(folder)
        postings = self._postings()
        roots: dict[str, list[str]] = defaultdict(list)
        for key in sorted(postings):
            roots[key[:ROOT_LENGTH]].append(key)
        largest = max((self._write_node(writer, prefix, keys, postings) for prefix, keys in roots.items()),
                      default=0)
        for key, found in sorted(postings.items()):
            if len(found) > HEAD:
                writer.dump(f"full/{_hex(key)}.json", found)
        facet_pages: dict[str, list[int]] = defaultdict(list)
        for number, page in enumerate(self.pages):
            writer.dump(f"pages/{number}.json", page.shown())
            for word in page.facet_words():
                facet_pages[word].append(number)
        for word, numbers in sorted(facet_pages.items()):
            writer.dump(f"full/{_hex(word)}.json", [[number, 1] for number in numbers])
        writer.dump("manifest.json", {"format": FORMAT, "language": self.language, "pages": len(self.pages),
                                      "head": HEAD, "rootLength": ROOT_LENGTH, "roots": sorted(roots),
                                      "version": writer.digest.hexdigest()[:16]})
        return IndexSize(len(self.pages), len(postings), writer.files, writer.bytes, largest)
