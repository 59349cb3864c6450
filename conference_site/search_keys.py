"""How a word becomes a search key: the folding and light stemming that let «للأخصائيين» find «الاخصائيين»
and "workers" find "working".

The rules are written once, here. The build applies them to every word of a page (the index holds the keys, see
search_records.py), and the browser applies the same rules to every query word and to the words of the page a
result opens (overrides/assets/javascripts/search/normalise.js, which reads them from the generated
`assets/javascripts/search/rules.js`). A key need not be a word: it only has to be the same for every form of one.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache
from typing import Any

# Harakat (fathatan … sukun), the dagger alef and the tatweel carry no meaning a search should tell apart.
MARKS = "[\u064B-\u0652\u0670\u0640]"

# Letters written in more than one way; each folds to the form people type without the hamza key.
LETTERS = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"}

# Arabic-Indic (٠…٩) and Persian (۰…۹) digits become ASCII digits, so «٢٠٢٣» finds «2023».
DIGITS = "[\u0660-\u0669\u06F0-\u06F9]"

# The article with the particles that attach to it: وال فال بال كال وبال فبال وكال فكال لل ولل فلل ال.
ARTICLE = "^(?:[وف]?[بك]?ال|[وف]?لل)"

# Suffixes of a light stemmer (Larkey's light10, after the folding of ة → ه), longest first.
SUFFIXES = ["ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"]

# Conjunctions and prepositions written as one letter before the word: و ف ب ك ل.
PARTICLE = "^[وفبكل]"

# What remains of a word must keep this many letters, or the stemmer would merge unrelated short words.
MINIMUM_STEM = 3
MINIMUM_AFTER_ARTICLE = 2

# Endings of English words (after the folding), each with what takes its place, tried in turn and again until
# none applies: a light stemmer in the manner of the S-stemmer, so that "families" meets "family" and "workers",
# "worked" and "working" meet "work". An ending that maps to itself ("ss", "us", "is") keeps the word whole.
LATIN_ENDINGS = [["sses", "ss"], ["ies", "y"], ["ied", "y"], ["ings", ""], ["ing", ""], ["ers", ""], ["ed", ""],
                 ["er", ""], ["ss", "ss"], ["us", "us"], ["is", "is"], ["s", ""], ["e", ""]]
MINIMUM_LATIN_STEM = 3
LATIN = "^[a-z]+$"

# Transliterated names with more than one current spelling, written as the key each spelling folds to.
VARIANTS = {
    "يونيسيف": "يونيسف",  # UNICEF: اليونيسيف / اليونيسف
}

ARABIC = "[\u0600-\u06FF]"
# A key of one letter begins too many words to look them up: the index holds none, the worker looks none up.
SHORTEST_KEY = 2
# A word of running text: letters, their marks and digits (punctuation and white space separate words).
WORD = r"[^\W_]+(?:[\u064B-\u0652\u0670\u0640][^\W_]*)*"

_MARKS = re.compile(MARKS)
_FOLDED = re.compile(f"[{''.join(LETTERS)}]")
_DIGITS = re.compile(DIGITS)
_ARTICLE = re.compile(ARTICLE)
_PARTICLE = re.compile(PARTICLE)
_ARABIC = re.compile(ARABIC)
_EDGES = re.compile(r"^[\W_]+|[\W_]+$")
_WORD = re.compile(WORD)
_LATIN = re.compile(LATIN)


def fold(word: str) -> str:
    """The word without the spelling differences a search ignores (marks, letter forms, digits, edges)."""
    word = unicodedata.normalize("NFKC", word).lower()
    word = _MARKS.sub("", word)
    word = _FOLDED.sub(lambda match: LETTERS[match[0]], word)
    word = _DIGITS.sub(lambda match: str(ord(match[0]) & 0x0F), word)
    return _EDGES.sub("", word)


def _stem_arabic(word: str) -> str:
    article = _ARTICLE.match(word)
    if article and len(word) - len(article[0]) >= MINIMUM_AFTER_ARTICLE:
        word = word[len(article[0]):]
    stripped = True
    while stripped:
        stripped = False
        for suffix in SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= MINIMUM_STEM:
                word = word[:-len(suffix)]
                stripped = True
                break
    while _PARTICLE.match(word) and len(word) - 1 >= MINIMUM_STEM:
        word = word[1:]
    return VARIANTS.get(word, word)


def _stem_latin(word: str) -> str:
    if not _LATIN.match(word):
        return word
    changed = True
    while changed:
        changed = False
        for ending, replacement in LATIN_ENDINGS:
            if word.endswith(ending):
                stem = word[:-len(ending)] + replacement
                if stem != word and len(stem) >= MINIMUM_LATIN_STEM:
                    word = stem
                    changed = True
                break
    return word


def is_arabic(word: str) -> bool:
    return _ARABIC.search(word) is not None


@cache  # a site's pages repeat their words: a large site has a few hundred thousand words, and few distinct ones
def search_key(word: str) -> str:
    """The search key of one word: folded and lightly stemmed. An empty key means: no word at all."""
    folded = fold(word)
    return _stem_arabic(folded) if is_arabic(folded) else _stem_latin(folded)


def words(text: str) -> list[str]:
    """The words of a text, as the search splits it."""
    return _WORD.findall(text)


def browser_rules() -> dict[str, Any]:
    """The rules as normalise.js reads them (regular expressions as sources both languages accept)."""
    return {"marks": MARKS, "letters": LETTERS, "digits": DIGITS, "article": ARTICLE, "suffixes": SUFFIXES,
            "particle": PARTICLE, "minimumStem": MINIMUM_STEM, "minimumAfterArticle": MINIMUM_AFTER_ARTICLE,
            "variants": VARIANTS, "arabic": ARABIC, "latinEndings": LATIN_ENDINGS,
            "minimumLatinStem": MINIMUM_LATIN_STEM, "latin": LATIN, "shortestKey": SHORTEST_KEY}


def rules_script() -> bytes:
    """`assets/javascripts/search/rules.js`: the rules for the page and the search worker."""
    rules = json.dumps(browser_rules(), ensure_ascii=False, sort_keys=True, indent=1)
    return (f"// Generated by the build from conference_site/search_keys.py: the rules of the search keys.\n"
            f"self.siteSearchRules = {rules}\n").encode("utf-8")
