"""Measures over time (map format 1.2, "Measures over time"): loading measures.yml and the values
in maps/measures/*.csv, KPIs that name a measure, and the health rules. The errors of each kind,
at file:line:col, are rows of tests/broken_inputs.py; pages are in test_pages_measures.py."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from broken_inputs import CUSTOM_FIELDS, HEADER, ROW, values, write_handbook
from broken_inputs import Broken as Case
from helpers import write
from journeys.core import load_handbook, measure_files
from journeys.core.measures import (
    NO_DATA,
    OFF_TARGET,
    ON_TARGET,
    STALE,
    counted,
    kpi_health,
    kpi_places,
    stage_health,
    target_number,
    value_health,
    worst,
)
from journeys.core.model import Kpi, MeasureValue, StageBlock, Step
from measures_handbook import EPOCH, FILES, TODAY


@pytest.fixture
def handbook(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    write(tmp_path, FILES)
    return load_handbook(tmp_path / "maps", root=tmp_path, custom_fields=CUSTOM_FIELDS)


def series(*points: tuple[str, float]) -> tuple[MeasureValue, ...]:
    return tuple(MeasureValue(datetime.date.fromisoformat(d), "m", v) for d, v in points)


def kpi(points=(), target: str | None = "20", better: str = "higher", measure: str | None = "m") -> Kpi:
    return Kpi("K", target=target, measure=measure, series=series(*points), better=better)


# The health rules.


def test_on_target_when_the_latest_value_meets_the_target_in_the_better_direction():
    assert kpi_health(kpi([("2026-04-30", 12), ("2026-05-31", 20)]), TODAY, 120) == ON_TARGET
    assert kpi_health(kpi([("2026-04-30", 25), ("2026-05-31", 19)]), TODAY, 120) == OFF_TARGET


def test_lower_is_better_turns_the_comparison_round():
    assert kpi_health(kpi([("2026-05-31", 3)], target="3", better="lower"), TODAY, 120) == ON_TARGET
    assert kpi_health(kpi([("2026-05-31", 2.5)], target="3", better="lower"), TODAY, 120) == ON_TARGET
    assert kpi_health(kpi([("2026-05-31", 3.1)], target="3", better="lower"), TODAY, 120) == OFF_TARGET


def test_no_data_without_a_value_in_the_scope():
    assert kpi_health(kpi([]), TODAY, 120) == NO_DATA


def test_stale_when_the_latest_value_is_older_than_the_limit_whatever_it_says():
    at_limit = (TODAY - datetime.timedelta(days=120)).isoformat()
    past_limit = (TODAY - datetime.timedelta(days=121)).isoformat()
    assert kpi_health(kpi([(at_limit, 30)]), TODAY, 120) == ON_TARGET
    assert kpi_health(kpi([(past_limit, 30)]), TODAY, 120) == STALE
    assert kpi_health(kpi([(past_limit, 0)]), TODAY, 120) == STALE
    assert kpi_health(kpi([(past_limit, 30)]), TODAY, 365) == ON_TARGET  # measures_stale_after_days


def test_no_health_without_a_measure_or_a_target():
    assert kpi_health(kpi([("2026-05-31", 30)], target=None), TODAY, 120) is None
    assert kpi_health(Kpi("Typed", current="18%", target="25%"), TODAY, 120) is None
    assert value_health((), None, "higher", TODAY, 120) is None


def test_a_stage_takes_the_worst_health_of_its_kpis_and_its_steps():
    good, bad, old, none = kpi([("2026-05-31", 30)]), kpi([("2026-05-31", 1)]), kpi([("2025-01-31", 30)]), kpi()
    block = StageBlock("buy", (Step("Form", 0, kpis=(old,)), Step("Pay", 0, kpis=(none,))), kpis=(good,))
    assert stage_health(block, lambda k: kpi_health(k, TODAY, 120)) == NO_DATA
    assert worst([ON_TARGET, STALE, None]) == STALE
    assert worst([STALE, OFF_TARGET, NO_DATA]) == OFF_TARGET
    assert worst([None, None]) is None
    assert kpi_health(bad, TODAY, 120) == OFF_TARGET


def test_a_journey_counts_its_kpis_by_health_worst_first():
    assert counted([ON_TARGET, OFF_TARGET, ON_TARGET, None, STALE]) == [(OFF_TARGET, 1), (STALE, 1), (ON_TARGET, 2)]
    assert counted([None]) == []


def test_a_target_may_carry_the_measures_unit():
    assert target_number("25", "%") == 25
    assert target_number("25%", "%") == 25
    assert target_number("3 d", "d") == 3
    assert target_number("25%", "") is None
    assert target_number("a quarter", "%") is None


# Loading.


def test_the_catalogue_fills_in_each_kinds_defaults(handbook):
    found = {m.id: (m.name, m.unit, m.better, m.target, m.owner) for m in handbook.measures}
    assert found == {
        "nps": ("Buying NPS", "", "higher", 20.0, "sales"),
        "conversion": ("Conversion", "%", "higher", 25.0, None),
        "wait": ("Days waiting", "d", "lower", 3.0, None),
        "effort": ("Buying effort", "", "lower", 3.0, None),
    }
    assert handbook.measures_source == "maps/measures.yml"


def test_values_from_every_file_any_column_order_sorted_by_measure_scope_and_date(handbook):
    values = handbook.measure_values
    assert len(values) == 14
    nps = [(v.journey, v.stage, v.step, v.persona, v.date.isoformat()) for v in values if v.measure == "nps"]
    assert nps[:6] == [
        (None, None, None, None, "2026-03-31"),
        (None, None, None, None, "2026-04-30"),
        (None, None, None, None, "2026-05-31"),
        (None, None, None, "maya", "2026-04-30"),
        (None, None, None, "maya", "2026-05-31"),
        (None, "discover", None, None, "2026-05-31"),
    ]
    # The second file's row names a step: its stage is filled in.
    assert ("buy", "discover", "comparison", None, "2026-05-31") in nps
    first = values[[v.measure for v in values].index("nps")]
    assert (first.n, first.source) == (900, "Survey")


def test_a_kpi_that_names_a_measure_reads_its_scope(handbook):
    journey = handbook.journey_by_id["buy"]
    found = {(p.level, p.kpi.name): p.kpi for p in kpi_places(journey)}
    nps = found[("journey", "Buying NPS")]
    assert (nps.current, nps.target, nps.unit, nps.measure) == ("22", "20", None, "nps")
    assert [v.value for v in nps.series] == [10, 15, 22]  # the journey's, not the handbook's or a persona's
    conversion, typed = (p.kpi for p in kpi_places(journey) if p.level == "journey" and p.kpi.name == "Conversion")
    assert (conversion.current, conversion.target, conversion.unit) == ("27", "30", "%")  # its own target
    assert (typed.current, typed.measure) == ("18%", None)  # a KPI typed by hand works as in version 1
    assert found[("stage", "Days waiting")].current == "2.5"
    checkout = found[("step", "Conversion")]
    assert checkout.series == () and checkout.current is None


def test_every_error_of_every_file_is_reported_and_the_good_rows_are_kept(tmp_path):
    files = values(HEADER + ROW + "2026-02-28,nps,x,buy,,,,,\n2026-03-31,nps,14,buy,,,,,\n2026-04-30,npss,1,,,,,,\n")
    files["maps/measures/second.csv"] = "date,measure,value\n2026-13-01,nps,3\n2026-01-31,nps,2\n"
    write_handbook(tmp_path, Case("two-files", files, None))
    handbook = load_handbook(tmp_path / "maps", root=tmp_path, custom_fields=CUSTOM_FIELDS)
    assert [(p.path, p.line, p.key) for p in handbook.problems] == [
        ("maps/measures/second.csv", 2, "date"),
        ("maps/measures/values.csv", 3, "value"),
        ("maps/measures/values.csv", 5, "measure"),
    ]
    assert sorted((v.date.isoformat(), v.value) for v in handbook.measure_values) == [
        ("2026-01-31", 2.0),
        ("2026-01-31", 12.0),
        ("2026-03-31", 14.0),
    ]


def test_a_handbook_without_measures_has_none(handbook_dir):
    handbook = load_handbook(handbook_dir / "maps", root=handbook_dir, custom_fields=CUSTOM_FIELDS)
    assert handbook.measures == () and handbook.measure_values == () and handbook.problems == ()


def test_suggestions_for_unknown_ids_stay_linear(tmp_path, monkeypatch):
    """Thousands of distinct unknown journeys: each is reported, and difflib, whose cost grows
    with the ids it compares, runs for at most SUGGESTED of them."""
    calls = []
    real = measure_files.did_you_mean
    monkeypatch.setattr(measure_files, "did_you_mean", lambda v, c: calls.append(v) or real(v, c))
    rows = "".join(f"2026-01-31,nps,1,journey-{n},,,,,\n" for n in range(3 * measure_files.SUGGESTED))
    write_handbook(tmp_path, Case("many", values(HEADER + rows), None))
    handbook = load_handbook(tmp_path / "maps", root=tmp_path, custom_fields=CUSTOM_FIELDS)
    assert len(handbook.problems) == 3 * measure_files.SUGGESTED
    assert len(calls) == measure_files.SUGGESTED
    assert handbook.problems[-1].message.endswith(", which has buy, buy-future")


def test_a_csv_in_a_sub_folder_or_named_as_a_draft_is_not_read(tmp_path):
    files = values(HEADER + ROW)
    files["maps/measures/_draft.csv"] = "not,a,header\n"
    files["maps/measures/old/2025.csv"] = "nothing here\n"
    write_handbook(tmp_path, Case("drafts", files, None))
    handbook = load_handbook(tmp_path / "maps", root=tmp_path, custom_fields=CUSTOM_FIELDS)
    assert handbook.problems == () and len(handbook.measure_values) == 1


def test_a_values_file_that_links_out_of_the_maps_folder_is_refused(tmp_path, tmp_path_factory):
    outside = tmp_path_factory.mktemp("elsewhere") / "secret.csv"
    outside.write_text(HEADER + ROW, encoding="utf-8")
    write_handbook(tmp_path, Case("link", values(HEADER + ROW), None))
    (tmp_path / "maps" / "measures" / "leak.csv").symlink_to(outside)
    handbook = load_handbook(tmp_path / "maps", root=tmp_path, custom_fields=CUSTOM_FIELDS)
    assert [str(p) for p in handbook.problems] == [
        "maps/measures/leak.csv: is a link to a file outside the maps folder: a map must be a file inside it"
    ]


def test_a_count_of_one_takes_the_singular_label():
    from journeys.render.labels import LABELS, counted

    assert counted(LABELS, "measure_values_count", 1) == "1 value"
    assert counted(LABELS, "measure_values_count", 2).format(values=2) == "2 values"
    assert counted(LABELS, "measure_kind", 1) == LABELS["measure_kind"]  # a label without a singular
