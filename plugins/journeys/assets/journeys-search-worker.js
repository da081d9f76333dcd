// Answers Material's search box from Pagefind's index (search: pagefind). Material 9 (read on
// 9.8.2: src/templates/assets/javascripts/integrations/search/worker/) talks to the worker the
// page's __config names in four messages: SETUP (0), with its own index, which it expects
// answered by READY (1); QUERY (2), the query as typed, answered by RESULT (3) with `items`, a
// list per page: the page and its sections, each {location, title, text, score, terms}, which
// its result list shows as they are. Material puts title and text into the page as HTML, so
// every word taken from the index is escaped here before a <mark> goes round it.
//
// A query may name filters, as `stage:Claim` or `persona:"Dan and Leah"` (the search box's
// chips write them); the rest is the words to find. After each result the worker tells the
// page's script (journeys-search.js) which filter values the results have, on a BroadcastChannel.
"use strict"

const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3
const SHOWN = 10 // results whose details are fetched: what Material lists before the reader scrolls
const SETTLE = 150 // ms a query waits for the next key before it is searched
const CHIPS = 3 // values a filter suggests at most, besides the kinds of results (five at most)
const ROOT = new URL("../../", self.location) // the site: this file is assets/journeys/
const channel = new BroadcastChannel(`journeys-search ${ROOT.href}`)

let pagefind = null
let settings = { filters: [], words: {} } // assets/journeys/search.json
let latest = null // the last query asked: an answer to an older one is dropped
let queue = Promise.resolve()

// Pagefind loads on the first query, or as soon as the reader goes to the search box (the
// page's script says so): a page that is only read downloads none of it.
let loading = null
function load() {
  loading ??= (async () => {
    const [module, found] = await Promise.all([
      import(new URL("pagefind/pagefind.js", ROOT).href),
      fetch(new URL("assets/journeys/search.json", ROOT)).then((r) => r.json()),
    ])
    settings = found
    await module.init()
    pagefind = module
  })()
  return loading
}
channel.addEventListener("message", ({ data }) => {
  if (data.warm) load().catch(() => {})
})

const escaped = (text) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c])

// The words to find and the filters a query names: `key:value` or `key:"two words"` for a
// key the index filters by; anything else is words.
function parse(query) {
  const keys = new Set(settings.filters.map(([key]) => key))
  const filters = {}
  const words = query.replace(/(^|\s)([a-z-]+):(?:"([^"]*)"?|(\S+))/gi, (all, space, key, quoted, plain) => {
    const name = key.toLowerCase()
    if (!keys.has(name)) return all
    const value = (quoted ?? plain).trim()
    if (value) (filters[name] ??= []).push(value)
    return space
  })
  return { words: words.trim(), filters }
}

// A filter's value as the index spells it, whatever its case in the query: from the values the
// results so far have (a chip's), else from Pagefind's whole filter index, loaded for it.
const spellings = new Map() // "key:value" in lower case -> the value as the index has it
function learn(loaded) {
  for (const data of loaded)
    for (const [key, values] of Object.entries(data.filters || {}))
      for (const value of values) spellings.set(`${key}:${value}`.toLowerCase(), value)
}
async function spelled(filters) {
  const known = (key, value) => spellings.get(`${key}:${value}`.toLowerCase())
  const typed = Object.entries(filters).flatMap(([key, values]) => values.map((value) => [key, value]))
  if (typed.some(([key, value]) => known(key, value) === undefined)) {
    const all = await pagefind.filters()
    for (const [key, counts] of Object.entries(all))
      for (const value of Object.keys(counts)) spellings.set(`${key}:${value}`.toLowerCase(), value)
  }
  return Object.fromEntries(
    Object.entries(filters).map(([key, values]) => [key, values.map((value) => known(key, value) ?? value)]),
  )
}

// About 24 words of `words[start:end]` around the first match, matches marked.
function excerpt(words, marked, start, end) {
  const inside = marked.filter((at) => at >= start && at < end)
  let from = inside.length ? Math.max(start, Math.min(inside[0] - 6, end - 24)) : start
  from = Math.max(from, start)
  const to = Math.min(end, from + 24)
  const hits = new Set(inside)
  const shown = words.slice(from, to).map((word, n) => (hits.has(from + n) ? `<mark>${escaped(word)}</mark>` : escaped(word)))
  return `${from > start ? "… " : ""}${shown.join(" ")}${to < end ? " …" : ""}`
}

