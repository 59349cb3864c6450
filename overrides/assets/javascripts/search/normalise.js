// How a word becomes a search key, in the browser: the search worker applies it to every query word, the page
// highlighter to the words of the page a result opened. The build applies the same rules to the words it indexes
// (conference_site/search_keys.py, which writes them into rules.js, loaded before this script): a key
// typed «للأخصائيين» is the key indexed for «الاخصائيين».
// A classic script (not a module) so that the worker can importScripts() it and a page can load it.
(function (scope) {
  "use strict"

  const rules = scope.siteSearchRules
  const MARKS = new RegExp(rules.marks, "g")
  const FOLDED = new RegExp(`[${Object.keys(rules.letters).join("")}]`, "g")
  const DIGITS = new RegExp(rules.digits, "g")
  const ARTICLE = new RegExp(rules.article)
  const PARTICLE = new RegExp(rules.particle)
  const ARABIC = new RegExp(rules.arabic)
  const LATIN = new RegExp(rules.latin)
  const VARIANTS = new Map(Object.entries(rules.variants))
  // Punctuation around a word (quotes, «», brackets, full stops) is not part of it.
  const EDGES = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu

  function fold(word) {
    return word
      .normalize("NFKC")
      .toLowerCase()
      .replace(MARKS, "")
      .replace(FOLDED, letter => rules.letters[letter])
      .replace(DIGITS, digit => String(digit.charCodeAt(0) & 0x0F))
      .replace(EDGES, "")
  }

  function stemArabic(word) {
    const article = ARTICLE.exec(word)
    if (article && word.length - article[0].length >= rules.minimumAfterArticle)
      word = word.slice(article[0].length)
    for (let stripped = true; stripped;) {
      stripped = false
      for (const suffix of rules.suffixes)
        if (word.endsWith(suffix) && word.length - suffix.length >= rules.minimumStem) {
          word = word.slice(0, -suffix.length)
          stripped = true
          break
        }
    }
    while (PARTICLE.test(word) && word.length - 1 >= rules.minimumStem)
      word = word.slice(1)
    return VARIANTS.get(word) || word
  }

  function stemLatin(word) {
    if (!LATIN.test(word))
      return word
    for (let changed = true; changed;) {
      changed = false
      for (const [ending, replacement] of rules.latinEndings)
        if (word.endsWith(ending)) {
          const stem = word.slice(0, -ending.length) + replacement
          if (stem !== word && stem.length >= rules.minimumLatinStem) {
            word = stem
            changed = true
          }
          break
        }
    }
    return word
  }

  const isArabic = word => ARABIC.test(word)

  // The search key of one word: folded and lightly stemmed. An empty key means: no word at all.
  function normaliseWord(word) {
    const folded = fold(word)
    return isArabic(folded) ? stemArabic(folded) : stemLatin(folded)
  }

  scope.siteSearchNormalise = { fold, normaliseWord, isArabic }
})(self)
