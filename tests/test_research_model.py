"""Map format 1.2 in the model: an opportunity's score and its one decimal, how opportunities
that share an id merge, when a handbook has a portfolio, how a pain point is backed and in
words, what names each insight, and the public projection of insights."""

from __future__ import annotations

from fractions import Fraction

import pytest

from helpers import write
from journeys.core import load_handbook
from journeys.core.audience import public_view
from journeys.core.index import managed, opportunity_score, score_text
from journeys.render.backing import backing_words, pain_backing
from journeys.render.labels import LABELS


@pytest.mark.parametrize(
    ("value", "business", "effort", "exact", "shown"),
    [
        (4, 3, 2, Fraction(7, 2), "3.5"),
        (5, 4, 4, Fraction(9, 4), "2.3"),  # a half rounds up, whatever the float would do
        (3, 2, 4, Fraction(5, 4), "1.3"),
        (1, 1, 3, Fraction(2, 3), "0.7"),
        (5, 5, 1, Fraction(10), "10.0"),
        (2, 1, 1, Fraction(3), "3.0"),
    ],
)
def test_score_is_value_plus_business_value_over_effort_with_one_decimal(value, business, effort, exact, shown):
    assert opportunity_score(value, business, effort) == exact
    assert score_text(exact) == shown


@pytest.mark.parametrize("missing", [(None, 3, 2), (4, None, 2), (4, 3, None), (None, None, None)])
def test_without_all_three_figures_an_opportunity_is_unscored(missing):
    assert opportunity_score(*missing) is None
    assert score_text(None) == ""


MAPS = {
    "maps/personas/maya.md": "---\nname: Maya\nsummary: Buys her first policy.\n---\n",
    "maps/personas/omar.md": "---\nname: Omar\nsummary: Lets two flats.\nvisibility: public\n---\n",
    "maps/teams.yml": "- id: sales\n- id: care\n",
    "maps/insights/survey.md": "---\ntitle: Survey\nkind: survey\ndate: 2025-06-01\nparticipants: 400\n"
    "visibility: public\nowner: care\nsource: Survey tool\n---\n",
    "maps/insights/calls.md": "---\ntitle: Calls\nkind: interview\ndate: 2025-07-01\nparticipants: 12\n---\n",
    "maps/insights/visits.md": "---\ntitle: Visits\nkind: interview\ndate: 2025-05-01\n---\n",
    "maps/insights/broken.md": "---\ntitle: Broken\nkind: webinar\ndate: 2025-05-01\nparticipants: 99\n---\n",
    "maps/journeys/a.md": """---
title: A
personas: [maya]
stages:
  - stage: buy
    steps:
      - touchpoint: Web
        emotion: 0
        pain_points:
          - id: slow
            text: Slow.
            evidence: [Log 2025]
            insights: [survey, calls]
          - text: Unbacked.
          - id: broken-backed
            text: Backed by a broken insight only.
            insights: [broken]
        opportunities:
          - text: Faster pages.
            id: faster
            impact: medium
            addresses: [slow]
            value: 4
            business_value: 3
            status: planned
            tickets: ["https://jira.example.com/browse/CX-1"]
            insights: [calls]
          - text: An idea of this map only.
          - text: Cheap fix.
            id: cheap
            value: 2
            business_value: 2
            effort: 1
---
""",
    "maps/journeys/b.md": """---
title: B
personas: [omar]
visibility: public
stages:
  - stage: buy
    steps:
      - touchpoint: Phone
        emotion: -1
        pain_points:
          - id: slow
            text: Slow on the phone.
            insights: [visits, calls, survey]
        opportunities:
          - text: Make the pages faster.
            id: faster
            impact: high
            effort: 2
            owner: sales
            tickets: ["https://jira.example.com/browse/CX-2", "https://jira.example.com/browse/CX-1"]
            insights: [survey]
---
""",
}


@pytest.fixture
def handbook(tmp_path):
    write(tmp_path, MAPS)
    return load_handbook(tmp_path / "maps", root=tmp_path)


def test_opportunities_with_one_id_merge_into_one(handbook):
    merged = handbook.opportunity_by_id["faster"]
    # Its wording is the first map's, the figures whichever map gives them, the impact the highest.
    assert merged.text == "Faster pages." and merged.wordings == ("Faster pages.", "Make the pages faster.")
    assert (merged.value, merged.business_value, merged.effort) == (4, 3, 2)
    assert (merged.status, merged.owner, merged.impact) == ("planned", "sales", "high")
    assert merged.tickets == ("https://jira.example.com/browse/CX-1", "https://jira.example.com/browse/CX-2")
    assert merged.insights == ("calls", "survey") and merged.addresses == ("slow",)
    assert merged.journeys == ("a", "b") and merged.score_text == "3.5"