// Where in a page its words are: its headings, and on a journey map each step's and stage's
// cells, which start with a mark (plugin/pagefind_html.py: `s|<step anchor>|<stage anchor>`,
// `g|<stage anchor>`); a place is named by the words a reader knows it by, its heading, or
// its stage and touchpoint (the text of the map's header cells, whose ids are the anchors).
function places(anchors) {
  const named = new Map()
  for (const anchor of anchors) if (anchor.text && !named.has(anchor.id)) named.set(anchor.id, anchor.text.replace(/¶$/, "").trim())
  const found = []
  for (const anchor of anchors) {
    const [kind, link, stage] = anchor.id.split("|")
    if (kind === "s") found.push({ at: anchor.location, link, title: [named.get(stage), named.get(link)].filter(Boolean).join(" › ") })
    else if (kind === "g") found.push({ at: anchor.location, link, title: named.get(link) })
    else if (/^h[2-6]$/i.test(anchor.element)) found.push({ at: anchor.location, link: anchor.id, title: named.get(anchor.id) })
  }
  return found.sort((a, b) => a.at - b.at)
}

// How well a stretch of the page matches: how many of the query's words it has, then how much
// weight Pagefind gives its matches there (a touchpoint's word weighs more than a cell's).
const matched = (words, marked, from, to) =>
  new Set(marked.filter((at) => at >= from && at < to).map((at) => words[at].toLowerCase().replace(/\W+$/, ""))).size

const weight = (data, from, to) =>
  (data.weighted_locations || [])
    .filter((w) => w.location >= from && w.location < to)
    .reduce((sum, w) => sum + (w.balanced_score || 1), 0)

const better = ([words, weight], [otherWords, otherWeight]) =>
  words > otherWords || (words === otherWords && weight > otherWeight)

// Material's items for one result: the page, then the places its words are found in (one a
// place, however many of its cells they are in), each with an excerpt. The best comes first,
// which Material shows; it folds the others under "n more on this page".
function items(data, score, terms) {
  const location = (data.meta.url ?? data.url).replace(/^\//, "")
  const words = data.content.split(/[\r\n\s]+/g)
  const marked = [...data.locations].sort((a, b) => a - b)
  const [page, anchor] = location.split("#")
  if (anchor !== undefined) {
    // A row of an index page: the page is its heading, the row the place.
    const row = { location, title: escaped(data.meta.title ?? ""), text: excerpt(words, marked, 0, words.length), score, terms }
    return { page, items: [row, { location: page, title: escaped(data.meta.page ?? ""), text: "", score, terms }] }
  }
  const found = places(data.anchors || [])
  // A place's stretches of words: a heading's section, or a step's cells (its header cell first).
  const stretches = new Map()
  found.forEach((place, n) => {
    const end = n + 1 < found.length ? found[n + 1].at : words.length
    if (!place.title) return
    const seen = stretches.get(place.link) ?? { link: place.link, title: place.title, spans: [] }
    seen.spans.push([place.at, end])
    stretches.set(place.link, seen)
  })
  const sections = []
  for (const { link, title, spans } of stretches.values()) {
    const ranked = spans
      .filter(([from, to]) => marked.some((at) => at >= from && at < to))
      .map((span) => ({ span, rank: [matched(words, marked, ...span), weight(data, ...span)] }))
      .sort((a, b) => (better(a.rank, b.rank) ? -1 : better(b.rank, a.rank) ? 1 : 0))
    if (!ranked.length) continue
    // The excerpt says more than the title: a step's best cell other than its header cell (the
    // touchpoint, which the title names), else its longest cell.
    const longest = spans.slice(1).reduce((a, b) => (b[1] - b[0] > a[1] - a[0] ? b : a), spans[0])
    const [from, to] = ranked.find(({ span }) => span !== spans[0] || spans.length === 1)?.span ?? longest
    const rank = ranked[0].rank
    sections.push({ link, title, rank, text: excerpt(words, marked, from, to) })
  }
  sections.sort((a, b) => (better(a.rank, b.rank) ? -1 : better(b.rank, a.rank) ? 1 : 0))
  const title = escaped(data.meta.title ?? location)
  const before = found.length ? found[0].at : words.length
  const top = [matched(words, marked, 0, before), weight(data, 0, before)]
  const placed = sections.map((s) => ({ location: `${page}#${s.link}`, title: escaped(s.title), text: s.text, terms }))
  if (!placed.length || better(top, sections[0].rank)) {
    // Found best above the first place (the page's header): the page shows its excerpt, and
    // the places fold under it.
    const pageItem = { location: page, title, text: excerpt(words, marked, 0, before), score, terms }
    return { page, items: [pageItem, ...placed.map((s) => ({ ...s, score: score / 2 }))] }
  }
  const [best, ...rest] = placed
  return { page, items: [{ ...best, score }, { location: page, title, text: "", score, terms }, ...rest.map((s) => ({ ...s, score: score / 2 }))] }
}

// The results that hold the query's words as written, one after the other, first; of those,
// the one that holds them where they weigh most (a touchpoint, a page's title) before the others.
// Pagefind ranks by each word on its own, so a page that says "claim" and "decision" anywhere
// could otherwise come before the step called "Waiting for the claim decision".
const bare = (word) => word.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "")

