"""The pure pieces behind the aggregate pages: page templates split into parts, labels filled
in, table cells labelled for cards, heading ids, averages by state, merged wordings."""

from __future__ import annotations

import datetime
import re

import pytest
from markupsafe import Markup

from html_tree import parse
from journeys.core.index import emotion_by_stage, feeling_by_stage, merge_pain_points
from journeys.core.model import Journey, PainPoint, StageBlock, Step
from journeys.render.context import Context
from journeys.render.fragments import Cell, Row, table
from journeys.render.generated_page import MARKDOWN_SLOT, Markdown, page_parts
from journeys.render.journeys_index import unique_ids
from journeys.render.labels import LABELS, UnknownLabel, fields, fill, merged
from journeys.render.templating import Templates, fill_markup
from journeys.render.urls import Site


def journey(id_, state, *stages, pains=()):
    """A journey with one step per (stage, emotion); `pains` go on the first step."""
    blocks = []
    for n, (stage, emotion) in enumerate(stages):
        step = Step(
            touchpoint=f"{id_} {n}", emotion=emotion, anchor=f"{stage}-1", pain_points=tuple(pains) if n == 0 else ()
        )
        blocks.append(StageBlock(stage, (step,)))
    return Journey(id_, id_.title(), f"maps/{id_}.md", "", personas=("p",), stages=tuple(blocks), state=state)


def pain(text, severity, status="open"):
    return PainPoint("shared", text, severity, (), status, True)


def test_page_parts_split_at_blank_lines_and_fill_the_markdown_slot():
    markup = "<p>a</p>\n<p>b</p>"  # a block of the template, kept whole
    parts = page_parts(f"# Title\n\n{markup}\n \n\n## Notes\n\n{MARKDOWN_SLOT}\n", "Some *notes*.\n\nTwo.")
    assert parts == ("# Title", markup, "## Notes", "Some *notes*.\n\nTwo.")
    assert isinstance(parts[-1], Markdown) and not isinstance(parts[1], Markdown)


def test_fill_and_fill_markup_escape_labels_but_keep_markup_values():
    assert fill("{n} maps", n=3) == "3 maps"
    filled = parse(fill_markup("See {links}: <b>{name}</b>", links=Markup('<a href="x">x</a>'), name="<i>"))
    # The markup value is a link; the label's tags and the value's are text.
    assert filled.links() == [("x", "x")]
    assert filled.text == "See x: <b><i></b>" and not filled.find_all("b") and not filled.find_all("i")


def test_labels_override_checks_keys_and_placeholders():
    assert merged({"due_for_review": "à revoir"})["due_for_review"] == "à revoir"
    assert merged({"journeys_intro": "{journeys} maps"})["journeys_intro"] == "{journeys} maps"  # may leave one out
    with pytest.raises(UnknownLabel, match="did you mean 'teams_title'"):
        merged({"team_title": "x"})
    with pytest.raises(UnknownLabel, match=r"unknown placeholder \{pains\}"):
        merged({"journeys_intro": "{pains}"})
    assert fields(LABELS["pains_summary"]) == {"pains", "places", "journeys"}


def test_every_label_key_is_used_by_a_template_or_a_renderer():
    from pathlib import Path

    package = Path(__file__).resolve().parents[1] / "plugins" / "journeys"
    sources = "".join(
        p.read_text(encoding="utf-8")
        for p in [*package.glob("templates/*.html"), *package.glob("render/*.py")]
        if p.name != "labels.py"
    )
    # Some words are looked up by a key made in code: labels["change_" + change.kind],
    # labels[f"journey_col_{column}"] and the lanes' f"journey_lane_{key.name}".
    dynamic = tuple(re.findall(r'"([a-z_]+_)" \+ ', sources) + re.findall(r'f["\']([a-z_]+_)\{', sources))
    unused = [
        key
        for key in LABELS
        if not key.startswith(dynamic) and not any(use in sources for use in (f"labels.{key}", f'"{key}"', f"'{key}'"))
    ]
    assert not unused


def test_table_labels_cells_for_cards_and_marks_numbers():
    html = table(
        Context(Site(), datetime.date(2026, 1, 1)),
        "jm-index",
        "Caption",
        ["Name", Markup('<a href="s/">Stage</a>'), "Count"],
        [
            Row((Cell("Head", header=True, rowspan=2), "a", "1")),
            Row(("b", "2"), start=1),
            ("c", Cell("d", classes="x"), "3"),
        ],
        numeric=(2,),
    )
    tree = parse(html).find("table")
    heads = tree.find("thead").find_all("th")
    assert [h.classes for h in heads] == [[], [], ["jm-num"]] and heads[1].links() == [("s/", "Stage")]
    rows = tree.rows()
    assert rows[0][0].tag == "th" and "data-label" not in rows[0][0].attrs
    assert rows[0][0].attrs["scope"] == "rowgroup" and rows[0][0].attrs["rowspan"] == "2"
    assert [(c.attrs.get("data-label"), c.classes) for c in rows[1]] == [("Stage", []), ("Count", ["jm-num"])]
    assert [(c.attrs.get("data-label"), c.classes) for c in rows[2]] == [
        ("Name", []),
        ("Stage", ["x"]),
        ("Count", ["jm-num"]),
    ]


def test_unique_ids_suffix_repeats_in_order():
    assert unique_ids(["folder-a", "folder-a", "folder-a-2", "folder-a"]) == [
        "folder-a",
        "folder-a-2",
        "folder-a-2-2",
        "folder-a-3",
    ]


def test_feelings_come_from_one_state_at_a_time():
    journeys = [
        journey("today", "current", ("buy", -2), ("use", 1)),
        journey("other", "current", ("buy", 0)),
        journey("design", "future", ("buy", 2)),
    ]
    today = feeling_by_stage(journeys)
    assert (today["buy"].average, today["buy"].steps, today["buy"].journeys) == (-1, 2, 2)
    assert emotion_by_stage(journeys) == {"buy": -1, "use": 1}
    assert emotion_by_stage(journeys, "future") == {"buy": 2}


def test_merged_pain_point_keeps_every_occurrences_wording():
    journeys = [
        journey("a", "current", ("buy", 0), pains=[pain("Slow.", "low", "resolved")]),
        journey("b", "current", ("buy", 0), pains=[pain("Very slow.", "high")]),
        journey("c", "current", ("buy", 0), pains=[pain("Slow.", "high")]),
    ]
    [merged_pain] = merge_pain_points(journeys)
    assert merged_pain.text == "Very slow." and merged_pain.text_from == 1  # the first most severe
    assert [o.text for o in merged_pain.occurrences] == ["Slow.", "Very slow.", "Slow."]
    assert [o.status for o in merged_pain.occurrences] == ["resolved", "open", "open"]
    assert merged_pain.wordings == ("Very slow.", "Slow.")


def test_templates_escape_author_values_as_text(tmp_path):
    (tmp_path / "journeys").mkdir()
    (tmp_path / "journeys" / "probe.html").write_text("<p>{{ value }}</p>{{ safe }}", encoding="utf-8")
    out = Templates(str(tmp_path)).render("probe.html", value="<b>*x*</b>", safe=Markup("<hr>"))
    tree = parse(out)
    assert [(e.tag, e.text) for e in tree.iter()] == [("p", "<b>*x*</b>"), ("hr", "")]
    assert "*" not in out  # escaped for Markdown too, which would read *x* as emphasis


def test_the_context_reads_labels_from_its_templates():
    ctx = Context(Site(), datetime.date(2026, 1, 1), templates=Templates(labels={"has_errors": "kaputt"}))
    assert ctx.labels["has_errors"] == "kaputt"
