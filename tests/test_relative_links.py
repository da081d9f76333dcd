"""`urls.relative` replaces `posixpath.relpath` on the hot path of rendering (tens of thousands
of links a build): it must answer exactly as relpath does for every path a site can have."""

from __future__ import annotations

import posixpath

from hypothesis import given
from hypothesis import strategies as st

from journeys.render.urls import Site, relative

part = st.sampled_from(["journeys", "personas", "cx", "buy", "a", "b", ".", "..", "", "index.html", "x.md"])
path = st.lists(part, max_size=5).map("/".join)


@given(path, path, st.booleans(), st.booleans())
def test_relative_answers_as_relpath(target, start, target_absolute, start_absolute):
    target = "/" + target if target_absolute else target
    start = "/" + start if start_absolute else start
    assert relative(target, start) == posixpath.relpath(target or ".", start or ".")


def test_links_between_generated_pages():
    site, flat = Site(), Site(prefix="cx/", use_directory_urls=False)
    assert site.href("journeys/buy.md", "teams/sales.md") == "../../teams/sales/"
    assert site.href("journeys/buy.md", "journeys/index.md", "top") == "../#top"
    assert site.href("journeys/buy.md", "journeys/buy.md") == "./"
    assert site.href("index.md", "journeys/buy.md") == "journeys/buy/"
    assert flat.href("cx/journeys/buy.md", "cx/pain-points/index.md", "slow") == "../pain-points/index.html#slow"
    assert site.asset("personas/maya.md", "img/maya.png") == "../../img/maya.png"
