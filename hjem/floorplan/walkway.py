"""The walkway check: is there a path at least 80 cm wide from the entrance door to every room
and to a free long side of every bed?

A walker is a disc 80 cm across; where its centre can be is the free floor shrunk by 40 cm.
Instead of shrinking (rooms − walls − furniture) at every check, we use the identity
(R − O) ⊖ D = (R ⊖ D) − (O ⊕ D): the shrunk rooms less the walls and fixed elements grown by
40 cm are computed once per plan layout, and a check only grows and subtracts the furniture.
`reference.LiteralWalkway` computes it the literal way, as the test oracle and baseline.

Rooms joined by a doorway are joined for the walker when the free floor on both sides reaches
the doorway's approach: the strip in front of the door, its width wide and 60 cm deep.
Only what furniture breaks is reported: a room or bed side nobody could reach even in the
empty apartment is the building's matter, not the furnishing's.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from functools import cached_property, partial

import numpy as np
import shapely
from shapely import STRtree
from shapely.geometry import Polygon
from shapely.geometry.base import BaseGeometry

from hjem.floorplan.categories import BEDS
from hjem.floorplan.conflicts import Conflict, ConflictKind, item_noun
from hjem.floorplan.geometry import Point
from hjem.floorplan.model import Opening, Placement, Plan, Room
from hjem.floorplan.plan_geometry import PlanGeometry, build, item_shapes, layout_of
from hjem.floorplan.room_names import room_noun
from hjem.floorplan.shapes import footprints, room_polygon
from hjem.floorplan.walls import opening_rect, wall_solids
from hjem.floorplan.zones import zone_states
from hjem.i18n import Message, msg
from hjem.memo import IdentityMemo

PATH_WIDTH = 80.0
HALF = PATH_WIDTH / 2
APPROACH_DEPTH = HALF + 20.0
QUAD_SEGS = 4  # a quarter circle in 4 segments: at most 0.8 cm short of a true 40 cm disc
MIN_PART_AREA = 1.0  # cm²: slivers left by floating point are no floor
BED_REACH = HALF + 0.5  # a walker's edge touching a bed's free side reaches it

Reached = Callable[[np.ndarray], bool]  # does this set of reached floor parts reach a target?


def _door_faces(plan: Plan, door: Opening) -> list[BaseGeometry]:
    """The approach strips on the two faces of a doorway, left face first."""
    wall = plan.wall_of(door)
    strips = opening_rect(wall, door, APPROACH_DEPTH).difference(opening_rect(wall, door))
    left = shapely.Point(wall.point_at(door.offset, 1.0))
    return sorted(shapely.get_parts(strips), key=lambda s: s.distance(left))


def reach(floor: BaseGeometry, faces: np.ndarray, start: BaseGeometry) -> np.ndarray:
    """The parts of `floor` reachable from `start`.

    `faces` holds two approach strips per doorway (faces[2k], faces[2k + 1]); parts touching
    the two faces of one doorway are joined.
    """
    parts: np.ndarray = shapely.get_parts(floor)
    parts = parts[shapely.area(parts) > MIN_PART_AREA]
    if not len(parts):
        return parts
    tree = STRtree(parts)
    face_of, part_of = tree.query(faces, predicate="intersects")
    sides: dict[tuple[int, int], list[int]] = {}
    for face, part in zip(face_of, part_of, strict=True):
        sides.setdefault((int(face) // 2, int(face) % 2), []).append(int(part))
    links: dict[int, set[int]] = {}
    for (doorway, side), ends in sides.items():
        for a in ends:
            links.setdefault(a, set()).update(sides.get((doorway, 1 - side), ()))
    seen = {int(i) for i in tree.query(start, predicate="intersects")}
    todo = list(seen)
    while todo:
        for neighbour in links.get(todo.pop(), set()) - seen:
            seen.add(neighbour)
            todo.append(neighbour)
    reached: np.ndarray = parts[sorted(seen)]
    return reached


def touches(parts: np.ndarray, geometry: BaseGeometry, within: float = 0.0) -> bool:
    return bool(len(parts)) and bool(np.any(shapely.dwithin(parts, geometry, within)))


class Walkway:
    """The walkway check for one plan layout (walls, rooms, doors and fixed elements).

    The furniture may change between checks: build one per layout, check each furnishing.
    """

    def __init__(self, plan: Plan):
        self.plan = plan
        self.entrance = plan.entrance()
        self._rooms = [(r, room_polygon(r)) for r in plan.rooms]
        doors = [o for o in plan.openings if o.is_passable]
        faces = [_door_faces(plan, d) for d in doors]
        self._faces = np.array([f for pair in faces if len(pair) == 2 for f in pair], dtype=object)
        self._start = shapely.union_all(_door_faces(plan, self.entrance)) if self.entrance else None
        self._static_floor = self._floor_without_furniture()
        self._empty_reach = self.reached(self._static_floor)
        self._empty_reach_union = shapely.union_all(self._empty_reach)
        self._room_targets = [(r, p, touches(self._empty_reach, p)) for r, p in self._rooms]
        reachable = [(room.id, polygon) for room, polygon, ok in self._room_targets if ok]
        self._rooms_to_reach = (
            [r for r, _ in reachable],
            np.array([p for _, p in reachable], dtype=object),
        )

    def _floor_without_furniture(self) -> BaseGeometry:
        rooms = shapely.union_all([polygon for _, polygon in self._rooms])
        fixed = [*wall_solids(self.plan).values(), *footprints(self.plan.fixtures, 0.0)]
        shrunk = rooms.buffer(-HALF, quad_segs=QUAD_SEGS)
        if not fixed:
            return shrunk
        return shrunk.difference(grown(_polygons(fixed)))

    def reached(self, floor: BaseGeometry) -> np.ndarray:
        """The parts of `floor` (where a walker's centre can be) reached from the entrance."""
        if self._start is None:
            return np.empty(0, dtype=object)
        return reach(floor, self._faces, self._start)

    def furnished_reach(self, placements: list[Placement]) -> np.ndarray:
        return self.reached(self.floor_with(placements))

    def floor_with(
        self, placements: list[Placement], base: BaseGeometry | None = None
    ) -> BaseGeometry:
        """Where a walker's centre can be with these pieces on the floor (of `base`, if given:
        a floor with other pieces already taken away)."""
        floor = self._static_floor if base is None else base
        standing = [p for p in placements if not p.floor_flat]
        if not standing:
            return floor
        return floor.difference(grown(list(footprints(standing, 0.0))))

    def with_plan(self, plan: Plan) -> Walkway:
        """The same check for a new furnishing of the same layout (the static part is kept)."""
        clone = copy.copy(self)
        clone.plan = plan
        return clone

    def conflicts(
        self,
        geometry: PlanGeometry | None = None,
        *,
        floor: BaseGeometry | None = None,
        bed_sides: list[tuple[Placement, BaseGeometry]] | None = None,
    ) -> list[Conflict]:
        """Walkway conflicts of the plan's current furnishing ([] when no entrance is marked).

        `floor` and `bed_sides` may come from a caller that knows them cheaper (a drag that
        ends). A bed in a room nobody can reach is not reported again: the room's conflict
        says it.
        """
        if self.entrance is None:
            return []
        placements = list(self.plan.placements)
        furnished = self.reached(self.floor_with(placements) if floor is None else floor)
        blockers = self.blocker_search(placements)
        found, cut_off = [], []
        for room, polygon, reachable in self._room_targets:
            reached: Reached = partial(touches, geometry=polygon)
            if reachable and not reached(furnished):
                found.append(self._conflict(room, blockers, reached))
                cut_off.append(polygon)
        if bed_sides is None:
            bed_sides = free_bed_sides(geometry or build(self.plan))
        for bed, sides in bed_sides:
            if any(p.covers(shapely.Point(bed.center)) for p in cut_off):
                continue
            reached = partial(touches, geometry=sides, within=BED_REACH)
            if reached(self._empty_reach) and not reached(furnished):
                found.append(self._conflict(bed, blockers, reached))
        return found

    def blocked(
        self, reached: np.ndarray, bed_sides: list[tuple[Placement, BaseGeometry]]
    ) -> frozenset[str]:
        """The targets `conflicts` would report for this reached floor, without naming the
        blockers (naming them tries every piece: a search only needs to know): the rooms and
        beds reachable in the empty apartment that it does not reach (a bed in a room cut off
        is left out, as the room says it)."""
        if self.entrance is None:
            return frozenset()
        ids, polygons = self._rooms_to_reach
        touched = np.zeros(len(ids), dtype=bool)
        if len(reached) and len(ids):
            shapely.intersects(reached[:, None], polygons[None, :]).any(axis=0, out=touched)
        cut_off = polygons[~touched]
        beds = [
            bed.id
            for bed, sides in bed_sides
            if not self.bed_side_clear(reached, sides)
            and not shapely.covers(cut_off, shapely.Point(bed.center)).any()
        ]
        return frozenset([i for i, t in zip(ids, touched, strict=True) if not t] + beds)

    def bed_side_clear(self, reached: np.ndarray, sides: BaseGeometry) -> bool:
        """A bed's free sides are reached, or were out of reach even in the empty apartment."""
        return touches(reached, sides, BED_REACH) or not touches(
            self._empty_reach, sides, BED_REACH
        )

    def lost_floor(self, standing: list[Placement]) -> BaseGeometry:
        """The floor the empty apartment reaches and the furnished one does not."""
        reached = shapely.union_all(self.furnished_reach(standing))
        return self._empty_reach_union.difference(reached)

    def _conflict(
        self, target: Room | Placement, search: BlockerSearch, reached: Reached
    ) -> Conflict:
        blockers = search.of(target, reached)
        if isinstance(target, Room):
            name: Message | str = room_noun(target)
            where = Point(*room_polygon(target).point_on_surface().coords[0])
            plain, blocked, role = "conflict.walkway.room", "conflict.walkway.room_blocked", "room"
        else:
            name, where = item_noun(target), target.center
            plain, blocked, role = "conflict.walkway.bed", "conflict.walkway.bed_blocked", "item"
        if not blockers:
            message = msg(plain, cm=round(PATH_WIDTH), **{role: name})
        else:
            message = msg(blocked, blocker=self._blocker_noun(blockers), **{role: name})
        return Conflict(ConflictKind.WALKWAY, (target.id, *blockers), message, where)

    def _blocker_noun(self, blockers: list[str]) -> Message:
        if len(blockers) > 1:
            return msg("conflict.walkway.furniture")
        piece = self.plan[blockers[0]]
        assert isinstance(piece, Placement)
        return item_noun(piece)

    def blocker_search(self, placements: list[Placement]) -> BlockerSearch:
        """Who blocks the way to each target of one check of `placements`."""
        return BlockerSearch(self, placements)


MAX_BLOCKER_TRIALS = 32  # pieces tried one by one; more at the lost floor: name them all
TRIAL_SLACK = 1.0  # cm beyond the reach of a grown piece, so rounding never drops a trial


class BlockerSearch:
    """The pieces whose removal alone opens the way to a target; failing that, those on the
    lost floor (the floor the empty apartment reaches and the furnished one does not).

    Only a piece near the lost floor can open the way alone: the floor its removal frees lies
    within half the path width of its footprint, and for a target to be reached that floor
    must be reached, so it is lost floor. So only those pieces are tried, each once for every
    target, on the floor of the pieces that stay put, computed once. Trying every piece of
    the plan for every target (as `reference.LiteralWalkway` does) is quadratic: 250 stacked
    pieces took over 100 s. Beyond MAX_BLOCKER_TRIALS pieces at the lost floor (a pile no
    home has) all of them are named without trying.
    """

    def __init__(self, walkway: Walkway, placements: list[Placement]):
        self.walkway = walkway
        self.standing = [p for p in placements if not p.floor_flat]
        self._reached_without: dict[str, np.ndarray] = {}

    def of(self, target: Room | Placement, reached: Reached) -> list[str]:
        """The blockers of the way to `target`; the target bed itself is never one."""
        near, trials = self._near
        if len(trials) <= MAX_BLOCKER_TRIALS:
            singles = [p.id for p in trials if p.id != target.id and reached(self._without(p))]
            if singles:
                return sorted(singles)
        return sorted(p.id for p in self.standing if p.id in near and p.id != target.id)

    @cached_property
    def _near(self) -> tuple[set[str], list[Placement]]:
        """The ids of the pieces within half the path width of the lost floor, and the
        pieces worth trying (a centimetre further)."""
        if not self.standing:
            return set(), []
        lost = self.walkway.lost_floor(self.standing)
        shapes = footprints(self.standing, 0.0)
        near = shapely.dwithin(shapes, lost, HALF).tolist()
        tried = shapely.dwithin(shapes, lost, HALF + TRIAL_SLACK).tolist()
        ids: set[str] = {p.id for p, is_near in zip(self.standing, near, strict=True) if is_near}
        return ids, [p for p, t in zip(self.standing, tried, strict=True) if t]

    @cached_property
    def _floor_of_the_rest(self) -> BaseGeometry:
        trials = {p.id for p in self._near[1]}
        return self.walkway.floor_with([p for p in self.standing if p.id not in trials])

    def _without(self, piece: Placement) -> np.ndarray:
        """The floor reached with every standing piece but `piece`."""
        if piece.id not in self._reached_without:
            others = [p for p in self._near[1] if p is not piece]
            floor = self.walkway.floor_with(others, base=self._floor_of_the_rest)
            self._reached_without[piece.id] = self.walkway.reached(floor)
        return self._reached_without[piece.id]


WALKWAY_CACHE_SIZE = 4
_walkways: IdentityMemo[Walkway] = IdentityMemo(WALKWAY_CACHE_SIZE)


def walkway_for(plan: Plan) -> Walkway:
    """The walkway check for `plan`, its static part built once per layout (as `layout_of`
    caches the layout): after moving furniture, only the furniture is worked out again."""
    return _walkways.get((layout_of(plan),), lambda: Walkway(plan)).with_plan(plan)


PILE_DEPTH = 4  # overlapping pairs per polygon beyond which `grown` unites first


def grown(polygons: list[Polygon]) -> BaseGeometry:
    """The polygons grown by half the path width, as one geometry.

    Buffering them as one (overlapping) multipolygon grows and unites them in one GEOS pass,
    two to three times as fast as growing each and uniting the results; but GEOS then nodes
    every pair of overlapping outlines, so a pile (walls crossing in a grid, pieces stacked in
    one spot) takes time quadratic in its depth: 500 stacked pieces 3 s instead of 20 ms.
    Counting the pairs whose boxes overlap is cheap and tells the two apart.
    """
    if not polygons:
        return shapely.Polygon()
    pairs = len(STRtree(polygons).query(polygons)[0])
    if pairs <= PILE_DEPTH * len(polygons):
        return shapely.MultiPolygon(polygons).buffer(HALF, quad_segs=QUAD_SEGS)
    return shapely.union_all(shapely.buffer(polygons, HALF, quad_segs=QUAD_SEGS))


def _polygons(geometries: list[BaseGeometry]) -> list[Polygon]:
    return [part for g in geometries for part in shapely.get_parts(g) if isinstance(part, Polygon)]


def free_bed_sides(g: PlanGeometry) -> list[tuple[Placement, BaseGeometry]]:
    """Each standing bed with the union of its clearance zones that are free."""
    beds = [p for p in g.placements if p.category in BEDS and not p.floor_flat]
    shapes = item_shapes(beds)
    states = zone_states(g, shapes, [b.id for b in beds], furniture_only=False)
    free: dict[int, list[BaseGeometry]] = {}
    for zone, state in enumerate(states):
        if not state.blocked:
            free.setdefault(int(shapes.zone_owner[zone]), []).append(shapes.zones[zone])
    return [(beds[i], shapely.union_all(zones)) for i, zones in free.items()]
