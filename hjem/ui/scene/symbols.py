"""Paint furniture symbols (`hjem.floorplan.symbols`) with QPainter, cheaply.

A symbol's primitives are turned into QPainterPaths once and kept: consecutive unfilled shapes
with the same line share one path, so a piece costs a handful of drawPath calls. Lines are
cosmetic (their width is in screen pixels at any zoom), as everywhere on the plan.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen

from hjem.floorplan.symbols import (
    Circle,
    Line,
    Polyline,
    Primitive,
    Rect,
    Stroke,
    Symbol,
    Tone,
)
from hjem.memo import IdentityMemo
from hjem.ui.scene import style

# On screen: warm shades of the furniture's cream, so cushions and doors read as parts of it.
COLOUR_FILLS: Mapping[Tone, QColor] = {
    Tone.PAPER: style.FURNITURE,
    Tone.LIGHT: QColor("#ede3d1"),
    Tone.MID: QColor("#d6c7ad"),
    Tone.DARK: QColor("#8f826d"),
}
# Printed in black and white: plain greys, far enough apart to tell a cushion from an arm.
PRINT_FILLS: Mapping[Tone, QColor] = {
    Tone.PAPER: QColor("#ffffff"),
    Tone.LIGHT: QColor("#e8e8e8"),
    Tone.MID: QColor("#c2c2c2"),
    Tone.DARK: QColor("#7a7a7a"),
}

FINE_SHARE = 0.6  # a fine line's width as a share of the symbol's line width
HIDDEN_DASHES = [4.0, 3.0]  # dash and gap, in line widths


@dataclass(frozen=True, slots=True)
class Layer:
    path: QPainterPath
    fill: Tone
    stroke: Stroke


def paint_symbol(
    painter: QPainter,
    primitives: Symbol,
    line_color: QColor,
    line_width_px: float,
    fills: Mapping[Tone, QColor] = COLOUR_FILLS,
) -> None:
    """Draw a symbol in the painter's current frame (the piece's own, in cm)."""
    painter.save()
    for layer in layers(primitives):
        painter.setPen(_pen(line_color.rgba(), line_width_px, layer.stroke))
        painter.setBrush(
            _brush(fills[layer.fill].rgba()) if layer.fill is not Tone.NONE else _NO_BRUSH
        )
        painter.drawPath(layer.path)
    painter.restore()


_NO_BRUSH = QBrush(Qt.BrushStyle.NoBrush)
_layers: IdentityMemo[tuple[Layer, ...]] = IdentityMemo(2048)


def layers(primitives: Symbol) -> tuple[Layer, ...]:
    """The symbol's paths, built once per symbol.

    `symbol()` hands out the same tuple for the same piece, so the memo is keyed by identity
    (hashing a tuple of dataclasses on every paint would cost more than the rest of the Python
    work).
    """
    return _layers.get((primitives,), lambda: _build_layers(primitives))


def _build_layers(primitives: Symbol) -> tuple[Layer, ...]:
    result: list[Layer] = []
    for p in primitives:
        fill, stroke = _fill_of(p), p.stroke
        # Only unfilled shapes share a path: filled ones overlapping in one path would leave
        # holes (Qt's fill rules), and their order decides what covers what.
        same_as_last = bool(result) and (result[-1].fill, result[-1].stroke) == (fill, stroke)
        if not (same_as_last and fill is Tone.NONE):
            result.append(Layer(QPainterPath(), fill, stroke))
        _add(result[-1].path, p)
    return tuple(result)


def _fill_of(p: Primitive) -> Tone:
    if isinstance(p, Line) or (isinstance(p, Polyline) and not p.closed):
        return Tone.NONE
    return p.fill


def _add(path: QPainterPath, p: Primitive) -> None:
    match p:
        case Rect():
            path.addRoundedRect(QRectF(p.x, p.y, p.w, p.h), p.radius, p.radius)
        case Line():
            path.moveTo(p.x1, p.y1)
            path.lineTo(p.x2, p.y2)
        case Circle():
            path.addEllipse(QPointF(p.cx, p.cy), p.r, p.r)
        case Polyline():
            path.moveTo(*p.points[0])
            for point in p.points[1:]:
                path.lineTo(*point)
            if p.closed:
                path.closeSubpath()


@lru_cache(maxsize=256)
def _pen(rgba: int, width_px: float, stroke: Stroke) -> QPen:
    if stroke is Stroke.NONE:
        return QPen(Qt.PenStyle.NoPen)
    fine = stroke is Stroke.FINE
    pen = style.pen(QColor.fromRgba(rgba), width_px * (FINE_SHARE if fine else 1.0))
    if stroke is Stroke.HIDDEN:
        pen.setDashPattern(HIDDEN_DASHES)
    return pen


@lru_cache(maxsize=64)
def _brush(rgba: int) -> QBrush:
    return QBrush(QColor.fromRgba(rgba))
