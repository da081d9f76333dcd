"""One table of broken inputs, each with the located message `journeys check` prints for it
and, where the editor's guide quotes that message, the guide's wording. It drives the
validation test (test_validation.py), the CLI check test (test_check_command.py), the guide
test (test_cli_guide.py) and the broken handbook the build tests use (test_broken_input.py).

Every case is written over the small valid handbook of conftest.MINIMAL_MAPS, with the custom
lane `backstage` declared."""

from __future__ import annotations

import json
import textwrap
from dataclasses import dataclass
from pathlib import Path

from helpers import MINIMAL_MAPS, write
from journeys.core.documents import MAX_FILE_BYTES
from journeys.core.placeholders import SUMMARY

CUSTOM_FIELDS = (("backstage", "Behind the scenes"),)
STEP = "maps/journeys/sales/buy.md"
FUTURE = "maps/journeys/buy-future.md"
X = "maps/journeys/x.md"


@dataclass(frozen=True)
class Broken:
    id: str
    files: dict  # path under the handbook folder -> content (str, or bytes written as they are)
    located: str | None  # the problem as `journeys check` prints it; None: the input is ignored
    guide: str | None = None  # the message as docs/editors-guide.md quotes it, values as placeholders
    placeholders: tuple = ()  # (value, placeholder) pairs turning the message into `guide`, in order
    alongside: bool = False  # one of the files the broken handbook holds at once (file names unique)


def minimal(path: str, old: str = "", new: str = "") -> str:
    """A map of MINIMAL_MAPS as written to disk, with `old` replaced by `new`."""
    return textwrap.dedent(MINIMAL_MAPS[path]).lstrip("\n").replace(old, new)


def journey(body: str) -> dict:
    return {X: "---\n" + body + "---\n"}


def write_case(root: Path, case: Broken) -> None:
    for name, content in case.files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


def write_handbook(root: Path, *cases: Broken) -> None:
    """The minimal valid handbook with `cases` written over it."""
    write(root, MINIMAL_MAPS)
    for case in cases:
        write_case(root, case)


# A journey of its own, valid as it stands: the broken handbook's cases break a copy of it.
GOOD = """---
title: {title}
personas: [maya]
stages:
  - stage: discover
    steps:
      - touchpoint: Web
        emotion: 1
        owner: sales
---
"""
STEPS = """stages:
  - stage: buy
    steps:
      - touchpoint: Shop
        emotion: 0
"""
ONE_STEP = (
    "title: T\npersonas: [maya]\nstages:\n  - stage: buy\n    steps:\n      - touchpoint: S\n        emotion: 1\n"
)


def alongside(id_: str, content, located, guide=None, placeholders=()) -> Broken:
    return Broken(id_, {f"maps/journeys/{id_}.md": content}, located, guide, tuple(placeholders), True)


STAGES_WITH_DUPLICATE = "- id: discover\n- id: buy\n- id: discover\n- name: No id\n"

