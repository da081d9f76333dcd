"""Figures a reader can believe: a page shows a shared pain point in the words and severity its
own maps give it; priority and status count only current-state occurrences that are not
resolved (designs and resolved ones are shown, marked); a priority figure says what it is
where it is shown; a misspelt shared id is a warning; team pages keep future-state designs
apart from today."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from helpers import MINIMAL_MAPS, REPO, build_site, write
from html_tree import article, headed
from journeys.core.index import Place, merge_pain_points
from journeys.core.model import Journey, PainPoint, StageBlock, Step
from journeys.core.near_ids import near_pairs

CLAIM = """---
title: Making a claim
personas: [omar]
stages:
  - stage: buy
    steps:
      - touchpoint: Claim hotline
        emotion: -2
        owner: care
        pain_points:
{pains}
---
"""


def claim(*pains: str) -> dict[str, str]:
    """Omar's claim map, its one step with `pains` (YAML flow mappings)."""
    return {"maps/journeys/claim.md": CLAIM.format(pains="\n".join(f"          - {p}" for p in pains))}


def future(*pains: str) -> dict[str, str]:
    """Maya's future-state design of the minimal handbook, its step with `pains`."""
    design = textwrap.dedent(MINIMAL_MAPS["maps/journeys/buy-future.md"]).lstrip("\n")
    items = "".join(f"\n          - {p}" for p in pains)
    return {
        "maps/journeys/buy-future.md": design.replace("owner: care\n", f"owner: care\n        pain_points:{items}\n")
    }


# Omar's claim words the shared pain point its own way, and more severely than Maya's map.
SHARED = claim("{id: price-mismatch, text: Nobody owns his claim., severity: critical}")


def test_a_page_shows_a_shared_pain_point_as_its_own_maps_word_it(handbook_dir):
    write(handbook_dir, SHARED)
    built = build_site(handbook_dir)
    assert built.ok, built.warnings
    # The index row takes the most severe wording; Maya's page keeps the words of her map.
    row = article(built, "pain-points/").find("tr", id="price-mismatch")
    assert "Nobody owns his claim." in row.find("td", cls="jm-pain-text").text
    maya = article(built, "personas/maya/").find("li", cls="jm-pain")
    assert maya.links() == [("../../pain-points/#price-mismatch", "Price changes after click-through.")]
    assert maya.find("span", cls="jm-severity").text == "high"
    omar = article(built, "personas/omar/").find("li", cls="jm-pain")
    assert omar.links()[0][1] == "Nobody owns his claim." and omar.find("span", cls="jm-severity").text == "critical"
    # A stage lists it in the words of the steps at that stage.
    discover = article(built, "stages/discover/").find("li", cls="jm-pain")
    assert discover.links()[0][1] == "Price changes after click-through."
    # On Maya's journey, the opportunity that addresses it names it in her map's words too.
    card = article(built, "journeys/buy/").find("li", cls="jm-card--opportunity")
    assert card.find("p", cls="jm-card__addresses").links()[0][1] == "Price changes after click-through."


def _journey(id_: str, state: str, personas: tuple[str, ...], *pains: PainPoint) -> Journey:
    step = Step("Step", 0, pain_points=pains, anchor="s-1")
    return Journey(id_, id_, f"{id_}.md", "", personas, (StageBlock("s", (step,)),), state=state)


def _pain(severity: str, status: str = "open", text: str = "Slow.") -> PainPoint:
    return PainPoint("slow", text, severity, (), status, explicit_id=True)


