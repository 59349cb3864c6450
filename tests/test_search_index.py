"""The search index's files, in-process: what a query fetches stays small whatever the number of pages, every
page of a key is still listed somewhere, scores follow the place of a word, and the same pages give the same
files (conference_site/search_index.py). The browser's use of them is tests/test_search.py's."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conference_site.search_index import HEAD, NODE_BYTES, SearchIndex
from conference_site.search_records import IndexedPage, SearchRecord, indexed_page, page_sections


def entity_page(number: int, title: str, text: str) -> IndexedPage:
    record = SearchRecord(f"conferences/c{number}/", "ar", title, facets={"kind": ["مؤتمر"], "year": ["2024"]})
    return indexed_page(record, f"<h1>{title}</h1><p>{text}</p>")


def written(folder: Path, pages: list[IndexedPage]) -> Path:
    index = SearchIndex("ar")
    for page in pages:
        index.add(page)
    index.write(folder)
    return folder


def key_files(folder: Path) -> dict[str, dict]:
    return {path.stem: json.loads(path.read_text(encoding="utf-8")) for path in (folder / "keys").glob("*.json")}


def listed(folder: Path, key: str) -> list[list[int]]:
    """Every page of `key`, as the worker reads it: its key file's head, or its whole list in full/."""
    for node in key_files(folder).values():
        if key in node["keys"]:
            count, head = node["keys"][key]
            if count > len(head):
                return json.loads((folder / "full" / f"{key.encode().hex()}.json").read_text(encoding="utf-8"))
            return head
    return []


# A site of many pages: each has the common words, and words of its own that share their first letters, so that
# the key files of those letters must be split.
def large_site(count: int) -> list[IndexedPage]:
    return [entity_page(number, f"ملتقى {number}", f"العمل الاجتماعي في مدينة مدرسة{number} ومدار{number * 7}")
            for number in range(count)]


@pytest.mark.parametrize("count", [300, 3000])
def test_no_key_file_grows_past_its_bound(tmp_path: Path, count: int) -> None:
    folder = written(tmp_path / "index", large_site(count))
    files = key_files(folder)
    for name, node in files.items():
        size = (folder / "keys" / f"{name}.json").stat().st_size
        assert size <= NODE_BYTES or len(node["keys"]) == 1, (bytes.fromhex(name).decode(), size)
        assert all(len(head) <= HEAD for _, head in node["keys"].values())
        assert len(node.get("prefix", [])) <= HEAD
    # The manifest lists each root file, and a split file each longer prefix it continues with.
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert {root.encode().hex() for root in manifest["roots"]} <= set(files)
    for name, node in files.items():
        for letter in node.get("split", []):
            assert (bytes.fromhex(name).decode() + letter).encode().hex() in files
    assert any("split" in node for node in files.values()), "the many مد… keys split their file"


def test_every_page_of_a_key_is_listed(tmp_path: Path) -> None:
    folder = written(tmp_path / "index", large_site(500))
    assert sorted(page for page, _ in listed(folder, "اجتماع")) == list(range(500))
    assert [page for page, _ in listed(folder, "مدرسه7")] == [7]
    facet_words = {path.name for path in (folder / "full").glob("*.json")}
    kind = indexed_page(SearchRecord("x/", "ar", "x", facets={"kind": ["مؤتمر"]}), "").facet_words()[0]
    assert f"{kind.encode().hex()}.json" in facet_words


def test_a_word_in_a_name_outscores_the_same_word_in_the_text(tmp_path: Path) -> None:
    pages = [entity_page(0, "الإدمان", "نص عن موضوع اخر"), entity_page(1, "ملتقى", "نص عن الإدمان"),
             *(entity_page(number, "ملتقى", "نص اخر") for number in range(2, 10))]
    folder = written(tmp_path / "index", pages)
    assert [page for page, _ in listed(folder, "ادم")] == [0, 1]
    # A key on fewer pages weighs more than one on many.
    (rare,) = listed(folder, "ادم")[:1]
    common = dict(listed(folder, "نص"))
    assert rare[1] > common[0]


def test_the_same_pages_give_the_same_files_and_another_page_another_version(tmp_path: Path) -> None:
    first = written(tmp_path / "first", large_site(50))
    second = written(tmp_path / "second", large_site(50))
    files = sorted(path.relative_to(first) for path in first.rglob("*") if path.is_file())
    assert files == sorted(path.relative_to(second) for path in second.rglob("*") if path.is_file())
    assert all((first / path).read_bytes() == (second / path).read_bytes() for path in files)
    changed = written(tmp_path / "changed", [*large_site(49), entity_page(49, "ملتقى اخر", "نص جديد")])
    versions = [json.loads((folder / "manifest.json").read_text(encoding="utf-8"))["version"]
                for folder in (first, changed)]
    assert versions[0] != versions[1]


def test_the_record_keeps_the_page_text_by_section_without_its_share_links() -> None:
    content = ('<h1>ملتقى</h1><dl><dt>المكان</dt><dd>قاعة</dd></dl>'
               '<div class="cs-actions" id="share"><p>شارك الصفحة: <a href="#">واتساب</a></p></div>'
               '<p>نص &lt;script&gt;</p><h2 id="محاور">المحاور<a class="headerlink" href="#محاور">¶</a></h2>'
               '<p>محور<br>ثان</p>')
    sections = page_sections(content)
    assert [(section.id, section.heading, section.text) for section in sections] == [
        ("", [], ["ملتقى", "المكان", "قاعة", "نص", "<script>"]), ("محاور", ["المحاور"], ["محور", "ثان"])]
    page = indexed_page(SearchRecord("x/", "ar", "ملتقى"), content)
    assert "شارك" not in json.dumps(page.shown(), ensure_ascii=False) and "شارك" not in page.weights
    assert page.weights["ملتق"] > page.weights["محاور"] > page.weights["قاع"]
