"""Fuzzing the loader and validator: valid maps, mutated maps, random text and random bytes,
each written as a real file beside a small valid handbook. Whatever the file holds, loading
and validating it only ever returns problems, and every page still renders. Then whole
handbooks (personas, catalogues or none, journeys in odd folders, narratives with comments,
code and forged block markers) go through every page and the export: author text is always
escaped and every error is located.

HYPOTHESIS_PROFILE=ci runs thousands of examples (a few minutes on two cores); the default
profile runs a quick sample for local work."""

from __future__ import annotations

import datetime
import os
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import write
from journeys.core import load_handbook
from journeys.core.build_date import build_date
from journeys.core.problems import Problem
from journeys.render.all_pages import all_pages
from journeys.render.context import Context
from journeys.render.urls import Site

settings.register_profile("ci", deadline=None, suppress_health_check=list(HealthCheck), print_blob=True)
settings.register_profile("dev", deadline=None, suppress_health_check=list(HealthCheck))
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "dev")
settings.load_profile(PROFILE)


def examples(ci: int) -> int:
    """`ci` examples under the CI profile, a tenth of them otherwise."""
    return ci if PROFILE == "ci" else max(20, ci // 10)


CUSTOM = [("backstage", "Behind the scenes")]
HANDBOOK = {
    "maps/stages.yml": "- id: discover\n- id: buy\n- id: claim\n",
    "maps/teams.yml": "- id: sales\n- id: care\n",
    "maps/personas/maya.md": "---\nname: Maya\n---\n",
    "maps/personas/omar.md": "---\nname: Omar\n---\n",
    "maps/journeys/base.md": "---\ntitle: Base\npersonas: [maya]\nstages:\n  - stage: buy\n    steps:\n"
    "      - touchpoint: Web\n        emotion: 0\n        pain_points: [{id: slow, text: Slow}]\n---\n",
}

# Text an editor could type: no control characters, something besides white space.
words = st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=30).filter(str.strip)
ids = st.sampled_from(["maya", "omar", "discover", "buy", "claim", "sales", "care", "slow", "base", "x", "Bad Id", ""])
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-10, 10),
    st.integers(),
    st.floats(allow_nan=True),
    words,
    st.dates(),
    st.datetimes(),
    st.just("2026-02-30"),
)
junk = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(words, inner, max_size=4)),
    max_leaves=20,
)


def kpis():
    return st.lists(
        st.one_of(
            words,
            st.fixed_dictionaries(
                {"name": words},
                optional={
                    "current": st.one_of(words, st.integers(), st.floats(allow_nan=False)),
                    "target": words,
                    "unit": words,
                },
            ),
        ),
        max_size=3,
    )


def steps():
    return st.fixed_dictionaries(
        {"touchpoint": words, "emotion": st.integers(-2, 2)},
        optional={
            "channel": words,
            "action": words,
            "thinking": words,
            "owner": st.sampled_from(["sales", "care"]),
            "supporting": st.lists(st.sampled_from(["sales", "care"]), max_size=2),
            "tools": st.lists(words, max_size=2),
            "kpis": kpis(),
            "gaps": st.lists(words, max_size=2),
            "backstage": st.one_of(words, st.lists(words, max_size=2)),
            "pain_points": st.lists(
                st.one_of(
                    words,
                    st.fixed_dictionaries(
                        {"text": words},
                        optional={
                            "id": st.sampled_from(["slow", "lost", "price"]),
                            "severity": st.sampled_from(["low", "medium", "high", "critical"]),
                            "evidence": st.lists(
                                st.one_of(words, st.just("https://example.com/x"), st.just("javascript:x")), max_size=2
                            ),
                            "status": st.sampled_from(["open", "in-progress", "resolved"]),
                        },
                    ),
                ),
                max_size=3,
            ),
            "opportunities": st.lists(
                st.one_of(
                    words,
                    st.fixed_dictionaries(
                        {"text": words},
                        optional={
                            "impact": st.sampled_from(["low", "medium", "high"]),
                            "addresses": st.lists(st.just("slow"), max_size=1),
                        },
                    ),
                ),
                max_size=2,
            ),
        },
    )


