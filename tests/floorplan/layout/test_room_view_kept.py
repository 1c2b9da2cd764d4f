"""A room's view is kept per layout (issue 19's speed): furniture moving keeps it, and a new
door or window, a moved wall or a redrawn room gives a view that sees the change, so the next
suggestion does too."""

from __future__ import annotations

from dataclasses import replace

from hjem.floorplan.geometry import Point, local_to_world
from hjem.floorplan.layout import suggest
from hjem.floorplan.layout.room_view import RoomView, room_view
from hjem.floorplan.layout.rules import bed_not_under_window
from hjem.floorplan.model import Opening, OpeningKind, Placement, Plan, RoomKind, Wall
from tests.floorplan.layout.helpers import new_conflicts
from tests.floorplan.plans import row_plan


def _bedroom() -> Plan:
    return row_plan(widths=(420.0, 250.0), depth=380.0, kinds=(RoomKind.SOVEVAERELSE,))


def _bed() -> Placement:
    return Placement("bed", "Seng", "seng", 140, 200, 50, Point(0.0, 0.0))


def test_moving_furniture_keeps_the_view_and_changing_the_layout_does_not():
    plan = _bedroom()
    room = plan.rooms[0]
    view = room_view(plan, room)
    furnished = replace(plan, placements=(_bed().moved_to(Point(200.0, 150.0)),))
    assert room_view(furnished, room) is view

    window = Opening("w2", "left", OpeningKind.WINDOW, 200.0, 100.0, sill_height=90.0)
    with_window = replace(plan, openings=(*plan.openings, window))
    assert room_view(with_window, room) is not view
    assert len(room_view(with_window, room).windows) == len(view.windows) + 1

    walls = tuple(replace(w, thickness=w.thickness + 4) for w in plan.walls)
    assert room_view(replace(plan, walls=walls), room) is not view
    bigger = replace(room, polygon=(*room.polygon[:2], Point(420.0, 400.0), Point(0.0, 400.0)))
    assert room_view(replace(plan, rooms=(bigger, *plan.rooms[1:])), bigger).area > view.area


def test_a_window_put_where_the_bed_stood_moves_the_bed_from_under_it():
    plan = _bedroom()
    room = plan.rooms[0]
    first = suggest(plan, room.id, [_bed()], count=1)[0]
    bed = first.plan["bed"]
    assert isinstance(bed, Placement)
    wall, offset = _wall_behind(plan, bed)

    window = Opening("w2", wall.id, OpeningKind.WINDOW, offset, 120.0, sill_height=90.0)
    windowed = replace(plan, openings=(*plan.openings, window))
    again = suggest(windowed, room.id, [_bed()], count=1)[0]
    moved = again.plan["bed"]
    assert isinstance(moved, Placement)
    # Judged by a view made afresh, not the kept one: the bed is no longer under a window.
    assert bed_not_under_window(RoomView(windowed, room), bed, []) == 0.0
    assert bed_not_under_window(RoomView(windowed, room), moved, []) == 1.0
    assert new_conflicts(windowed, again.plan) == set()


def _wall_behind(plan: Plan, piece: Placement) -> tuple[Wall, float]:
    """The wall the piece's back stands against, and how far along it its back's middle is."""
    back = local_to_world(piece.center, piece.rotation, (0.0, -piece.depth / 2))

    def away(wall: Wall) -> float:
        return abs(_along_and_off(wall, back)[1])

    wall = min(plan.walls, key=away)
    return wall, _along_and_off(wall, back)[0]


def _along_and_off(wall: Wall, point: Point) -> tuple[float, float]:
    dx, dy = wall.end.x - wall.start.x, wall.end.y - wall.start.y
    length = wall.length
    px, py = point.x - wall.start.x, point.y - wall.start.y
    along = (px * dx + py * dy) / length
    off = (py * dx - px * dy) / length
    if not 0.0 <= along <= length:
        return along, float("inf")
    return along, off
