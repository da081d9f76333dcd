"""The one stylesheet the pages link: the source files in order, without their comments."""

from __future__ import annotations

import re

from journeys.render.site_files import ASSETS
from journeys.render.stylesheet import SOURCES, compact, stylesheet


def test_compact_drops_comments_blank_lines_and_indentation():
    css = "/* why */\n.a { color: red; }  /* trailing */\n\n  .b,\n  .c { margin: 0; }\n"
    assert compact(css) == ".a { color: red; }\n.b,\n.c { margin: 0; }\n"


def test_compact_keeps_strings_that_look_like_comments():
    css = ".a::before { content: \"/* not a comment */\"; }\n.b::after { content: '*/'; } /* gone */\n"
    assert compact(css) == ".a::before { content: \"/* not a comment */\"; }\n.b::after { content: '*/'; }\n"


def _declarations(css: str) -> list[str]:
    """Every declaration and selector, in order, whitespace folded."""
    bare = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    return [" ".join(part.split()) for part in re.split(r"[{};]", bare) if part.strip()]


def test_the_stylesheet_is_every_source_rule_in_cascade_order():
    text = stylesheet(ASSETS)
    sources = []
    for name in SOURCES:
        with open(f"{ASSETS}/{name}", encoding="utf-8") as handle:
            sources.append(handle.read())
    assert "/*" not in text
    assert _declarations(text) == _declarations("\n".join(sources))
    # The canvas's rules refine the shared ones, so they come last.
    assert text.index(".jm-meta {") < text.index(".jm-grid-scroll {")
    assert len(text.encode()) < 0.9 * sum(len(s.encode()) for s in sources)
