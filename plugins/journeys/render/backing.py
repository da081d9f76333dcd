"""How a pain point is backed, in the site's words (map format 1.2, "Insights"): "3 insights:
survey, 2 interviews; 412 participants; 2 pieces of evidence", or the mark of a pain point
backed by nothing. The journey map's cards and the pain-point index show the same words.

A public build publishes only public insights and, unless `public_fields` names it, no
evidence: a pain point can look unbacked there while its research is simply not public, so a
public build never marks a pain point as backed by nothing."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from markupsafe import Markup

from journeys.core.handbook import Handbook
from journeys.core.index import Backing, MergedPainPoint, backing
from journeys.render.context import Context
from journeys.render.labels import counted


def kind_key(kind: str) -> str:
    """A kind as label keys spell it: `support-tickets` is `insight_kind_support_tickets`."""
    return kind.replace("-", "_")


def kinds_words(labels: Mapping[str, str], kinds: Iterable[tuple[str, int]]) -> str:
    """ "survey, 2 interviews": each kind once, with its count when there is more than one."""
    return ", ".join(
        labels[f"insight_kind_{kind_key(kind)}"] if n == 1 else f"{n} {labels[f'insight_kinds_{kind_key(kind)}']}"
        for kind, n in kinds
    )


def backing_words(labels: Mapping[str, str], found: Backing) -> str:
    """The backing in words; "" for a pain point backed by nothing."""
    parts = []
    if found.insights:
        kinds = kinds_words(labels, found.kinds)
        parts.append(counted(labels, "backing_insights", len(found.insights), kinds=kinds))
    if found.participants is not None:
        parts.append(counted(labels, "backing_participants", found.participants))
    if found.evidence:
        parts.append(counted(labels, "backing_evidence", found.evidence))
    return "; ".join(parts)


def pain_backing(handbook: Handbook, pain: MergedPainPoint) -> Backing:
    return backing(pain.insights, pain.evidence, handbook.insight_by_id)


def marks_unbacked(handbook: Handbook) -> bool:
    """Whether pages mark pain points backed by nothing (see the module docstring)."""
    return handbook.audience != "public"


def backing_line(handbook: Handbook, ctx: Context, pain: MergedPainPoint | None) -> Markup:
    """The `backing` macro for a merged pain point (none: an occurrence without a row)."""
    words = backing_words(ctx.labels, pain_backing(handbook, pain)) if pain is not None else ""
    marked = not words and marks_unbacked(handbook)
    return ctx.templates.piece(("backing", words, marked), lambda: ctx.macros.backing(words, marked))
