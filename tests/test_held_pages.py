"""A generated page waits compressed between MkDocs' two passes (plugin/held_pages.py), and no
other plugin can tell: each sees the page whole where MkDocs would show it, a change one makes
is written, and the page is let go once it is written."""

from __future__ import annotations

import json

from helpers import BASE_CONFIG, build_site
from html_tree import article
from journeys.plugin.held_pages import HeldPages

# A hooks file (MkDocs' `hooks:`), which MkDocs runs as a plugin of default priority: what it
# sees of the generated journey pages at each event, and a paragraph added to one of them.
HOOKS = """
import json, os

SEEN = {}
PAGES = {}

def _look(event, page):
    if page.file.src_uri.startswith("journeys/") and page.file.src_uri != "journeys/index.md":
        PAGES[page.file.src_uri] = page
        content = page.content or ""
        SEEN.setdefault(page.file.src_uri, {})[event] = {
            "whole": "jm-grid" in content and "<!--journeys-" not in content,
            "size": len(content),
        }

def on_page_content(html, page, **kwargs):
    if page.file.src_uri == "journeys/buy.md":
        html += '<p id="added-by-a-hook">added by a hook</p>'
    page.content = html
    _look("page_content", page)
    return html

def on_page_context(context, page, **kwargs):
    _look("page_context", page)
    return context

def on_env(env, **kwargs):  # every page converted, none written
    for page in PAGES.values():
        _look("waiting", page)
    return env

def on_post_build(config, **kwargs):
    for page in PAGES.values():
        _look("written", page)
    with open(os.path.join(os.path.dirname(config.config_file_path), "seen.json"), "w") as handle:
        json.dump(SEEN, handle)
"""


def test_held_blocks_and_pages_come_back_as_they_went():
    held = HeldPages()
    blocks = ["a block → 😀", "", "another ß"]
    held.put_blocks("journeys/a.md", blocks)
    assert held.blocks("journeys/a.md") == blocks  # read, still held
    assert held.take("journeys/a.md") == (None, blocks)
    assert held.take("journeys/a.md") == (None, None)
    held.put_blocks("journeys/b.md", ["<p>x</p>"])
    changed = "the page as another plugin changed it → whole"
    held.put_content("journeys/b.md", changed)
    assert held.take("journeys/b.md") == (changed, None)
    assert held.blocks("journeys/b.md") is None


def test_other_plugins_see_every_generated_page_whole_and_their_change_is_written(handbook_dir):
    (handbook_dir / "hooks.py").write_text(HOOKS, encoding="utf-8")
    built = build_site(handbook_dir, config={"hooks": ["hooks.py"]})
    assert built.ok, built.warnings
    seen = json.loads((handbook_dir / "seen.json").read_text(encoding="utf-8"))
    assert sorted(seen) == ["journeys/buy-future.md", "journeys/buy.md"]
    for src, events in seen.items():
        assert events["page_content"]["whole"] and events["page_context"]["whole"], (src, events)
        assert events["page_context"]["size"] == events["page_content"]["size"], src
        # Held while it waits to be written, let go once it is: MkDocs keeps a small part.
        assert events["waiting"]["size"] < events["page_content"]["size"] / 4 and events["written"]["size"] == 0
    # The changed page is written with the hook's paragraph, the other as the plugin made it.
    assert article(built, "journeys/buy/").find("p", id="added-by-a-hook").text == "added by a hook"
    assert article(built, "journeys/buy-future/").find_all("p", id="added-by-a-hook") == []
    assert article(built, "journeys/buy-future/").find_all(cls="jm-grid")


def test_materials_search_indexes_the_generated_pages_whole(handbook_dir):
    """The same handbook with Material's search instead of Pagefind: its plugin indexes the
    generated pages whole too (it reads them in on_page_context)."""
    config = {"plugins": ["search", {"journeys": {**BASE_CONFIG["plugins"][1]["journeys"], "search": "material"}}]}
    built = build_site(handbook_dir, config=config)
    assert built.ok, built.warnings
    index = json.loads((built.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    texts = " ".join(doc["text"] for doc in index["docs"] if doc["location"].startswith("journeys/buy/"))
    assert "Comparison site" in texts
