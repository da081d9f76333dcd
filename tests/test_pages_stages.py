"""Stage pages and the stage index on a real build."""

from __future__ import annotations


from cross_map_handbook import built, page, section


def test_stage_index_follows_the_catalogue(built):
    html = page(built, "stages/")
    assert html.index('<a href="discover/">Discover</a>') < html.index('<a href="buy/">Buy</a>')
    assert "Looks around." in html


def test_stage_page_lists_every_journey_with_its_steps(built):
    html = page(built, "stages/discover/")
    assert '<p class="jm-description">Looks around.</p>' in html
    journeys = section(html, "Journeys")
    assert '<th scope="rowgroup" rowspan="1"><a href="../../journeys/buy/">Buying online</a><p class="jm-goal">Find cover.</p></th>' in journeys
    assert ('<td><a href="../../journeys/buy/#step-discover-1">Comparison site</a></td><td>Web</td>'
            '<td><span class="jm-emotion" data-emotion="-1">') in journeys
    assert '<td><a href="../../teams/sales/">Sales team</a></td>' in journeys
    assert '<a href="../../journeys/claim/#step-discover-1">Claim hotline</a></td><td>Phone</td>' in journeys
    assert "renew" not in journeys  # it does not pass through discover


def test_journey_and_stage_link_both_ways(built):
    assert '<a href="../../stages/buy/">Buy</a>' in page(built, "journeys/renew/")
    assert '<a href="../../journeys/renew/#step-buy-1">Renewal letter</a>' in page(built, "stages/buy/")


def test_stage_page_shows_pain_points_found_there_and_average_emotion(built):
    html = page(built, "stages/buy/")
    pains = section(html, "Pain points")
    assert "pain-points/#price-mismatch" in pains and "pain-points/#renew--buy-1-2" in pains
    assert "hold-music" not in pains
    # buy: +1 (buy), +2 (buy-future), -2 (renew).
    assert '<span class="jm-emotion__score">+0.33</span>' in section(html, "Average emotion")
    assert "across 3 touchpoints in 3 journeys" in html
