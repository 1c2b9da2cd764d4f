"""What a piece standing along a wall can run into, and the shadows it casts on the wall.

The obstacles are those of the piece checker (`piece_check.py`): walls, fixed elements, other
furniture, door swings, windows, the other items' clearance zones; plus floor best kept free
(soft): a doorway's approach and the corner behind an opened door. They are indexed once per
plan.

A shadow is the stretch of an edge (u from lo to hi) where an obstacle meets a band parallel
to the edge (v from v0 to v1). For a convex outline that is the extent of the outline clipped
to the band, read off its segments: the vertices inside the band and the points where
segments cross its two lines. All (band, obstacle) pairs are clipped in one numpy pass;
GEOS (about 10 µs a call) only clips the few outlines that are not convex.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np
import shapely
from shapely import Polygon, STRtree
from shapely.geometry.base import BaseGeometry

from hjem.floorplan.model import Fixture, Placement, Plan
from hjem.floorplan.plan_geometry import ItemShapes, PlanGeometry
from hjem.floorplan.walkway import APPROACH_DEPTH
from hjem.floorplan.walls import opening_rect
from hjem.floorplan.zones import effective_zones, zone_states

# What an obstacle is, and so which boxes of a piece it stops.
WALL, FIXTURE, FURNITURE, DOOR, WINDOW, ZONE, FIXED_ZONE, SOFT, OUTSIDE = range(9)
MIN_OUTSIDE_AREA = 1e-4  # cm²: float dust left by a difference is not "outside"

Row = tuple[BaseGeometry, int, float, str | None, tuple[str, ...]]


@dataclass(frozen=True)
class Obstacles:
    """Everything a piece along a wall can run into, indexed once (without the piece)."""

    geoms: np.ndarray
    kinds: np.ndarray
    sills: np.ndarray  # a window's sill height; +inf for the rest
    categories: np.ndarray  # a piece of furniture's category; None for the rest
    allows: list[tuple[str, ...]]  # categories that may stand in a zone; () for the rest
    has_allow: np.ndarray  # bool: allows is not empty
    floor: BaseGeometry  # the apartment: footprints and zones must lie on it
    tree: STRtree
    segments: np.ndarray  # (m, 4): every convex outline's segments, px py qx qy
    segment_part: np.ndarray  # (m,): the convex part each segment belongs to
    first_segment: np.ndarray  # (n + 1,): obstacle i's segments are first[i]:first[i + 1]
    concave: dict[int, list[BaseGeometry]]  # obstacle → its parts GEOS must clip

    @cached_property
    def has_concave(self) -> np.ndarray:
        mask = np.zeros(len(self.geoms), dtype=bool)
        mask[list(self.concave)] = True
        return mask


def index_obstacles(g: PlanGeometry) -> Obstacles:
    """The obstacles of a plan's geometry (built without the piece being placed)."""
    layout = g.layout
    standing = g.standing_indices()
    rows: list[Row] = [(geom, WALL, math.inf, None, ()) for geom in layout.wall_geoms]
    rows += [(geom, FIXTURE, math.inf, None, ()) for geom in layout.fixture_shapes.footprints]
    rows += [
        (geom, FURNITURE, math.inf, g.placements[i].category, ())
        for geom, i in zip(g.furniture.footprints[standing], standing, strict=True)
    ]
    rows += [(geom, DOOR, math.inf, None, ()) for geom in layout.door_geoms]
    rows += [
        (geom, WINDOW, w.sill_height, None, ())
        for geom, w in zip(layout.window_geoms, layout.windows, strict=True)
    ]
    rows += _zone_rows(g, g.furniture, g.placements, ZONE, furniture_only=False)
    rows += _zone_rows(g, layout.fixture_shapes, layout.fixtures, FIXED_ZONE, furniture_only=True)
    rows += [(geom, SOFT, math.inf, None, ()) for geom in courtesy_zones(g.plan)]
    geoms = np.array([r[0] for r in rows], dtype=object)
    shapely.prepare(geoms)
    return Obstacles(
        geoms,
        np.array([r[1] for r in rows], dtype=int),
        np.array([r[2] for r in rows], dtype=float),
        np.array([r[3] for r in rows], dtype=object),
        [r[4] for r in rows],
        np.array([bool(r[4]) for r in rows], dtype=bool),
        layout.floor,
        STRtree(geoms),
        *_outlines(geoms),
    )