def test_priority_and_status_count_current_unresolved_occurrences_only():
    today = _journey("today", "current", ("p1",), _pain("high", text="Slow today."))
    design = _journey("design", "future", ("p2",), _pain("critical", text="Slow in the design."))
    fixed = _journey("fixed", "current", ("p3",), _pain("critical", "resolved", text="Was slow."))
    [merged] = merge_pain_points([today, design, fixed])
    # The row keeps the highest severity any occurrence gives it (the map format says so)...
    assert (merged.text, merged.severity) == ("Slow in the design.", "critical")
    # ...its status and priority are today's: high, in one journey of one persona.
    assert merged.status == "open" and (merged.today.text, merged.today.severity) == ("Slow today.", "high")
    assert merged.reached_journeys == ("today",) and merged.reached_personas == ("p1",)
    assert merged.score == 3 * (1 + 1)
    # Every occurrence is still there, to be shown.
    assert [p.journey.id for p in merged.places] == ["today", "design", "fixed"]
    assert merged.journeys == ("today", "design", "fixed") and merged.personas == ("p1", "p2", "p3")
    # A resolved problem in a redesign keeps nothing open.
    [gone] = merge_pain_points([fixed, _journey("redesign", "future", ("p2",), _pain("high", "resolved"))])
    assert (gone.status, gone.score, gone.severity) == ("resolved", 0, "critical")
    [planned] = merge_pain_points([design])
    assert planned.score == 0 and planned.status == "open"
    # How a page reads it: its own places' occurrences, the designs among them marked.
    seen = merged.read_at(lambda place: place.journey.id == "design")
    assert (seen.text, seen.severity, seen.today, seen.designs) == ("Slow in the design.", "critical", False, True)
    everywhere = merged.read_at(lambda place: True)
    assert everywhere == merged.today and everywhere.today


def test_the_index_marks_what_adds_nothing_to_priority_and_the_matrix_leaves_it_out(handbook_dir):
    write(
        handbook_dir,
        future(
            "{id: price-mismatch, text: Prices may still move., severity: critical}",
            "{id: lost-basket, text: The basket empties after an hour.}",
        )
        | claim("{id: price-mismatch, text: The renewal price differs., severity: critical, status: resolved}"),
    )
    built = build_site(handbook_dir)
    assert built.ok, built.warnings
    index = article(built, "pain-points/")
    row = index.find("tr", id="price-mismatch")
    # Only Maya's current, open occurrence counts: high, 1 journey + 1 persona. The row shows
    # the highest severity any map gives it, the chart today's.
    assert row.find("td", cls="jm-score").text == "6"
    assert row.find("span", cls="jm-severity").text == "critical" and row.attrs["data-status"] == "open"
    marks = {li.links()[0][1]: [m.text for m in li.find_all("span", cls="jm-mark")] for li in row.find_all("li")[:3]}
    assert marks == {
        "Buying online": [],
        "Buying online, redesigned": ["future-state design"],
        "Making a claim": ["resolved here"],
    }
    design_only = index.find("tr", id="lost-basket")
    assert design_only.find("td", cls="jm-score").text == "0"
    assert [li.text for li in index.find("ol", cls="jm-matrix__top").find_all("li")] == [
        "Price changes after click-through. high Priority 6"
    ]
    # A persona page marks a pain point it meets only in a design.
    listed = {li.links()[0][1]: li for li in article(built, "personas/maya/").find_all("li", cls="jm-pain")}
    assert (
        listed["The basket empties after an hour."].find("span", cls="jm-mark").text == "in future-state designs only"
    )
    assert not listed["Price changes after click-through."].find_all("span", cls="jm-mark")


def test_a_priority_figure_says_what_it_is_where_it_is_shown(handbook_dir):
    docs = {
        "index.md": "# Home\n",
        "embedded.md": "# Embedded\n\n```journey-map\njourney: buy\nshow: [pain-points]\n```\n",
    }
    built = build_site(handbook_dir, docs=docs)
    assert built.ok, built.warnings
    for url in ("journeys/buy/", "personas/maya/", "stages/discover/", "teams/sales/", "embedded/"):
        legend = article(built, url).find("p", cls="jm-legend")
        assert "severity weight (low 1, medium 2, high 3, critical 4)" in legend.text, url
        assert "occurrences still open in current-state maps, times the journeys and personas" in legend.text, url
        [(href, words)] = legend.links()
        assert words == "how priority is computed" and href.endswith("pain-points/#jm-priority"), url
    assert article(built, "pain-points/").find("p", id="jm-priority")
    # A map without a scored card needs no legend.
    assert not article(built, "journeys/buy-future/").find_all("p", cls="jm-legend")


