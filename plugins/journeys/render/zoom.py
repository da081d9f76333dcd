"""Journeys at every zoom level on the pages (map format 1.2, "Journeys at every zoom level"):
a child's breadcrumbs and the step it zooms into, a parent's children and the pain points of
its whole subtree, the card a step with `details` holds in the map grid, and the tree that
opens the journeys index. The hierarchy itself is core/hierarchy.py's, the markup the macros'.

What a page shows of a journey at a glance, wherever it is listed: its emotion (a small curve
of its steps and their average, in words) and how many pain points it and the journeys inside
it have, by severity."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from markupsafe import Markup

from journeys.core.handbook import Handbook
from journeys.core.hierarchy import ancestors, subtree
from journeys.core.index import SEVERITY_WEIGHT, by_priority
from journeys.core.measures import kpi_places
from journeys.core.model import Journey
from journeys.render import pagination
from journeys.render.context import Context
from journeys.render.fragments import (
    SUMMARY_PAINS,
    Shown,
    emotion,
    journey_link,
    journey_status,
    pain_list,
    priority_legend,
    severity,
    step_link,
    table,
)
from journeys.render.health import counts, has_measures, journey_healths
from journeys.render.labels import fill
from journeys.render.pagination import Part, pager, split
from journeys.render.text import number

SPARK_WIDTH, SPARK_HEIGHT = 80, 28  # px: a curve to glance at, beside its words
_SPARK_PAD = 3  # px kept free around the curve, so its end points are not clipped


def sparkline(ctx: Context, scores: Sequence[int]) -> Markup:
    """A journey's emotion curve in small: one point a step, higher is happier. Decoration:
    the average chip beside it says it in words."""
    inner_w, inner_h = SPARK_WIDTH - 2 * _SPARK_PAD, SPARK_HEIGHT - 2 * _SPARK_PAD
    step = inner_w / (len(scores) - 1) if len(scores) > 1 else 0
    points = [
        (
            number(f"{_SPARK_PAD + (n * step if len(scores) > 1 else inner_w / 2):.1f}"),
            number(f"{_SPARK_PAD + (2 - score) / 4 * inner_h:.1f}"),
        )
        for n, score in enumerate(scores)
    ]
    return ctx.macros.emotion_sparkline(points, SPARK_WIDTH, SPARK_HEIGHT)


def glance(ctx: Context, journey: Journey) -> Markup:
    """The journey's emotion at a glance: its curve in small and its average emotion."""
    scores = [step.emotion for _, step in journey.steps]
    if not scores:
        return Markup()
    return ctx.macros.emotion_glance(sparkline(ctx, scores), emotion(ctx, round(sum(scores) / len(scores), 1)))


def subtree_pains(handbook: Handbook, journey: Journey) -> list[Shown]:
    """The pain points of `journey` and every journey inside it, highest priority first (as
    they are merged across the handbook: priority counts every map), each read as those
    journeys word it and rate its severity, not as another map does (fragments.listed)."""
    members = {member.id: member for member in subtree(journey, handbook.children) if not member.problems}
    keys = {pain.key for member in members.values() for _, step in member.steps for pain in step.pain_points}
    found = (handbook.pain_point_by_id.get(key) for key in keys)
    pains = sorted((pain for pain in found if pain is not None), key=by_priority)
    return [(pain, pain.read_at(lambda place: place.journey.id in members)) for pain in pains]


def pain_counts(ctx: Context, pains: Sequence[Shown]) -> Markup:
    """How many pain points, and how many of each severity as they read here, most severe first."""
    by_severity = Counter(reading.severity for _, reading in pains)
    counts = [
        (severity(ctx, level), number(by_severity[level]))
        for level in sorted(by_severity, key=lambda level: -SEVERITY_WEIGHT[level])
    ]
    return ctx.macros.pain_counts(fill(ctx.labels["journey_pain_count"], count=len(pains)), counts)


def zoom_card(handbook: Handbook, ctx: Context, here: str, journey_id: str) -> Markup:
    """The cell of a step with `details` in the map grid: the journey that zooms into it,
    linked, with its emotion beside the step's own and its pain points."""
    journey = handbook.journey_by_id.get(journey_id)
    if journey is None:
        return Markup()
    if journey.problems:
        return ctx.macros.zoom_card(journey_link(ctx, here, journey), journey_status(journey, ctx), "")
    return ctx.macros.zoom_card(
        journey_link(ctx, here, journey), glance(ctx, journey), pain_counts(ctx, subtree_pains(handbook, journey))
    )