def _zone_rows(
    g: PlanGeometry,
    shapes: ItemShapes,
    owners: Sequence[Placement | Fixture],
    kind: int,
    furniture_only: bool,
) -> list[Row]:
    """Other items' clearance zones: hard where taking one breaks the owner's clearance.

    A bed needs one free long side of two: with both free, each is only best kept free
    (soft); with one free, that one is hard and the taken one no obstacle at all.
    """
    states = zone_states(g, shapes, [o.id for o in owners], furniture_only=furniture_only)
    effective = effective_zones(g, shapes)
    zones_of: dict[int, list[int]] = {}
    for zone, owner in enumerate(shapes.zone_owner):
        zones_of.setdefault(int(owner), []).append(zone)
    rows: list[Row] = []
    for owner, zones in zones_of.items():
        item, clearance = owners[owner], shapes.clearances[owner]
        if isinstance(item, Placement) and item.floor_flat:
            continue
        free = [z for z in zones if not states[z].blocked]
        if clearance.need == "all" or not free:
            marked = [(z, kind) for z in zones]
        else:
            marked = [(z, kind if len(free) == 1 else SOFT) for z in free]
        rows += [(effective[z], k, math.inf, None, clearance.allow) for z, k in marked]
    return rows


def courtesy_zones(plan: Plan) -> list[BaseGeometry]:
    """Floor best kept free though no rule forbids it: in front of each doorway (both faces,
    as deep as the walkway's approach) and the corner behind each opened door leaf."""
    zones = []
    for door in (o for o in plan.openings if o.is_passable):
        wall = plan.wall_of(door)
        zones.append(opening_rect(wall, door, APPROACH_DEPTH).difference(opening_rect(wall, door)))
        if door.swing_angle <= 0:
            continue
        side = (1.0 if door.opens_to == "left" else -1.0) * wall.thickness / 2
        leaf = door.width / door.leaves
        reach = side + math.copysign(leaf, side)
        start, end = door.offset - door.width / 2, door.offset + door.width / 2
        # Each leaf hangs on a jamb and, opened, hides the floor beyond that jamb.
        hinges = {"start": [(start, -leaf)], "end": [(end, leaf)]}[door.hinge]
        if door.leaves == 2:
            hinges = [(start, -leaf), (end, leaf)]
        for hinge, away in hinges:
            corners = [
                wall.point_at(hinge, side),
                wall.point_at(hinge + away, side),
                wall.point_at(hinge + away, reach),
                wall.point_at(hinge, reach),
            ]
            zones.append(shapely.Polygon(corners))
    return zones


def _outlines(
    geoms: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, dict[int, list[BaseGeometry]]]:
    """The segments of every convex part, grouped by obstacle; the other parts kept whole."""
    segments: list[np.ndarray] = []
    segment_part: list[np.ndarray] = []
    first = [0]
    concave: dict[int, list[BaseGeometry]] = {}
    for i, geom in enumerate(geoms):
        count = 0
        for piece in shapely.get_parts(geom):
            if not _is_convex(piece):
                concave.setdefault(i, []).append(piece)
                continue
            ring = np.asarray(piece.exterior.coords)[:, :2]
            segments.append(np.concatenate([ring[:-1], ring[1:]], axis=1))
            segment_part.append(np.full(len(ring) - 1, len(segment_part)))
            count += len(ring) - 1
        first.append(first[-1] + count)
    if not segments:
        return np.empty((0, 4)), np.empty(0, dtype=int), np.array(first), concave
    return np.concatenate(segments), np.concatenate(segment_part), np.array(first), concave


def _is_convex(piece: BaseGeometry) -> bool:
    if not isinstance(piece, Polygon) or piece.is_empty or len(piece.interiors):
        return False
    area = piece.area
    return bool(abs(piece.convex_hull.area - area) <= 1e-6 * max(area, 1.0))


