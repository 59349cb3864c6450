"""The search normaliser (overrides/assets/javascripts/search/normalise.js), word by word, as the built site
serves it to the browser: the one definition the search worker applies to the index and to the query."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

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
]

DIFFERENT_KEYS = [
    ("a particle is not stripped below three letters", ["ورش", "رش"]),
    ("unrelated words", ["الادمان", "الابتكار"]),
]


@pytest.fixture(scope="module")
def normaliser_page(browser: Browser, site_url: str) -> Iterator[Page]:
    context = browser.new_context()
    page = context.new_page()
    page.goto(site_url)
    assert page.evaluate("typeof siteSearchNormalise") == "object"
    yield page
    context.close()


@pytest.mark.parametrize("folding,word,expected", FOLDINGS, ids=[row[0] for row in FOLDINGS])
def test_fold(normaliser_page: Page, folding: str, word: str, expected: str) -> None:
    assert normaliser_page.evaluate("word => siteSearchNormalise.fold(word)", word) == expected


def keys(page: Page, words: list[str]) -> list[str]:
    return page.evaluate("words => words.map(word => siteSearchNormalise.normaliseWord(word))", words)


@pytest.mark.parametrize("case,words", SAME_KEY, ids=[row[0] for row in SAME_KEY])
def test_forms_of_a_word_share_one_key(normaliser_page: Page, case: str, words: list[str]) -> None:
    found = dict(zip(words, keys(normaliser_page, words)))
    assert len(set(found.values())) == 1, found
    assert all(found.values()), found


@pytest.mark.parametrize("case,words", DIFFERENT_KEYS, ids=[row[0] for row in DIFFERENT_KEYS])
def test_different_words_keep_different_keys(normaliser_page: Page, case: str, words: list[str]) -> None:
    found = keys(normaliser_page, words)
    assert len(set(found)) == len(words), dict(zip(words, found))


def test_the_keys_of_the_issue_examples(normaliser_page: Page) -> None:
    words = ["الأخصائيين", "الإدمان", "قاعة", "اليونيسيف", "٢٠٢٣", "Workers"]
    # Without the worker's Porter stemmer, Latin words are only folded.
    assert keys(normaliser_page, words) == ["اخصا", "ادم", "قاع", "يونيسف", "2023", "workers"]
