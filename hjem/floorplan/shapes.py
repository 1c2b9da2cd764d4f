"""Shapely geometry of furniture, fixed elements and rooms: footprints and clearance zones.

Footprints and clearance zones are shrunk by `TOLERANCE` on every side, so pieces that touch,
or overlap by less than drawing precision, never count as a conflict. Walls, doors and windows
are in `walls.py`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache
from itertools import combinations
from typing import cast

import numpy as np
import shapely
from numpy.typing import NDArray
from shapely.geometry import Polygon
from shapely.geometry.base import BaseGeometry

from hjem.floorplan.categories import FIXTURE_CLEARANCE, NO_CLEARANCE, default_clearance
from hjem.floorplan.geometry import rect_corners
from hjem.floorplan.model import Clearance, Fixture, Placement, Plan, Room
from hjem.floorplan.walls import wall_outlines
from hjem.memo import IdentityMemo

TOLERANCE = 0.5  # cm shaved off each side of footprints and zones
SEAT_WIDTH_CM = 60.0  # one place at a table's edge (Neufert: 60 cm a person)
Box = tuple[float, float, float, float]


# --- furniture and fixed elements ------------------------------------------------------------


def footprint(item: Placement | Fixture, shrink: float = TOLERANCE) -> Polygon:
    w = max(item.width - 2 * shrink, item.width / 2)
    d = max(item.depth - 2 * shrink, item.depth / 2)
    return Polygon(rect_corners(item.center, w, d, item.rotation))


def footprints(items: Sequence[Placement | Fixture], shrink: float = TOLERANCE) -> np.ndarray:
    """The footprints of many items at once (one numpy step, one shapely call)."""
    if not items:
        return np.empty(0, dtype=object)
    half = np.array(
        [
            (max(i.width / 2 - shrink, i.width / 4), max(i.depth / 2 - shrink, i.depth / 4))
            for i in items
        ]
    )
    signs = np.array([(-1, -1), (1, -1), (1, 1), (-1, 1)], dtype=float)
    local = half[:, None, :] * signs[None, :, :]
    centers = np.array([i.center for i in items], dtype=float)
    rotations = np.array([i.rotation for i in items], dtype=float)
    return polygon_array(place_corners(local, centers, rotations))


def clearance_of(item: Placement | Fixture) -> Clearance:
    if isinstance(item, Fixture):
        return FIXTURE_CLEARANCE.get(item.kind, NO_CLEARANCE)
    if item.clearance is not None:
        return item.clearance
    return default_clearance(item.category, item.width)


def _sides(width: float, depth: float, sides: Iterable[str]) -> list[str]:
    resolved: list[str] = []
    for side in sides:
        if side == "long":
            resolved += ["front", "back"] if width >= depth else ["left", "right"]
        else:
            resolved.append(side)
    return list(dict.fromkeys(resolved))


def zone_boxes(
    width: float, depth: float, clearance: Clearance
) -> list[tuple[float, float, float, float]]:
    """Each clearance zone as (centre x, centre y, width, depth) in the item's own frame."""
    c = clearance.depth
    head = min(max(clearance.head, 0.0), depth / 2)  # a side zone keeps at least half its length
    boxes = {
        "front": (0.0, (depth + c) / 2, width, c),
        "back": (0.0, -(depth + c) / 2, width, c),
        "left": (-(width + c) / 2, head / 2, c, depth - head),
        "right": ((width + c) / 2, head / 2, c, depth - head),
    }
    if c <= 0:
        return []
    return [boxes[side] for side in _sides(width, depth, clearance.sides)]