CASES: tuple[Broken, ...] = (
    # The file as a whole: front matter, encoding, size.
    alongside(
        "no-front-matter",
        "title: x\npersonas: [maya]\n",
        "maps/journeys/no-front-matter.md:1:1: no front matter: the first line must be '---', then the map's keys, then '---'",
        "no front matter: the first line must be '---', then the map's keys, then '---'",
    ),
    alongside(
        "unclosed-front-matter",
        "---\ntitle: x\n",
        "maps/journeys/unclosed-front-matter.md:1:1: front matter is not closed: add a line '---' after the map's keys",
        "front matter is not closed: add a line '---' after the map's keys",
    ),
    Broken(
        "empty-front-matter",
        {STEP: "---\n---\n"},
        "maps/journeys/sales/buy.md:2: front matter is empty",
        "front matter is empty",
    ),
    alongside(
        "empty", "", "maps/journeys/empty.md:1: file is empty: a map starts with front matter between two '---' lines"
    ),
    alongside(
        "latin-1",
        "---\ntitle: Caf\xe9\n---\n".encode("latin-1"),
        "maps/journeys/latin-1.md:2:11: is not UTF-8 text (byte 0xe9); save the file as UTF-8",
    ),
    alongside(
        "binary",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        "maps/journeys/binary.md: is a binary file, not Markdown or YAML text",
    ),
    alongside(
        "control-character",
        "---\ntitle: a\x07b\n---\n",
        "maps/journeys/control-character.md:2:9: contains the control character U+0007, which YAML does not allow; delete it",
    ),
    alongside(
        "escaped-surrogate",
        '---\ntitle: "\\ud800"\n---\n',
        "maps/journeys/escaped-surrogate.md:2:8: title: contains the character U+D800, which is not text; delete it",
    ),
    alongside(
        "too-deep",
        "---\ntitle: " + "[" * 100 + "]" * 100 + "\n---\n",
        # The 41st '[': PyYAML's parser stops there (it would slow down with each one more).
        "maps/journeys/too-deep.md:2:48: YAML syntax error: nested too deeply (more than 40 levels)",
    ),
    alongside(
        "too-big",
        GOOD.format(title="x") + "a" * MAX_FILE_BYTES,
        "maps/journeys/too-big.md: file is 1,048,713 bytes; a map may be at most 1,048,576 bytes (1 MiB): split it",
    ),
    # YAML.
    alongside(
        "yaml-syntax",
        "---\ntitle: [unclosed\npersonas: [maya]\n---\n",
        "maps/journeys/yaml-syntax.md:3:9: YAML syntax error: expected ',' or ']', but got ':' (while parsing a flow sequence that starts at line 2, column 8)",
    ),
    Broken(
        "yaml-colon",
        journey("title: T: with colon\npersonas: [maya]\n" + STEPS),
        "maps/journeys/x.md:2:9: YAML syntax error: mapping values are not allowed here (text that contains ': ' must be put in quotes)",
        "YAML syntax error: mapping values are not allowed here (text that contains ': ' must be put in quotes)",
    ),
    alongside(
        "indented-too-far",
        GOOD.format(title="x").replace("        emotion: 1", "         emotion: 1"),
        "maps/journeys/indented-too-far.md:8:10: YAML syntax error: 'emotion' is indented 1 space more than 'touchpoint' on the line above: line it up with it",
        "YAML syntax error: 'K' is indented N spaces more than 'L' on the line above: line it up with it",
        (("emotion", "K"), ("1 space", "N spaces"), ("touchpoint", "L")),
    ),
    alongside(
        "indented-too-little",
        GOOD.format(title="x").replace("        owner: sales", "      owner: sales"),
        "maps/journeys/indented-too-little.md:9:7: YAML syntax error: 'owner' is indented 2 spaces less than 'emotion' on the line above: line it up with it",
        "YAML syntax error: 'K' is indented N spaces less than 'L' on the line above: line it up with it",
        (("owner", "K"), ("2 spaces", "N spaces"), ("emotion", "L")),
    ),
    alongside(
        "yaml-tab",
        "---\ntitle: x\n\tpersonas: [maya]\n---\n",
        "maps/journeys/yaml-tab.md:3:1: YAML syntax error: found character '\\t' that cannot start any token (indent with spaces, not tabs)",
        "YAML syntax error: found character '\\t' that cannot start any token (indent with spaces, not tabs)",
    ),
    alongside(
        "yaml-tag",
        '---\ntitle: !!python/object/apply:os.system ["echo owned"]\npersonas: [maya]\n---\n',
        "maps/journeys/yaml-tag.md:2:8: title: YAML tags such as 'tag:yaml.org,2002:python/object/apply:os.system' are not allowed",
    ),
    alongside(
        "yaml-local-tag",
        "---\ntitle: !secret x\n---\n",
        "maps/journeys/yaml-local-tag.md:2:8: title: YAML tags such as '!secret' are not allowed",
    ),
    alongside(
        "yaml-alias",
        "---\ntitle: &t x\nsummary: *t\n---\n",
        "maps/journeys/yaml-alias.md:3:10: YAML syntax error: anchors and aliases (*name) are not supported; repeat the value",
        "YAML syntax error: anchors and aliases (*name) are not supported; repeat the value",
    ),
    Broken(
        "duplicate-key",
        {STEP: "---\ntitle: x\ntitle: y\n---\n"},
        "maps/journeys/sales/buy.md:3:1: title: duplicate key 'title'",
        "duplicate key 'X'",
        (("title", "X"),),
    ),
    Broken(
        "nan",
        {STEP: minimal(STEP, "emotion: -1", "emotion: .nan")},
        "maps/journeys/sales/buy.md:19:18: stages[0].steps[0].emotion: '.nan' is not a value a map can hold; put it in quotes",
        "'X' is not a value a map can hold; put it in quotes",
        ((".nan", "X"),),
    ),
    # Keys and types.
    alongside(
        "not-a-mapping",
        "---\n- a\n- b\n---\n",
        "maps/journeys/not-a-mapping.md:2:1: expected a journey (a mapping), got a list",
    ),
    alongside(
        "unknown-key",
        GOOD.format(title="x").replace("personas:", "persona:"),
        "maps/journeys/unknown-key.md:3:1: persona: unknown key (did you mean 'personas'?)",
    ),
    Broken(
        "unknown-key-misspelt",
        {STEP: minimal(STEP, "summary:", "sumary:")},
        "maps/journeys/sales/buy.md:3:1: sumary: unknown key (did you mean 'summary'?)",
        "X: unknown key (did you mean 'Y'?)",
        (("sumary", "X"), ("summary", "Y")),
    ),
    Broken(
        "unknown-step-key",
        journey(ONE_STEP + "        mood: 2\n"),
        "maps/journeys/x.md:9:9: stages[0].steps[0].mood: unknown key",
    ),
    Broken(
        "unknown-persona-key",
        {"maps/personas/omar.md": "---\nname: Omar\nage: 40\n---\n"},
        "maps/personas/omar.md:3:1: age: unknown key (did you mean 'image'?)",
        alongside=True,
    ),
    Broken(
        "unknown-persona-key-misspelt",
        {"maps/personas/bad.md": "---\nname: Bad\ngoal: [x]\n---\n"},
        "maps/personas/bad.md:3:1: goal: unknown key (did you mean 'goals'?)",
    ),
    Broken(
        "missing-title",
        {STEP: minimal(STEP, "title: Buying online", "")},
        "maps/journeys/sales/buy.md:3:1: missing required key 'title'",
        "missing required key 'X'",
        (("title", "X"),),
    ),
    Broken(
        "missing-title-first-key",
        journey("personas: [maya]\n" + STEPS),
        "maps/journeys/x.md:2:1: missing required key 'title'",
    ),
    Broken(
        "missing-kpi-name",
        journey("title: T\npersonas: [maya]\nkpis: [{current: 3}]\n" + STEPS),
        "maps/journeys/x.md:4:8: kpis[0]: missing required key 'name'",
    ),
    Broken(
        "number-for-text",
        {STEP: minimal(STEP, "title: Buying online", "title: 2026")},
        "maps/journeys/sales/buy.md:2:8: title: expected text, got a number (put it in quotes)",
        "expected text, got a number (put it in quotes)",
    ),
    Broken(
        "number-for-text-first-key",
        journey("title: 2024\npersonas: [maya]\n" + STEPS),
        "maps/journeys/x.md:2:8: title: expected text, got a number (put it in quotes)",
    ),
    alongside(
        "wrong-type", GOOD.format(title="[1, 2]"), "maps/journeys/wrong-type.md:2:8: title: expected text, got a list"
    ),
    Broken(
        "text-for-emotion",
        {STEP: minimal(STEP, "emotion: -1", "emotion: high")},
        "maps/journeys/sales/buy.md:19:18: stages[0].steps[0].emotion: expected a whole number from -2 to 2, got text",
        "expected a whole number from -2 to 2, got text",
    ),
    alongside(
        "out-of-range",
        GOOD.format(title="x").replace("emotion: 1", "emotion: 5"),
        "maps/journeys/out-of-range.md:8:18: stages[0].steps[0].emotion: 5 is not between -2 and 2",
        "X is not between -2 and 2",
        (("5", "X"),),
    ),
    Broken(
        "text-for-date",
        journey("title: T\npersonas: [maya]\nreviewed: last week\n" + STEPS),
        "maps/journeys/x.md:4:11: reviewed: expected a date YYYY-MM-DD, got text",
    ),
    Broken(
        "us-date",
        {STEP: minimal(STEP, "reviewed: 2020-01-01", "reviewed: 01/01/2020")},
        "maps/journeys/sales/buy.md:6:11: reviewed: expected a date YYYY-MM-DD, got text",
        "expected a date YYYY-MM-DD, got text",
    ),
    alongside(
        "bad-date",
        GOOD.format(title="x").replace("personas:", "reviewed: 2026-02-30\npersonas:"),
        "maps/journeys/bad-date.md:3:11: reviewed: '2026-02-30' is not a valid date (YYYY-MM-DD)",
        "'X' is not a valid date (YYYY-MM-DD)",
        (("2026-02-30", "X"),),
    ),
    alongside(
        "bad-choice",
        GOOD.format(title="x").replace("personas:", "state: futur\npersonas:"),
        "maps/journeys/bad-choice.md:3:8: state: 'futur' is not one of current, future (did you mean 'future'?)",
    ),
    Broken(
        "bad-severity",
        {STEP: minimal(STEP, "severity: high", "severity: urgent")},
        "maps/journeys/sales/buy.md:28:23: stages[0].steps[0].pain_points[0].severity: 'urgent' is not one of low, medium, high, critical",
        "'X' is not one of low, medium, high, critical",
        (("urgent", "X"),),
    ),
    Broken(
        "misspelt-severity",
        journey(ONE_STEP + "        pain_points: [{text: P, severity: hihg}]\n"),
        "maps/journeys/x.md:9:43: stages[0].steps[0].pain_points[0].severity: 'hihg' is not one of low, medium, high, critical (did you mean 'high'?)",
    ),
    Broken(
        "empty-list",
        {STEP: minimal(STEP, "personas: [maya]", "personas: []")},
        "maps/journeys/sales/buy.md:4:11: personas: needs at least 1 item",
        "needs at least 1 item",
    ),
    Broken(
        "no-stages",
        journey("title: T\npersonas: [maya]\nstages: []\n"),
        "maps/journeys/x.md:4:9: stages: needs at least 1 item",
    ),
    Broken(
        "no-steps",
        journey("title: T\npersonas: [maya]\nstages:\n  - stage: buy\n    steps: []\n"),
        "maps/journeys/x.md:6:12: stages[0].steps: needs at least 1 item",
    ),
    Broken(
        "blank-text",
        {STEP: minimal(STEP, "goal: Find cover.", "goal: ' '")},
        "maps/journeys/sales/buy.md:13:11: stages[0].goal: is empty",
        "is empty",
    ),
    # Ids and file names.
    Broken(
        "bad-pain-point-id",
        {STEP: minimal(STEP, "- id: price-mismatch", "- id: Price")},
        "maps/journeys/sales/buy.md:26:17: stages[0].steps[0].pain_points[0].id: 'Price' is not a valid id: use 1 to 63 of a-z, 0-9 and -, starting with a letter or digit",
        "'X' is not a valid id: use 1 to 63 of a-z, 0-9 and -, starting with a letter or digit",
        (("Price", "X"),),
    ),
    Broken(
        "bad-id",
        journey("title: T\nid: Not Valid\npersonas: [maya]\n" + STEPS),
        "maps/journeys/x.md:3:5: id: 'Not Valid' is not a valid id: use 1 to 63 of a-z, 0-9 and -, starting with a letter or digit",
    ),
    alongside(
        "leaves-the-site",
        GOOD.format(title="x").replace("personas:", "id: ../../x\npersonas:"),
        "maps/journeys/leaves-the-site.md:3:5: id: '../../x' is not a valid id: use 1 to 63 of a-z, 0-9 and -, starting with a letter or digit",
    ),
    alongside("..%2F..%2Fescape", GOOD.format(title="x"), None),  # starts with '.': a hidden file, ignored like a draft
    Broken(
        "file-name-not-an-id",
        {
            "maps/journeys/Buy Now.md": "---\ntitle: x\npersonas: maya\nstages: [{stage: buy, steps: [{touchpoint: t, emotion: 0}]}]\n---\n"
        },
        "maps/journeys/Buy Now.md:2:1: the file name 'Buy Now' is not a valid id: rename the file or add 'id: buy-now'",
        "the file name 'X' is not a valid id: rename the file or add 'id: x'",
        (("Buy Now", "X"), ("buy-now", "x")),
    ),
    alongside(
        "Ünïcode Name!",
        GOOD.format(title="x"),
        "maps/journeys/Ünïcode Name!.md:2:1: the file name 'Ünïcode Name!' is not a valid id: rename the file or add 'id: unicode-name'",
    ),
    Broken(
        "persona-file-name-not-an-id",
        {"maps/personas/Maya Smith.md": "---\nname: Maya\n---\n"},
        "maps/personas/Maya Smith.md:2:1: the file name 'Maya Smith' is not a valid id: rename the file or add 'id: maya-smith'",
    ),
    Broken(
        "folder-name-not-an-id",
        {"maps/journeys/???/x.md": minimal(FUTURE)},
        "maps/journeys/???: the folder name '???' makes no id: rename the folder with letters or digits, e.g. 'claims'",
        "the folder name 'X' makes no id: rename the folder with letters or digits, e.g. 'claims'",
        (("???", "X"),),
    ),
    Broken(
        "duplicate-id",
        {"maps/journeys/again.md": minimal(STEP, "title:", "id: buy\ntitle:")},
        "maps/journeys/sales/buy.md:2:1: id: duplicate journey id 'buy': maps/journeys/again.md has it already; rename the file or set another 'id'",
        "duplicate journey id 'X': F has it already; rename the file or set another 'id'",
        (("buy", "X"), ("maps/journeys/again.md", "F"), ("maps/journeys/sales/buy.md", "F")),
    ),
    alongside(
        "duplicate-step-id",
        GOOD.format(title="x")
        .replace("      - touchpoint: Web\n", "      - touchpoint: Web\n        id: web\n")
        .replace(
            "        owner: sales\n",
            "        owner: sales\n      - touchpoint: App\n        id: web\n        emotion: 0\n",
        ),
        "maps/journeys/duplicate-step-id.md:12:13: stages[0].steps[1].id: duplicate step id 'web' (also stages[0].steps[0]): a step id names one step of the journey",
    ),
    Broken(
        "duplicate-id-across-folders",
        {"maps/journeys/zz-other-folder/buy.md": GOOD.format(title="Same id as sales/buy.md")},
        "maps/journeys/zz-other-folder/buy.md:2:1: id: duplicate journey id 'buy': maps/journeys/sales/buy.md has it already; rename the file or set another 'id'",
        alongside=True,
    ),
    # Ids a generated page or a generated id has taken.
    alongside(
        "index",
        GOOD.format(title="A journey whose file name is index.md"),
        "maps/journeys/index.md:2:1: the file name gives the id 'index', which is reserved: journeys/index.md is the page that lists every journey; rename the file",
    ),
    Broken(
        "reserved-journey-id",
        journey("title: T\nid: index\npersonas: [maya]\n" + STEPS),
        "maps/journeys/x.md:3:5: id: 'index' is reserved: journeys/index.md is the page that lists every journey; choose another id",
        "'index' is reserved: journeys/index.md is the page that lists every journey; choose another id",
    ),
    Broken(
        "reserved-persona-id",
        {"maps/personas/ix.md": "---\nname: Ix\nid: index\n---\n"},
        "maps/personas/ix.md:3:5: id: 'index' is reserved: personas/index.md is the page that lists every persona; choose another id",
        alongside=True,
    ),
    Broken(
        "reserved-stage-id",
        {"maps/stages.yml": minimal("maps/stages.yml") + "- id: index\n"},
        "maps/stages.yml:5:7: [2].id: 'index' is reserved: stages/index.md is the page that lists every stage; choose another id",
    ),
    Broken(
        "reserved-stage-reference",
        journey("title: T\npersonas: [maya]\n" + STEPS.replace("stage: buy", "stage: index")),
        "maps/journeys/x.md:5:12: stages[0].stage: 'index' is reserved: stages/index.md is the page that lists every stage; choose another id",
    ),
    Broken(
        "reserved-team-id",
        {"maps/teams.yml": minimal("maps/teams.yml") + "- id: index\n"},
        "maps/teams.yml:6:7: [2].id: 'index' is reserved: teams/index.md is the page that lists every team; choose another id",
    ),
    Broken(
        "generated-pain-point-id",
        journey(ONE_STEP + "        pain_points: [{id: buy--discover-1-1, text: P}]\n"),
        "maps/journeys/x.md:9:28: stages[0].steps[0].pain_points[0].id: 'buy--discover-1-1' has the form of the ids the handbook gives pain points without one (<journey>--<stage>-<step>-<n>), so it could merge two unrelated pain points: choose another id",
        "'X' has the form of the ids the handbook gives pain points without one (<journey>--<stage>-<step>-<n>), so it could merge two unrelated pain points: choose another id",
        (("buy--discover-1-1", "X"),),
    ),
    # Dates.
    alongside(
        "reviewed-in-the-future",
        GOOD.format(title="x").replace("personas:", "reviewed: 9999-12-31\npersonas:"),
        "maps/journeys/reviewed-in-the-future.md:3:11: reviewed: 9999-12-31 is in the future: write the date the map was last reviewed",
        "X is in the future: write the date the map was last reviewed",
        (("9999-12-31", "X"),),
    ),
    # References.
    alongside(
        "unknown-persona",
        GOOD.format(title="x").replace("[maya]", "[mya]"),
        "maps/journeys/unknown-persona.md:3:12: personas[0]: unknown persona 'mya': no such id in this handbook (did you mean 'maya'?)",
        "unknown persona 'X': no such id in this handbook (did you mean 'Y'?)",
        (("mya", "X"), ("maya", "Y")),
    ),
    Broken(
        "unknown-persona-in-list",
        {STEP: minimal(STEP, "personas: [maya]", "personas: [mayaa]")},
        "maps/journeys/sales/buy.md:4:12: personas[0]: unknown persona 'mayaa': no such id in this handbook (did you mean 'maya'?)",
    ),
    alongside(
        "unknown-stage",
        GOOD.format(title="x").replace("stage: discover", "stage: discovr"),
        "maps/journeys/unknown-stage.md:5:12: stages[0].stage: unknown stage 'discovr': no such id in stages.yml (did you mean 'discover'?)",
        "unknown stage 'X': no such id in stages.yml (did you mean 'Y'?)",
        (("discovr", "X"), ("discover", "Y")),
    ),
    Broken(
        "unknown-stage-bye",
        journey("title: T\npersonas: [maya]\n" + STEPS.replace("stage: buy", "stage: bye")),
        "maps/journeys/x.md:5:12: stages[0].stage: unknown stage 'bye': no such id in stages.yml (did you mean 'buy'?)",
    ),
    alongside(
        "unknown-team",
        GOOD.format(title="x").replace("owner: sales", "owner: sale"),
        "maps/journeys/unknown-team.md:9:16: stages[0].steps[0].owner: unknown team 'sale': no such id in teams.yml (did you mean 'sales'?)",
    ),
    Broken(
        "unknown-journey-owner",
        journey("title: T\npersonas: [maya]\nowner: sale\n" + STEPS),
        "maps/journeys/x.md:4:8: owner: unknown team 'sale': no such id in teams.yml (did you mean 'sales'?)",
    ),
    Broken(
        "unknown-supporting-team",
        {STEP: minimal(STEP, "supporting: [care]", "supporting: [car]")},
        "maps/journeys/sales/buy.md:21:22: stages[0].steps[0].supporting[0]: unknown team 'car': no such id in teams.yml (did you mean 'care'?)",
        "unknown team 'X': no such id in teams.yml (did you mean 'Y'?)",
        (("care", "Y"), ("car", "X")),
    ),
    alongside(
        "unknown-baseline",
        GOOD.format(title="x").replace("personas:", "state: future\nbaseline: buyy\npersonas:"),
        "maps/journeys/unknown-baseline.md:4:11: baseline: unknown journey 'buyy': no such id in this handbook (did you mean 'buy'?)",
    ),
    Broken(
        "unknown-baseline-far",
        {FUTURE: minimal(FUTURE, "baseline: buy", "baseline: gone")},
        "maps/journeys/buy-future.md:5:11: baseline: unknown journey 'gone': no such id in this handbook, which has buy, buy-future",
        "unknown journey 'X': no such id in this handbook, which has A, B",
        (("gone", "X"), ("buy, buy-future", "A, B")),
    ),
    alongside(
        "unknown-pain-point",
        GOOD.format(title="x").replace(
            "owner: sales", "owner: sales\n        opportunities: [{text: x, addresses: [price-mismatc]}]"
        ),
        "maps/journeys/unknown-pain-point.md:10:47: stages[0].steps[0].opportunities[0].addresses[0]: unknown pain-point 'price-mismatc': no such id in this handbook (did you mean 'price-mismatch'?)",
    ),
    Broken(
        "unknown-pain-point-far",
        {STEP: minimal(STEP, "addresses: [price-mismatch]", "addresses: [nothing]")},
        "maps/journeys/sales/buy.md:33:25: stages[0].steps[0].opportunities[0].addresses[0]: unknown pain-point 'nothing': no such id in this handbook, which has price-mismatch",
        "unknown pain-point 'X': no such id in this handbook, which has A",
        (("nothing", "X"), ("price-mismatch", "A")),
    ),
    # Stages and states.
    Broken(
        "stage-out-of-order",
        {
            STEP: minimal(STEP, "stage: discover", "stage: tmp")
            .replace("stage: buy", "stage: discover")
            .replace("stage: tmp", "stage: buy")
        },
        "maps/journeys/sales/buy.md:34:12: stages[1].stage: stage 'discover' is out of order: stages follow the order of stages.yml",
        "stage 'X' is out of order: stages follow the order of stages.yml",
        (("discover", "X"),),
    ),
    Broken(
        "stage-out-of-order-new",
        journey(ONE_STEP + "  - stage: discover\n    steps:\n      - touchpoint: S\n        emotion: 1\n"),
        "maps/journeys/x.md:9:12: stages[1].stage: stage 'discover' is out of order: stages follow the order of stages.yml",
    ),
    Broken(
        "stage-twice",
        {STEP: minimal(STEP, "stage: buy", "stage: discover")},
        "maps/journeys/sales/buy.md:34:12: stages[1].stage: stage 'discover' appears twice (also stages[0]); merge the two blocks",
        "stage 'X' appears twice (also stages[N]); merge the two blocks",
        (("discover", "X"), ("stages[0]", "stages[N]")),
    ),
    Broken(
        "stage-twice-new",
        journey(ONE_STEP + "  - stage: buy\n    steps:\n      - touchpoint: S\n        emotion: 1\n"),
        "maps/journeys/x.md:9:12: stages[1].stage: stage 'buy' appears twice (also stages[0]); merge the two blocks",
    ),
    Broken(
        "baseline-of-current",
        {FUTURE: minimal(FUTURE, "state: future", "state: current")},
        "maps/journeys/buy-future.md:5:1: baseline: a baseline is only allowed with 'state: future'",
        "a baseline is only allowed with 'state: future'",
    ),
    Broken(
        "baseline-without-state",
        journey("title: T\npersonas: [maya]\nbaseline: buy\n" + STEPS),
        "maps/journeys/x.md:4:1: baseline: a baseline is only allowed with 'state: future'",
    ),
    Broken(
        "unknown-baseline-new",
        journey("title: T\npersonas: [maya]\nstate: future\nbaseline: nope\n" + STEPS),
        "maps/journeys/x.md:5:11: baseline: unknown journey 'nope': no such id in this handbook, which has buy, buy-future, x",
    ),
    Broken(
        "future-baseline",
        journey("title: T\npersonas: [maya]\nstate: future\nbaseline: buy-future\n" + STEPS),
        "maps/journeys/x.md:5:11: baseline: 'buy-future' is a future-state journey; a baseline must be a current-state one",
    ),
    # Narratives and placeholders.
    Broken(
        "placeholder-left-in",
        {STEP: minimal(STEP, "summary: From quote to policy.", f"summary: {json.dumps(SUMMARY)}")},
        "maps/journeys/sales/buy.md:3:10: summary: placeholder text from 'journeys new' left in: write what is true for this map, or delete it",
        "placeholder text from 'journeys new' left in: write what is true for this map, or delete it",
    ),
    Broken(
        "link-to-nothing",
        {STEP: minimal(STEP, "We interviewed six buyers.", "[x](../nope.md)")},
        "maps/journeys/sales/buy.md:41:5: link '../nope.md': there is no file maps/journeys/nope.md; a link is relative to this map file",
        "link 'X': there is no file F; a link is relative to this map file",
        (("../nope.md", "X"), ("maps/journeys/nope.md", "F")),
    ),
    Broken(
        "link-to-catalogue",
        {STEP: minimal(STEP, "We interviewed six buyers.", "[x](../../stages.yml)")},
        "maps/journeys/sales/buy.md:41:5: link '../../stages.yml': maps/stages.yml has no page of its own: link a persona or journey map, or a file of docs/",
        "link 'X': F has no page of its own: link a persona or journey map, or a file of docs/",
        (("../../stages.yml", "X"), ("maps/stages.yml", "F")),
    ),
    Broken(
        "link-outside",
        {STEP: minimal(STEP, "We interviewed six buyers.", "[x](../../../x.md)")},
        "maps/journeys/sales/buy.md:41:5: link '../../../x.md': x.md is outside the maps folder and the docs folder (docs/), so it is not published",
        "link 'X': F is outside the maps folder and the docs folder (docs/), so it is not published",
        (("../../../x.md", "X"), ("x.md", "F")),
    ),
    # Likely mistakes: warnings, which `--strict` fails on.
    alongside(
        "sentence-split",
        GOOD.format(title="x").replace("    steps:", "    expectations: [Real prices, not teaser prices]\n    steps:"),
        "maps/journeys/sentence-split.md:6:33: warning: stages[0].expectations[1]: the brackets make 'Real prices' and 'not teaser prices' two items, split at the comma; if it is one sentence, put it in double quotes: [\"Real prices, not teaser prices\"]",
        "the brackets make 'X' and 'Y' two items, split at the comma; if it is one sentence, put it in double quotes: [\"X, Y\"]",
        (("Real prices", "X"), ("not teaser prices", "Y")),
    ),
    Broken(
        "look-alike-team-name",
        {"maps/teams.yml": minimal("maps/teams.yml") + "- id: sales-2\n  name: \u0405ales team\n"},
        "maps/teams.yml:7:9: warning: [2].name: name '\u0405ales team' looks the same as 'Sales team' of team 'sales' (maps/teams.yml:2) but is other text (it has U+0405 CYRILLIC CAPITAL LETTER DZE where the other has U+0053 LATIN CAPITAL LETTER S): readers cannot tell the two teams apart; rename one",
        "name 'X' looks the same as 'Y' of team 'T' (F:L) but is other text (it has U+0405 CYRILLIC CAPITAL LETTER DZE where the other has U+0053 LATIN CAPITAL LETTER S): readers cannot tell the two teams apart; rename one",
        (("\u0405ales team", "X"), ("Sales team", "Y"), ("'sales'", "'T'"), ("maps/teams.yml:2", "F:L")),
    ),
    Broken(
        "invisible-character-in-name",
        {"maps/personas/ida.md": "---\nname: Ida\u202e\n---\n"},
        "maps/personas/ida.md:2:7: warning: name: name 'Ida\\u202e' holds the invisible U+202E RIGHT-TO-LEFT OVERRIDE, which changes how it reads or displays: delete it",
        "name 'X' holds the invisible U+202E RIGHT-TO-LEFT OVERRIDE, which changes how it reads or displays: delete it",
        (("Ida\\u202e", "X"),),
        alongside=True,
    ),
    # Catalogues.
    Broken(
        "stages-yaml-syntax",
        {"maps/stages.yml": "- id: discover\n- id: buy\n  name: [Buy\n"},
        "maps/stages.yml:4:1: YAML syntax error: expected ',' or ']', but got '<stream end>' (while parsing a flow sequence that starts at line 3, column 9)",
    ),
    Broken(
        "teams-bad-id",
        {"maps/teams.yml": "- id: sales\n- id: Sales Team\n- id: sales\n"},
        "maps/teams.yml:2:7: [1].id: 'Sales Team' is not a valid id: use 1 to 63 of a-z, 0-9 and -, starting with a letter or digit",
    ),
    Broken(
        "stages-duplicate-id",
        {"maps/stages.yml": STAGES_WITH_DUPLICATE},
        "maps/stages.yml:3:7: [2].id: duplicate stage id 'discover' (also entry 0)",
    ),
    Broken(
        "stages-missing-id",
        {"maps/stages.yml": STAGES_WITH_DUPLICATE},
        "maps/stages.yml:4:3: [3]: missing required key 'id'",
    ),
)
BY_ID = {case.id: case for case in CASES}
assert len(BY_ID) == len(CASES), "case ids must be unique"
ALONGSIDE = tuple(case for case in CASES if case.alongside)
GUIDED = tuple(case for case in CASES if case.guide)


def ids(cases) -> list[str]:
    return [case.id for case in cases]