function phraseWeight(data, asked) {
  if (asked.length < 2) return 0
  const words = data.content.split(/[\r\n\s]+/g).map(bare)
  const weights = new Map((data.weighted_locations || []).map((w) => [w.location, w.weight]))
  let best = 0
  for (let at = 0; at + asked.length <= words.length; at++)
    if (asked.every((word, n) => words[at + n] === word)) best = Math.max(best, weights.get(at) ?? 1)
  return best
}

function phraseFirst(loaded, query) {
  const asked = query.split(/\s+/).map(bare).filter(Boolean)
  const weight = new Map(loaded.map((data) => [data, phraseWeight(data, asked)]))
  return [...loaded].sort((a, b) => weight.get(b) - weight.get(a)) // stable: Pagefind's order otherwise
}

// Each filter's values as chips: those the query names, then the ones the shown results have,
// most frequent first. (Pagefind could count every value over every result, but only with the
// whole filter index loaded: at 5,000 maps that alone weighs more than a search.)
function chips(loaded, active) {
  const found = {}
  for (const [key] of settings.filters) {
    const seen = new Map()
    for (const data of loaded) for (const value of data.filters?.[key] || []) seen.set(value, (seen.get(value) || 0) + 1)
    const named = active[key] || []
    const more = [...seen.entries()]
      .filter(([value]) => !named.includes(value))
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, key === "kind" ? undefined : CHIPS)
      .map(([value]) => value)
    found[key] = [...named, ...more]
  }
  return found
}

async function answer(query) {
  if (query.trim()) await load()
  const { words, filters } = parse(query)
  if (!words && !Object.keys(filters).length) {
    channel.postMessage({ query, total: 0, shown: 0, chips: {}, active: {}, settings })
    return { items: [] }
  }
  const active = await spelled(filters)
  const search = await pagefind.search(words || null, { filters: active })
  const total = search.results.length
  const fetched = await Promise.all(search.results.slice(0, SHOWN).map((result) => result.data()))
  learn(fetched)
  const scores = new Map(fetched.map((data, n) => [data, search.results[n].score]))
  const loaded = phraseFirst(fetched, words)
  const terms = Object.fromEntries(words.split(/\s+/).filter(Boolean).map((word) => [word, true]))
  const groups = new Map()
  loaded.forEach((data) => {
    const found = items(data, scores.get(data), terms)
    const group = groups.get(found.page)
    // Rows of one index page are results of their own: each shows, none folds under another.
    if (group) group.push(...found.items.filter((item) => item.location !== found.page).map((item) => ({ ...item, score: group[0].score })))
    else groups.set(found.page, found.items)
  })
  channel.postMessage({ query, total, shown: loaded.length, chips: chips(loaded, active), active, settings })
  return { items: [...groups.values()] }
}

addEventListener("message", ({ data: message }) => {
  if (message.type === SETUP) {
    postMessage({ type: READY }) // Material's own index, in the message, is empty: not needed
  } else if (message.type === QUERY) {
    latest = message.data
    queue = queue
      .then(async () => {
        await new Promise((resolve) => setTimeout(resolve, SETTLE))
        if (message.data !== latest) return // typed on: each search fetches its results' details
        const result = await answer(message.data)
        if (message.data === latest) postMessage({ type: RESULT, data: result })
      })
      .catch((error) => {
        console.warn("search:", error)
        postMessage({ type: RESULT, data: { items: [] } })
      })
  }
})