@st.composite
def valid_journeys(draw):
    stage_ids = draw(st.lists(st.sampled_from(["discover", "buy", "claim"]), min_size=1, max_size=3, unique=True))
    order = ["discover", "buy", "claim"]
    journey = {
        "title": draw(words),
        "personas": draw(
            st.one_of(st.just("maya"), st.lists(st.sampled_from(["maya", "omar"]), min_size=1, max_size=2, unique=True))
        ),
        "stages": [
            {
                "stage": stage,
                "steps": draw(st.lists(steps(), min_size=1, max_size=3)),
                **draw(
                    st.fixed_dictionaries({}, optional={"goal": words, "expectations": st.lists(words, max_size=2)})
                ),
            }
            for stage in sorted(stage_ids, key=order.index)
        ],
    }
    journey.update(
        draw(
            st.fixed_dictionaries(
                {},
                optional={
                    "summary": words,
                    "owner": st.sampled_from(["sales", "care"]),
                    "tags": st.lists(words, max_size=3),
                    # A valid review date is not after the build date (a later one is an error).
                    "reviewed": st.dates(datetime.date(2000, 1, 1), build_date()),
                    "kpis": kpis(),
                },
            )
        )
    )
    if draw(st.booleans()):
        journey.update(state="future", baseline="base")
    return journey


