"""The cells of the journey map grid: one lane's cells for every step, with the cards of pain
points, opportunities and open questions. Python rather than template code because a grid has
a cell for every lane and step, and a template loop per cell made journey pages five times
slower to render; the grid's structure stays in `journey_grid.html`."""

from __future__ import annotations

from journeys.core.schema import step_record
from journeys.render.emotion_lane import lane as emotion_lane
from journeys.render.fragments import NOT_SEARCHED, emotion, pain_point_href, severity
from journeys.render.text import evidence, link, text, url

# The built-in lanes in reading order, (key, label key): the step fields declared with a lane
# (core/schema.py), whose labels render/labels.py takes from there; then every custom field.
LANES = tuple((key.name, f"journey_lane_{key.name}") for key in step_record().keys if key.lane)
# A lane's row is `jm-lane--<row key>`, its field key unless named here (kept for stylesheets).
_ROW_KEYS = {"pain_points": "pains"}


def css_string(value: str) -> str:
    """A CSS string of `value`: every character but letters, digits and spaces escaped, so a
    label cannot end the string or the declaration it sits in."""
    return '"' + "".join(c if c.isalnum() or c == " " else f"\\{ord(c):x} " for c in value) + '"'


def _score(handbook, labels, key: str) -> str:
    merged = handbook.pain_point_by_id.get(key)
    return f' <span class="jm-score">{text(labels["journey_priority"])} {merged.score}</span>' if merged else ""


def own_words(handbook, pain) -> bool:
    """Whether a pain point's occurrence is worded unlike its row in the pain-point index."""
    merged = handbook.pain_point_by_id.get(pain.key)
    return merged is None or merged.text != pain.text


def pain_card(handbook, ctx, here, labels, pain, place: str = "") -> str:
    """A pain point's card; `place` (rendered) says where it occurs, for a card away from its grid.
    Its row in the pain-point index is its home in search, with its severity, status, score and
    every occurrence's evidence: the card is searched only for words of its own, an occurrence
    worded unlike its row."""
    proof = "".join(f"<li>{evidence(e)}</li>" for e in pain.evidence)
    folded = (
        (
            f'<details class="jm-card__evidence"{NOT_SEARCHED}><summary>{text(labels["journey_evidence"])} '
            f"({len(pain.evidence)})</summary><ul>{proof}</ul></details>"
        )
        if proof
        else ""
    )
    own = "" if own_words(handbook, pain) else NOT_SEARCHED
    return (
        f'<li class="jm-card jm-card--pain" data-severity="{text(pain.severity)}">'
        f'<p class="jm-card__head"{NOT_SEARCHED}>{severity(pain.severity)}{_score(handbook, labels, pain.key)} '
        f'<span class="jm-status">{text(pain.status)}</span></p>'
        f'<p class="jm-card__text"{own}><a href="{url(pain_point_href(ctx, here, pain.key))}">{text(pain.text)}</a></p>'
        f"{place}{folded}</li>"
    )


def opportunity_card(handbook, ctx, here, labels, opp, place: str = "") -> str:
    # Searched for its own words: its impact is a label, and what it addresses is its pain
    # points' (their rows are their home).
    head = (
        (
            f'<p class="jm-card__head"{NOT_SEARCHED}><span class="jm-impact" data-impact="{text(opp.impact)}">'
            f"{text(labels['journey_impact'])}: {text(opp.impact)}</span></p>"
        )
        if opp.impact
        else ""
    )
    targets = "; ".join(
        link(
            pain_point_href(ctx, here, key),
            handbook.pain_point_by_id[key].text if key in handbook.pain_point_by_id else key,
        )
        + _score(handbook, labels, key)
        for key in opp.addresses
    )
    addresses = (
        f'<p class="jm-card__addresses"{NOT_SEARCHED}>{text(labels["journey_addresses"])}: {targets}</p>'
        if targets
        else ""
    )
    return f'<li class="jm-card jm-card--opportunity">{head}<p class="jm-card__text">{text(opp.text)}</p>{addresses}{place}</li>'


