"""The drawing vocabulary of furniture symbols: plain values in a piece's own frame.

Coordinates are centimetres with the origin at the piece's centre, x along its width and y along
its depth, +y towards its front (down the screen before the piece is turned). Fills are tones of
grey, not colours, so a black-and-white printout keeps the parts apart; a renderer maps each
tone to a colour (Qt on screen; reportlab could do the same for print).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import TypeAlias


class Tone(Enum):
    """How a closed shape is filled, from none to dark."""

    NONE = "none"  # only the line
    PAPER = "paper"  # the piece's own fill: hides the parts under it
    LIGHT = "light"
    MID = "mid"
    DARK = "dark"


class Stroke(Enum):
    """How a shape's line is drawn; all of them are thin."""

    NONE = "none"  # fill only
    LINE = "line"
    FINE = "fine"  # thinner: texture such as fringe, hangers, a table's edge
    HIDDEN = "hidden"  # dashed: a part under the top, such as a desk's drawer unit


@dataclass(frozen=True, slots=True)
class Rect:
    """An axis-parallel rectangle from its top-left corner (x, y), optionally rounded."""

    x: float
    y: float
    w: float
    h: float
    radius: float = 0.0
    fill: Tone = Tone.NONE
    stroke: Stroke = Stroke.LINE


@dataclass(frozen=True, slots=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    stroke: Stroke = Stroke.LINE


@dataclass(frozen=True, slots=True)
class Circle:
    cx: float
    cy: float
    r: float
    fill: Tone = Tone.NONE
    stroke: Stroke = Stroke.LINE


@dataclass(frozen=True, slots=True)
class Polyline:
    points: tuple[tuple[float, float], ...]
    closed: bool = False
    fill: Tone = Tone.NONE  # only used when closed
    stroke: Stroke = Stroke.LINE


Primitive: TypeAlias = Rect | Line | Circle | Polyline
Symbol: TypeAlias = tuple[Primitive, ...]
Bounds: TypeAlias = tuple[float, float, float, float]  # x_min, y_min, x_max, y_max


def bounds(p: Primitive) -> Bounds:
    """The smallest axis-parallel box around a primitive's ink (line width aside)."""
    match p:
        case Rect():
            return (p.x, p.y, p.x + p.w, p.y + p.h)
        case Line():
            return (min(p.x1, p.x2), min(p.y1, p.y2), max(p.x1, p.x2), max(p.y1, p.y2))
        case Circle():
            return (p.cx - p.r, p.cy - p.r, p.cx + p.r, p.cy + p.r)
        case Polyline():
            xs, ys = [x for x, _ in p.points], [y for _, y in p.points]
            return (min(xs), min(ys), max(xs), max(ys))


def is_visible(p: Primitive) -> bool:
    """False for shapes squeezed to nothing (a detail that no longer fits a tiny piece)."""
    match p:
        case Rect():
            return p.w > 0 and p.h > 0
        case Circle():
            return p.r > 0
        case Line():
            return (p.x1, p.y1) != (p.x2, p.y2)
        case Polyline():
            return len(p.points) >= 2
