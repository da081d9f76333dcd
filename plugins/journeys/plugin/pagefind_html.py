"""The copy of a page that Pagefind indexes, made from the page as MkDocs writes it.

The published page stays as it was: the marks below exist only in the copy, which is written
to a staging folder that Pagefind reads once the build is done (plugin/pagefind_index.py). The
copy is the page's content (Material 9's `article.md-content__inner`, which holds the page and
nothing of the navigation, header or footer) with:

- what search leaves out marked `data-pagefind-ignore` (the renderers' `data-search-exclude`,
  `fragments.NOT_SEARCHED`, which the plugin renames before Material's search plugin would
  drop it; and the heading permalinks' "¶");
- the page's filters and metadata as empty elements (`data-pagefind-filter="stage:Claim"`);
- on a journey map, a mark in every cell of a step or a stage that names it, so that a search
  result can say where in the map its words are and link there (`grid_context`);
- a space after the elements Pagefind does not separate from the next ones (`dt`, `th`...),
  so that "Summary" and its text do not run together in an excerpt.

A page whose items are rows (the pain-point index) is indexed as one record per row instead:
the row's element as written, with the row's filters, its title and its address.
"""

from __future__ import annotations

import html
import re

# The renderers mark what search leaves out with Material's attribute (render/fragments.py).
# Material's search plugin removes every valued data-search-* attribute from a page once it has
# indexed it, so the plugin renames the mark first; the published page loses it again below.
SEARCH_EXCLUDE = 'data-search-exclude="true"'
IGNORED = 'data-pagefind-ignore="true"'

_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">')
_LANG = re.compile(r'<html\b[^>]*\blang="([^"]*)"')
_IGNORED = re.compile(r" " + re.escape(IGNORED))
_HEADERLINK = re.compile(r'<a class="headerlink"')
_UNSEPARATED = re.compile(r"(</(?:dt|dd|th|tr|caption|summary|figcaption|q|blockquote|dl|ol|table|details)>)")
# A cell of a journey map: it places itself with its step's index.
_STEP_CELL = re.compile(r"<(t[hd])\b([^>]*?--jm-step:\s*(\d+)[^>]*)>")
_ATTRIBUTE = re.compile(r'([\w-]+)="([^"]*)"')
# A journey is found by its touchpoints: their words weigh the most Pagefind allows (it gives h1
# 7, h2 6, h3 5, the rest 1, on a quadratic scale), above a page title that shares them, so a
# touchpoint's words find its journey first (the worker then puts an exact match first).
TOUCHPOINT_WEIGHT = 10


def mark_excluded(content: str) -> str:
    """A page's content with search's exclusions renamed for Pagefind."""
    return content.replace(SEARCH_EXCLUDE, IGNORED)


def published(page: str) -> str:
    """The page as readers get it: without the marks of `mark_excluded`."""
    return _IGNORED.sub("", page)


def article(page: str) -> tuple[str, str] | None:
    """The language and the content of a page in Material's layout, or None for a page
    without it (another theme's, a redirect)."""
    found = _ARTICLE.search(page)
    end = page.rfind("</article>")
    if not found or end < found.end():
        return None
    lang = _LANG.search(page[: found.start()])
    return (lang.group(1) if lang else "en"), page[found.end() : end]


def _marks(filters, meta) -> str:
    """Empty elements carrying the filters and metadata, one value each: an inline value runs
    to the end of the attribute, commas included."""
    items = [("data-pagefind-filter", key, value) for key, values in filters for value in values]
    items += [("data-pagefind-meta", key, value) for key, value in meta]
    return "".join(f'<i {attr}="{html.escape(f"{key}:{value}")}"></i>' for attr, key, value in items)


def _document(lang: str, body: str, filters, meta) -> str:
    return (
        f'<!DOCTYPE html><html lang="{html.escape(lang)}"><head><meta charset="utf-8"></head>'
        f'<body data-pagefind-body>{body}<div data-pagefind-ignore="true">{_marks(filters, meta)}</div></body></html>'
    )


_STAGE_HEALTH = re.compile(r' <span class="jm-health" data-health="[^"<>]*">[^<]*</span>')


def _separated(content: str) -> str:
    content = _HEADERLINK.sub(f"<a {IGNORED} " + 'class="headerlink"', content)
    return _UNSEPARATED.sub(r"\1 ", content)


