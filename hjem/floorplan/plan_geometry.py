"""A plan's geometry, built once and indexed: what the full report and a drag both query.

Everything is held in parallel arrays (ids, shapely geometries) with STRtrees over them, so a
check is a few bulk index queries instead of a loop over every pair.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
import shapely
from shapely import STRtree
from shapely.geometry.base import BaseGeometry

from hjem.floorplan.conflicts import door_noun, room_noun
from hjem.floorplan.model import Clearance, Fixture, Opening, Placement, Plan, Room
from hjem.floorplan.shapes import (
    clearance_of,
    door_swing,
    local_corners,
    place_corners,
    room_polygon,
    wall_outlines,
    wall_solids,
    window_zone,
)
from hjem.i18n import Message

# Roles of obstacles in `PlanGeometry.obstacles`.
WALL, FIXTURE, FURNITURE = 0, 1, 2


@dataclass(frozen=True)
class ItemShapes:
    """Footprints and clearance zones of a set of boxes (placements or fixtures)."""

    footprints: np.ndarray  # shapely polygons, one per item
    zones: np.ndarray  # shapely polygons, every item's zones in order
    zone_owner: np.ndarray  # index of the item owning each zone
    clearances: list[Clearance]


def item_shapes(items: list[Placement] | list[Fixture]) -> ItemShapes:
    if not items:
        empty = np.empty(0, dtype=object)
        return ItemShapes(empty, empty, np.empty(0, dtype=int), [])
    locals_ = [local_corners(item) for item in items]
    counts = np.array([len(loc) for loc in locals_])
    owner = np.repeat(np.arange(len(items)), counts)
    centers = np.array([item.center for item in items], dtype=float)[owner]
    rotations = np.array([item.rotation for item in items], dtype=float)[owner]
    polygons = shapely.polygons(place_corners(np.concatenate(locals_), centers, rotations))
    first = np.concatenate([[0], np.cumsum(counts)[:-1]])
    is_zone = np.ones(len(polygons), dtype=bool)
    is_zone[first] = False
    return ItemShapes(
        polygons[first], polygons[is_zone], owner[is_zone], [clearance_of(i) for i in items]
    )


def _tree(geoms: np.ndarray) -> STRtree:
    shapely.prepare(geoms)
    return STRtree(geoms)


@dataclass
class PlanGeometry:
    plan: Plan
    placements: list[Placement]
    furniture: ItemShapes
    fixtures: ItemShapes
    wall_ids: list[str]
    wall_geoms: np.ndarray
    rooms: list[Room]
    rooms_union: BaseGeometry
    floor: BaseGeometry  # rooms and walls: the apartment; furniture beyond it is outside
    doors: list[Opening]
    door_geoms: np.ndarray
    door_names: list[Message]
    windows: list[Opening]
    window_geoms: np.ndarray
    window_rooms: list[Room | None]
    obstacle_ids: list[str] = field(init=False)
    obstacle_roles: np.ndarray = field(init=False)
    obstacle_geoms: np.ndarray = field(init=False)
    obstacle_categories: list[str | None] = field(init=False)

    def __post_init__(self) -> None:
        standing = self.standing_indices()
        self.obstacle_ids = (
            self.wall_ids
            + [f.id for f in self.plan.fixtures]
            + [self.placements[i].id for i in standing]
        )
        self.obstacle_roles = np.concatenate(
            [
                np.full(len(self.wall_ids), WALL),
                np.full(len(self.plan.fixtures), FIXTURE),
                np.full(len(standing), FURNITURE),
            ]
        ).astype(int)
        self.obstacle_categories = [None] * (len(self.wall_ids) + len(self.plan.fixtures)) + [
            self.placements[i].category for i in standing
        ]
        self.obstacle_geoms = np.concatenate(
            [self.wall_geoms, self.fixtures.footprints, self.furniture.footprints[standing]]
        )
        for geoms in (
            self.obstacle_geoms,
            self.door_geoms,
            self.window_geoms,
            self.furniture.zones,
        ):
            shapely.prepare(geoms)
        shapely.prepare(self.floor)

    def standing_indices(self) -> np.ndarray:
        """Placements that stand on the floor (everything but rugs and mats)."""
        return np.array([i for i, p in enumerate(self.placements) if not p.floor_flat], dtype=int)

    @cached_property
    def obstacle_tree(self) -> STRtree:
        return STRtree(self.obstacle_geoms)

    @cached_property
    def door_tree(self) -> STRtree:
        return STRtree(self.door_geoms)

    @cached_property
    def window_tree(self) -> STRtree:
        return STRtree(self.window_geoms)


def _room_finder(rooms: list[Room]) -> tuple[STRtree, np.ndarray]:
    polygons = np.array([room_polygon(r) for r in rooms], dtype=object)
    return _tree(polygons), polygons


def _room_at(
    finder: tuple[STRtree, np.ndarray], rooms: list[Room], x: float, y: float
) -> Room | None:
    tree, _ = finder
    hits = tree.query(shapely.Point(x, y), predicate="intersects")
    return rooms[int(min(hits))] if len(hits) else None


def opening_sides(plan: Plan, opening: Opening) -> tuple[tuple[float, float], tuple[float, float]]:
    """A point just beyond each face of the opening: (its swing side, the other side)."""
    wall = plan.wall_of(opening)
    reach = wall.thickness / 2 + 15.0
    sign = 1.0 if opening.opens_to == "left" else -1.0
    return wall.point_at(opening.offset, sign * reach), wall.point_at(opening.offset, -sign * reach)


def build(plan: Plan, exclude: str | None = None) -> PlanGeometry:
    """Index `plan`'s geometry; `exclude` leaves one placement out (the piece being dragged)."""
    placements = [p for p in plan.placements if p.id != exclude]
    rooms = list(plan.rooms)
    finder = _room_finder(rooms)
    doors = [o for o in plan.openings if o.is_passable]
    windows = [o for o in plan.openings if not o.is_passable]
    solids = wall_solids(plan)
    rooms_union = shapely.union_all(finder[1]) if rooms else shapely.Polygon()
    outlines = list(wall_outlines(plan.walls).values())
    door_names = []
    for door in doors:
        swing_side, other_side = (_room_at(finder, rooms, *p) for p in opening_sides(plan, door))
        door_names.append(door_noun(door, swing_side, other_side))
    window_rooms = []
    for window in windows:
        front, back = opening_sides(plan, window)
        window_rooms.append(_room_at(finder, rooms, *front) or _room_at(finder, rooms, *back))
    return PlanGeometry(
        plan=plan,
        placements=placements,
        furniture=item_shapes(placements),
        fixtures=item_shapes(list(plan.fixtures)),
        wall_ids=[w.id for w in plan.walls],
        wall_geoms=np.array([solids[w.id] for w in plan.walls], dtype=object),
        rooms=rooms,
        rooms_union=rooms_union,
        # Grown by half a millimetre so float noise leaves no slivers between rooms and walls.
        floor=shapely.union_all([rooms_union, *outlines]).buffer(0.05, join_style="mitre"),
        doors=doors,
        door_geoms=np.array([door_swing(plan.wall_of(d), d) for d in doors], dtype=object),
        door_names=door_names,
        windows=windows,
        window_geoms=np.array([window_zone(plan.wall_of(w), w) for w in windows], dtype=object),
        window_rooms=window_rooms,
    )


def room_name(room: Room | None) -> Message | str | None:
    return None if room is None else room_noun(room)