def test_opportunities_are_ranked_by_score_then_id_the_unscored_last(handbook):
    ranked = [(o.id, o.score_text) for o in handbook.opportunities]
    assert ranked == [("cheap", "4.0"), ("faster", "3.5"), ("a--buy-1-2", "")]
    unnamed = handbook.opportunity_by_id["a--buy-1-2"]
    assert not unnamed.explicit_id and unnamed.status == "idea"


def test_a_handbook_has_a_portfolio_once_an_opportunity_uses_a_key_of_format_1_2(handbook, tmp_path):
    assert handbook.has_portfolio and managed(handbook.opportunities)
    plain = {k: v for k, v in MAPS.items() if "insights/" not in k}
    plain["maps/journeys/a.md"] = MAPS["maps/journeys/a.md"].split("        pain_points:")[0] + "---\n"
    plain["maps/journeys/b.md"] = plain["maps/journeys/b.md"].split("        pain_points:")[0] + (
        "        pain_points: [{id: slow, text: Slow.}]\n"
        "        opportunities: [{text: Make the pages faster., impact: high, addresses: [slow]}]\n---\n"
    )
    write(tmp_path / "plain", plain)
    version_1_1 = load_handbook(tmp_path / "plain" / "maps", root=tmp_path / "plain")
    assert version_1_1.problems == () and len(version_1_1.opportunities) == 1
    assert not version_1_1.has_portfolio


def test_a_pain_points_backing_counts_its_valid_insights_kinds_participants_and_evidence(handbook):
    slow = handbook.pain_point_by_id["slow"]
    assert slow.insights == ("survey", "calls", "visits")  # in order of first mention
    found = pain_backing(handbook, slow)
    assert [i.id for i in found.insights] == ["calls", "survey", "visits"]  # newest first
    assert found.kinds == (("survey", 1), ("interview", 2)) and found.participants == 412
    assert found.evidence == 1 and found.backed
    assert backing_words(LABELS, found) == "3 insights: survey, 2 interviews; 412 participants; 1 piece of evidence"
    # An insight with errors has no page and backs nothing until it is fixed.
    broken = pain_backing(handbook, handbook.pain_point_by_id["broken-backed"])
    assert not broken.backed and backing_words(LABELS, broken) == ""
    assert not pain_backing(handbook, handbook.pain_point_by_id["a--buy-1-2"]).backed


def test_one_insight_and_one_participant_read_in_the_singular():
    from journeys.core.index import Backing

    assert backing_words(LABELS, Backing((), (("usability-test", 1),), 1, 0)) == "1 participant"
    words = backing_words(LABELS, Backing(("x",), (("support-tickets", 1),), None, 3))  # type: ignore[arg-type]
    assert words == "1 insight: support tickets; 3 pieces of evidence"


def test_what_names_each_insight(handbook):
    uses = handbook.insight_uses
    assert [p.id for p in uses["calls"].pains] == ["slow"]
    assert [o.id for o in uses["calls"].opportunities] == ["faster"]
    assert [j.id for j in uses["survey"].journeys] == ["a", "b"]
    assert "broken" not in handbook.valid_insights and [i.id for i in handbook.valid_insights] == [
        "calls",
        "survey",
        "visits",
    ]


def test_a_public_view_keeps_public_insights_and_only_their_ids(handbook):
    public = public_view(handbook)
    assert [i.id for i in public.insights] == ["survey"]
    survey = public.insights[0]
    assert survey.owner is None and survey.source is None and survey.participants == 400  # internal-facing emptied
    step = public.journeys[0].stages[0].steps[0]
    assert step.pain_points[0].insights == ("survey",)
    assert step.opportunities[0].insights == ("survey",) and step.opportunities[0].tickets == ()
    assert step.opportunities[0].owner is None
    assert public.pain_point_by_id["slow"].insights == ("survey",)
    # With owners shown, the team that delivers an opportunity is published, and its tickets stay out.
    shown = public_view(handbook, ["owner"])
    assert shown.opportunity_by_id["faster"].owner == "sales"
    assert [t.id for t in shown.teams] == ["sales", "care"]  # care keeps the public insight
