"""The one stylesheet the pages link, `assets/journeys/journeys.css`, made from the source
files in assets/: the shared rules, then the journey canvas's. A phone fetches it before the
first paint, so it goes out as one request and without the comments (27 KB of the sources'
33): on Lighthouse's simulated mobile network that is a round trip, 150 ms, sooner
(docs/performance.md)."""

from __future__ import annotations

import os
import re

# In cascade order: the canvas's rules come after the shared ones they refine; the measures',
# the insights' and the portfolio's after both.
SOURCES = ("journeys.css", "journeys-canvas.css", "journeys-measures.css", "journeys-portfolio.css")

# A comment, or a string (kept whole, so a "/*" inside quotes is not taken for a comment).
_COMMENT_OR_STRING = re.compile(r"""/\*.*?\*/|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'""", re.S)
_LINE_BREAK = re.compile(r"[ \t]*\n\s*")


def compact(css: str) -> str:
    """The CSS without its comments, blank lines and indentation; rules and strings unchanged."""
    bare = _COMMENT_OR_STRING.sub(lambda m: "" if m.group().startswith("/*") else m.group(), css)
    return _LINE_BREAK.sub("\n", bare).strip() + "\n"


def stylesheet(assets: str) -> str:
    parts = []
    for name in SOURCES:
        with open(os.path.join(assets, name), encoding="utf-8") as handle:
            parts.append(compact(handle.read()))
    return "".join(parts)
