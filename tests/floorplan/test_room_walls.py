"""Walls around a room (issue 11, point 4): drawn with the room, shared with a neighbour,
never doubled."""

from hjem.floorplan.geometry import Point
from hjem.floorplan.model import Plan, Room, RoomKind, Wall
from hjem.floorplan.room_walls import bare_room_edge_near, room_with_walls, walls_around_rooms
from hjem.floorplan.shapes import net_area_m2

T = 12.0


def rect(id_: str, x1: float, y1: float, x2: float, y2: float) -> Room:
    corners = (Point(x1, y1), Point(x2, y1), Point(x2, y2), Point(x1, y2))
    return Room(id_, "", RoomKind.STUE, corners)


def drawn(plan: Plan, room: Room) -> Plan:
    """`plan` after the rectangle tool drew `room`, with its walls."""
    return room_with_walls(plan, room, T).apply(plan)[0]


def segments(plan: Plan) -> set[tuple[Point, Point]]:
    return {(w.start, w.end) for w in plan.walls}


def test_a_room_drawn_alone_gets_four_walls_half_a_thickness_outside_meeting_at_the_corners():
    plan = drawn(Plan(), rect("r1", 0, 0, 400, 300))
    assert segments(plan) == {
        (Point(-6, -6), Point(406, -6)),
        (Point(406, -6), Point(406, 306)),
        (Point(406, 306), Point(-6, 306)),
        (Point(-6, 306), Point(-6, -6)),
    }
    assert all(w.thickness == T for w in plan.walls)
    assert net_area_m2(plan, plan.rooms[0]) == 12.0  # no wall stands in the room


def test_the_room_and_its_walls_are_one_edit_undone_together():
    command = room_with_walls(Plan(), rect("r1", 0, 0, 400, 300), T)
    plan, inverse = command.apply(Plan())
    assert len(plan.rooms) == 1 and len(plan.walls) == 4
    assert inverse.apply(plan)[0] == Plan()


def test_two_rooms_drawn_side_by_side_share_one_wall_on_their_common_edge():
    plan = drawn(drawn(Plan(), rect("r1", 0, 0, 400, 300)), rect("r2", 400, 0, 700, 300))
    assert len(plan.walls) == 4 + 3  # the second room reuses the first one's right wall
    along_the_common_edge = [
        w for w in plan.walls if w.start.x == w.end.x and 390 < w.start.x < 410
    ]
    assert len(along_the_common_edge) == 1
    # The outer walls run straight on: the second room's top wall starts where the first's ends.
    assert (Point(406, -6), Point(706, -6)) in segments(plan)


def test_a_taller_neighbour_gets_a_wall_only_where_the_shared_wall_stops():
    plan = drawn(drawn(Plan(), rect("r1", 0, 0, 400, 300)), rect("r2", 400, 0, 700, 500))
    left_of_r2 = [w for w in plan.walls if w.start.x == w.end.x and 390 < w.start.x < 410]
    assert len(left_of_r2) == 2  # the shared wall, and the new one below it
    new = next(w for w in left_of_r2 if w.id not in {"w1", "w2", "w3", "w4"})
    assert sorted((new.start.y, new.end.y)) == [306, 506]


def test_a_room_drawn_inside_walls_gets_no_new_ones():
    h = 15.0  # 30 cm outer walls, centred 15 cm outside the room's edges
    walls = (
        Wall("a", Point(-h, -h), Point(400 + h, -h), 30),
        Wall("b", Point(400 + h, -h), Point(400 + h, 300 + h), 30),
        Wall("c", Point(400 + h, 300 + h), Point(-h, 300 + h), 30),
        Wall("d", Point(-h, 300 + h), Point(-h, -h), 30),
    )
    plan = Plan(walls=walls)
    assert room_with_walls(plan, rect("r1", 0, 0, 400, 300), T).apply(plan)[0].walls == walls


def test_walls_on_the_edges_count_and_the_others_are_added_once():
    plan = Plan(
        walls=(Wall("w1", Point(0, 0), Point(400, 0)), Wall("w2", Point(400, 0), Point(400, 300))),
        rooms=(rect("r", 0, 0, 400, 300),),
    )
    once = walls_around_rooms(plan, ["r"], T).apply(plan)[0]
    assert segments(once) - segments(plan) == {
        (Point(406, 306), Point(-6, 306)),
        (Point(-6, 306), Point(-6, -6)),
    }
    assert walls_around_rooms(once, ["r"], T) is None


def test_an_edge_without_a_wall_is_found_and_one_with_a_wall_is_not():
    bare = Plan(rooms=(rect("r1", 0, 0, 400, 300),))
    assert bare_room_edge_near(bare, Point(200, 3), 10, T) == bare.rooms[0]
    assert bare_room_edge_near(bare, Point(200, 150), 10, T) is None  # the middle of the floor
    walled = drawn(Plan(), rect("r1", 0, 0, 400, 300))
    assert bare_room_edge_near(walled, Point(200, 3), 10, T) is None


def test_an_l_shaped_room_drawn_either_way_round_gets_walls_outside_every_edge():
    corners = (
        Point(0, 0),
        Point(400, 0),
        Point(400, 200),
        Point(200, 200),
        Point(200, 400),
        Point(0, 400),
    )
    found = []
    for polygon in (corners, tuple(reversed(corners))):
        plan = drawn(Plan(), Room("r", "", RoomKind.STUE, polygon))
        found.append({frozenset(s) for s in segments(plan)})
    assert found[0] == found[1]
    assert frozenset((Point(406, 206), Point(206, 206))) in found[0]  # the inner corner's walls
    assert frozenset((Point(206, 206), Point(206, 406))) in found[0]


def test_an_edge_with_walls_here_and_there_gets_walls_in_each_gap():
    pieces = tuple(
        Wall(f"old{i}", Point(x, -6), Point(x + 50, -6), T) for i, x in enumerate((60, 200, 300))
    )
    plan = Plan(walls=pieces, rooms=(rect("r", 0, 0, 400, 300),))
    walled = walls_around_rooms(plan, ["r"], T).apply(plan)[0]
    top = sorted((w.start.x, w.end.x) for w in walled.walls if w.start.y == w.end.y == -6)
    assert top == [(-6, 60), (60, 110), (110, 200), (200, 250), (250, 300), (300, 350), (350, 406)]
