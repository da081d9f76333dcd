"""A handbook where maps cross: one pain point id in three journeys at three severities, two
personas sharing a journey, teams that own in one map and support in another. Built once per
test module, since every test only reads the result."""

from __future__ import annotations

import re
from html import unescape

from helpers import MINIMAL_MAPS, build_site, write

CROSS_MAPS = dict(
    MINIMAL_MAPS,
    **{
        "maps/personas/maya.md": """
        ---
        name: Maya, first-time buyer
        summary: Buys her first policy.
        segment: Renters under 30
        goals: [Cheap cover]
        frustrations: [Jargon]
        needs: [A clear price]
        quote: "Just tell me what it costs."
        image: img/maya.png
        tags: [buyers, online]
        ---
        Maya's research notes.
    """,
        "maps/personas/omar.md": """
        ---
        name: Omar, landlord
        goals: [Fewer calls from tenants]
        ---
    """,
        "maps/journeys/renew.md": """
        ---
        title: Renewing
        personas: [omar]
        owner: care
        stages:
          - stage: buy
            steps:
              - touchpoint: Renewal letter
                channel: Post
                emotion: -2
                owner: care
                supporting: [sales]
                kpis:
                  - name: Renewal rate
                    current: 70%
                    target: 80%
                pain_points:
                  - id: price-mismatch
                    text: The renewal price differs from the quote.
                    severity: low
                  - text: "=1+1 the letter is hard to read"
                    severity: medium
                    status: resolved
        ---
    """,
        "maps/journeys/claim.md": """
        ---
        title: Claiming
        personas: [maya, omar]
        owner: care
        tags: [claims]
        stages:
          - stage: discover
            steps:
              - touchpoint: Claim hotline
                channel: Phone
                emotion: -1
                owner: care
                pain_points:
                  - id: price-mismatch
                    text: The excess differs from what the quote said.
                    severity: critical
                    status: in-progress
                    evidence: ["https://tickets.example.com/9"]
                  - id: hold-music
                    text: Long waits on hold.
                    severity: high
        ---
    """,
    },
)
CROSS_DOCS = {"index.md": "# Home\n", "img/maya.png": "not really a png\n"}


def build_cross_maps(tmp_path_factory, **config):
    root = tmp_path_factory.mktemp("cross")
    write(root, CROSS_MAPS)
    built = build_site(root, config=config or None, docs=CROSS_DOCS)
    assert built.ok, built.warnings
    return built


def page(built, url: str) -> str:
    """A page's article, entities decoded, so tests read it as a reader would."""
    html = built.html(url)
    return unescape(re.search(r"<article.*?</article>", html, re.S).group(0))


def section(html: str, heading: str) -> str:
    """The HTML from an h2 or h3 with this text up to the next heading of any level."""
    start = re.search(rf"<h[23][^>]*>{re.escape(heading)}<", html)
    assert start, f"no heading {heading!r}"
    end = re.compile(r"<h[1-3][ >]").search(html, start.end())
    return html[start.start() : end.start() if end else len(html)]
