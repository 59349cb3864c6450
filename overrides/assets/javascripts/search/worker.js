// The search worker: Material's own worker (its URL is the `material` parameter of this script's URL), with
// every indexed word and every query word turned into its search key by the same function (normalise.js).
// Material's worker stays in charge of indexing, ranking and highlighting the results; this script only
// changes what reaches it.
"use strict"

importScripts("normalise.js")

const { normaliseWord } = self.siteSearchNormalise
const SETUP = 0
const QUERY = 2
const RESULT = 3

// Material's worker listens with the global addEventListener; catch its listener so that each message can
// be rewritten before Material sees it.
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

// Results: first the pages one of whose names (the title, or another name such as a short name or a
// slogan) is what the visitor typed; then the pages that contain more of the query's words; among those,
// Material's order stands (its score boosts matches in the title and in the other names). Material ranks by
// score alone, where one title match of a word found on almost every page ("social") outweighs the rest.
const post = self.postMessage.bind(self)
self.postMessage = message => post(message.type === RESULT ? rank(message, queries.shift()) : message)

function rank(message, queryKeys) {
  const ranked = message.data.items
    .map((items, order) => {
      const words = new Set(items.flatMap(item => Object.keys(item.terms).filter(term => item.terms[term])))
      const names = pageNames.get(items[0].location.split("#")[0]) || []
      // Material adds the page itself to a group of its sections without the words found (so its link
      // would highlight nothing on the page); they are the words found in its sections.
      const found = Object.fromEntries([...words].map(word => [word, true]))
      items = items.map(item => Object.keys(item.terms).length ? item : { ...item, terms: found })
      return { items, order, named: names.some(name => isNamed(name, queryKeys)), matched: words.size }
    })
    .sort((a, b) => b.named - a.named || b.matched - a.matched || a.order - b.order)
  // The score decides which result Enter opens (the highest): it must agree with the order shown.
  const items = ranked.map(({ items, named, matched }) => items.map(item => (
    { ...item, score: item.score + (named ? 1e12 : 0) + matched * 1e9 }
  )))
  return { ...message, data: { ...message.data, items } }
}

// A name is what the visitor typed when each of its words starts with a query word and each query word
// begins one of its words (the last one may still be being typed).
function isNamed(nameKeys, queryKeys) {
  return nameKeys.length > 0 && queryKeys.length > 0
    && nameKeys.every(name => queryKeys.some(query => name.startsWith(query)))
    && queryKeys.every(query => nameKeys.some(name => name.startsWith(query)))
}

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
let separator = /[\s-]+/
let dropsStopWords = false
let pageNames = new Map()                // page location → the keys of each of its names
const queries = []                       // the keys of each query sent to Material, until its result returns
const QUERY_SYNTAX = /(\s+|["+\-*~^])/
const QUERY_SYNTAX_GLOBAL = /[\s"+\-*~^]+/g

function queryKey(word) {
  if (dropsStopWords && !lunr.stopWordFilter(new lunr.Token(word.toLowerCase())))
    return ""
  return normaliseWord(word, stemLatin)
}

function keysOf(text) {
  return [...new Set(text.split(separator).map(queryKey).filter(Boolean))]
}

function rewriteQuery(query) {
  return query
    .split(QUERY_SYNTAX)
    .map((part, index) => index % 2 ? part : keysOf(part).join(" "))
    .join("")
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
    queries.push(keysOf(message.data.replace(QUERY_SYNTAX_GLOBAL, " ")))
    message = { ...message, data: rewriteQuery(message.data) }
  }
  materialListener({ data: message })
})
