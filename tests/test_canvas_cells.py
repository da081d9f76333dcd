"""The map grid's cells outside a build: a lane's label as a CSS string cannot break out of it."""

from __future__ import annotations

from journeys.render.canvas import css_string


def test_a_lane_label_becomes_a_css_string_that_cannot_end_early():
    assert css_string("Behind the scenes") == '"Behind the scenes"'
    hostile = css_string('x"; background: url(//evil.example/a) \\ </style>')
    body = hostile[1:-1]
    assert hostile.startswith('"') and hostile.endswith('"')
    assert not any(c in body for c in "\"';:()/<>") and "\\22 " in body and "\\5c " in body
    assert css_string("Étape 1") == '"Étape 1"'