# --- shadows ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Bands:
    """Bands parallel to edges: polygons, and each one's frame: u from (x0, y0) along the unit
    direction (dx, dy), v along its left normal (-dy, dx), into the room."""

    polygons: np.ndarray
    x0: np.ndarray
    y0: np.ndarray
    dx: np.ndarray
    dy: np.ndarray
    v0: np.ndarray
    v1: np.ndarray

    def frame(self, band: np.ndarray, points: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(u, v) of `points` (k, 2), each in the frame of its band."""
        u, v = self.frame_segments(band, points)[:2]
        return u, v

    def frame_segments(self, band: np.ndarray, ends: np.ndarray) -> tuple[np.ndarray, ...]:
        """(u, v) of each point (k, 2), or (u, v, u, v) of both ends of segments (k, 4), in the
        frame of its band (columns rather than einsum: for a few hundred points, numpy's call
        overhead is the cost)."""
        x0, y0, dx, dy = self.x0[band], self.y0[band], self.dx[band], self.dy[band]
        out: list[np.ndarray] = []
        for j in range(0, ends.shape[1], 2):
            x, y = ends[:, j] - x0, ends[:, j + 1] - y0
            out += [x * dx + y * dy, y * dx - x * dy]
        return tuple(out)


def cast_shadows(
    obstacles: Obstacles, bands: Bands, band: np.ndarray, hit: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For each (band, obstacle) pair: (pair index, lo, hi), one row per part meeting it."""
    concave = _concave_shadows(obstacles, bands, band, hit)
    first = obstacles.first_segment
    counts = first[hit + 1] - first[hit]
    if not counts.sum():
        return concave
    pair = np.repeat(np.arange(len(hit)), counts)
    rows = np.arange(counts.sum()) + np.repeat(first[hit] - (np.cumsum(counts) - counts), counts)
    segments, b = obstacles.segments[rows], band[pair]
    pu, pv, qu, qv = bands.frame_segments(b, segments)
    v0, v1 = bands.v0[b], bands.v1[b]
    # Per segment: its start if inside the band, and where it crosses the band's two lines.
    ends = np.where((pv >= v0) & (pv <= v1), pu, np.nan)
    rise = np.where(pv == qv, np.nan, qv - pv)
    t0, t1 = (v0 - pv) / rise, (v1 - pv) / rise
    cross0 = np.where((t0 >= 0) & (t0 <= 1), pu + t0 * (qu - pu), np.nan)
    cross1 = np.where((t1 >= 0) & (t1 <= 1), pu + t1 * (qu - pu), np.nan)
    row_lo = np.fmin(np.fmin(ends, cross0), cross1)
    row_hi = np.fmax(np.fmax(ends, cross0), cross1)
    part = obstacles.segment_part[rows]
    changes = (part[1:] != part[:-1]) | (pair[1:] != pair[:-1])
    first_row = np.flatnonzero(np.concatenate(([True], changes)))
    lo, hi = np.fmin.reduceat(row_lo, first_row), np.fmax.reduceat(row_hi, first_row)
    meets = ~np.isnan(lo)
    return (
        np.concatenate([pair[first_row][meets], concave[0]]).astype(int),
        np.concatenate([lo[meets], concave[1]]),
        np.concatenate([hi[meets], concave[2]]),
    )


def _concave_shadows(
    obstacles: Obstacles, bands: Bands, band: np.ndarray, hit: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    concave = np.flatnonzero(obstacles.has_concave[hit])
    pairs = [(p, part) for p in concave.tolist() for part in obstacles.concave[int(hit[p])]]
    if not pairs:
        return np.empty(0, dtype=int), np.empty(0), np.empty(0)
    which = np.array([p for p, _ in pairs], dtype=int)
    parts = np.array([part for _, part in pairs], dtype=object)
    return project(
        bands, band[which], shapely.intersection(parts, bands.polygons[band[which]]), which
    )


def outside_shadows(
    obstacles: Obstacles, bands: Bands, rows: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(band, lo, hi) for the parts of the bands `rows` beyond the apartment's floor."""
    rows = rows[~shapely.covers(obstacles.floor, bands.polygons[rows])]
    if not len(rows):
        return np.empty(0, dtype=int), np.empty(0), np.empty(0)
    rest = shapely.difference(bands.polygons[rows], obstacles.floor)
    parts, of = shapely.get_parts(rest, return_index=True)
    big = shapely.area(parts) > MIN_OUTSIDE_AREA
    return project(bands, rows[of[big]], parts[big], rows[of[big]])


def project(
    bands: Bands, band: np.ndarray, pieces: np.ndarray, labels: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(label, lo, hi) of each part of `pieces` along the edge of its band."""
    parts, of = shapely.get_parts(pieces, return_index=True)
    coords, coord_of = shapely.get_coordinates(parts, return_index=True)
    u, _ = bands.frame(band[of][coord_of], coords)
    lo, hi = _extents(coord_of, u, len(parts))
    found = np.isfinite(lo)
    return labels[of][found], lo[found], hi[found]


def _extents(group: np.ndarray, values: np.ndarray, count: int) -> tuple[np.ndarray, np.ndarray]:
    lo, hi = np.full(count, np.inf), np.full(count, -np.inf)
    np.minimum.at(lo, group, values)
    np.maximum.at(hi, group, values)
    return lo, hi
