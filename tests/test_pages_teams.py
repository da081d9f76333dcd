"""Team pages and the team index on a real build."""

from __future__ import annotations


from cross_map_handbook import built, page, section


def test_team_index_lists_contact_and_counts(built):
    html = page(built, "teams/")
    # care: owns renew and claim; owns One-page checkout, Renewal letter, Claim hotline; supports Comparison site.
    assert '<tr><td><a href="care/">Customer care</a></td><td></td><td>2</td><td>3</td><td>1</td></tr>' in html
    assert '<a href="sales/">Sales team</a></td><td>#sales</td>' in html


def test_team_page_shows_contact_and_journeys_it_owns(built):
    html = page(built, "teams/sales/")
    assert "<dt>Contact</dt><dd>#sales</dd>" in html
    assert '<a href="../../journeys/buy/">Buying online</a>' in section(html, "Journeys it owns")


def test_touchpoints_owned_and_supported_with_journey_and_stage(built):
    table = section(page(built, "teams/care/"), "Touchpoints")
    assert ('<tr><td><a href="../../journeys/buy/#step-discover-1">Comparison site</a></td>'
            '<td><a href="../../journeys/buy/">Buying online</a></td>'
            '<td><a href="../../stages/discover/">Discover</a></td>'
            '<td class="jm-role jm-role--supporting">supports</td>') in table
    assert '<a href="../../journeys/buy-future/#step-buy-1">One-page checkout</a>' in table
    assert table.count("jm-role--owner") == 3


def test_team_and_touchpoint_link_both_ways(built):
    assert '<td><a href="../../teams/care/">Customer care</a></td>' in page(built, "journeys/renew/")
    assert '<a href="../../journeys/renew/#step-buy-1">Renewal letter</a>' in page(built, "teams/care/")


def test_pain_points_and_kpis_at_the_teams_touchpoints(built):
    html = page(built, "teams/sales/")
    pains = section(html, "Pain points")
    # sales owns Comparison site and supports Renewal letter; the hotline is care's alone.
    assert "pain-points/#price-mismatch" in pains and "pain-points/#renew--buy-1-2" in pains
    assert "hold-music" not in pains
    kpis = section(html, "Measures")
    assert '<td><a href="../../journeys/buy/#step-discover-1">Comparison site</a></td><td>Click-through rate</td>' in kpis
    assert "<td>Renewal rate</td><td>70%</td><td>80%</td>" in kpis
