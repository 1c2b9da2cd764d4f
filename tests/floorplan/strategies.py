"""Hypothesis strategies for random plans: rooms in a row, fixed elements, furniture anywhere."""

from __future__ import annotations

from hypothesis import strategies as st

from hjem.floorplan.categories import CATEGORIES
from hjem.floorplan.geometry import Point
from hjem.floorplan.model import Clearance, Fixture, FixtureKind, Placement, Plan, RoomKind
from tests.floorplan.plans import furnished, row_plan

sizes = st.floats(20, 220, allow_nan=False).map(lambda v: round(v, 1))
angles = st.one_of(
    st.sampled_from([0.0, 90.0, 180.0, 270.0]), st.floats(0, 360).map(lambda v: round(v, 2))
)


@st.composite
def layouts(draw) -> Plan:
    count = draw(st.integers(1, 3))
    widths = tuple(draw(st.lists(st.integers(150, 500), min_size=count, max_size=count)))
    kinds = tuple(draw(st.lists(st.sampled_from(list(RoomKind)), min_size=count, max_size=count)))
    return row_plan(
        widths=tuple(float(w) for w in widths),
        depth=float(draw(st.integers(200, 450))),
        kinds=kinds,
        entrance=draw(st.booleans()) or True,
        window_sill=draw(st.sampled_from([None, 40.0, 90.0])),
        doors_open_to=draw(st.sampled_from(["left", "right"])),
    )


def _extent(plan: Plan) -> tuple[float, float]:
    xs = [p.x for r in plan.rooms for p in r.polygon]
    ys = [p.y for r in plan.rooms for p in r.polygon]
    return max(xs), max(ys)


@st.composite
def placements(draw, plan: Plan, index: int) -> Placement:
    width, depth = _extent(plan)
    clearance = draw(
        st.one_of(
            st.none(),
            st.builds(
                Clearance,
                sides=st.lists(
                    st.sampled_from(["front", "back", "left", "right", "long"]), max_size=2
                ).map(tuple),
                depth=st.floats(0, 120).map(lambda v: round(v, 1)),
                need=st.sampled_from(["all", "any", "seats"]),
                allow=st.lists(st.sampled_from(CATEGORIES), max_size=2).map(tuple),
                seats=st.integers(0, 6),
                head=st.sampled_from([0.0, 50.0]),
            ),
        )
    )
    return Placement(
        id=f"p{index}",
        label=f"item {index}",
        category=draw(st.sampled_from(CATEGORIES)),
        width=draw(sizes),
        depth=draw(sizes),
        height=draw(st.floats(1, 220).map(lambda v: round(v, 1))),
        center=Point(
            round(draw(st.floats(-60, width + 60)), 1), round(draw(st.floats(-60, depth + 60)), 1)
        ),
        rotation=draw(angles),
        floor_flat=draw(st.booleans().map(lambda b: b and draw(st.booleans()))),
        clearance=clearance if draw(st.integers(0, 4)) == 0 else None,
    )


@st.composite
def fixtures(draw, plan: Plan, index: int) -> Fixture:
    width, depth = _extent(plan)
    return Fixture(
        id=f"f{index}",
        kind=draw(st.sampled_from(list(FixtureKind))),
        center=Point(round(draw(st.floats(0, width)), 1), round(draw(st.floats(0, depth)), 1)),
        width=draw(sizes),
        depth=draw(st.floats(10, 70).map(lambda v: round(v, 1))),
        rotation=draw(angles),
        height=90.0,
    )


@st.composite
def plans(draw, max_items: int = 12) -> Plan:
    plan = draw(layouts())
    count = draw(st.integers(1, max_items))
    items = [draw(placements(plan, i)) for i in range(count)]
    fixed = [draw(fixtures(plan, i)) for i in range(draw(st.integers(0, 3)))]
    return furnished(plan, *items, fixtures=tuple(fixed))


@st.composite
def poses(draw, plan: Plan) -> tuple[float, float, float]:
    width, depth = _extent(plan)
    return (
        round(draw(st.floats(-60, width + 60)), 1),
        round(draw(st.floats(-60, depth + 60)), 1),
        draw(angles),
    )
