"""How furniture is used together: where one piece may stand partly over another without it
being a conflict, written as data with its reasons (issue 18).

In every home the dining chairs are pushed in under the table: their seats stand under the
table top in the plan, their backs do not. An overlap is a conflict only when no relation
allows it; a relation whose pieces go too far (a chair pushed in up to its back) is a conflict
named after the relation ("Stolen står for langt inde under bordet").

A rug under anything needs no relation here: `Placement.floor_flat` already lets it lie under
the rest (hjem.floorplan.footprint_rule).
"""

from __future__ import annotations

from dataclasses import dataclass

import shapely
from shapely.geometry import Polygon

from hjem.floorplan.geometry import local_to_world
from hjem.floorplan.model import Placement
from hjem.floorplan.shapes import footprint

# A chair's back, as seen from above: the rear strip that never goes under a table top.
# Measured on common dining and desk chairs (IKEA, Ilva, JYSK catalogues, 2024): backs are
# 2–6 cm thick and lean back 4–8 cm, so 12 cm (or a fifth of a deep chair) is kept free.
LEAST_BACK_CM = 12.0
BACK_SHARE = 0.2
OVERLAP_EPSILON_CM2 = 1.0  # a shared edge, not an overlap


@dataclass(frozen=True)
class Relation:
    """One way two kinds of piece are used together."""

    name: str  # the catalog key of its words: `relation.<name>.*`
    pieces: frozenset[str]  # the categories that may stand partly under ...
    hosts: frozenset[str]  # ... these
    reason: str  # why, for docs/rules.md and the curious reader


SEATS = frozenset({"stol", "barstol"})
UNDER_TOP = Relation(
    "seat_under_top",
    SEATS,
    frozenset({"spisebord", "skrivebord"}),
    "Chairs are pushed in under a dining table or a desk up to their seat: the top stands "
    "higher than the seat, so only the back would collide.",
)
RELATIONS: tuple[Relation, ...] = (UNDER_TOP,)


def related(a: Placement, b: Placement) -> tuple[Relation, Placement, Placement] | None:
    """The relation between the two pieces' kinds, with (piece, host), or None."""
    for relation in RELATIONS:
        if a.category in relation.pieces and b.category in relation.hosts:
            return relation, a, b
        if b.category in relation.pieces and a.category in relation.hosts:
            return relation, b, a
    return None


def overlap_allowed(a: Placement, b: Placement) -> bool:
    """Whether the two overlapping pieces stand as their relation allows."""
    found = related(a, b)
    return found is not None and _pushed_in(found[1], found[2])


def _pushed_in(seat: Placement, top: Placement) -> bool:
    """The seat faces the top and only its front part, not its back, is under it."""
    table = footprint(top, shrink=0.0)
    back_under = shapely.intersection(_back(seat), table).area > OVERLAP_EPSILON_CM2
    return not back_under and _faces(seat, table)


def _faces(seat: Placement, table: Polygon) -> bool:
    """The middle of the seat's front edge is nearer the top than the middle of its back."""
    front, back = (
        local_to_world(seat.center, seat.rotation, (0.0, side * seat.depth / 2)) for side in (1, -1)
    )
    return bool(
        table.distance(shapely.Point(front.x, front.y))
        < table.distance(shapely.Point(back.x, back.y))
    )


def back_depth(seat: Placement) -> float:
    return max(LEAST_BACK_CM, BACK_SHARE * seat.depth)


def _back(seat: Placement) -> Polygon:
    """The seat's rear strip in plan coordinates (its front is its local +y side)."""
    half_w, half_d = seat.width / 2, seat.depth / 2
    edge = -half_d + back_depth(seat)
    corners = [(-half_w, -half_d), (half_w, -half_d), (half_w, edge), (-half_w, edge)]
    return Polygon(
        [(p.x, p.y) for p in (local_to_world(seat.center, seat.rotation, c) for c in corners)]
    )
