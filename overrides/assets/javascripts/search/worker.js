// The search worker: Material's own worker (its URL is the `material` parameter of this script's URL), with
// every indexed word and every query word turned into its search key by the same function (normalise.js),
// and the results ranked by names and by the number of query words found. Material's worker stays in charge
// of indexing, scoring and highlighting the results; this script changes what reaches it and what it returns.
"use strict"

importScripts("normalise.js")

const { normaliseWord } = self.siteSearchNormalise
const SETUP = 0
const QUERY = 2
const RESULT = 3

// Material's worker listens and answers with the global addEventListener and postMessage; catch the one and
// wrap the other, so that each message can be rewritten on its way in and out.
let materialListener
self.addEventListener = (type, listener) => {
  if (type !== "message")
    throw new TypeError(`search worker: unexpected '${type}' listener`)
  materialListener = listener
}
importScripts(new URL(location.href).searchParams.get("material"))
delete self.addEventListener
if (typeof materialListener === "undefined")
  throw new TypeError("search worker: Material's worker registered no message listener")

const post = self.postMessage.bind(self)
self.postMessage = message => post(message.type === RESULT ? rank(message, queries.shift()) : message)

const lunr = self.lunr
const stemLatin = word => lunr.stemmer(new lunr.Token(word)).toString()

// Index time: the last step of lunr's pipeline, after Material's tokenizer has recorded where each word
// stands in the original text (so the results still show and highlight the text as written).
function normaliseToken(token) {
  const key = normaliseWord(token.toString(), stemLatin)
  return key ? token.update(() => key) : undefined
}
lunr.Pipeline.registerFunction(normaliseToken, "siteNormalise")

const addDocument = lunr.Builder.prototype.add
const normalisingBuilders = new WeakSet()
lunr.Builder.prototype.add = function (doc, attributes) {
  if (!normalisingBuilders.has(this)) {
    this.pipeline.add(normaliseToken)
    normalisingBuilders.add(this)
  }
  return addDocument.call(this, doc, attributes)
}

// Query time: the words of the query become keys; lunr's query syntax around them (quotes, +, -, *, ~, ^)
// stays for Material to read. A word the index drops (an English stop word) is dropped from the query too.
const QUERY_SYNTAX = /(\s+|["+\-*~^])/
let separator = /[\s-]+/                 // the index's, from its configuration
let dropsStopWords = false
let pageNames = new Map()                // page location → the keys of each of its names
const queries = []                       // each query sent to Material whose result has not come back yet

function queryKey(word) {
  if (dropsStopWords && !lunr.stopWordFilter(new lunr.Token(word.toLowerCase())))
    return ""
  return normaliseWord(word, stemLatin)
}

function keysOf(text) {
  return [...new Set(text.split(separator).map(queryKey).filter(Boolean))]
}

function readQuery(query) {
  const words = new Map()                // key → the word the visitor typed
  for (const part of query.split(QUERY_SYNTAX).filter((_, index) => index % 2 === 0))
    for (const word of part.split(separator)) {
      const key = queryKey(word)
      if (key && !words.has(key))
        words.set(key, word)
    }
  return { keys: [...words.keys()], words }
}

function rewriteQuery(query) {
  return query
    .split(QUERY_SYNTAX)
    .map((part, index) => index % 2 ? part : keysOf(part).join(" "))
    .join("")
}

// Results: first the pages one of whose names (the title, or another name such as a short name, a slogan,
// a year) is what the visitor typed; then the pages that contain more of the query's words; among those,
// Material's order stands (its score boosts matches in the title and in the other names). Material ranks by
// score alone, where one title match of a word found on almost every page ("social") outweighs the rest.
function rank(message, query) {
  const ranked = message.data.items
    .map((items, order) => {
      const found = new Set(items.flatMap(item => Object.keys(item.terms).filter(term => item.terms[term])))
      const names = pageNames.get(items[0].location.split("#")[0]) || []
      return {
        items: items.map(item => ({ ...item, terms: termsShown(item.terms, found, query) })),
        order,
        named: names.some(name => isNamed(name, query.keys)),
        matched: found.size
      }
    })
    .sort((a, b) => b.named - a.named || b.matched - a.matched || a.order - b.order)
  // The score decides which result Enter opens (the highest): it must agree with the order shown.
  const items = ranked.map(({ items, named, matched }) => items.map(item => (
    { ...item, score: item.score + (named ? 1e12 : 0) + matched * 1e9 }
  )))
  return { ...message, data: { ...message.data, items } }
}

// The words found become the result link's highlight parameter, as keys (page.js compares keys); the words
// missing are listed under the result as the visitor typed them. Material adds the page itself to a group of
// its sections without any words: it gets the words found in its sections, for its link to highlight them.
function termsShown(terms, found, query) {
  const entries = Object.keys(terms).length
    ? Object.entries(terms)
    : [...found].map(term => [term, true])
  return Object.fromEntries(entries.map(([term, isFound]) => (
    [isFound ? term : query.words.get(term) || term, isFound]
  )))
}

// A name is what the visitor typed when each of its words starts with a query word and each query word
// begins one of its words (the last one may still be being typed).
function isNamed(nameKeys, queryKeys) {
  return nameKeys.length > 0 && queryKeys.length > 0
    && nameKeys.every(name => queryKeys.some(query => name.startsWith(query)))
    && queryKeys.every(query => nameKeys.some(name => name.startsWith(query)))
}

self.addEventListener("message", ({ data: message }) => {
  if (message.type === SETUP) {
    const { config } = message.data
    separator = new RegExp(config.separator)
    dropsStopWords = config.pipeline.includes("stopWordFilter")
    pageNames = new Map(message.data.docs
      .filter(doc => !doc.location.includes("#"))
      .map(doc => [doc.location, [doc.title, ...doc.names || []].map(keysOf)]))
    // lunr's core needs no language pack: its English stemmer and trimmer are replaced by normaliseToken
    // (lunr-languages' Arabic trimmer and stemmer too), and `pipeline` says which of its steps stay.
    message = { ...message, data: { ...message.data, config: { ...config, lang: ["en"] } } }
  } else if (message.type === QUERY) {
    queries.push(readQuery(message.data))
    message = { ...message, data: rewriteQuery(message.data) }
  }
  materialListener({ data: message })
})