def paths(value, prefix=()):
    """Every key path inside a nested value."""
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from paths(item, prefix + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from paths(item, prefix + (index,))


@st.composite
def mutated_journeys(draw):
    """A valid journey with some values dropped, replaced by junk, or buried deep."""
    journey = draw(valid_journeys())
    for _ in range(draw(st.integers(1, 4))):
        targets = [p for p in paths(journey) if p]
        if not targets:
            break
        path = draw(st.sampled_from(targets))
        parent = journey
        for part in path[:-1]:
            parent = parent[part]
        action = draw(st.sampled_from(["drop", "junk", "deep", "key", "text"]))
        if action == "drop":
            del parent[path[-1]]
        elif action == "junk":
            parent[path[-1]] = draw(junk)
        elif action == "deep":
            depth = draw(st.integers(1, 80))
            value = draw(scalars)
            for _ in range(depth):
                value = [value] if draw(st.booleans()) else {"k": value}
            parent[path[-1]] = value
        elif action == "key" and isinstance(parent, dict):
            parent[draw(words)] = draw(junk)
        else:
            parent[path[-1]] = draw(st.text(max_size=200))
    return journey


@pytest.fixture(scope="module")
def root():
    with tempfile.TemporaryDirectory() as folder:
        write(Path(folder), HANDBOOK)
        yield Path(folder)


def load_with(root: Path, name: str, content: str | bytes):
    """Write one map file and load the handbook; the checks every example must pass."""
    path = root / "maps" / name
    before = path.read_bytes() if path.exists() else None
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    try:
        handbook = load_handbook(root / "maps", root=root, custom_fields=CUSTOM)
    finally:
        if before is None:
            path.unlink()
        else:
            path.write_bytes(before)
    assert all(isinstance(p, Problem) for p in handbook.problems)
    for problem in handbook.problems:
        str(problem).encode("utf-8")
        assert problem.path.startswith("maps/")
    ctx = Context(Site(), datetime.date(2026, 1, 1))
    for page in all_pages(handbook, ctx):
        page.markdown().encode("utf-8")
    return handbook


def front_matter(data) -> str:
    return "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False) + "---\nBody.\n"


@settings(max_examples=examples(500))
@given(journey=valid_journeys())
def test_valid_journeys_load_without_problems(root, journey):
    handbook = load_with(root, "journeys/fuzzed.md", front_matter(journey))
    assert handbook.problems == ()
    assert handbook.journey_by_id["fuzzed"].title == journey["title"]


@settings(max_examples=examples(1200))
@given(journey=mutated_journeys())
def test_mutated_journeys_only_give_problems(root, journey):
    load_with(root, "journeys/fuzzed.md", front_matter(journey))


@settings(max_examples=examples(500))
@given(data=junk)
def test_any_front_matter_only_gives_problems(root, data):
    load_with(root, "personas/fuzzed.md", front_matter(data))
    load_with(root, "journeys/fuzzed.md", front_matter(data))


@settings(max_examples=examples(700))
@given(text=st.text(max_size=400))
def test_any_text_only_gives_problems(root, text):
    load_with(root, "journeys/fuzzed.md", text)
    load_with(root, "journeys/fuzzed.md", "---\n" + text + "\n---\n")
    load_with(root, "stages.yml", text)


@settings(max_examples=examples(500))
@given(raw=st.binary(max_size=400))
def test_any_bytes_only_give_problems(root, raw):
    load_with(root, "journeys/fuzzed.md", raw)
    load_with(root, "journeys/fuzzed.md", b"---\n" + raw + b"\n---\n")


# --- whole handbooks, through every page and the export ------------------------------------

SENTINEL = "<i data-fuzz>"  # author text that must never reach a page unescaped
author = st.one_of(
    words,
    st.just(SENTINEL),
    st.text(st.sampled_from(list("ab <>&\"'`*_[]()#|{}%!:-\\")), min_size=1, max_size=12).filter(str.strip),
)
PERSONA_IDS = ["maya", "omar", "zoe"]
FOLDERS = ["", "", "sales", "Claims Team", "???", "sales/deep", "_drafts", "ünï"]
NARRATIVE_PIECES = [
    "We interviewed six buyers.",
    "<!--journeys:0-->",
    "<!--journeys:999-->",
    "<!-- a comment -->",
    "```\n<!--journeys:1-->\n[in code](nope.md)\n```",
    "`[code](nope.md)`",
    "## A heading",
    "[site](https://example.com)",
    "| a | b |\n| - | - |\n| 1 | 2 |",
]
BROKEN_LINKS = ["[Maya](../personas/maya.md)", "[broken](nope.md)", "[ref]: ../x.md"]
narratives = st.tuples(
    st.lists(st.one_of(st.sampled_from(NARRATIVE_PIECES), words), max_size=5),
    # Mostly none: the page of a map with errors shows them instead of its narrative.
    st.sampled_from([[]] * 2 * len(BROKEN_LINKS) + [[link] for link in BROKEN_LINKS]),
).map(lambda pieces: "\n\n".join(pieces[0] + pieces[1]))


@st.composite
def handbooks(draw):
    """A whole maps folder: personas, optional catalogues, journeys in folders, narratives."""
    files = {}
    with_stages, with_teams = draw(st.booleans()), draw(st.booleans())
    if with_stages:
        files["stages.yml"] = yaml.safe_dump([{"id": s, "name": draw(author)} for s in ("discover", "buy", "claim")])
    if with_teams:
        files["teams.yml"] = yaml.safe_dump([{"id": t, "name": draw(author)} for t in ("sales", "care")])
    personas = draw(st.lists(st.sampled_from(PERSONA_IDS), min_size=1, max_size=3, unique=True))
    for persona in personas:
        data = {
            "name": draw(author),
            **draw(
                st.fixed_dictionaries(
                    {},
                    optional={
                        "summary": author,
                        "goals": st.lists(author, max_size=2),
                        "quote": author,
                        "tags": st.lists(author, max_size=2),
                    },
                )
            ),
        }
        files[f"personas/{persona}.md"] = front_matter(data).replace("Body.\n", draw(narratives) + "\n")
    owners = st.sampled_from(["sales", "care"]) if with_teams else author
    for n in range(draw(st.integers(1, 4))):
        journey = draw(valid_journeys())
        journey["personas"] = draw(st.lists(st.sampled_from(personas), min_size=1, max_size=2)) + draw(
            st.sampled_from([[]] * 5 + [["nobody"]])
        )
        if journey.get("baseline"):
            journey["baseline"] = draw(st.sampled_from(["a", "b", "gone"]))
            if draw(st.booleans()):
                del journey["baseline"], journey["state"]
        journey["title"] = draw(author)
        for block in journey["stages"]:
            for step in block["steps"]:
                step.update({"touchpoint": draw(author), "action": draw(author)})
                if "owner" in step:
                    step["owner"] = draw(owners)
                step.pop("supporting", None)
        if "owner" in journey:
            journey["owner"] = draw(owners)
        if draw(st.booleans()):
            journey = draw(mutated_journeys()) if draw(st.booleans()) else journey
        folder = draw(st.sampled_from(FOLDERS))
        name = draw(st.sampled_from(["a", "b", "c", "Bad Name", f"j{n}"]))
        files[f"journeys/{folder}/{name}.md".replace("//", "/")] = front_matter(journey).replace(
            "Body.\n", draw(narratives) + "\n"
        )
    return files


@settings(max_examples=examples(300))
@given(files=handbooks())
def test_whole_handbooks_render_and_export_with_escaped_text_and_located_errors(files):
    from journeys.cli.docs_export import write_export
    from journeys.core.options import Options
    from journeys.render.generated_page import Markdown
    from journeys.render.site_files import site_files

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        write(root, {"docs/index.md": "# Home\n", **{f"maps/{name}": content for name, content in files.items()}})
        handbook = load_handbook(root / "maps", root=root, custom_fields=CUSTOM)
        for problem in handbook.problems:
            assert problem.path.startswith("maps/"), problem
            assert problem.line is not None or not problem.key, problem
            str(problem).encode("utf-8")
        ctx = Context(Site(), datetime.date(2026, 1, 1))
        generated = site_files(handbook, ctx)
        for page in generated.pages:
            written = page.markdown(body="") + "".join(p for p in page.parts if not isinstance(p, Markdown))
            assert SENTINEL not in written, page.src
            skeleton, blocks = page.skeleton("fuzz")
            assert skeleton.count("<!--journeys-fuzz:") == len(blocks)
        exported = write_export(handbook, str(root / "out"), Options(custom_fields=tuple(CUSTOM)))
        assert exported == sorted(exported) and all((root / "out" / f).is_file() for f in exported)
