"""How furniture is used together: where one piece may stand partly over another without it
being a conflict, written as data with its reasons (issue 18).

In every home the dining chairs are pushed in under the table: their seats stand under the
table top in the plan, their backs do not; bar stools stand under a kitchen counter's overhang.
An overlap is a conflict only when no relation allows it; a relation whose pieces go too far (a
chair pushed in up to its back) is a conflict named after the relation ("Stolen står for langt
inde under bordet").

A rug under anything needs no relation here: `Placement.floor_flat` already lets it lie under
the rest (hjem.floorplan.footprint_rule).
"""

from __future__ import annotations

from dataclasses import dataclass

import shapely
from shapely.geometry import Polygon

from hjem.floorplan.geometry import local_to_world
from hjem.floorplan.model import Fixture, FixtureKind, Placement
from hjem.floorplan.shapes import footprint

# A chair's back, as seen from above: the rear strip that never goes under a table top.
# Measured on common dining and desk chairs (IKEA, Ilva, JYSK catalogues, 2024): backs are
# 2–6 cm thick and lean back 4–8 cm, so 12 cm (or a fifth of a deep chair) is kept free.
LEAST_BACK_CM = 12.0
BACK_SHARE = 0.2
OVERLAP_EPSILON_CM2 = 1.0  # a shared edge, not an overlap
# A kitchen counter has cupboards down to its plinth; a stool goes only under its overhang.
# Bar and island counters overhang 25–30 cm for the knees (Danish kitchen makers' guides).
COUNTER_OVERHANG_CM = 30.0

Host = Placement | Fixture


@dataclass(frozen=True)
class Relation:
    """One way two kinds of piece are used together."""

    name: str  # the catalog key of its words: `relation.<name>.*`
    pieces: frozenset[str]  # the categories that may stand partly under ...
    hosts: frozenset[str]  # ... these (categories, or fixture kinds)
    reason: str  # why, for docs/rules.md and the curious reader
    reach: float | None = None  # how far (cm) a piece may go under its host; None: its seat


SEATS = frozenset({"stol", "barstol"})
UNDER_TOP = Relation(
    "seat_under_top",
    SEATS,
    frozenset({"spisebord", "skrivebord"}),
    "Chairs are pushed in under a dining table or a desk up to their seat: the top stands "
    "higher than the seat, so only the back would collide.",
)
AT_COUNTER = Relation(
    "stool_under_counter",
    frozenset({"barstol"}),
    frozenset({FixtureKind.KITCHEN_COUNTER.value}),
    "Bar stools stand at a kitchen counter or bar with their seats under its overhang.",
    reach=COUNTER_OVERHANG_CM,
)
RELATIONS: tuple[Relation, ...] = (UNDER_TOP, AT_COUNTER)
# (piece's kind, host's kind) → relation: asked for every pair of touching pieces in a drag
_BY_KINDS = {(p, h): r for r in RELATIONS for p in r.pieces for h in r.hosts}
FIXTURE_KINDS = frozenset(kind.value for kind in FixtureKind)
# The kinds of piece that may stand partly under a fixed element (a bar stool, a counter).
UNDER_FIXTURES = frozenset(p for (p, h) in _BY_KINDS if h in FIXTURE_KINDS)


def kind_of(element: Host) -> str:
    return element.category if isinstance(element, Placement) else element.kind.value


def related(a: Placement, b: Host) -> tuple[Relation, Placement, Host] | None:
    """The relation between the two elements' kinds, with (piece, host), or None. Only a
    piece of furniture stands under something; a fixed element is only ever a host."""
    kind_b = kind_of(b)
    if (relation := _BY_KINDS.get((a.category, kind_b))) is not None:
        return relation, a, b
    if isinstance(b, Placement) and (relation := _BY_KINDS.get((kind_b, a.category))):
        return relation, b, a
    return None


def overlap_allowed(a: Placement, b: Host) -> bool:
    """Whether the two overlapping elements stand as their relation allows."""
    found = related(a, b)
    return found is not None and _pushed_in(found[1], found[2], found[0])


def overstepped(a: Placement, b: Host) -> Relation | None:
    """The relation two overlapping elements overstep: a seat facing its top but pushed in
    too far. A seat turned away from the top is no use of it at all (None)."""
    found = related(a, b)
    if found is None or not _faces(found[1], footprint(found[2], shrink=0.0)):
        return None
    return found[0]


def _pushed_in(seat: Placement, top: Host, relation: Relation) -> bool:
    """The seat faces the top and only its front part, not its back, is under it."""
    table = footprint(top, shrink=0.0)
    kept_out = _kept_out(seat, under_depth(seat, relation))
    back_under = shapely.intersection(kept_out, table).area > OVERLAP_EPSILON_CM2
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


def under_depth(seat: Placement, relation: Relation) -> float:
    """How deep (cm from its front) the seat may stand under its host."""
    seat_part = max(seat.depth - back_depth(seat), 0.0)
    return seat_part if relation.reach is None else min(seat_part, relation.reach)


def _kept_out(seat: Placement, under: float) -> Polygon:
    """The seat's strip behind its first `under` cm, in plan coordinates (its front is its
    local +y side)."""
    half_w, half_d = seat.width / 2, seat.depth / 2
    edge = half_d - under
    corners = [(-half_w, -half_d), (half_w, -half_d), (half_w, edge), (-half_w, edge)]
    return Polygon(
        [(p.x, p.y) for p in (local_to_world(seat.center, seat.rotation, c) for c in corners)]
    )