def gap_card(labels, gap: str) -> str:
    return (
        f'<li class="jm-card jm-card--gap"><p class="jm-card__head"{NOT_SEARCHED}><span class="jm-question">'
        f'{text(labels["journey_open_question"])}</span></p><p class="jm-card__text">{text(gap)}</p></li>'
    )


def kpi_line(labels, kpi) -> str:
    unit = f" {text(kpi.unit)}" if kpi.unit else ""
    values = "".join(
        f' <span class="jm-kpi__value">{text(labels[word])} {text(value)}{unit}</span>'
        for word, value in (("journey_kpi_now", kpi.current), ("journey_kpi_target", kpi.target))
        if value
    )
    if unit and not values:
        values = f' <span class="jm-kpi__value">{text(kpi.unit)}</span>'
    return f'<p class="jm-kpi"><span class="jm-kpi__name">{text(kpi.name)}</span>{values}</p>'


def _as_written(key: str, custom: bool = False):
    """The cells of a step field without a renderer of its own: its value as text, or each of
    its values as a paragraph."""

    def cell(n, step) -> str:
        value = dict(step.custom).get(key, ()) if custom else getattr(step, key)
        if isinstance(value, tuple):
            return "".join(f"<p>{text(str(v))}</p>" for v in value)
        return "" if value is None else text(str(value))

    return cell


def _cards(items: list[str]) -> str:
    return f'<ul class="jm-cards">{"".join(items)}</ul>' if items else ""


def lane_cells(handbook, journey, ctx, here, labels) -> list[dict]:
    """Every lane with content somewhere in the journey (emotion always): key, label, the
    rendered `<td>` cells of its row and whether search indexes the row. Each cell carries its
    step for the phone layout; the row gives the lane's label as a CSS string, which a cell
    shows there in place of the row header."""
    steps = [step for _, step in journey.steps]
    starts = {block.steps[0].anchor for block in journey.stages if block.steps}
    curve = emotion_lane(s.emotion for s in steps)
    render = {
        "emotion": lambda n, s: curve[n] + emotion(labels, s.emotion),
        "pain_points": lambda n, s: _cards([pain_card(handbook, ctx, here, labels, p) for p in s.pain_points]),
        "opportunities": lambda n, s: _cards(
            [opportunity_card(handbook, ctx, here, labels, o) for o in s.opportunities]
        ),
        "gaps": lambda n, s: _cards([gap_card(labels, g) for g in s.gaps]),
        "kpis": lambda n, s: "".join(kpi_line(labels, k) for k in s.kpis),
    }
    # What search indexes of a lane, by step (every cell otherwise). Emotion: scores and their
    # words ("+1 positive"), nothing a reader searches for. Pain points: only an occurrence
    # worded unlike its row, the home of the rest (pain_card). A cell, not a card, carries the
    # attribute where it can: Material's parser leaves an empty list item of a skipped card behind.
    searched = {
        "emotion": lambda s: False,
        "pain_points": lambda s: any(own_words(handbook, p) for p in s.pain_points),
    }
    lanes = [(key, labels[label], render.get(key) or _as_written(key)) for key, label in LANES] + [
        (f"custom-{n}", label, _as_written(key, custom=True)) for n, (key, label) in enumerate(handbook.custom_fields)
    ]
    rows = []
    for key, label, cell in lanes:
        contents = [cell(n, s) for n, s in enumerate(steps)]
        if not any(contents):
            continue
        rule = searched.get(key)
        found = [bool(content) and (rule is None or rule(s)) for s, content in zip(steps, contents)]
        tds = []
        for n, (step, content) in enumerate(zip(steps, contents)):
            classes = " ".join(
                c for c, on in (("jm-stage-start", step.anchor in starts), ("jm-empty", not content)) if on
            )
            # An empty cell is hidden on a phone, so it needs no place there.
            place = f' style="--jm-step: {n}"' if content else ""
            skip = NOT_SEARCHED if content and any(found) and not found[n] else ""
            tds.append(f"<td{place}{skip}" + (f' class="{classes}"' if classes else "") + f">{content}</td>")
        rows.append(
            {
                "key": _ROW_KEYS.get(key, key.split("-")[0]),
                "label": label,
                "css_label": css_string(label),
                "cells": " ".join(tds),  # spaced: search reads words
                "searched": any(found),
            }
        )
    return rows
