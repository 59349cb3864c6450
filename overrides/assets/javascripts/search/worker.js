// The search worker Material's search box talks to (its `config.search`, set by page.js): it answers Material's
// worker messages — SETUP, then READY; QUERY, then RESULT — from the language's search index (its address is
// the `index` parameter of this script's URL; conference_site/search_index.py describes its files), whose
// manifest it fetches when the visitor first turns to the search box.
// Each query word becomes its search key (normalise.js: the build indexed the key of every word of a page) and
// is looked up on its own — the pages of the key, and at half the score those of the keys it begins (the word
// may still be being typed) — so that a page found by some of the words is still shown, with the others listed
// as missing. A key's file holds its best pages only; the whole list is fetched when the visitor narrows the
// results by a facet or scrolls past them. Results are ranked by names (a page whose title, short name, slogan
// or year is the query comes first), then by the number of query words found, then by score. The facets chosen
// beside the results (page.js) reach this worker on a BroadcastChannel; each facet value is a word whose pages
// the results are narrowed to.
"use strict"

importScripts("rules.js", "normalise.js")

const { normaliseWord } = self.siteSearchNormalise
const SHORTEST_KEY = self.siteSearchRules.shortestKey
const SETUP = 0
const READY = 1
const QUERY = 2
const RESULT = 3

