"""Every generated page and export of a small fixed handbook, rendered without MkDocs and
compared with a file under tests/golden/output/: a change to the output shows up as a diff a
reviewer reads. After an intended change, `pytest tests/test_golden.py --update-golden`
rewrites the files; `git diff tests/golden` is then the change to review."""

from __future__ import annotations

import datetime
import difflib
from pathlib import Path

import pytest

from html_tree import parse
from journeys.core import load_handbook
from journeys.core.editor_option import Editor
from journeys.core.file_kinds import FILE_KINDS
from journeys.render.context import Context
from journeys.render.editor_site import editor_site
from journeys.render.site_files import STYLESHEET, site_files
from journeys.render.templating import default_templates
from journeys.render.urls import Site

GOLDEN = Path(__file__).parent / "golden"
HANDBOOK = GOLDEN / "handbook"
OUTPUT = GOLDEN / "output"
CUSTOM_FIELDS = (("backstage", "Behind the scenes"),)
# The same maps with the custom field in a blueprint lane: the grid becomes a service blueprint.
BLUEPRINT_FIELDS = (("backstage", "Behind the scenes", "backstage"),)
BLUEPRINT_PAGES = ("journeys/buy.md",)  # the grid with lanes in every group: its golden files under blueprint/
# A fixed day long after the maps' review date, so the "review overdue" notice is pinned too.
TODAY = datetime.date(2026, 1, 15)


def rendered() -> dict[str, str]:
    """Site path -> content of every page (as Markdown with front matter) and export, the
    form editor's page and configuration, and under blueprint/ the pages of `BLUEPRINT_PAGES`
    rendered with a lane."""
    handbook = load_handbook(str(HANDBOOK / "maps"), custom_fields=CUSTOM_FIELDS, root=str(HANDBOOK))
    editor = editor_site(
        editor=Editor(),
        audience="internal",
        custom_fields=CUSTOM_FIELDS,
        maps_path="maps",
        docs_path="docs",
        present={kind.name for kind in FILE_KINDS if kind.exists(str(HANDBOOK / "maps"))},
        repo_url="https://github.com/harbour-mutual/journeys",
        site_url="https://journeys.example/",
        site_name="Golden handbook",
        templates=default_templates(),
    )
    assert editor is not None
    generated = site_files(handbook, Context(Site(), TODAY))
    # The stylesheet is the assets' CSS, whatever the maps say (tests/test_stylesheet.py).
    exports = {path: data.decode("utf-8") for path, data in generated.texts.items() if path != STYLESHEET}
    blueprint = load_handbook(str(HANDBOOK / "maps"), custom_fields=BLUEPRINT_FIELDS, root=str(HANDBOOK))
    drawn = {
        f"blueprint/{page.src}": page.markdown()
        for page in site_files(blueprint, Context(Site(), TODAY)).pages
        if page.src in BLUEPRINT_PAGES
    }
    return {page.src: page.markdown() for page in generated.pages} | exports | editor.texts | drawn


RENDERED = rendered()


@pytest.fixture
def update(request) -> bool:
    return request.config.getoption("--update-golden")


@pytest.mark.parametrize("path", sorted(RENDERED))
def test_output_matches_golden_file(path, update):
    golden = OUTPUT / path
    actual = RENDERED[path]
    if update:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(actual.encode("utf-8"))  # bytes: the CSV's \r\n line ends are part of it
        return
    assert golden.is_file(), f"{path} is new: rerun with --update-golden and review `git diff tests/golden`"
    expected = golden.read_bytes().decode("utf-8")
    if actual != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                actual.splitlines(keepends=True),
                f"golden/{path}",
                f"rendered/{path}",
            )
        )
        pytest.fail(
            f"{path} differs from its golden file:\n{diff}\n"
            "If the change is intended, rerun with --update-golden and review `git diff tests/golden`."
        )


def test_no_golden_file_is_left_over(update):
    stale = sorted(
        p.relative_to(OUTPUT).as_posix()
        for p in OUTPUT.rglob("*")
        if p.is_file() and p.relative_to(OUTPUT).as_posix() not in RENDERED
    )
    if update:
        for rel in stale:
            (OUTPUT / rel).unlink()
        return
    assert not stale, f"golden files the render no longer produces: {stale}; rerun with --update-golden"


def test_render_is_byte_stable():
    """Rendering twice gives the same bytes: nothing from the clock, no per-build marker."""
    assert rendered() == RENDERED


def test_golden_handbook_covers_what_it_claims():
    """The fixed handbook keeps the cases the golden files exist to pin."""
    handbook = load_handbook(str(HANDBOOK / "maps"), custom_fields=CUSTOM_FIELDS, root=str(HANDBOOK))
    assert any("broken.md" in problem.path for problem in handbook.problems)
    assert {j.id for j in handbook.journeys if j.state == "future" and j.baseline} == {"buy-future"}
    assert "Behind the scenes" in RENDERED["journeys/buy.md"]
    # One pain point shared by three maps in three wordings, one of them a future-state design;
    # and one resolved wherever it occurs.
    shared, resolved = handbook.pain_point_by_id["price-mismatch"], handbook.pain_point_by_id["slow-payout"]
    assert len(set(shared.wordings)) == 3 and any(p.journey.state == "future" for p in shared.places)
    assert resolved.status == "resolved" and resolved.score == 0
    assert "The renewal price differs from the quote." in RENDERED["pain-points.csv"]
    # Measures (map format 1.2): every health on the journey page, every page kind of measures.
    for health in ("on-target", "off-target", "no-data", "stale"):
        assert f'data-health="{health.replace("-", "&#45;")}"' in RENDERED["journeys/buy.md"], health
    assert {"measures/index.md", "measures/nps.md", "measures.csv"} <= set(RENDERED)
    # Three levels: a lifecycle whose steps zoom into two journeys, one of which has a micro
    # journey that names it as its parent without a step.
    assert {j.id: j.parent for j in handbook.journeys if j.parent} == {
        "buy": "life",
        "claim": "life",
        "claim-call": "claim",
    }
    assert "jm-line--visibility" in RENDERED["blueprint/journeys/buy.md"]
    assert "jm-line" not in RENDERED["journeys/buy.md"]
    # Both of map format 1.2 at once: a parent's children are listed with their health.
    children = parse(RENDERED["journeys/life.md"]).find("table", cls="jm-children")
    assert children.find("thead").text.split()[-1] == "Health"
