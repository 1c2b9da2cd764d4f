"""The walkway check: is there a path at least 80 cm wide from the entrance door to every room
and to a free long side of every bed?

A walker is a disc 80 cm across; where its centre can be is the free floor shrunk by 40 cm.
Instead of shrinking (rooms − walls − furniture) at every check, we use the identity
(R − O) ⊖ D = (R ⊖ D) − (O ⊕ D): the shrunk rooms less the walls and fixed elements grown by
40 cm are computed once per plan layout, and a check only grows and subtracts the furniture.
`reference.py` computes the same thing the literal way, as the test oracle and baseline.

Rooms joined by a doorway are joined for the walker when the free floor on both sides reaches
the doorway's approach: the strip in front of the door, its width wide and 60 cm deep.
Only what furniture breaks is reported: a room or bed side nobody could reach even in the
empty apartment is the building's matter, not the furnishing's.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import shapely
from shapely import STRtree
from shapely.geometry.base import BaseGeometry

from hjem.floorplan.categories import BEDS
from hjem.floorplan.conflicts import Conflict, ConflictKind, item_noun, room_noun
from hjem.floorplan.geometry import Point
from hjem.floorplan.model import Opening, Placement, Plan, Room
from hjem.floorplan.plan_geometry import PlanGeometry, build
from hjem.floorplan.shapes import footprint, opening_rect, room_polygon, wall_solids
from hjem.floorplan.zones import zone_states
from hjem.i18n import Message, msg

PATH_WIDTH = 80.0
HALF = PATH_WIDTH / 2
APPROACH_DEPTH = HALF + 20.0
QUAD_SEGS = 4  # a quarter circle in 4 segments: at most 0.8 cm short of a true 40 cm disc
MIN_PART_AREA = 1.0  # cm²: slivers left by floating point are no floor


@dataclass(frozen=True)
class Reach:
    """Where a walker can get: the parts of free floor reached from the entrance."""

    parts: np.ndarray  # shapely polygons reached

    def touches(self, geometry: BaseGeometry, within: float = 0.0) -> bool:
        return (
            bool(np.any(shapely.dwithin(self.parts, geometry, within)))
            if len(self.parts)
            else False
        )


def _approaches(plan: Plan, door: Opening) -> BaseGeometry:
    wall = plan.wall_of(door)
    return opening_rect(wall, door, APPROACH_DEPTH).difference(opening_rect(wall, door))


def reach(
    floor: BaseGeometry, approaches: list[tuple[BaseGeometry, BaseGeometry]], start: BaseGeometry
) -> Reach:
    """Parts of `floor` reachable from `start`, crossing doorways whose approaches both touch.

    `approaches` holds, per doorway, the approach strips on its two faces.
    """
    parts = np.array([p for p in shapely.get_parts(floor) if p.area > MIN_PART_AREA], dtype=object)
    if not len(parts):
        return Reach(parts)
    tree = STRtree(parts)
    links: dict[int, set[int]] = {i: set() for i in range(len(parts))}
    for face_a, face_b in approaches:
        ends_a = tree.query(face_a, predicate="intersects")
        ends_b = tree.query(face_b, predicate="intersects")
        for a in ends_a:
            links[int(a)].update(int(b) for b in ends_b)
        for b in ends_b:
            links[int(b)].update(int(a) for a in ends_a)
    seen = {int(i) for i in tree.query(start, predicate="intersects")}
    todo = list(seen)
    while todo:
        for neighbour in links[todo.pop()] - seen:
            seen.add(neighbour)
            todo.append(neighbour)
    return Reach(parts[sorted(seen)])


class Walkway:
    """The walkway check for one plan layout (walls, rooms, doors and fixed elements).

    The furniture may change between checks: build one per layout, check each furnishing.
    """

    def __init__(self, plan: Plan):
        self.plan = plan
        self.entrance = plan.entrance()
        self._rooms = [(r, room_polygon(r)) for r in plan.rooms]
        self._approaches = self._door_approaches()
        self._start = self._entrance_start()
        self._static_floor = self._floor_without_furniture()
        self._empty_reach = self._reach(self._static_floor)
        self._empty_reach_union = shapely.union_all(self._empty_reach.parts)

    def _door_approaches(self) -> list[tuple[BaseGeometry, BaseGeometry]]:
        faces = []
        for door in (o for o in self.plan.openings if o.is_passable):
            wall = self.plan.wall_of(door)
            strips = shapely.get_parts(_approaches(self.plan, door))
            left = wall.point_at(door.offset, 1.0)
            ordered = sorted(strips, key=lambda s: s.distance(shapely.Point(left)))
            if len(ordered) == 2:
                faces.append((ordered[0], ordered[1]))
        return faces

    def _entrance_start(self) -> BaseGeometry:
        if self.entrance is None:
            return shapely.Polygon()
        return _approaches(self.plan, self.entrance)

    def _floor_without_furniture(self) -> BaseGeometry:
        rooms = shapely.union_all([polygon for _, polygon in self._rooms])
        fixed = [*wall_solids(self.plan).values(), *(footprint(f, 0.0) for f in self.plan.fixtures)]
        if not fixed:
            return rooms.buffer(-HALF, quad_segs=QUAD_SEGS)
        grown = shapely.buffer(fixed, HALF, quad_segs=QUAD_SEGS)
        return rooms.buffer(-HALF, quad_segs=QUAD_SEGS).difference(shapely.union_all(grown))

    def _reach(self, floor: BaseGeometry) -> Reach:
        return reach(floor, self._approaches, self._start)

    def furnished_reach(self, placements: list[Placement]) -> Reach:
        return self._reach(self.floor_with(placements))

    def floor_with(self, placements: list[Placement]) -> BaseGeometry:
        """Where a walker's centre can be with these pieces on the floor."""
        standing = [p for p in placements if not p.floor_flat]
        if not standing:
            return self._static_floor

        grown = shapely.buffer([footprint(p, 0.0) for p in standing], HALF, quad_segs=QUAD_SEGS)
        return self._static_floor.difference(shapely.union_all(grown))

    def conflicts(self, geometry: PlanGeometry | None = None) -> list[Conflict]:
        """Walkway conflicts of the plan's current furnishing ([] when no entrance is marked).

        A bed in a room nobody can reach is not reported again: the room's conflict says it.
        """
        if self.entrance is None:
            return []
        placements = list(self.plan.placements)
        furnished = self.furnished_reach(placements)
        found = []
        cut_off = []
        for room, polygon in self._rooms:
            if self._empty_reach.touches(polygon) and not furnished.touches(polygon):
                found.append(self._conflict(room, placements, lambda r, p=polygon: r.touches(p)))
                cut_off.append(polygon)
        for bed, sides in _free_bed_sides(self.plan, placements, geometry):
            if any(p.covers(shapely.Point(bed.center)) for p in cut_off):
                continue
            reached = lambda r, s=sides: r.touches(s, HALF + 0.5)  # noqa: E731
            if reached(self._empty_reach) and not reached(furnished):
                found.append(self._conflict(bed, placements, reached))
        return found

    def _conflict(
        self,
        target: Room | Placement,
        placements: list[Placement],
        touched: Callable[[Reach], bool],
    ) -> Conflict:
        blockers = self._blockers(target, placements, touched)
        if isinstance(target, Room):
            name: Message | str = room_noun(target)
            where = Point(*shapely.Polygon(target.polygon).point_on_surface().coords[0])
            keys = ("conflict.walkway.room", "conflict.walkway.room_blocked", "room")
        else:
            name, where = item_noun(target), target.center
            keys = ("conflict.walkway.bed", "conflict.walkway.bed_blocked", "item")
        if not blockers:
            message = msg(keys[0], cm=round(PATH_WIDTH), **{keys[2]: name})
        else:
            blocker = (
                item_noun(self.plan[blockers[0]])
                if len(blockers) == 1
                else msg("conflict.walkway.furniture")
            )  # type: ignore[arg-type]
            message = msg(keys[1], blocker=blocker, **{keys[2]: name})
        return Conflict(ConflictKind.WALKWAY, (target.id, *blockers), message, where)

    def _blockers(
        self,
        target: Room | Placement,
        placements: list[Placement],
        touched: Callable[[Reach], bool],
    ) -> list[str]:
        """The pieces whose removal alone opens the way; failing that, those on the lost floor.

        The target bed itself is never a blocker of the way to its own side.
        """
        standing = [p for p in placements if not p.floor_flat]
        candidates = [p for p in standing if p.id != target.id]
        singles = [
            p.id
            for p in candidates
            if touched(self.furnished_reach([q for q in standing if q.id != p.id]))
        ]
        if singles:
            return sorted(singles)
        reached = shapely.union_all(self.furnished_reach(standing).parts)
        lost = self._empty_reach_union.difference(reached)
        return sorted(p.id for p in candidates if footprint(p, 0.0).dwithin(lost, HALF))


def _free_bed_sides(
    plan: Plan, placements: list[Placement], geometry: PlanGeometry | None
) -> list[tuple[Placement, BaseGeometry]]:
    """Each standing bed with the union of its long-side zones that are free."""

    g = geometry or build(plan)
    ids = [p.id for p in g.placements]
    states = zone_states(g, g.furniture, ids, furniture_only=False)
    free: dict[int, list[BaseGeometry]] = {}
    for zone, state in enumerate(states):
        owner = int(g.furniture.zone_owner[zone])
        if not state.blocked:
            free.setdefault(owner, []).append(g.furniture.zones[zone])
    beds = []
    for index, item in enumerate(g.placements):
        if item.category in BEDS and not item.floor_flat and index in free:
            beds.append((item, shapely.union_all(free[index])))
    return beds