def test_near_pairs_are_one_slip_apart_and_found_by_lookup():
    ids = [
        "no-single-contact",
        "no-single-contacts",
        "price-mismatch",
        "prcie-mismatch",
        "nosingle-contact",
        "delay-1",
        "delay-2",
        "delay-12",
        "lost-card",
        "lost-cars",
        "fee",
        "fees",
        "late-deliveries",
        "late-delivery",
        "price-mismatches",
    ]
    assert near_pairs(ids) == [
        ("late-deliveries", "late-delivery"),
        ("no-single-contact", "no-single-contacts"),
        ("no-single-contact", "nosingle-contact"),
        ("prcie-mismatch", "price-mismatch"),
        ("price-mismatch", "price-mismatches"),
    ]


NEAR = claim("{id: price-mismatches, text: Prices change.}")


def test_a_near_duplicate_pain_point_id_is_a_warning(handbook_dir):
    write(handbook_dir, NEAR)
    warning = (
        "maps/journeys/claim.md:11:18: warning: stages[0].steps[0].pain_points[0].id: pain point id "
        "'price-mismatches' is one slip away from 'price-mismatch', used at maps/journeys/sales/buy.md:26"
    )

    def check(*args: str) -> subprocess.CompletedProcess:
        command = [sys.executable, "-m", "journeys.cli", "check", "maps", *args]
        return subprocess.run(command, cwd=handbook_dir, capture_output=True, text=True)

    failed = build_site(handbook_dir)  # writes the mkdocs.yml that `journeys check` reads too
    assert not failed.ok and any(warning in w for w in failed.warnings), failed.warnings
    assert build_site(handbook_dir, strict=False).ok
    plain, strict = check(), check("--strict")
    assert plain.returncode == 0 and warning in plain.stdout, plain.stdout + plain.stderr
    assert strict.returncode == 1 and warning in strict.stdout
    # The editor's guide quotes it, as it quotes every error.
    message = warning.split(".id: ", 1)[1] + plain.stdout.split(warning, 1)[1].split("\n", 1)[0]
    for value, placeholder in (
        ("'price-mismatches'", "'X'"),
        ("'price-mismatch'", "'Y'"),
        ("maps/journeys/sales/buy.md:26", "F:L"),
    ):
        message = message.replace(value, placeholder)
    assert f"`{message}`" in (REPO / "docs" / "editors-guide.md").read_text(encoding="utf-8")


def test_team_pages_keep_future_state_designs_apart(handbook_dir):
    built = build_site(handbook_dir)
    assert built.ok, built.warnings
    care = article(built, "teams/care/")
    today = headed(care, "Current state")[0]
    designs = headed(care, "Future state")[0]
    assert ("../../journeys/buy-future/#step-buy-1", "One-page checkout") in designs.links()
    assert all("buy-future" not in href for href, _ in today.links())
    assert today.find("caption").classes == ["jm-sr-only"]
    # A team whose touchpoints are all today's has one table, without state headings.
    sales = article(built, "teams/sales/")
    assert [h.text for h in sales.find_all("h3")] == [] and sales.find("table", cls="jm-team-touchpoints")


def test_the_journeys_a_team_owns_mark_future_state_designs(handbook_dir):
    text = (handbook_dir / "maps/journeys/buy-future.md").read_text(encoding="utf-8")
    (handbook_dir / "maps/journeys/buy-future.md").write_text(
        text.replace("personas: maya", "personas: maya\nowner: sales")
    )
    built = build_site(handbook_dir)
    assert built.ok, built.warnings
    owned = {
        li.links()[0][1]: li for li in headed(article(built, "teams/sales/"), "Journeys it owns")[0].find_all("li")
    }
    assert owned["Buying online, redesigned"].find("span", cls="jm-mark").text == "Future state"
    assert not owned["Buying online"].find_all("span", cls="jm-mark")


@pytest.fixture
def place() -> Place:
    journey = _journey("j", "current", ("p",), _pain("low"))
    return Place(journey, journey.stages[0], journey.stages[0].steps[0])


def test_an_occurrence_counts_in_a_current_map_until_resolved(place):
    from journeys.core.index import counts

    assert counts(place, _pain("low"))
    assert counts(place, _pain("low", "in-progress"))
    assert not counts(place, _pain("low", "resolved"))
    design = _journey("d", "future", ("p",))
    assert not counts(Place(design, place.block, place.step), _pain("low"))
