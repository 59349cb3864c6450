"""What Pagefind's own Arabic stemmer misses of the site's folding rules, and what the site's search keys add.

    python bench/search_gap.py

For each rule (the tables of tests/test_search_normaliser.py: a word and its folded form, or the forms of one
word that must find each other) it indexes one page per form twice — with Pagefind alone, as the page writes
the word, and as the site indexes it (conference_site/search_records.py: the search key of every Arabic
word beside the words) — and searches each form in Chromium, as typed (Pagefind alone) or as its key (the
site's worker sends the key). It prints, per rule, the queries that miss a page of their group.
"""

from __future__ import annotations

import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(REPO / "tests"))

from conference_site.search_bundle import SearchBundle  # noqa: E402
from conference_site.search_keys import search_key  # noqa: E402
from conference_site.search_records import SearchRecord, search_document  # noqa: E402
from conftest import CHROMIUM, CHROMIUM_ARGS, serving  # noqa: E402
from test_search_normaliser import FOLDINGS, SAME_KEY  # noqa: E402


@dataclass(frozen=True)
class Miss:
    rule: str
    query: str
    missed: list[str]


def groups() -> dict[str, list[str]]:
    """Each rule's forms, every one of which must find the pages of all the others."""
    found = {rule: [word, folded] for rule, word, folded in FOLDINGS if word != folded}
    found.update({rule: forms for rule, forms in SAME_KEY})
    return found


def _page(words: str, title: str) -> str:
    return f'<html lang="ar"><body><main data-pagefind-body><h1>{title}</h1><p>{words}</p></main></body></html>'


def write_bundles(folder: Path) -> None:
    """`folder/alone/` with Pagefind's index of the forms as written, `folder/keyed/` with the site's."""
    for name in ("alone", "keyed"):
        bundle = SearchBundle("ar")
        for index, (rule, forms) in enumerate(groups().items()):
            for number, form in enumerate(forms):
                url = f"rule{index}/form{number}/"
                title = f"صفحة {index} {number}"
                bundle.add(url, _page(form, title) if name == "alone" else search_document(
                    SearchRecord(url, "ar", title), f"<p>{form}</p>"))
        bundle.write(folder / name)


def misses(page: Page, bundle: str, keyed: bool) -> list[Miss]:
    page.evaluate(f"async () => {{ window.bundle = await import('/{bundle}/pagefind.js'); await bundle.init() }}")
    found: list[Miss] = []
    for index, (rule, forms) in enumerate(groups().items()):
        for form in forms:
            query = search_key(form) if keyed else form
            urls = page.evaluate("""async query => {
                const search = await bundle.search(query)
                return Promise.all(search.results.map(async result => (await result.data()).raw_url))
            }""", query)
            missed = [other for number, other in enumerate(forms) if f"/rule{index}/form{number}/" not in urls]
            if missed:
                found.append(Miss(rule, form, missed))
    return found


def measure() -> dict[str, list[Miss]]:
    """The queries that miss a form of their rule: with Pagefind alone, and with the site's keys."""
    with tempfile.TemporaryDirectory(prefix="search-gap-") as work, sync_playwright() as playwright:
        write_bundles(Path(work))
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        results = {}
        with serving(Path(work)) as url:
            for name in ("alone", "keyed"):
                page = browser.new_page()
                # A page without the site's Content-Security-Policy, where Pagefind may run on the main thread.
                page.goto(f"{url}{name}/pagefind-entry.json")
                results[name] = misses(page, name, keyed=name == "keyed")
                page.close()
        browser.close()
    return results


def main() -> None:
    results = measure()
    rules = groups()
    print("| rule | forms | Pagefind alone: queries missing a form | with the site's keys |")
    print("|---|---|---|---|")
    for rule, forms in rules.items():
        cells = []
        for name in ("alone", "keyed"):
            missed = [miss for miss in results[name] if miss.rule == rule]
            cells.append("; ".join(f"{miss.query} → not {', '.join(miss.missed)}" for miss in missed) or "none")
        print(f"| {rule} | {' '.join(forms)} | {cells[0]} | {cells[1]} |")
    total = sum(len(forms) for forms in rules.values())
    print(f"\nqueries missing a form: Pagefind alone {len(results['alone'])} of {total}, "
          f"with the site's keys {len(results['keyed'])} of {total}")


if __name__ == "__main__":
    main()
