"""A small handbook that uses every key and file of map format 1.2's measures, with values
chosen so that each health shows once or more on a fixed build date: on target (higher and
lower is better), off target, no data and stale; handbook-wide, stage-wide and persona values;
columns in another order and a second file."""

from __future__ import annotations

import datetime
import textwrap

from broken_inputs import STEP, minimal
from helpers import MINIMAL_MAPS

# 2026-06-15: the build date of these tests (SOURCE_DATE_EPOCH).
EPOCH = "1781481600"
TODAY = datetime.date(2026, 6, 15)

CATALOGUE = """\
- id: nps
  name: Buying NPS
  kind: nps
  target: 20
  owner: sales
  description: Asked a week after the purchase.
- id: conversion
  kind: percent
  target: 25
- id: wait
  name: Days waiting
  kind: duration
  target: 3
- id: effort
  name: Buying effort
  kind: ces
  target: 3
"""

VALUES = """\
date,measure,value,journey,stage,step,persona,n,source
2026-03-31,nps,10,buy,,,,120,Survey
2026-04-30,nps,15,buy,,,,130,Survey
2026-05-31,nps,22,buy,,,,125,https://survey.example.com/nps
2026-05-31,conversion,27,buy,,,,,
2026-04-30,wait,4,buy,discover,,,,
2026-05-31,wait,2.5,buy,discover,,,,
2026-01-31,effort,4,buy,buy,,,,
2026-03-31,nps,8,,,,,900,Survey
2026-04-30,nps,9,,,,,910,Survey
2026-05-31,nps,11,,,,,905,Survey
2026-04-30,nps,30,,,,maya,40,
2026-05-31,nps,31,,,,maya,42,
2026-05-31,nps,5,,discover,,,,
"""
# Columns in another order, in a second file: the step of the journey, by its id.
MORE_VALUES = """\
measure,step,journey,value,date
nps,comparison,buy,18,2026-05-31
"""

BUY = (
    minimal(
        STEP,
        "kpis:\n  - name: Conversion\n    current: 18%\n    target: 25%\n",
        "kpis:\n  - measure: nps\n  - measure: conversion\n    target: 30%\n  - name: Conversion\n"
        "    current: 18%\n    target: 25%\n",
    )
    .replace(
        "  - stage: discover\n    goal: Find cover.\n",
        "  - stage: discover\n    goal: Find cover.\n    kpis: [{measure: wait}]\n",
    )
    .replace("  - stage: buy\n    steps:\n", "  - stage: buy\n    kpis: [{measure: effort}]\n    steps:\n")
    .replace(
        "      - touchpoint: Comparison site\n",
        "      - touchpoint: Comparison site\n        id: comparison\n",
    )
    .replace(
        "      - touchpoint: Checkout\n",
        "      - touchpoint: Checkout\n        id: checkout\n        kpis: [{measure: conversion}]\n",
    )
)

FILES = {
    **MINIMAL_MAPS,
    "maps/journeys/sales/buy.md": BUY,
    "maps/measures.yml": CATALOGUE,
    "maps/measures/values.csv": VALUES,
    "maps/measures/more.csv": MORE_VALUES,
}
# The files as written by helpers.write, which dedents: these are already flush left.
FILES = {name: textwrap.dedent(text) for name, text in FILES.items()}