const parameters = new URL(location.href).searchParams
const INDEX = parameters.get("index")
const channel = new BroadcastChannel(parameters.get("channel"))
// The results whose text is downloaded at once, then this many more each time the visitor reaches the end.
const PAGE = 10
const MANIFEST = "manifest.json"
// Words of an excerpt, around the query words it holds.
const EXCERPT = 24
const SEPARATOR = /[\s\-–—،؛؟«»“”"'()[\]{}.,:;!?/|]+/
// A search waits this long for the next key press: each query downloads the key files of its words and the
// records of its results, which the visitor typing on would not see.
const PAUSE_MS = 150
// The pages of a key the query word only begins count for this part of their score.
const LONGER_KEY = 0.5
// The longer keys whose whole lists are fetched for a word, the most common first.
const LONGER_KEYS_IN_FULL = 20

let manifest                                // the index's manifest, once asked for
const files = new Map()                     // address in the index → its JSON, fetched once
let latest = 0                              // the number of the latest query: an earlier one's answer is dropped
let text = ""                               // the latest query
let shown = PAGE                            // how many results to show
let filters = {}                            // facet → the word of the value chosen
let pause                                   // the timer of a query waiting for the next key press

// A file of the index, fetched once (again after a failure). The manifest is asked for afresh, the other files
// as of its version: a browser may keep a file of the previous build (conference_site/search_index.py).
function fetched(path) {
  if (!files.has(path)) {
    const address = path === MANIFEST ? [`${INDEX}${path}`, { cache: "no-cache" }]
      : loadManifest().then(({ version }) => [`${INDEX}${path}?v=${version}`])
    files.set(path, Promise.resolve(address).then(([url, options]) => fetch(url, options)).then(response => {
      if (!response.ok)
        throw new Error(`${path}: HTTP ${response.status}`)
      return response.json()
    }).catch(error => {
      files.delete(path)
      if (path === MANIFEST)
        manifest = undefined
      throw error
    }))
  }
  return files.get(path)
}

const loadManifest = () => (manifest = manifest || fetched(MANIFEST))
const letters = text => Array.from(text)
const hex = text => [...new TextEncoder().encode(text)].map(byte => byte.toString(16).padStart(2, "0")).join("")

// The pages of one query key: page number → score, how many pages that is at least, and whether it is more than
// the key files list (then `complete` asks for the whole lists).
async function keyPages(key, complete) {
  const { roots, rootLength } = await loadManifest()
  const wanted = letters(key)
  let prefix = wanted.slice(0, rootLength).join("")
  if (!roots.includes(prefix))
    return { pages: new Map(), count: 0, partial: false }
  let node = await fetched(`keys/${hex(prefix)}.json`)
  while (node.split && wanted.length > letters(prefix).length) {
    const next = wanted[letters(prefix).length]
    if (!node.split.includes(next))
      return { pages: new Map(), count: 0, partial: false }
    prefix += next
    node = await fetched(`keys/${hex(prefix)}.json`)
  }
  const pages = new Map()
  const add = (postings, factor) => {
    for (const [page, score] of postings)
      pages.set(page, Math.max(pages.get(page) || 0, score * factor))
  }
  const whole = async (indexed, [count, head]) =>
    complete && count > head.length ? fetched(`full/${hex(indexed)}.json`) : head
  let count = 0
  let partial = false
  const matching = Object.entries(node.keys).filter(([indexed]) => indexed.startsWith(key))
    .sort((a, b) => b[1][0] - a[1][0])
  if (node.split) {                         // the key is this file's prefix: longer keys by their best pages
    add(node.prefix, LONGER_KEY)
    count = node.prefix.length
    partial = true
  }
  const lists = await Promise.all(matching.map(([indexed, entry], index) =>
    index < LONGER_KEYS_IN_FULL || indexed === key ? whole(indexed, entry) : entry[1]))
  matching.forEach(([indexed, [found]], index) => {
    add(lists[index], indexed === key ? 1 : LONGER_KEY)
    count = Math.max(count, found)
    partial = partial || lists[index].length < found
  })
  return { pages, count, partial }
}

// The words of a query: each with its key (what is looked up) and as the visitor typed it.
function readQuery(query) {
  const words = new Map()
  for (const typed of query.split(SEPARATOR)) {
    const key = normaliseWord(typed)
    if (letters(key).length >= SHORTEST_KEY && !words.has(key))
      words.set(key, { typed, key })
  }
  return [...words.values()]
}

const escapeHTML = text => text.replace(/[&<>"]/g, character => `&#${character.charCodeAt(0)};`)

// The key of each word the page shows is compared with the query's: a word matches a query key it starts with
// (the last word may still be being typed).
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

// One result of Material's list: the page, then its sections that hold query words. `record` is what the index
// keeps of the page to show it (its text section by section: [id, heading, text], the introduction first).
function resultItems(record, candidate, words, score) {
  const keys = words.map(word => word.key)
  const matches = matcher(keys)
  const found = new Set(candidate.found)
  const terms = Object.fromEntries([
    ...keys.map(key => [key, true]),
    ...words.filter(word => !found.has(word.key)).map(word => [word.typed, false])
  ])
  const split = text => text.split(/\s+/).filter(Boolean)
  const [introduction, ...headed] = record.sections
    .map(([id, heading, text]) => ({ id, heading: split(heading), words: split(text) }))
  const introWords = introduction ? introduction.words : []
  const page = {
    location: record.url,
    title: marked(split(record.title), matches),
    text: excerpt(introWords.some(matches) || !headed.length
      ? introWords : [introduction, ...headed].flatMap(section => section ? section.words : []), matches),
    score,
    terms
  }
  const sections = headed
    .filter(section => section.words.some(matches) || section.heading.some(matches))
    .map(section => ({
      location: `${record.url}#${section.id}`,
      title: marked(section.heading, matches),
      text: excerpt(section.words, matches),
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
  const { head } = await loadManifest()
  const chosen = Object.values(filters)
  const complete = chosen.length > 0 || shown > head
  const [found, narrowing] = await Promise.all([
    Promise.all(words.map(word => keyPages(word.key, complete))),
    Promise.all(chosen.map(async word => new Set((await fetched(`full/${hex(word)}.json`)).map(([page]) => page))))
  ])
  if (number !== latest)
    return
  const candidates = new Map()
  found.forEach(({ pages }, index) => {
    for (const [page, score] of pages) {
      if (narrowing.some(pagesOfValue => !pagesOfValue.has(page)))
        continue
      const candidate = candidates.get(page) || { page, found: [], score: 0 }
      candidate.found.push(words[index].key)
      candidate.score += score
      candidates.set(page, candidate)
    }
  })
  const ranked = [...candidates.values()]
    .sort((a, b) => b.found.length - a.found.length || b.score - a.score || a.page - b.page)
  const records = await Promise.all(ranked.slice(0, shown).map(candidate => fetched(`pages/${candidate.page}.json`)))
  if (number !== latest)
    return
  const keys = words.map(word => word.key)
  const groups = records
    .map((record, index) => ({
      record,
      candidate: ranked[index],
      named: [record.title, ...record.names].some(name => isNamed(name, keys))
    }))
    .sort((a, b) => b.named - a.named || b.candidate.found.length - a.candidate.found.length
      || b.candidate.score - a.candidate.score || a.candidate.page - b.candidate.page)
  // The score decides which result Enter opens (the highest): it must agree with the order shown.
  post(number, groups.map(({ record, candidate }, index) => resultItems(record, candidate, words,
                                                                        groups.length - index)))
  // More pages than the key files listed may hold the words: the visitor reaching the end asks for them.
  const total = found.some(word => word.partial) && !complete
    ? Math.max(ranked.length, ...found.map(word => word.count)) : ranked.length
  channel.postMessage({ type: "results", shown: groups.length, total, facets: facetValues(records), chosen: filters })
}

// The values of each facet among the results shown: facet → [[word, value as the page's language writes it]].
function facetValues(records) {
  const values = {}
  for (const record of records)
    for (const [facet, pairs] of Object.entries(record.facets))
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
    loadManifest()
  } else if (message.type === "more") {
    shown += PAGE
    ask()
  } else if (message.type === "filters") {
    filters = message.filters
    shown = PAGE
    ask()
  }
})
