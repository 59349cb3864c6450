// Runs before Material's bundle reads its configuration (#__config):
// 1. Material's search box asks the site's worker (worker.js), which answers from this language's search
//    index; the worker fetches its manifest when the visitor turns to the search box, and hears the facets
//    chosen and the visitor reaching the end of the results on a BroadcastChannel of this page's own;
// 2. Material's language selector would download the sitemap.xml beside every <link rel="alternate"> of the
//    page (the hreflang alternates and the feeds), to find this page in the other language; the switcher's
//    links already lead to it (partials/alternate.html), and the sitemap beside the feeds is the whole site's,
//    which grows with it: those requests are answered as aborted, which Material takes as "no sitemap";
// 3. the words of the query are highlighted on the page a result led to (the `h` parameter) by their search
//    keys, so that a search for «الاخصائيين» also marks «للأخصائيين». Material's highlighter compares the
//    letters as typed, so the parameter is taken out of its sight.
(function (script) {
  "use strict"

  const { normaliseWord } = self.siteSearchNormalise

  const element = document.getElementById("__config")
  const config = JSON.parse(element.textContent)
  const channelName = `site-search-${crypto.randomUUID()}`
  const worker = new URL(script.dataset.worker, location.href)
  worker.searchParams.set("index", new URL(script.dataset.index, location.href).href)
  worker.searchParams.set("channel", channelName)
  config.search = worker.href
  element.textContent = JSON.stringify(config)

  const sitemaps = new Set([...document.querySelectorAll("link[rel=alternate]")]
    .map(link => new URL("sitemap.xml", link.href).href))
  const unsent = new WeakSet()
  const { open, send } = XMLHttpRequest.prototype
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    if (sitemaps.has(new URL(url, location.href).href))
      unsent.add(this)
    return open.call(this, method, url, ...rest)
  }
  XMLHttpRequest.prototype.send = function (...body) {
    if (!unsent.has(this))
      return send.apply(this, body)
    this.dispatchEvent(new ProgressEvent("abort"))
  }

  const channel = new BroadcastChannel(channelName)
  document.addEventListener("DOMContentLoaded", () => searchBox(channel, config))

  const url = new URL(location.href)
  const query = url.searchParams.get("h")
  if (!query)
    return
  url.searchParams.delete("h")
  history.replaceState(history.state, "", url.href)
  document.addEventListener("DOMContentLoaded", () => highlight(query))

  // The keys come from the worker, already normalised; a word of the page matches a key it starts with, as a
  // query word matches the indexed words it is a prefix of.
  function highlight(query) {
    const keys = query.toLowerCase().split(/\s+/).filter(Boolean)
    const WORD = /[\p{L}\p{M}\p{N}]+/gu
    const matches = word => {
      const key = normaliseWord(word)
      return key !== "" && keys.some(prefix => key.startsWith(prefix))
    }
    const content = document.querySelector("[data-md-component=content]")
    if (!content || !keys.length)
      return
    const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT)
    const nodes = []
    for (let node = walker.nextNode(); node; node = walker.nextNode())
      if (node.parentElement.offsetHeight && !node.parentElement.closest("mark, script, style"))
        nodes.push(node)
    for (const node of nodes) {
      const text = node.textContent
      const fragment = document.createDocumentFragment()
      let last = 0
      for (const { 0: word, index } of text.matchAll(WORD)) {
        if (!matches(word))
          continue
        fragment.append(text.slice(last, index))
        const mark = document.createElement("mark")
        mark.setAttribute("data-md-highlight", "")
        mark.textContent = word
        fragment.append(mark)
        last = index + word.length
      }
      if (last > 0) {
        fragment.append(text.slice(last))
        node.replaceWith(fragment)
      }
    }
  }

  // The facets beside the results (partials/search.html), and the next results once the visitor reaches the
  // end of those shown. Keys pressed in the facets are theirs: Material's search box would take every key.
  function searchBox(channel, config) {
    const input = document.querySelector("input.md-search__input")
    const facets = document.querySelector("[data-cs-facets]")
    const list = document.querySelector(".md-search-result__list")
    const scroll = document.querySelector(".md-search__scrollwrap")
    if (!input || !facets || !list || !scroll)
      return
    input.addEventListener("focus", () => channel.postMessage({ type: "prepare" }), { once: true })
    input.addEventListener("keydown", event => {
      if (event.key === "Tab" && !event.shiftKey && !facets.hidden) {
        event.preventDefault()
        event.stopPropagation()
        facets.querySelector("summary").focus()
      }
    })
    facets.addEventListener("keydown", event => {
      if (event.key !== "Escape")
        event.stopPropagation()
    })
    const selects = [...facets.querySelectorAll("select[name]")]
    for (const select of selects)
      select.addEventListener("change", () => channel.postMessage({
        type: "filters",
        filters: Object.fromEntries(selects.filter(each => each.value).map(each => [each.name, each.value]))
      }))
    const collator = new Intl.Collator(document.documentElement.lang)
    let results = { shown: 0, total: 0 }
    channel.addEventListener("message", ({ data: message }) => {
      if (message.type !== "results")
        return
      results = message
      facets.hidden = false
      // The values of the results shown, and the one chosen (which the results then all have).
      for (const select of selects) {
        const chosen = message.chosen[select.name]
        const values = new Map(message.facets[select.name] || [])
        if (chosen && !values.has(chosen))
          values.set(chosen, select.selectedOptions[0].text)
        const order = select.name === "year" ? (a, b) => b[1].localeCompare(a[1]) : (a, b) => collator.compare(a[1], b[1])
        select.replaceChildren(select.options[0], ...[...values].sort(order).map(([word, value]) => (
          new Option(value, word, false, word === chosen))))
      }
    })
    scroll.addEventListener("scroll", () => {
      const atEnd = scroll.scrollTop + scroll.clientHeight >= scroll.scrollHeight - 40
      if (atEnd && results.total > results.shown && list.children.length === results.shown) {
        results = { ...results, total: results.shown }
        channel.postMessage({ type: "more" })
      }
    }, { passive: true })
  }
})(document.currentScript)
