"""A plan's geometry, built once and indexed: what the full report and a drag both query.

Everything is held in parallel arrays (ids, shapely geometries) with STRtrees over them, so a
check is a few bulk index queries instead of a loop over every pair. The layout's part (walls,
rooms, doors, windows, fixed elements) is cached: while an architect furnishes, the layout
does not change, and only the furniture's geometry is built again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
import shapely
from shapely import STRtree
from shapely.geometry.base import BaseGeometry

from hjem.floorplan.conflicts import door_noun
from hjem.floorplan.model import Clearance, Fixture, Opening, Placement, Plan, Room
from hjem.floorplan.shapes import (
    clearance_of,
    local_corners,
    place_corners,
    polygon_array,
    room_polygon,
)
from hjem.floorplan.walls import door_swing, wall_corners, wall_outlines, wall_solids, window_zone
from hjem.i18n import Message
from hjem.memo import IdentityMemo

# Roles of obstacles in `PlanGeometry.obstacle_*`; doors and windows are indexed on their own
# (`Layout.door_*`, `Layout.window_*`) and take the next two roles where a check mixes them in.
WALL, FIXTURE, FURNITURE, DOOR, WINDOW = 0, 1, 2, 3, 4
LAYOUT_CACHE_SIZE = 8


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
    polygons = polygon_array(place_corners(np.concatenate(locals_), centers, rotations))
    first = np.concatenate([[0], np.cumsum(counts)[:-1]])
    is_zone = np.ones(len(polygons), dtype=bool)
    is_zone[first] = False
    return ItemShapes(
        polygons[first], polygons[is_zone], owner[is_zone], [clearance_of(i) for i in items]
    )


@dataclass(frozen=True)
class Layout:
    """The geometry of everything furniture cannot change."""

    wall_ids: list[str]
    wall_geoms: np.ndarray
    rooms: list[Room]
    floor: BaseGeometry  # rooms and walls: the apartment; furniture beyond it is outside
    fixtures: list[Fixture]
    fixture_shapes: ItemShapes
    doors: list[Opening]
    door_geoms: np.ndarray
    door_names: list[Message]
    windows: list[Opening]
    window_geoms: np.ndarray
    window_rooms: list[Room | None]

    @cached_property
    def door_tree(self) -> STRtree:
        return STRtree(self.door_geoms)

    @cached_property
    def window_tree(self) -> STRtree:
        return STRtree(self.window_geoms)


def opening_sides(plan: Plan, opening: Opening) -> tuple[tuple[float, float], tuple[float, float]]:
    """A point just beyond each face of the opening: (its swing side, the other side)."""
    wall = plan.wall_of(opening)
    reach = wall.thickness / 2 + 15.0
    sign = 1.0 if opening.opens_to == "left" else -1.0
    return wall.point_at(opening.offset, sign * reach), wall.point_at(opening.offset, -sign * reach)


def _rooms_at(
    rooms: list[Room], polygons: np.ndarray, points: list[tuple[float, float]]
) -> list[Room | None]:
    """The room at each point (the first in plan order where rooms overlap), in one query."""
    found: list[Room | None] = [None] * len(points)
    if not rooms or not points:
        return found
    tree = STRtree(polygons)
    hits = tree.query(shapely.points(np.array(points, dtype=float)), predicate="intersects")
    for point, room in sorted(zip(hits[0], hits[1], strict=True), key=lambda h: (h[0], -h[1])):
        found[int(point)] = rooms[int(room)]
    return found


def _build_layout(plan: Plan) -> Layout:
    rooms = list(plan.rooms)
    room_polygons = np.array([room_polygon(r) for r in rooms], dtype=object)
    doors = [o for o in plan.openings if o.is_passable]
    windows = [o for o in plan.openings if not o.is_passable]
    sides = [p for o in doors + windows for p in opening_sides(plan, o)]
    at = _rooms_at(rooms, room_polygons, sides)
    door_at, window_at = at[: 2 * len(doors)], at[2 * len(doors) :]
    corners = wall_corners(plan.walls)
    solids = wall_solids(plan, corners)
    outlines = list(wall_outlines(plan.walls, corners).values())
    floor = (
        shapely.union_all([*room_polygons, *outlines]) if rooms or outlines else shapely.Polygon()
    )
    layout = Layout(
        wall_ids=[w.id for w in plan.walls],
        wall_geoms=np.array([solids[w.id] for w in plan.walls], dtype=object),
        rooms=rooms,
        # Grown by half a millimetre so float noise leaves no slivers between rooms and walls.
        floor=floor.buffer(0.05, join_style="mitre"),
        fixtures=list(plan.fixtures),
        fixture_shapes=item_shapes(list(plan.fixtures)),
        doors=doors,
        door_geoms=np.array([door_swing(plan.wall_of(d), d) for d in doors], dtype=object),
        door_names=[door_noun(d, door_at[2 * i], door_at[2 * i + 1]) for i, d in enumerate(doors)],
        windows=windows,
        window_geoms=np.array([window_zone(plan.wall_of(w), w) for w in windows], dtype=object),
        window_rooms=[window_at[2 * i] or window_at[2 * i + 1] for i in range(len(windows))],
    )
    for geoms in (layout.wall_geoms, layout.door_geoms, layout.window_geoms):
        shapely.prepare(geoms)
    shapely.prepare(layout.floor)
    return layout


_layouts: IdentityMemo[Layout] = IdentityMemo(LAYOUT_CACHE_SIZE)


def layout_of(plan: Plan) -> Layout:
    """The layout's geometry, cached on the identity of the plan's layout tuples (edits that
    only touch furniture keep those tuples, so the cache holds across them)."""
    parts = (plan.walls, plan.rooms, plan.openings, plan.fixtures)
    return _layouts.get(parts, lambda: _build_layout(plan))


def forget_layouts() -> None:
    """Drop every cached layout (a benchmark's cold start)."""
    _layouts.clear()


@dataclass
class PlanGeometry:
    """The layout's geometry with the furniture's, and one index over all obstacles."""

    plan: Plan
    layout: Layout
    placements: list[Placement]
    furniture: ItemShapes
    obstacle_ids: list[str] = field(init=False)
    obstacle_roles: np.ndarray = field(init=False)
    obstacle_geoms: np.ndarray = field(init=False)
    obstacle_categories: list[str | None] = field(init=False)

    def __post_init__(self) -> None:
        layout = self.layout
        standing = self.standing_indices()
        self.obstacle_ids = (
            layout.wall_ids
            + [f.id for f in layout.fixtures]
            + [self.placements[i].id for i in standing]
        )
        counts = (len(layout.wall_ids), len(layout.fixtures), len(standing))
        self.obstacle_roles = np.repeat(np.array([WALL, FIXTURE, FURNITURE]), counts)
        self.obstacle_categories = [None] * (counts[0] + counts[1]) + [
            self.placements[i].category for i in standing
        ]
        standing_footprints = self.furniture.footprints[standing]
        shapely.prepare(standing_footprints)
        self.obstacle_geoms = np.concatenate(
            [layout.wall_geoms, layout.fixture_shapes.footprints, standing_footprints]
        )
        shapely.prepare(self.furniture.zones)

    def standing_indices(self) -> np.ndarray:
        """Placements that stand on the floor (everything but rugs and mats)."""
        return np.array([i for i, p in enumerate(self.placements) if not p.floor_flat], dtype=int)

    @cached_property
    def obstacle_role_list(self) -> list[int]:
        """`obstacle_roles` as a list: reading one role off it is ten times as fast."""
        roles: list[int] = self.obstacle_roles.tolist()
        return roles

    @cached_property
    def obstacle_tree(self) -> STRtree:
        return STRtree(self.obstacle_geoms)

    # The layout's parts, named as the checks use them.
    floor = property(lambda self: self.layout.floor)
    fixtures = property(lambda self: self.layout.fixture_shapes)
    doors = property(lambda self: self.layout.doors)
    door_geoms = property(lambda self: self.layout.door_geoms)
    door_names = property(lambda self: self.layout.door_names)
    door_tree = property(lambda self: self.layout.door_tree)
    windows = property(lambda self: self.layout.windows)
    window_geoms = property(lambda self: self.layout.window_geoms)
    window_rooms = property(lambda self: self.layout.window_rooms)
    window_tree = property(lambda self: self.layout.window_tree)
    wall_ids = property(lambda self: self.layout.wall_ids)


def build(plan: Plan, exclude: str | None = None) -> PlanGeometry:
    """Index `plan`'s geometry; `exclude` leaves one placement out (the piece being dragged)."""
    placements = [p for p in plan.placements if p.id != exclude]
    return PlanGeometry(plan, layout_of(plan), placements, item_shapes(placements))
