"""The emotion curve as a lane of the map grid, drawn at build time.

Each step's cell holds its own small SVG: the point at the centre of the cell and half of the
line to each neighbour, meeting the neighbour's half at the shared cell border, at the height
halfway between the two emotions. Coordinates are percentages of the cell, so the pieces join
into one curve whatever widths the browser (or the printer) gives the columns, with no script.
"""

from __future__ import annotations

from dataclasses import dataclass

from journeys.render.fragments import nearest_emotion

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


def pieces(scores) -> list[Piece]:
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


def _num(value: float) -> str:
    return f"{value:g}"


def piece_svg(piece: Piece, score: float) -> str:
    """The SVG of one cell (the zero line is the stylesheet's). It is decoration: the cell's
    emotion chip says the same in words, so the picture is hidden from assistive technology."""
    rounded = nearest_emotion(score)
    lines = "".join(
        f'<line x1="{x1}" y1="{_num(y1)}%" x2="{x2}" y2="{_num(y2)}%"/>'
        for x1, y1, x2, y2 in (
            ("0", piece.left, "50%", piece.centre),
            ("50%", piece.centre, "100%", piece.right),
        )
        if y1 is not None and y2 is not None
    )
    return (
        f'<svg class="jm-curve" width="100%" height="{HEIGHT_PX}" aria-hidden="true">{lines}'
        f'<circle data-emotion="{rounded}" cx="50%" cy="{_num(piece.centre)}%" r="6"/></svg>'
    )


def lane(scores) -> list[str]:
    """The SVG of every cell of the emotion lane, in step order."""
    scores = list(scores)
    return [piece_svg(piece, score) for piece, score in zip(pieces(scores), scores)]
