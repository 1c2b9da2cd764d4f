"""Top-view furniture symbols: what to draw inside a piece's footprint, as plain data.

`symbol(category, width, depth)` returns primitives (rectangles, lines, circles and
polylines; see `symbol_primitives`) in the piece's own frame: centimetres, origin at the
piece's centre, +y towards its front. Every primitive lies inside the footprint
[-width/2, width/2] × [-depth/2, depth/2].

The footprint's outline and fill are NOT part of a symbol: the renderer draws the piece's box
first (its outline shows selection and conflicts) and the symbol's details on top.

Fills are tones of grey, not colours, so the symbols stay legible printed in black and white.
A category without a drawing of its own gets the generic sign, a cross from corner to corner.
"""

from __future__ import annotations

import math
from functools import lru_cache

from hjem.floorplan.symbol_primitives import (
    Bounds,
    Circle,
    Line,
    Polyline,
    Primitive,
    Rect,
    Stroke,
    Symbol,
    Tone,
    bounds,
    is_visible,
)
from hjem.floorplan.symbol_shapes import DRAWINGS, generic

__all__ = [
    "Bounds",
    "Circle",
    "Line",
    "Polyline",
    "Primitive",
    "Rect",
    "Stroke",
    "Symbol",
    "Tone",
    "bounds",
    "has_own_symbol",
    "symbol",
]

TOO_SMALL = 8.0  # cm: below this, details would be a smudge; only the generic sign is drawn


def symbol(category: str, width: float, depth: float) -> Symbol:
    """The symbol of a `width` × `depth` cm piece of `category` (see the module docstring)."""
    # Rounded down to 0.01 cm: a resize drag reuses cached symbols, and a symbol drawn for a
    # slightly smaller size can never poke out of the real footprint.
    return _symbol(category, _floor_cm(width), _floor_cm(depth))


def has_own_symbol(category: str) -> bool:
    return category in DRAWINGS


def _floor_cm(size: float) -> float:
    return math.floor(size * 100) / 100


@lru_cache(maxsize=1024)
def _symbol(category: str, width: float, depth: float) -> Symbol:
    if width <= 0 or depth <= 0:
        return ()
    drawing = DRAWINGS.get(category, generic)
    if min(width, depth) < TOO_SMALL:
        drawing = generic
    return tuple(p for p in drawing(width, depth) if is_visible(p))