def grid_context(content: str) -> str:
    """Every cell of a journey map's steps and stages starting with an empty element whose id
    says where it is: `s|<step anchor>|<stage anchor>` or `g|<stage anchor>`. Pagefind keeps
    where each id is among the page's words, so a result can name the step or stage its words
    are in and link to it. (The id goes on an empty element, not the cell: Pagefind keeps an
    element's text with its id, which would store every cell twice.) The map's cells carry
    their step's index (`--jm-step`, which places them on a phone); its header names each
    stage (an id, a span) and each step (an id)."""
    cells = [(m, dict(_ATTRIBUTE.findall(m.group(2)))) for m in _STEP_CELL.finditer(content)]
    if not cells:
        return content
    stages: dict[int, tuple[str, int]] = {}  # first step -> (stage anchor, span)
    steps: dict[int, str] = {}  # step index -> step anchor
    for match, values in cells:
        anchor = values.get("id", "")
        if match.group(1) == "th" and anchor.startswith("stage-"):
            stages[int(match.group(3))] = (anchor, int(values.get("colspan", "1")))
        elif match.group(1) == "th" and anchor.startswith("step-"):
            steps[int(match.group(3))] = anchor
    stage_of = {first + n: anchor for first, (anchor, span) in stages.items() for n in range(span)}
    parts, at = [], 0
    for match, values in cells:
        tag, attrs, n = match.group(1), match.group(2), int(match.group(3))
        anchor = values.get("id", "")
        if n in stages and (anchor.startswith("stage-") or "colspan" in values):
            place = f"g|{stages[n][0]}"
        elif n in steps:
            place = f"s|{steps[n]}|{stage_of.get(n, '')}"
        else:
            continue
        opening = match.group(0)
        if tag == "th" and anchor.startswith("step-"):
            opening = f'<th data-pagefind-weight="{TOUCHPOINT_WEIGHT}"{attrs}>'
        parts += [content[at : match.start()], opening, f'<i id="{html.escape(place)}"></i>']
        at = match.end()
    return "".join(parts) + content[at:]


def page_copy(page: str, url: str, filters=()) -> str | None:
    """The copy Pagefind indexes of a page at `url` (relative to the site root), or None."""
    found = article(page)
    if found is None:
        return None
    lang, content = found
    # A health (map format 1.2: a KPI's, a stage's on the map's header) is the interface's words,
    # and in a header cell it would join the stage's name in a result ("Claim › Loss adjuster visit").
    content = _STAGE_HEALTH.sub("", content)
    return _document(lang, grid_context(_separated(content)), filters, [("url", "/" + url)])


def row_copies(page: str, url: str, rows) -> list[str]:
    """One copy a row: `rows` are (element id, title, filters), each the id of an element of
    the page (as its `id` attribute reads once unescaped), in the page's order."""
    found = article(page)
    if found is None:
        return []
    lang, content = found
    title = _page_title(content)
    elements = elements_by_id(content, {anchor for anchor, _, _ in rows})
    copies = []
    for anchor, row_title, filters in rows:
        element = elements.get(anchor)
        if element is None:
            continue
        if element.startswith("<tr"):
            element = f"<table><tbody>{element}</tbody></table>"
        meta = [("title", row_title), ("page", title), ("url", f"/{url}#{anchor}")]
        copies.append(_document(lang, _separated(element), filters, meta))
    return copies


_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.S)
_TAG = re.compile(r"<[^>]+>")
_HEADERLINK_TEXT = re.compile(r'<a class="headerlink".*?</a>', re.S)


def _page_title(content: str) -> str:
    found = _H1.search(content)
    if not found:
        return ""
    return html.unescape(_TAG.sub("", _HEADERLINK_TEXT.sub("", found.group(1)))).strip()


_OPEN = re.compile(r'<([a-zA-Z][\w-]*)\b[^>]*\bid="([^"]*)"[^>]*>')


def elements_by_id(content: str, idents: set[str]) -> dict[str, str]:
    """The elements whose ids read as `idents`, each from its start tag to its end tag. For the
    renderers' own markup: an element of the same name inside one is counted; comments and
    scripts are not looked into."""
    found: dict[str, str] = {}
    for start in _OPEN.finditer(content):
        ident = html.unescape(start.group(2))
        if ident not in idents or ident in found:
            continue
        tags = re.compile(rf"<(/?){re.escape(start.group(1))}\b[^>]*>", re.I)
        depth = 1
        for other in tags.finditer(content, start.end()):
            depth += -1 if other.group(1) else 1
            if depth == 0:
                found[ident] = content[start.start() : other.end()]
                break
    return found