@cache  # asked at every trial pose of a dining table
def zone_seats(width: float, depth: float, clearance: Clearance) -> tuple[int, ...]:
    """How many people find a place at the edge each zone (in `zone_boxes` order) lies on."""
    boxes = zone_boxes(width, depth, clearance)
    sides = _sides(width, depth, clearance.sides) if boxes else []
    pairs = zip(boxes, sides, strict=True)
    edges = [w if side in ("front", "back") else d for (_, _, w, d), side in pairs]
    return tuple(int(edge // SEAT_WIDTH_CM) for edge in edges)


def zone_options(width: float, depth: float, clearance: Clearance) -> list[list[Box]]:
    """The sets of zones that, free, meet the clearance: all of them, any one, or (seats) each
    smallest set of sides that seats enough people."""
    boxes = zone_boxes(width, depth, clearance)
    if clearance.need == "any":
        return [[box] for box in boxes]
    if clearance.need == "seats":
        seats = zone_seats(width, depth, clearance)
        for size in range(1, len(boxes) + 1):
            enough = [
                [boxes[i] for i in chosen]
                for chosen in combinations(range(len(boxes)), size)
                if sum(seats[i] for i in chosen) >= clearance.seats
            ]
            if enough:
                return enough
    return [boxes]


def local_corners(item: Placement | Fixture) -> np.ndarray:
    """Corners of the footprint and each clearance zone in the item's frame, shape (k, 4, 2)."""
    shapes = [(0.0, 0.0, item.width, item.depth)]
    shapes += zone_boxes(item.width, item.depth, clearance_of(item))
    corners = []
    for cx, cy, w, d in shapes:
        hw = max(w / 2 - TOLERANCE, w / 4)
        hd = max(d / 2 - TOLERANCE, d / 4)
        corners.append(
            [(cx - hw, cy - hd), (cx + hw, cy - hd), (cx + hw, cy + hd), (cx - hw, cy + hd)]
        )
    return np.asarray(corners, dtype=float)


def place_corners(local: np.ndarray, centers: np.ndarray, rotations: np.ndarray) -> np.ndarray:
    """Rectangles (m, 4, 2) in their items' frames, each turned and moved, in one numpy step.

    The one way corners are placed, so the report, the piece checker and the reference build
    bit-identical polygons for the same pose.
    """
    radians = np.radians(rotations)
    c, s = np.cos(radians)[:, None], np.sin(radians)[:, None]
    x, y = local[..., 0], local[..., 1]
    return np.stack([x * c - y * s + centers[:, 0:1], x * s + y * c + centers[:, 1:2]], axis=-1)


def polygon_array(corners: np.ndarray) -> NDArray[np.object_]:
    """The polygons of rectangles shaped (m, 4, 2), as an array of m shapely polygons."""
    # The stubs cannot tell an (m, 4, 2) array from one polygon's (4, 2) corners, so they
    # type the result `Polygon | GeoArray`; three dimensions always give an array.
    return cast("NDArray[np.object_]", shapely.polygons(corners))


def place_item(local: np.ndarray, center: tuple[float, float], rotation: float) -> np.ndarray:
    """`local` (k, 4, 2) placed for one item at `center`, turned `rotation` degrees."""
    k = len(local)
    return place_corners(
        local, np.tile(np.asarray(center, dtype=float), (k, 1)), np.full(k, rotation)
    )


def item_polygons(item: Placement | Fixture) -> tuple[Polygon, list[Polygon]]:
    """The footprint and the clearance zones of an item, in plan coordinates."""
    polygons = list(polygon_array(place_item(local_corners(item), item.center, item.rotation)))
    return polygons[0], polygons[1:]


# --- rooms -----------------------------------------------------------------------------------


def room_polygon(room: Room) -> BaseGeometry:
    polygon = Polygon(room.polygon)
    return polygon if polygon.is_valid else polygon.buffer(0)


def rooms_union(plan: Plan) -> BaseGeometry:
    return shapely.union_all([room_polygon(r) for r in plan.rooms])


# Kept per rooms tuple and per walls tuple: a plan's value keeps them while only furniture
# changes, so listing a thousand pieces by room does not rebuild every room's polygon each time.
_ROOM_SHAPES: IdentityMemo[tuple[tuple[Room, BaseGeometry], ...]] = IdentityMemo(8)
_WALLS_UNION: IdentityMemo[BaseGeometry] = IdentityMemo(8)


def _room_shapes(plan: Plan) -> tuple[tuple[Room, BaseGeometry], ...]:
    return _ROOM_SHAPES.get(
        (plan.rooms,), lambda: tuple((room, room_polygon(room)) for room in plan.rooms)
    )


def _walls_union(plan: Plan) -> BaseGeometry:
    return _WALLS_UNION.get(
        (plan.walls,), lambda: shapely.union_all(list(wall_outlines(plan.walls).values()))
    )


def net_area_m2(plan: Plan, room: Room) -> float:
    """Floor area of the room less the walls standing in it, in square metres."""
    return float(room_polygon(room).difference(_walls_union(plan)).area) / 10_000


def room_at(plan: Plan, point: tuple[float, float]) -> Room | None:
    p = shapely.Point(point)
    return next((room for room, shape in _room_shapes(plan) if shape.covers(p)), None)


def pieces_in(plan: Plan, room_id: str) -> list[Placement]:
    """The pieces standing in the room by their middle (the room `room_at` finds there), all
    in one shapely call per room."""
    if not plan.placements:
        return []
    points = shapely.points([(p.center.x, p.center.y) for p in plan.placements])
    found_before = np.zeros(len(plan.placements), dtype=bool)
    for room, shape in _room_shapes(plan):
        inside = np.asarray(shapely.covers(shape, points), dtype=bool) & ~found_before
        if room.id == room_id:
            return [p for p, here in zip(plan.placements, inside.tolist(), strict=True) if here]
        found_before |= inside
    return []


def enclosure_at(plan: Plan, point: tuple[float, float]) -> tuple[tuple[float, float], ...] | None:
    """The floor enclosed by walls around `point` (doors do not open an enclosure), as the
    corners of a room along the walls' inner faces; None if the walls do not close around it."""
    outlines = list(wall_outlines(plan.walls).values())
    if not outlines:
        return None
    walls = shapely.union_all(outlines)
    target = shapely.Point(point)
    for part in shapely.get_parts(walls):
        for hole in getattr(part, "interiors", ()):
            face = Polygon(hole).simplify(0.01)
            if isinstance(face, Polygon) and face.contains(target):
                return tuple((round(x, 2), round(y, 2)) for x, y in face.exterior.coords[:-1])
    return None
