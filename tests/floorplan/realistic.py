"""Realistic layouts (issue 18): rooms furnished as Danish homes are, each with a broken twin
that plants known conflicts. Sizes are common catalogue sizes (IKEA, JYSK, Ilva).

Every room is a `row_plan` room: the entrance in its top wall (y = 0), a window in the middle of
its bottom wall. A piece's front is its local +y side: at rotation 0 it faces down the room, at
180 up, at 90 to the left and at -90 to the right.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from hjem.floorplan.geometry import Point
from hjem.floorplan.model import Fixture, FixtureKind, Plan, RoomKind
from tests.floorplan.plans import furnished, piece, row_plan

FACES_DOWN, FACES_UP, FACES_LEFT, FACES_RIGHT = 0.0, 180.0, 90.0, -90.0
CHAIR = (45, 45, 90)
STOOL = (40, 40, 75)
BEDSIDE = (45, 40, 55)


@dataclass(frozen=True)
class Layout:
    name: str
    plan: Plan
    twin: Plan  # the same room with planted mistakes
    planted: tuple[tuple[str, tuple[str, ...]], ...]  # (kind, elements) the twin must raise


def moved(plan: Plan, id_: str, x: float, y: float, rotation: float | None = None) -> Plan:
    """The plan with one piece moved (and turned)."""
    placements = tuple(
        replace(p, center=Point(x, y), rotation=p.rotation if rotation is None else rotation)
        if p.id == id_
        else p
        for p in plan.placements
    )
    return replace(plan, placements=placements)


def dining_for_four() -> Layout:
    """A 120 × 80 table in the living room, four chairs pushed 15–20 cm in under it."""
    room = row_plan((400.0,), 350.0)
    plan = furnished(
        room,
        piece("table", "spisebord", (120, 80, 75), 150, 200),  # y 160..240
        piece("c1", "stol", CHAIR, 120, 160 - 22.5 + 15, FACES_DOWN),
        piece("c2", "stol", CHAIR, 180, 160 - 22.5 + 15, FACES_DOWN),
        piece("c3", "stol", CHAIR, 120, 240 + 22.5 - 20, FACES_UP),
        piece("c4", "stol", CHAIR, 180, 240 + 22.5 - 20, FACES_UP),
    )
    twin = moved(plan, "c4", 180, 240 + 22.5 - 40)  # pushed in up to its back
    return Layout("dining_for_four", plan, twin, (("overlap", ("c4", "table")),))


def double_bed() -> Layout:
    """A 160 × 200 double bed, its head against the wall, a bedside table on each side."""
    room = row_plan((420.0,), 350.0, (RoomKind.SOVEVAERELSE,), entrance_at=375)
    plan = furnished(
        room,
        piece("bed", "seng", (160, 200, 50), 200, 100),  # x 120..280, y 0..200
        piece("n1", "natbord", BEDSIDE, 120 - 22.5, 20),
        piece("n2", "natbord", BEDSIDE, 280 + 22.5, 20),
        piece("wardrobe", "klaedeskab", (100, 60, 200), 420 - 30, 250, FACES_LEFT),
    )
    # Both bedside tables slid down to the middle of the bed: no side to get out on.
    twin = moved(moved(plan, "n1", 120 - 22.5, 120), "n2", 280 + 22.5, 120)
    return Layout("double_bed", plan, twin, (("clearance", ("bed", "n1", "n2")),))


def desk_with_chair() -> Layout:
    """A desk against the wall, its chair pushed in; a bookcase beside it."""
    room = row_plan((300.0,), 300.0, (RoomKind.BOERNEVAERELSE,), entrance_at=250)
    plan = furnished(
        room,
        piece("desk", "skrivebord", (120, 60, 75), 100, 30),  # x 40..160, y 0..60
        piece("chair", "stol", CHAIR, 100, 60 + 22.5 - 15, FACES_UP),
        piece("shelf", "reol", (80, 30, 190), 15, 200, FACES_RIGHT),
    )
    twin = moved(plan, "chair", 100, 60 + 22.5 - 15, FACES_DOWN)  # turned away, under the desk
    return Layout("desk_with_chair", plan, twin, (("overlap", ("chair", "desk")),))


def sofa_corner() -> Layout:
    """A sofa against the wall, a coffee table 45 cm in front of it on a rug, an armchair."""
    room = row_plan((450.0,), 350.0, entrance_at=400)
    plan = furnished(
        room,
        piece("sofa", "sofa", (200, 90, 80), 150, 45),  # y 0..90
        piece("rug", "taeppe", (200, 140, 1), 150, 165, floor_flat=True),
        piece("coffee", "sofabord", (110, 60, 45), 150, 90 + 45 + 30),
        piece("armchair", "laenestol", (80, 80, 90), 320, 165, FACES_LEFT),
        piece("tv", "tvbord", (150, 40, 50), 150, 350 - 20 - 100, FACES_UP),
    )
    twin = moved(plan, "coffee", 150, 90 + 20)  # pushed into the sofa
    return Layout("sofa_corner", plan, twin, (("overlap", ("coffee", "sofa")),))


def table_for_two() -> Layout:
    """A 120 × 80 table with one long side against the wall, a chair at each end."""
    room = row_plan((300.0,), 300.0, (RoomKind.KOEKKEN,), entrance_at=230)
    plan = furnished(
        room,
        piece("table", "spisebord", (120, 80, 75), 40, 180, FACES_LEFT),  # x 0..80, y 120..240
        piece("c1", "stol", CHAIR, 40, 120 - 22.5 + 15, FACES_DOWN),
        piece("c2", "stol", CHAIR, 40, 240 + 22.5 - 15, FACES_UP),
    )
    # The table moved into the entrance door's swing (x 185..275, y 0..90).
    twin = moved(plan, "table", 230, 40, 0.0)
    twin = moved(moved(twin, "c1", 40, 120), "c2", 40, 260)  # the chairs left by the wall
    planted = (("door_swing", ("table", "entry")), ("walkway", ("r0", "table")))
    return Layout("table_for_two", plan, twin, planted)


def kitchen_bar() -> Layout:
    """A kitchen counter with two bar stools pushed in under its overhang."""
    room = row_plan((350.0,), 300.0, (RoomKind.KOEKKEN,))
    counter = Fixture("counter", FixtureKind.KITCHEN_COUNTER, Point(110, 30), 180, 60)
    stools = (
        piece("s1", "barstol", STOOL, 80, 60 + 20 - 20, FACES_UP),
        piece("s2", "barstol", STOOL, 140, 60 + 20 - 20, FACES_UP),
    )
    plan = furnished(room, *stools, fixtures=(counter,))
    twin = moved(plan, "s2", 140, 60 + 20 - 35)  # further in than the overhang
    return Layout("kitchen_bar", plan, twin, (("wall", ("s2", "counter")),))


def bunk_bed_room() -> Layout:
    """A child's room: a bunk bed in the corner, a wardrobe, a small desk and a rug."""
    room = row_plan((300.0,), 350.0, (RoomKind.BOERNEVAERELSE,), entrance_at=200)
    plan = furnished(
        room,
        piece("bunk", "seng", (90, 200, 160), 45, 100),  # x 0..90, y 0..200
        piece("wardrobe", "klaedeskab", (100, 60, 200), 300 - 30, 230, FACES_LEFT),
        piece("desk", "skrivebord", (100, 50, 75), 50, 350 - 25, FACES_UP),
        piece("chair", "stol", CHAIR, 50, 300 - 22.5 + 15, FACES_DOWN),
        piece("rug", "taeppe", (120, 80, 1), 170, 180, floor_flat=True),
    )
    twin = moved(plan, "desk", 90 + 25, 120, FACES_RIGHT)  # the desk against the bunk's side
    twin = moved(twin, "chair", 90 + 50 + 22.5 - 15, 120, FACES_LEFT)
    planted = (("clearance", ("bunk", "chair", "desk", "left")),)  # the wall on its other side
    return Layout("bunk_bed_room", plan, twin, planted)


LAYOUTS: tuple[Callable[[], Layout], ...] = (
    dining_for_four,
    double_bed,
    desk_with_chair,
    sofa_corner,
    table_for_two,
    kitchen_bar,
    bunk_bed_room,
)
