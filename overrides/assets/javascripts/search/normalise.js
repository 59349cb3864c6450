// How a word becomes a search key: the one definition the search worker applies to every indexed word and to
// every query word, and the page highlighter to the words of the page. Applying the same function on both
// sides is what lets «للأخصائيين» find «الاخصائيين»: Material turns each query word into a prefix query,
// which skips lunr's query pipeline, so no lunr-languages stemmer can do this.
// A classic script (not a module) so that the worker can importScripts() it and a page can load it.
(function (scope) {
  "use strict"

  // Harakat (fathatan … sukun), the dagger alef and the tatweel carry no meaning a search should tell apart.
  const MARKS = /[\u064B-\u0652\u0670\u0640]/g

  // Letters written in more than one way; each folds to the form people type without the hamza key.
  const LETTERS = new Map([
    ["أ", "ا"], ["إ", "ا"], ["آ", "ا"], ["ٱ", "ا"],
    ["ى", "ي"], ["ة", "ه"], ["ؤ", "و"], ["ئ", "ي"]
  ])
  const FOLDED = /[أإآٱىةؤئ]/g

  // Arabic-Indic (٠…٩) and Persian (۰…۹) digits become ASCII digits, so «٢٠٢٣» finds «2023».
  const DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g

  // The article with the particles that attach to it: وال فال بال كال وبال فبال وكال فكال لل ولل فلل ال.
  const ARTICLE = /^(?:[وف]?[بك]?ال|[وف]?لل)/

  // Suffixes of a light stemmer (Larkey's light10, after the folding of ة → ه), longest first.
  const SUFFIXES = ["ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"]

  // Conjunctions and prepositions written as one letter before the word: و ف ب ك ل.
  const PARTICLE = /^[وفبكل]/

  // What remains of a word must keep this many letters, or the stemmer would merge unrelated short words.
  const MINIMUM_STEM = 3
  const MINIMUM_AFTER_ARTICLE = 2

  // Transliterated names with more than one current spelling, written as the key each spelling folds to.
  const VARIANTS = new Map([
    ["يونيسيف", "يونيسف"]                // UNICEF: اليونيسيف / اليونيسف
  ])

  // Punctuation around a word (quotes, «», brackets, full stops) is not part of it.
  const EDGES = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu
  const ARABIC = /[\u0600-\u06FF]/

  function fold(word) {
    return word
      .normalize("NFKC")
      .toLowerCase()
      .replace(MARKS, "")
      .replace(FOLDED, letter => LETTERS.get(letter))
      .replace(DIGITS, digit => String(digit.charCodeAt(0) & 0x0F))
      .replace(EDGES, "")
  }

  function stemArabic(word) {
    const article = ARTICLE.exec(word)
    if (article && word.length - article[0].length >= MINIMUM_AFTER_ARTICLE)
      word = word.slice(article[0].length)
    for (let stripped = true; stripped;) {
      stripped = false
      for (const suffix of SUFFIXES)
        if (word.endsWith(suffix) && word.length - suffix.length >= MINIMUM_STEM) {
          word = word.slice(0, -suffix.length)
          stripped = true
          break
        }
    }
    while (PARTICLE.test(word) && word.length - 1 >= MINIMUM_STEM)
      word = word.slice(1)
    return VARIANTS.get(word) || word
  }

  // The search key of one word; `stemLatin` (lunr's Porter stemmer in the worker) stems a word in Latin
  // script, so that "working" and "workers" meet at "work". An empty key means: no word at all.
  function normaliseWord(word, stemLatin) {
    const folded = fold(word)
    if (ARABIC.test(folded))
      return stemArabic(folded)
    return stemLatin && /^\p{Script=Latin}+$/u.test(folded) ? stemLatin(folded) : folded
  }

  scope.siteSearchNormalise = { fold, normaliseWord }
})(self)
