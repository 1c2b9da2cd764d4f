"""Small plans for tests: rooms in a row, each joined to the next by a door."""

from __future__ import annotations

from dataclasses import replace

from hjem.floorplan.geometry import Point
from hjem.floorplan.model import (
    Fixture,
    FixtureKind,
    Opening,
    OpeningKind,
    Placement,
    Plan,
    Room,
    RoomKind,
    Wall,
)

EXT, INT = 20.0, 12.0


def row_plan(
    widths: tuple[float, ...] = (400.0,),
    depth: float = 300.0,
    kinds: tuple[RoomKind, ...] = (RoomKind.STUE,),
    entrance: bool = True,
    window_sill: float | None = 90.0,
    doors_open_to: str = "left",
    entrance_at: float | None = None,
) -> Plan:
    """Rooms side by side, inner faces from x=0 and y=0 to y=depth, with 12 cm walls between.

    The 90 cm entrance is in room 0's top wall, centred at x = `entrance_at` (default: 100 cm
    from the room's right end), opening into it. Each inner wall has an 80 cm door at
    mid-depth, opening into the room to its right ("left" of the wall, which runs downwards) or
    its left ("right"). Room 0 has a 120 cm window in the middle of its bottom wall.
    """
    xs = [0.0]
    for w in widths[:-1]:
        xs.append(xs[-1] + w + INT)
    total = xs[-1] + widths[-1]
    h = EXT / 2
    walls = [
        Wall("top", Point(-h, -h), Point(total + h, -h), EXT),
        Wall("right", Point(total + h, -h), Point(total + h, depth + h), EXT),
        Wall("bottom", Point(total + h, depth + h), Point(-h, depth + h), EXT),
        Wall("left", Point(-h, depth + h), Point(-h, -h), EXT),
    ]
    rooms, openings = [], []
    for i, (x, w) in enumerate(zip(xs, widths, strict=True)):
        kind = kinds[i] if i < len(kinds) else RoomKind.ANDET
        corners = (Point(x, 0), Point(x + w, 0), Point(x + w, depth), Point(x, depth))
        rooms.append(Room(f"r{i}", "", kind, corners))
        if i + 1 < len(widths):
            xc = x + w + INT / 2
            walls.append(Wall(f"iw{i}", Point(xc, -h), Point(xc, depth + h), INT))
            openings.append(
                Opening(
                    f"d{i}", f"iw{i}", OpeningKind.DOOR, h + depth / 2, 80.0, opens_to=doors_open_to
                )  # type: ignore[arg-type]
            )
    if entrance:
        openings.append(
            Opening(
                "entry",
                "top",
                OpeningKind.DOOR,
                h + (entrance_at or widths[0] - 100),
                90.0,
                opens_to="right",
                entrance=True,
            )
        )
    if window_sill is not None:
        openings.append(
            Opening(
                "win",
                "bottom",
                OpeningKind.WINDOW,
                total + h - widths[0] / 2,
                120.0,
                sill_height=window_sill,
                height=130.0,
            )
        )
    return Plan("test", tuple(walls), tuple(rooms), tuple(openings))


def piece(
    id_: str,
    category: str,
    size: tuple[float, float, float],
    x: float,
    y: float,
    rotation: float = 0.0,
    label: str | None = None,
    **kw: object,
) -> Placement:
    w, d, ht = size
    return Placement(id_, label or id_, category, w, d, ht, Point(x, y), rotation, **kw)  # type: ignore[arg-type]


def radiator(id_: str, x: float, y: float, width: float = 100.0) -> Fixture:
    return Fixture(id_, FixtureKind.RADIATOR, Point(x, y), width, 10.0, 0.0, 60.0)


def furnished(plan: Plan, *items: Placement, fixtures: tuple[Fixture, ...] = ()) -> Plan:
    return replace(plan, placements=plan.placements + items, fixtures=plan.fixtures + fixtures)


def kinds_and_elements(conflicts: list) -> list[tuple[str, tuple[str, ...]]]:
    return [(c.kind.value, c.elements) for c in conflicts]
