// The search worker Material's search box talks to (its `config.search`, set by page.js): it answers Material's
// worker messages — SETUP, then READY; QUERY, then RESULT — from the language's Pagefind bundle (its address is
// the `bundle` parameter of this script's URL), which it loads when the visitor first turns to the search box.
// Each query word becomes its search key (normalise.js; the build indexed the key of every Arabic word beside
// the word, conference_site/search_records.py) and is looked up on its own, so that a page found by some of
// the words is still shown, with the others listed as missing. Results are ranked by names (a page whose title,
// short name, slogan or year is the query comes first), then by the number of query words found, then by
// Pagefind's score. The facets chosen beside the results (page.js) reach this worker on a BroadcastChannel; each
// facet value is a word of the index (search_records.py's `facet_word`), added to every query word's search.
"use strict"

importScripts("rules.js", "normalise.js")

const { fold, normaliseWord, isArabic } = self.siteSearchNormalise
const SETUP = 0
const READY = 1
const QUERY = 2
const RESULT = 3

const parameters = new URL(location.href).searchParams
const BUNDLE = parameters.get("bundle")
const channel = new BroadcastChannel(parameters.get("channel"))
// The results whose text is downloaded at once, then this many more each time the visitor reaches the end.
const PAGE = 10
// Words of an excerpt, around the query words it holds.
const EXCERPT = 24
const SEPARATOR = /[\s\-–—،؛؟«»“”"'()[\]{}.,:;!?/|]+/
// A search waits this long for the next key press: each query downloads the index chunks of its words and the
// fragments of its results, which the visitor typing on would not see.
const PAUSE_MS = 150
// A key of one letter begins too many words to look them up.
const SHORTEST_KEY = 2

let engine                                  // Pagefind, once loaded
let latest = 0                              // the number of the latest query: an earlier one's answer is dropped
let text = ""                               // the latest query
let shown = PAGE                            // how many results to show
let filters = {}                            // facet → the word of the value chosen
let pause                                   // the timer of a query waiting for the next key press

function pagefind() {
  engine = engine || import(`${BUNDLE}pagefind.js`).then(async module => {
    await module.options({ basePath: BUNDLE, excerptLength: EXCERPT })
    await module.init()
    return module
  })
  return engine
}

// The words of a query: each with its key (what is looked up) and as the visitor typed it.
function readQuery(query) {
  const words = new Map()
  for (const typed of query.split(SEPARATOR)) {
    const key = normaliseWord(typed)
    if (key.length >= SHORTEST_KEY && !words.has(key))
      words.set(key, { typed, key, arabic: isArabic(key) })
  }
  return [...words.values()]
}

const escapeHTML = text => text.replace(/[&<>"]/g, character => `&#${character.charCodeAt(0)};`)

// The key of each word the page shows is compared with the query: an Arabic word matches a query key it starts
// with (the last word may still be being typed); a Latin word matches the words Pagefind's stemmer found it in.
function matcher(keys) {
  return word => {
    const key = normaliseWord(word)
    return key !== "" && keys.some(prefix => key.startsWith(prefix))
  }
}

function marked(words, matches) {
  return words.map(word => matches(word) ? `<mark>${escapeHTML(word)}</mark>` : escapeHTML(word)).join(" ")
}

// The stretch of `words` of EXCERPT words that holds the most matches (the start, when none does).
function excerpt(words, matches) {
  const hits = words.map(word => matches(word) ? 1 : 0)
  let best = 0
  let bestCount = -1
  let count = 0
  for (let end = 0; end < words.length; end++) {
    count += hits[end]
    if (end >= EXCERPT)
      count -= hits[end - EXCERPT]
    const start = Math.max(0, end - EXCERPT + 1)
    if (count > bestCount) {
      best = start
      bestCount = count
    }
  }
  const start = Math.max(0, Math.min(best, words.length - EXCERPT))
  const shownWords = words.slice(start, start + EXCERPT)
  return `${start > 0 ? "… " : ""}${marked(shownWords, matches)}${start + EXCERPT < words.length ? " …" : ""}`
}

// A name is what the visitor typed when each of its words starts with a query key and each query key begins one
// of its words.
function isNamed(name, keys) {
  const nameKeys = name.split(SEPARATOR).map(normaliseWord).filter(Boolean)
  return nameKeys.length > 0 && keys.length > 0
    && nameKeys.every(nameKey => keys.some(key => nameKey.startsWith(key)))
    && keys.every(key => nameKeys.some(nameKey => nameKey.startsWith(key)))
}

// One result of Material's list: the page, then its sections that hold query words. The words of the indexed
// keys (meta.keys, at the start of the content) are the build's, not the page's: they are not shown.
function resultItems(fragment, candidate, words, score) {
  const content = fragment.content.split(/\s+/)
  const start = Number(fragment.meta.keys || 0)
  const keys = [...new Set([
    ...words.filter(word => word.arabic).map(word => word.key),
    ...candidate.locations.map(location => fold(content[location] || "")).filter(key => key && !isArabic(key))
  ])]
  const matches = matcher(keys)
  const found = new Set(candidate.found)
  const terms = Object.fromEntries([
    ...keys.map(key => [key, true]),
    ...words.filter(word => !found.has(word.key)).map(word => [word.typed, false])
  ])
  const headings = fragment.anchors
    .filter(anchor => /^h[2-6]$/i.test(anchor.element) && anchor.id && anchor.location >= start)
    .sort((a, b) => a.location - b.location)
  const introduction = content.slice(start, headings.length ? headings[0].location : content.length)
  // Pagefind gives the address from the site's root ("/en/…"); Material resolves it from its base, which is
  // relative (the site may be published under a path).
  const location = fragment.raw_url.replace(/^\//, "")
  const page = {
    location,
    title: marked(fragment.meta.title.split(/\s+/), matches),
    text: excerpt(introduction.some(matches) || !headings.length ? introduction : content.slice(start), matches),
    score,
    terms
  }
  const sections = headings
    .map((heading, index) => ({ heading, words: content.slice(heading.location + heading.text.split(/\s+/).length,
                                                             (headings[index + 1] || {}).location || content.length) }))
    .filter(({ heading, words }) => words.some(matches) || heading.text.split(/\s+/).some(matches))
    .map(({ heading, words }) => ({
      location: `${location}#${heading.id}`,
      title: marked(heading.text.split(/\s+/), matches),
      text: excerpt(words, matches),
      score: score - 0.5,
      terms
    }))
  return [page, ...sections]
}

async function answer(number) {
  const words = readQuery(text)
  if (!words.length) {
    post(number, [])
    return
  }
  const search = await pagefind()
  const keys = words.map(word => word.key)
  // Each word on its own (a page with some of the words is a result), and all of them together: Pagefind's
  // score of a page holding every word weighs where it holds them (names and titles most).
  // A word the index does not hold is left out of a search by Pagefind: each word is looked up alone first, so
  // that a facet's word does not stand for it.
  const chosen = Object.values(filters)
  const narrowed = key => [key, ...chosen].join(" ")
  const [together, ...searches] = await Promise.all([
    words.length > 1 ? search.search(narrowed(keys.join(" "))) : { results: [] },
    ...words.map(async word => {
      const alone = await search.search(word.key)
      return chosen.length && alone.results.length ? search.search(narrowed(word.key)) : alone
    })
  ])
  if (number !== latest)
    return
  const togetherScores = new Map(together.results.map(result => [result.id, result.score]))
  const candidates = new Map()
  searches.forEach((found, index) => {
    for (const result of found.results) {
      const candidate = candidates.get(result.id)
        || { result, found: [], score: 0, together: togetherScores.get(result.id) || 0, locations: [] }
      candidate.found.push(words[index].key)
      candidate.score += result.score
      if (!words[index].arabic)
        candidate.locations.push(...result.words)
      candidates.set(result.id, candidate)
    }
  })
  const ranked = [...candidates.values()]
    .sort((a, b) => b.found.length - a.found.length || b.together - a.together || b.score - a.score)
  const fragments = await Promise.all(ranked.slice(0, shown).map(candidate => candidate.result.data()))
  if (number !== latest)
    return
  const groups = fragments
    .map((fragment, index) => ({
      fragment,
      candidate: ranked[index],
      named: [fragment.meta.title, ...JSON.parse(fragment.meta.names || "[]")].some(name => isNamed(name, keys))
    }))
    .sort((a, b) => b.named - a.named || b.candidate.found.length - a.candidate.found.length
      || b.candidate.together - a.candidate.together || b.candidate.score - a.candidate.score)
  // The score decides which result Enter opens (the highest): it must agree with the order shown.
  post(number, groups.map(({ fragment, candidate }, index) => resultItems(fragment, candidate, words,
                                                                          groups.length - index)))
  channel.postMessage({ type: "results", shown: groups.length, total: ranked.length,
                        facets: facetValues(fragments), chosen: filters })
}

// The values of each facet among the results shown: facet → [[word, value as the page's language writes it]].
function facetValues(fragments) {
  const values = {}
  for (const fragment of fragments)
    for (const [facet, pairs] of Object.entries(JSON.parse(fragment.meta.facets || "{}")))
      for (const [word, value] of pairs)
        (values[facet] = values[facet] || new Map()).set(word, value)
  return Object.fromEntries(Object.entries(values).map(([facet, map]) => [facet, [...map]]))
}

function post(number, items) {
  if (number === latest)
    self.postMessage({ type: RESULT, data: { items } })
}

function ask() {
  const number = ++latest
  answer(number).catch(error => {
    console.error("search:", error)
    post(number, [])
  })
}

self.addEventListener("message", ({ data: message }) => {
  if (message.type === SETUP) {
    self.postMessage({ type: READY })
  } else if (message.type === QUERY) {
    text = message.data
    shown = PAGE
    clearTimeout(pause)
    latest++                                // an answer on its way is for an earlier query
    pause = setTimeout(ask, text.trim() ? PAUSE_MS : 0)
  }
})

channel.addEventListener("message", ({ data: message }) => {
  if (message.type === "prepare") {
    pagefind()
  } else if (message.type === "more") {
    shown += PAGE
    ask()
  } else if (message.type === "filters") {
    filters = message.filters
    shown = PAGE
    ask()
  }
})