def breadcrumbs(handbook: Handbook, journey: Journey, ctx: Context, here: str) -> Markup:
    """The path from the top of the hierarchy down to `journey`, or nothing at the top."""
    above = ancestors(journey, handbook.journey_by_id)
    if not above:
        return Markup()
    return ctx.macros.breadcrumbs([journey_link(ctx, here, j) for j in above], journey.title)


def zooms_into(handbook: Handbook, journey: Journey, ctx: Context, here: str) -> Markup:
    """What a child zooms into: the step of its parent, linked to its column, or the parent."""
    parent = handbook.journey_by_id.get(journey.parent) if journey.parent else None
    if parent is None:
        return Markup()
    found = handbook.detailing_step.get(journey.id)
    if found is None:
        return journey_link(ctx, here, parent)
    return ctx.macros.step_of(step_link(ctx, here, parent, found[2]), journey_link(ctx, here, parent))


def health(handbook: Handbook, journey: Journey, ctx: Context) -> Markup | None:
    """A child's KPIs counted by health (map format 1.2, "Measures over time"), where the
    handbook measures them; None otherwise, and a table without any has no health column."""
    if not has_measures(handbook) or journey.problems:
        return None
    return counts(ctx, journey_healths(ctx, journey)) or None


CHILD_ROW_BYTES = 1_600  # estimated bytes of a row of the children's table (render/pagination.py)


