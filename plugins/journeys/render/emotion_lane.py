"""The emotion curve as a lane of the map grid, drawn at build time.

Each step's cell holds its own small SVG (the `curve` macro of templates/macros.html): the point at the centre of the cell and half of the
line to each neighbour, meeting the neighbour's half at the shared cell border, at the height
halfway between the two emotions. Coordinates are percentages of the cell, so the pieces join
into one curve whatever widths the browser (or the printer) gives the columns, with no script.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup

from journeys.render.context import Context
from journeys.render.fragments import nearest_emotion
from journeys.render.text import number

# The axis runs a little beyond the scale (-2 ... +2) so the extreme points are not clipped.
AXIS = 2.5
HEIGHT_PX = 64


@dataclass(frozen=True)
class Piece:
    """One cell of the curve, heights in percent from the top of the cell: `left` and `right`
    where the line crosses the cell's borders (None at the ends of the journey)."""

    left: float | None
    centre: float
    right: float | None


def height(score: float) -> float:
    """Percent from the top: +2.5 at 0 %, 0 at 50 %, -2.5 at 100 %."""
    clamped = max(-AXIS, min(AXIS, score))
    return round((AXIS - clamped) / (2 * AXIS) * 100, 2)


def pieces(scores: Sequence[float]) -> list[Piece]:
    """The curve through `scores` cut at the cell borders."""
    ys = [height(s) for s in scores]
    return [
        Piece(
            round((ys[n - 1] + y) / 2, 2) if n else None,
            y,
            round((y + ys[n + 1]) / 2, 2) if n + 1 < len(ys) else None,
        )
        for n, y in enumerate(ys)
    ]


def _num(value: float | None) -> Markup | None:
    return None if value is None else number(f"{value:g}")


def piece_svg(ctx: Context, piece: Piece, score: float) -> Markup:
    """The SVG of one cell (the `curve` macro; the zero line is the stylesheet's). It is
    decoration: the cell's emotion chip says the same in words, so the picture is hidden from
    assistive technology."""
    drawn = {"left": _num(piece.left), "centre": _num(piece.centre), "right": _num(piece.right)}
    return ctx.macros.curve(drawn, number(nearest_emotion(score)), HEIGHT_PX)


def lane(ctx: Context, scores: Sequence[float]) -> list[Markup]:
    """The SVG of every cell of the emotion lane, in step order."""
    return [piece_svg(ctx, piece, score) for piece, score in zip(pieces(scores), scores)]
