"""Compatibility shims for the pages of Material for MkDocs 9.x (read on 9.8.2's base.html): two
changes to a page as the theme writes it, so that a handbook gets them with `theme: material`
alone, without a theme override.

Scripts after the first paint. Material loads its script (114 kB) and the site's extra scripts
at the end of the body, from its `scripts` block, right after the `__config` data. Here they
move, as written, into a `<template id="__scripts">`, where nothing runs, and the plugin's
starter (assets/journeys-start.js) adds them to the page in their order once the first frame is
on screen. On a phone the first paint then has the network to itself; and Lighthouse's replay of
the load no longer counts them in the largest paint, which made scores swing by 8 points from
run to run (docs/performance.md). Without JavaScript the page is the same: the template stays
inert. A theme that already moved them (a `__scripts` template of its own) is left alone.

The search worker. Material's search box talks to a web worker whose URL is the `search` key of
the page's `__config`; with `search: pagefind` it is the plugin's worker, which answers from
Pagefind's index in the messages Material's own worker uses (assets/journeys-search-worker.js).
"""

from __future__ import annotations

import re

_CONFIG = re.compile(r'<script id="__config" type="application/json">.*?</script>', re.S)
_WORKER = re.compile(r'("search":\s*")([^"]*?)assets/javascripts/workers/search\.[0-9a-f]+\.min\.js"')
_SCRIPT = re.compile(r"<script\b[^>]*>.*?</script>", re.S)
_BUNDLE = re.compile(r'<script src="([^"]*?)assets/javascripts/bundle\.[0-9a-f]+\.min\.js"')


def with_worker(page: str, worker: str) -> str:
    """The page with its search box talking to `worker` (a path from the site root), relative
    as Material's own worker URL is."""
    return _WORKER.sub(lambda m: f'{m.group(1)}{m.group(2)}{worker}"', page, count=1)


def scripts_after_paint(page: str, starter: str) -> str:
    """The page with the scripts of Material's `scripts` block in an inert template, started by
    `starter` (a path from the site root) after the first paint."""
    config = _CONFIG.search(page)
    end = page.rfind("</body>")
    if config is None or end < config.end() or 'id="__scripts"' in page:
        return page
    block = page[config.end() : end]
    scripts = _SCRIPT.findall(block)
    bundle = _BUNDLE.match(scripts[0]) if scripts else None
    if bundle is None:
        return page
    rest = _SCRIPT.sub("", block).rstrip()
    moved = "".join(scripts)
    start = f'<script defer src="{bundle.group(1)}{starter}"></script>'
    return f'{page[: config.end()]}{rest}\n<template id="__scripts">{moved}</template>{start}\n{page[end:]}'