def children_parts(handbook: Handbook, journey: Journey, ctx: Context) -> list[Part]:
    """The journeys that zoom into `journey` cut into the parts of its children's table: the
    first on the journey's page, under its map, the others on list pages beside it
    (`journeys/<id>/page-2.md`...), each a third of a page's budget. None without children."""
    children = handbook.children.get(journey.id, ())
    if not children:
        return []
    return split(ctx.site.src("journeys", journey.id), children, lambda _: CHILD_ROW_BYTES, pagination.BUDGET // 3)


def children_table(
    handbook: Handbook, journey: Journey, ctx: Context, here: str, children: Sequence[Journey] | None = None
) -> Markup:
    """The journeys that zoom into `journey` (or those of them in `children`), in the order of
    the steps they detail, then by title: the step each details, its emotion at a glance, its
    pain points (with those of the journeys inside it) and, where measured, its health. Out of
    search: each is found on its page."""
    if children is None:
        children = handbook.children.get(journey.id, ())
    if not children:
        return Markup()
    labels = ctx.labels
    healths = [health(handbook, child, ctx) for child in children]
    rows = []
    for child, child_health in zip(children, healths):
        found = handbook.detailing_step.get(child.id)
        step = step_link(ctx, here, journey, found[2]) if found else labels["journey_step_whole"]
        if child.problems:
            cells: list[object] = [journey_link(ctx, here, child), step, journey_status(child, ctx), ""]
        else:
            pains = pain_counts(ctx, subtree_pains(handbook, child))
            cells = [journey_link(ctx, here, child), step, glance(ctx, child), pains]
        rows.append(cells + ([child_health or ""] if any(healths) else []))
    headers = [labels[k] for k in ("col_journey", "col_zooms_into", "col_emotion", "col_pain_points")]
    headers += [labels["col_health"]] if any(healths) else []
    caption = labels["journey_children_caption"].format(journey=journey.title)
    return table(ctx, "jm-children", caption, headers, rows, searched=False)


def children_section(handbook: Handbook, journey: Journey, ctx: Context, here: str) -> Markup:
    """The first part of the children's table, and links to the list pages of the others."""
    parts = children_parts(handbook, journey, ctx)
    if not parts:
        return Markup()
    shown = children_table(handbook, journey, ctx, here, parts[0].items)
    return shown + ctx.render("pager.html", pager=pager(ctx, parts, here)) if len(parts) > 1 else shown


def subtree_section(handbook: Handbook, journey: Journey, ctx: Context, here: str, *, legend: bool) -> Markup:
    """The pain points of a parent's whole subtree, highest priority first: the
    `SUMMARY_PAINS` highest, and how many more the pain-point index lists; with what their
    priority means when `legend` (a page says it once: under the map when its cards show one)."""
    if not handbook.children.get(journey.id):
        return Markup()
    pains = subtree_pains(handbook, journey)
    inside = len(subtree(journey, handbook.children)) - 1
    if not pains:
        return ctx.macros.subtree_pains(fill(ctx.labels["journey_subtree_no_pains"], count=inside), Markup(), 0, "")
    href = ctx.site.href(here, ctx.site.src("pain-points"))
    more = max(0, len(pains) - SUMMARY_PAINS)
    shown = pain_list(ctx, here, pains[:SUMMARY_PAINS])
    intro = fill(ctx.labels["journey_subtree_pains_intro"], count=inside)
    section = ctx.macros.subtree_pains(intro, shown, more, href)
    return section + priority_legend(ctx, here) if legend else section


# ---- The tree that opens the journeys index --------------------------------------------------

TREE_NODE_BYTES = 320  # estimated bytes of one journey in the tree (render/pagination.py)


@dataclass(frozen=True)
class Node:
    """A journey in the tree: `children` are the journeys inside it that the tree shows (none
    below its last level: its page lists them), `inside` says how many there are, `opened`
    whether their list starts unfolded."""

    link: Markup
    title: str  # for the words of its fold
    state: str | None  # the state's words, for a future-state design only
    children: tuple[Node, ...]
    inside: str  # "3 journeys inside", or ""
    opened: bool


def top_journeys(handbook: Handbook, room: int | None = None) -> list[Journey]:
    """The top-level journeys the tree starts from, in title order: all of them, or when more
    than `room`, `room` of them, those with journeys inside first (the tree is there for them):
    a handbook of thousands of journeys outside any hierarchy keeps its tree bounded, and the
    index lists every journey below it."""
    top = sorted((j for j in handbook.journeys if j.parent is None), key=lambda j: (j.title.casefold(), j.id))
    if room is None or len(top) <= room:
        return top
    ranked = [j for j in top if handbook.children.get(j.id)] + [j for j in top if not handbook.children.get(j.id)]
    kept = {j.id for j in ranked[:room]}
    return [j for j in top if j.id in kept]


def tree_levels(handbook: Handbook, budget: int, top: Sequence[Journey] | None = None) -> tuple[int, int]:
    """How many levels of the hierarchy the tree shows, and how many journeys that is: every
    level whose journeys fit in `budget` bytes together with the levels above it (the top, all
    of `top` or every top-level journey, always)."""
    level = list(top) if top is not None else top_journeys(handbook)
    shown, levels = len(level), 1
    while True:
        level = [child for journey in level for child in handbook.children.get(journey.id, ())]
        if not level or (shown + len(level)) * TREE_NODE_BYTES > budget:
            return levels, shown
        shown += len(level)
        levels += 1


def tree(handbook: Handbook, ctx: Context, here: str, levels: int, top: Sequence[Journey] | None = None) -> list[Node]:
    """The top-level journeys (`top`, or all of them), each with the journeys inside it down to
    `levels` levels; the top and its children start unfolded. Journeys are in title order at
    the top, in their parent's order below it."""

    def node(journey: Journey, level: int) -> Node:
        below = handbook.children.get(journey.id, ())
        shown = tuple(node(child, level + 1) for child in below) if level < levels else ()
        words = fill(ctx.labels["journeys_tree_inside"], count=len(below)) if below else ""
        state = ctx.labels["state_future"] if journey.state == "future" else None
        return Node(
            journey_link(ctx, here, journey),
            journey.title,
            state,
            shown,
            words,
            level < 2,
        )

    return [node(journey, 1) for journey in (top if top is not None else top_journeys(handbook))]


def tree_facts(handbook: Handbook) -> tuple:
    """What the tree shows of the handbook, for the memo of a preview (render/memo.py)."""
    return tuple(
        (j.id, j.title, j.state, tuple(c.id for c in handbook.children.get(j.id, ()))) for j in handbook.journeys
    )


def hierarchy_facts(handbook: Handbook, journey: Journey) -> tuple:
    """What a journey's page shows of the journeys around it, for the memo of a preview: its
    ancestors' titles, the step that it zooms into, and what it shows of each child."""
    above = tuple((j.id, j.title) for j in ancestors(journey, handbook.journey_by_id))
    found = handbook.detailing_step.get(journey.id)
    step = (found[0].id, found[2].anchor, found[2].touchpoint) if found else None
    below = tuple(child_facts(handbook, child) for child in _zoomed(handbook, journey))
    pains = tuple((p.id, reading, p.score) for p, reading in subtree_pains(handbook, journey)) if below else ()
    return above, step, below, pains


def _zoomed(handbook: Handbook, journey: Journey) -> Iterable[Journey]:
    """The journeys a page of `journey` describes: its children and the journeys inside them."""
    return subtree(journey, handbook.children)[1:]


def child_facts(handbook: Handbook, journey: Journey) -> tuple:
    """What a row of the children's table or a drill-down card shows of a journey."""
    pains = tuple((p.id, reading, p.score) for p, reading in subtree_pains(handbook, journey))
    found = handbook.detailing_step.get(journey.id)
    step = (found[2].anchor, found[2].touchpoint) if found else None
    kpis = tuple(place.kpi for place in kpi_places(journey))  # its health
    return (
        journey.id,
        journey.title,
        bool(journey.problems),
        tuple(s.emotion for _, s in journey.steps),
        pains,
        step,
        kpis,
    )
