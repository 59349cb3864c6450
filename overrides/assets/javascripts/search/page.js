// Runs before Material's bundle reads its configuration (#__config):
// 1. search this page's language only: Material fetches `search/search_index.json` under `base`, so `base`
//    becomes the root of this language's site, where the build wrote this language's index;
// 2. use the site's worker (worker.js), which hands Material's worker normalised words;
// 3. highlight the words of the query on the page a result led to (the `h` parameter) by their search
//    keys, so that a search for «الاخصائيين» also marks «للأخصائيين». Material's highlighter compares the
//    letters as typed, so the parameter is taken out of its sight.
(function (script) {
  "use strict"

  const { normaliseWord } = self.siteSearchNormalise

  const element = document.getElementById("__config")
  const config = JSON.parse(element.textContent)
  config.base = script.dataset.languageRoot
  const material = new URL(config.search, location.href)
  config.search = `${script.dataset.worker}?material=${encodeURIComponent(material.href)}`
  element.textContent = JSON.stringify(config)

  const url = new URL(location.href)
  const query = url.searchParams.get("h")
  if (!query)
    return
  url.searchParams.delete("h")
  history.replaceState(history.state, "", url.href)

  // The keys come from the worker, already normalised (and stemmed); a word of the page matches a key it
  // starts with, as a query word matches the indexed words it is a prefix of.
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
})(document.currentScript)
