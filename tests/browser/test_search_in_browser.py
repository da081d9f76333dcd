"""Material's own search, in Chromium, over the demo handbook: a touchpoint's words find its
journey's page first, above a journey that shares some of them; a persona's name finds its page
first, and the result's snippet reads as words. (Words that match a page's tags rank that page
first whatever its text: Material weighs tags a million times the text, docs/performance.md.)"""

from __future__ import annotations

RESULTS = (
    "() => [...document.querySelectorAll('.md-search-result__item > a.md-search-result__link')]"
    ".map(a => new URL(a.href).pathname + new URL(a.href).hash)"
)

SETTLED = (
    "async () => { let last = null; for (;;) {"
    " const now = document.querySelector('.md-search-result__list').innerHTML;"
    " if (now === last) return; last = now; await new Promise(r => setTimeout(r, 300)); } }"
)


def search(watched, query: str) -> list[str]:
    """The result links for `query`, best first, as paths from the site root."""
    watched.open("")
    page = watched.page
    page.click("input.md-search__input")  # on a wide screen the search field is in the header
    page.keyboard.type(query)  # as a reader types: Material searches on key events
    # Results arrive from a worker, redrawn as the query grows: read them once they stay put.
    page.wait_for_selector(".md-search-result__item")
    page.evaluate(SETTLED)
    root = watched.base_url.split("/", 3)[3]
    return [href[len(root) + 1 :] for href in page.evaluate(RESULTS)]


def test_a_touchpoint_finds_its_journey_above_one_that_shares_some_of_its_words(watched):
    # "Loss adjuster visit" (escape of water) and "Loss adjuster inspection" (a let flat's damage).
    found = [f.split("#")[0] for f in search(watched, "Loss adjuster visit")]
    assert found[0] == "journeys/escape-of-water-claim/", found[:5]
    assert "journeys/landlord-tenant-damage-claim/" in found, found
    assert watched.errors == []


def test_a_persona_finds_its_page_first_and_the_snippet_reads_as_words(watched, demo_handbook):
    persona = demo_handbook.personas[0]
    found = search(watched, persona.name)
    assert found[0] == f"personas/{persona.id}/", (persona.name, found[:5])
    first = watched.page.locator(".md-search-result__item").first.inner_text()
    assert persona.name.split(",")[0] in first
    assert watched.errors == []
