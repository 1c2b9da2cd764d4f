"""The hard rules among the pieces a layout places, one pair at a time, so one piece checker
of the room without them (`PieceCheck`, built once) serves every piece of every variant.

The piece checker judges a piece against the plan it was built on: walls, doors, windows,
fixed elements and the furniture that stays. Between the pieces placed since, the same rules
are applied here to a handful of rectangles: footprints overlap only as a relation allows (a
chair pushed in under the table; a rug lies under anything), nobody stands in another's
clearance unless that clearance allows its kind, and each piece's clearance is met (all its
zones free, or any one, as it needs) counting what the piece checker found taken already.

The finished layout still goes through `full_report`; should these rules and the engine ever
disagree (a zone clipped by an inner wall), the solver lays the room out again with a piece
checker rebuilt for every piece.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from hjem.floorplan.clearance import ZoneState, unmet
from hjem.floorplan.model import Placement
from hjem.floorplan.relations import overlap_allowed, related
from hjem.floorplan.shapes import clearance_of


@dataclass
class _Placed:
    piece: Placement
    footprint: shapely.Polygon
    zones: np.ndarray
    blocked: list[bool]  # per zone: taken (by the plan, or by a piece placed)


@dataclass
class PairCheck:
    """The pieces placed so far, and whether one more may join them."""

    placed: list[_Placed] = field(default_factory=list)

    def join(self, piece: Placement, plan_blocked: list[bool], shapes: np.ndarray) -> bool:
        """Add `piece` (at its pose) if it keeps the hard rules among the placed pieces, and
        say whether it did; `plan_blocked`: its zones the plan already takes, `shapes` its
        footprint and zones there, as the piece checker has them (`PieceCheck.zones_blocked`,
        `PieceCheck.shapes_at`). The others' zones it takes are counted once, for the test
        and for the record."""
        footprint, zones = shapes[0], shapes[1:]
        own = list(plan_blocked) if not piece.floor_flat else []
        allow = clearance_of(piece).allow
        taken_from: list[tuple[_Placed, list[bool]]] = []
        for other in self.placed:
            if piece.floor_flat or other.piece.floor_flat:
                continue
            if footprint.intersects(other.footprint) and not overlap_allowed(piece, other.piece):
                return False
            if piece.category not in clearance_of(other.piece).allow and len(other.zones):
                taken = shapely.intersects(other.zones, footprint).tolist()
                states = [a or b for a, b in zip(other.blocked, taken, strict=True)]
                if _unmet(other.piece, states):
                    return False
                taken_from.append((other, states))
            if other.piece.category not in allow and own:
                taken = shapely.intersects(zones, other.footprint).tolist()
                own = [a or b for a, b in zip(own, taken, strict=True)]
        if _unmet(piece, own):
            return False
        for other, states in taken_from:
            other.blocked = states
        self.placed.append(_Placed(piece, footprint, zones if own else zones[:0], own))
        return True

    def standing_in_way(self, piece: Placement) -> list[BaseGeometry]:
        """The footprints of placed pieces `piece` may not overlap at all (no relation, no rug),
        and the clearance zones it may not stand in that must all stay free."""
        if piece.floor_flat:
            return []
        found: list[BaseGeometry] = []
        for other in self.placed:
            if other.piece.floor_flat or related(piece, other.piece) is not None:
                continue
            found.append(other.footprint)
            clearance = clearance_of(other.piece)
            if clearance.need == "all" and piece.category not in clearance.allow:
                found += list(other.zones)
        return found

    def copy(self) -> PairCheck:
        return PairCheck(
            [_Placed(p.piece, p.footprint, p.zones, list(p.blocked)) for p in self.placed]
        )


def _unmet(piece: Placement, blocked: list[bool]) -> bool:
    """Whether the piece lacks free floor with these zones taken, as the engine judges it
    (all, any one, or enough sides to seat a table's people)."""
    if not blocked or not any(blocked):
        return False
    states = [ZoneState(taken, frozenset()) for taken in blocked]
    return unmet(clearance_of(piece), states, (piece.width, piece.depth)) is not None
