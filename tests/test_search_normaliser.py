"""The search keys, word by word: the rules of conference_site/search_keys.py, which the build applies to
the words it indexes, and normalise.js, which applies the same rules (from the generated rules.js) in the browser
to the query words and to the page a result opens — the two must give every word the same key."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from conference_site.search_keys import fold, search_key, words
from site_builder import REPO

# fold(): the spelling differences a search ignores, one per row.
FOLDINGS = [
    ("fatha", "كَتَبَ", "كتب"),
    ("damma", "كُتُب", "كتب"),
    ("kasra", "كِتاب", "كتاب"),
    ("fathatan", "شكرًا", "شكرا"),
    ("dammatan", "كتابٌ", "كتاب"),
    ("kasratan", "كتابٍ", "كتاب"),
    ("shadda", "مدّ", "مد"),
    ("sukun", "قلْب", "قلب"),
    ("dagger alef", "هٰذا", "هذا"),
    ("tatweel", "عـمـل", "عمل"),
    ("alef with hamza above", "أحمد", "احمد"),
    ("alef with hamza below", "إسلام", "اسلام"),
    ("alef with madda", "آمال", "امال"),
    ("alef wasla", "ٱستراتيجية", "استراتيجيه"),
    ("alef maqsura", "مستشفى", "مستشفي"),
    ("taa marbuta", "مدرسة", "مدرسه"),
    ("waw with hamza", "مؤتمر", "موتمر"),
    ("yaa with hamza", "هيئة", "هييه"),
    ("Arabic-Indic digits", "٠١٢٣٤٥٦٧٨٩", "0123456789"),
    ("Persian digits", "۰۱۲۳۴۵۶۷۸۹", "0123456789"),
    ("punctuation around a word", "«الإدمان»،", "الادمان"),
    ("Latin capitals", "IFSW", "ifsw"),
]

# normaliseWord(): the forms of one word that must all find each other.
SAME_KEY = [
    ("the issue's forms of «specialists»", ["الأخصائيين", "الاخصائيين", "للأخصائيين", "أخصائي", "الأخصائيون"]),
    ("attached prefixes ال و ب ل لل ف ك and their combinations",
     ["مؤتمر", "المؤتمر", "والمؤتمر", "بالمؤتمر", "كالمؤتمر", "فالمؤتمر", "للمؤتمر", "وبالمؤتمر",
      "ومؤتمر", "بمؤتمر", "لمؤتمر", "فمؤتمر", "كمؤتمر"]),
    ("suffixes ية ي يات يون", ["الاجتماعية", "الاجتماعي", "اجتماعيات", "الاجتماعيون"]),
    ("a word starting with و, with and without the article", ["وزارة", "الوزارة", "والوزارة"]),
    ("a short word starting with و keeps it", ["ورشة", "الورشة", "ورشات", "ورش", "ورشه"]),
    ("with and without hamza", ["الإبتكار", "الابتكار", "ابتكار"]),
    ("the two spellings of UNICEF", ["اليونيسيف", "اليونيسف", "يونيسف", "اليونيسيف."]),
    ("digits of either script", ["٢٠٢٣", "۲۰۲۳", "2023"]),
    ("English -s, -er, -ers, -ed, -ing", ["work", "works", "worker", "workers", "worked", "working", "Working"]),
    ("English -ies and -y", ["family", "families"]),
    ("English -ied, -ies and -y", ["study", "studies", "studied"]),
    ("English -e, -ed and -es", ["organise", "organised", "organises"]),
    ("English -s after a silent e", ["service", "services"]),
]

DIFFERENT_KEYS = [
    ("a particle is not stripped below three letters", ["ورش", "رش"]),
    ("an English ending is not stripped below three letters", ["need", "ne"]),
    ("-ss, -us and -is keep their s", ["class", "focus", "analysis", "clas"]),
    ("unrelated words", ["الادمان", "الابتكار"]),
]


@pytest.mark.parametrize("folding,word,expected", FOLDINGS, ids=[row[0] for row in FOLDINGS])
def test_fold(folding: str, word: str, expected: str) -> None:
    assert fold(word) == expected


@pytest.mark.parametrize("case,forms", SAME_KEY, ids=[row[0] for row in SAME_KEY])
def test_forms_of_a_word_share_one_key(case: str, forms: list[str]) -> None:
    found = {form: search_key(form) for form in forms}
    assert len(set(found.values())) == 1, found
    assert all(found.values()), found


@pytest.mark.parametrize("case,forms", DIFFERENT_KEYS, ids=[row[0] for row in DIFFERENT_KEYS])
def test_different_words_keep_different_keys(case: str, forms: list[str]) -> None:
    found = [search_key(form) for form in forms]
    assert len(set(found)) == len(forms), dict(zip(forms, found))


def test_the_keys_of_the_issue_examples() -> None:
    examples = ["الأخصائيين", "الإدمان", "قاعة", "اليونيسيف", "٢٠٢٣", "Workers"]
    assert [search_key(word) for word in examples] == ["اخصا", "ادم", "قاع", "يونيسف", "2023", "work"]


def corpus() -> list[str]:
    """Every word of the real site's pages and of the fixture sites', and of the rule tables above."""
    fixtures = Path(__file__).parent / "fixtures"
    texts = [path.read_text(encoding="utf-8") for folder in (REPO / "docs", fixtures / "base", fixtures / "search")
             for path in sorted(folder.rglob("*.md"))]
    table = [word for _, word, _ in FOLDINGS] + [form for _, forms in SAME_KEY + DIFFERENT_KEYS for form in forms]
    return sorted({*table, *(word for text in texts for word in words(text))})


@pytest.fixture(scope="module")
def normaliser_page(browser: Browser, site_url: str) -> Iterator[Page]:
    context = browser.new_context()
    page = context.new_page()
    page.goto(site_url)
    assert page.evaluate("typeof siteSearchNormalise") == "object"
    yield page
    context.close()


@pytest.mark.browser
def test_the_browser_gives_every_word_the_key_the_build_gives_it(normaliser_page: Page) -> None:
    every = corpus()
    assert len(every) > 1000
    in_browser = normaliser_page.evaluate("words => words.map(word => [siteSearchNormalise.fold(word), "
                                          "siteSearchNormalise.normaliseWord(word)])", every)
    differing = [(word, browser, (fold(word), search_key(word))) for word, browser in zip(every, in_browser)
                 if tuple(browser) != (fold(word), search_key(word))]
    assert differing == []
