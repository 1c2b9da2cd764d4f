"""Walkway checks shared by many pieces, for "what fits here" (`fits.py`).

Sifting 200 pieces would take 200 walkway checks. Instead, an envelope, floor holding many of
the pieces a centimetre clear, is taken and the walkway checked once with it taken: if the way
stays open, it stays open with any of those pieces (less furniture never closes a way).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from hjem.floorplan.categories import BEDS
from hjem.floorplan.geometry import Point
from hjem.floorplan.model import Placement
from hjem.floorplan.piece_check import PieceCheck
from hjem.floorplan.wall_runs import Edge

BUCKET = 25.0  # cm: envelopes come in lengths and depths of this step
MARGIN = 1.0  # cm an envelope reaches beyond the pieces it vouches for
MAX_CUTTING = 32  # footprints remembered for cutting a way off


@dataclass(frozen=True)
class Slot:
    """Where pieces line up against `edge`: starting at, ending at or centred on `at` (cm
    along the edge); envelopes for them are cut to `clip` (an area), if given."""

    edge: Edge
    anchor: str  # "start", "end" or "centre"
    at: float
    clip: BaseGeometry | None = None

    def along(self, length: float) -> float:
        """The centre of something `length` cm long in this slot."""
        return {"start": self.at + length / 2, "end": self.at - length / 2}.get(
            self.anchor, self.at
        )

    def envelope(self, length: float, depth: float) -> Envelope:
        """Floor holding, a centimetre clear, anything up to `length` long and `depth` deep
        (from the edge) in this slot."""
        long = bucket(length + 2 * MARGIN)
        u0 = {"start": self.at - MARGIN, "end": self.at + MARGIN - long}.get(
            self.anchor, self.at - long / 2
        )
        return Envelope(self.edge, u0, u0 + long, bucket(depth + MARGIN), self.clip)


@dataclass(frozen=True)
class Envelope:
    """Floor from `u0` to `u1` along `edge`, from a centimetre behind it to `deep` cm into the
    room, cut to `clip` if given."""

    edge: Edge
    u0: float
    u1: float
    deep: float
    clip: BaseGeometry | None = None

    @property
    def key(self) -> tuple[object, ...]:
        return (id(self.edge), round(self.u0, 3), round(self.u1, 3), self.deep)

    def shape(self) -> BaseGeometry:
        ends = ((self.u0, -MARGIN), (self.u1, -MARGIN), (self.u1, self.deep), (self.u0, self.deep))
        shape = shapely.Polygon([self.edge.point(u, v) for u, v in ends])
        return shape if self.clip is None else shape.intersection(self.clip)


def bucket(value: float) -> float:
    return BUCKET * math.ceil(value / BUCKET)


class Envelopes:
    """Walkways checked once for many pieces instead of once per piece.

    If the way is open with an envelope taken, it is open with any piece a centimetre within
    it: less furniture never closes a way, and the centimetre covers the walkway's rounding of
    corners (under 0.8 cm). That holds for rooms and for the beds whose free sides the envelope
    leaves alone; a bed side it takes may be free with a piece, and a bed placed brings sides of
    its own, so those are asked again for the piece (cheap). Conversely a piece covering one
    that cut a way off to a room or another bed cuts it off too (up to the walkway's rounding: at
    worst a piece is left out). Only when neither settles it is the walkway worked out for the
    piece itself.
    """

    def __init__(self) -> None:
        self._open: dict[object, _EnvelopeWay] = {}
        self._cutting: list[BaseGeometry] = []  # footprints found to cut a way off

    def clear(
        self, check: PieceCheck, center: Point, rotation: float, envelope: Envelope | None
    ) -> bool:
        if envelope is not None and self._vouched(check, center, rotation, envelope):
            return True
        footprint = check.footprint(center, rotation)
        cutting = self._cutting and not check.moving.floor_flat
        if cutting and shapely.covers(footprint, np.array(self._cutting)).any():
            return False
        if check.walkway_clear(center, rotation):
            return True
        if not _is_bed(check.moving):  # a bed may have cut off only its own side
            shapely.prepare(footprint)
            self._cutting = [*self._cutting[-MAX_CUTTING + 1 :], footprint]
        return False

    def _vouched(
        self, check: PieceCheck, center: Point, rotation: float, envelope: Envelope
    ) -> bool:
        way = self._open.get(envelope.key)
        if way is None:
            way = self._open[envelope.key] = _EnvelopeWay.of(check, envelope.shape())
        if way.reached is None:
            return False
        if way.all_open and not _is_bed(check.moving):
            return True
        return not check.cut_off(way.reached, center, rotation)


@dataclass(frozen=True)
class _EnvelopeWay:
    """The walkway with an envelope taken: the floor reached (None if a room is cut off), and
    whether every bed side it leaves alone is reached and it takes none."""

    reached: np.ndarray | None
    all_open: bool

    @staticmethod
    def of(check: PieceCheck, shape: BaseGeometry) -> _EnvelopeWay:
        reached = check.reach_around(shape)
        walkway = check.walkway_check
        if not walkway.blocked(reached, []) <= check.blocked_before:
            return _EnvelopeWay(None, False)
        sides = check.bed_sides_before
        untouched = [(bed, side) for bed, side in sides if not side.intersects(shape)]
        beds_open = walkway.blocked(reached, untouched) <= check.blocked_before
        return _EnvelopeWay(reached, beds_open and len(untouched) == len(sides))


def _is_bed(piece: Placement) -> bool:
    """A bed brings sides of its own that the walkway must reach."""
    return piece.category in BEDS and not piece.floor_flat
