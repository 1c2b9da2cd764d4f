"""The model space flattened into polylines in drawing units, block references expanded.

Each shape is a list of (x, y) points. Shapes are grouped by the layers that must all be shown
for them to be drawn: their own, and the layer of every block reference they sit in (an
entity on layer 0 inside a block takes its reference's layer, as in AutoCAD). Door leaves'
swing arcs (about 90°) are kept aside with their radius, as evidence for the units.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import chain, pairwise

import numpy as np

from hjem.floorplan.dxf.errors import MAX_DEPTH, MAX_POINTS, MAX_SHAPES, POINTS_PER_TURN, DxfError
from hjem.floorplan.dxf.tags import Block, Entity, Stream
from hjem.i18n import msg

Affine = tuple[float, float, float, float, float, float]  # x' = a x + b y + c; y' = d x + e y + f
Points = list[tuple[float, float]]
Progress = Callable[[int, int], None]

IDENTITY: Affine = (1.0, 0.0, 0.0, 0.0, 1.0, 0.0)
MIRROR_X: Affine = (-1.0, 0.0, 0.0, 0.0, 1.0, 0.0)  # the OCS of extrusion (0, 0, -1)
SEGMENTS_PER_TURN = POINTS_PER_TURN - 1
DOOR_SPAN = (80.0, 100.0)  # degrees of a door leaf's swing
MAX_ARRAY = 1000  # columns × rows of one MINSERT


@dataclass
class Flat:
    shapes: dict[frozenset[str], list[Points]] = field(default_factory=dict)
    layer_counts: dict[str, int] = field(default_factory=dict)
    door_radii: list[float] = field(default_factory=list)  # in drawing units


def flatten(stream: Stream, deadline: float, progress: Progress | None = None) -> Flat:
    try:
        _check_expansion(stream)
        walker = _Walker(stream.blocks, deadline)
        total = len(stream.entities)
        for done, entity in enumerate(stream.entities, 1):
            walker.entity(entity, IDENTITY, frozenset(), "0", 0)
            if progress and done % 2048 == 0:
                progress(done, total)
    except DxfError:  # a PlanError is a ValueError too
        raise
    except (ValueError, OverflowError, ZeroDivisionError):
        # A number that is none ("abc"), or one no count can be made of (an array of NaN).
        raise DxfError(msg("dxf.damaged")) from None
    if progress:
        progress(total, total)
    return walker.flat


# --- bounds ------------------------------------------------------------------------------------


def _check_expansion(stream: Stream) -> None:
    """Refuse, before drawing anything, a drawing whose block references would expand past
    MAX_SHAPES, nest deeper than MAX_DEPTH or refer to themselves."""
    memo: dict[str, int] = {}

    def cost(entities: list[Entity], depth: int, path: tuple[str, ...]) -> int:
        total = 0
        for entity in entities:
            if entity.kind != "INSERT":
                total += 1
                continue
            name = entity.text(2)
            block = stream.blocks.get(name)
            if block is None:
                continue
            if name in path:
                raise DxfError(msg("dxf.recursive_block", block=name))
            if depth >= MAX_DEPTH:
                raise DxfError(msg("dxf.too_deep", limit=MAX_DEPTH))
            if name not in memo:
                memo[name] = cost(block.entities, depth + 1, (*path, name))
            total += memo[name] * _array_size(entity)
            if total > MAX_SHAPES:
                raise DxfError(msg("dxf.too_many_shapes", limit=MAX_SHAPES))
        return total

    cost(stream.entities, 0, ())


def _array_size(insert: Entity) -> int:
    columns, rows = int(insert.first(70, 1.0)), int(insert.first(71, 1.0))
    return max(1, columns) * max(1, rows) if columns * rows <= MAX_ARRAY else 1


def coordinates(flat: Flat, hidden: frozenset[str]) -> list[tuple[np.ndarray, list[Points]]]:
    """Each shown group's points as one flat array (x0, y0, x1, y1, …), with its shapes."""
    return [
        (np.fromiter(chain.from_iterable(chain.from_iterable(shapes)), float), shapes)
        for key, shapes in flat.shapes.items()
        if not key & hidden
    ]


def extents(flat: Flat, hidden: frozenset[str]) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) of the shown shapes in drawing units, y pointing up."""
    return extents_of([array for array, _ in coordinates(flat, hidden)])


def extents_of(parts: list[np.ndarray]) -> tuple[float, float, float, float]:
    all_coordinates = np.concatenate(parts) if parts else np.zeros(0)
    if not all_coordinates.size:
        return (0.0, 0.0, 0.0, 0.0)
    if not np.isfinite(all_coordinates).all():
        raise DxfError(msg("dxf.bad_numbers"))
    xs, ys = all_coordinates[0::2], all_coordinates[1::2]
    box = (float(xs.min()), float(ys.max()), float(xs.max()), float(ys.min()))
    if not math.isfinite(box[2] - box[0]) or not math.isfinite(box[1] - box[3]):
        raise DxfError(msg("dxf.bad_numbers"))  # e.g. from -1e308 to 1e308
    return box


# --- walking -----------------------------------------------------------------------------------


class _Walker:
    def __init__(self, blocks: dict[str, Block], deadline: float):
        self.blocks, self.deadline = blocks, deadline
        self.flat = Flat()
        self.count = self.points = 0
        self._keys: dict[tuple[frozenset[str], str], frozenset[str]] = {}

    def _key(self, gate: frozenset[str], layer: str) -> frozenset[str]:
        """`gate | {layer}`, made once per pair: most entities share a handful."""
        key = self._keys.get((gate, layer))
        if key is None:
            key = self._keys[(gate, layer)] = gate | {layer}
        return key

    def entity(self, e: Entity, m: Affine, gate: frozenset[str], parent: str, depth: int) -> None:
        layer = parent if e.layer == "0" else e.layer
        if e.kind == "INSERT":
            self._insert(e, m, self._key(gate, layer), layer, depth)
            return
        shapes = _shapes(e)
        if not shapes:
            return
        m = (
            _compose(m, MIRROR_X)
            if e.first(230, 1.0) < 0 and e.kind not in ("LINE", "ELLIPSE")
            else m
        )
        if e.kind == "ARC":
            self._door_evidence(e, m)
        bucket = self.flat.shapes.setdefault(self._key(gate, layer), [])
        if m is IDENTITY:  # the model space's own entities: most of a drawing
            bucket.extend(points for points in shapes if len(points) > 1)
        else:
            a, b, c, d, e_, f = m
            for points in shapes:
                if len(points) > 1:
                    bucket.append([(a * x + b * y + c, d * x + e_ * y + f) for x, y in points])
        self.flat.layer_counts[layer] = self.flat.layer_counts.get(layer, 0) + 1
        self.points += sum(len(points) for points in shapes)
        if self.points > MAX_POINTS:  # circles by the hundred thousand: 73 points each
            raise DxfError(msg("dxf.too_many_points", limit=MAX_POINTS))
        self.count += 1
        if self.count % 4096 == 0 and time.monotonic() > self.deadline:
            raise DxfError(msg("dxf.too_slow"))

    def _insert(self, e: Entity, m: Affine, gate: frozenset[str], layer: str, depth: int) -> None:
        block = self.blocks.get(e.text(2))
        if block is None or depth >= MAX_DEPTH:
            return
        if e.first(230, 1.0) < 0:
            m = _compose(m, MIRROR_X)
        sx, sy = e.first(41, 1.0), e.first(42, 1.0)
        angle = math.radians(e.first(50))
        cos, sin = math.cos(angle), math.sin(angle)
        columns, rows = int(e.first(70, 1.0)), int(e.first(71, 1.0))
        if _array_size(e) == 1:
            columns = rows = 1
        for column in range(max(1, columns)):
            for row in range(max(1, rows)):
                x = e.first(10) + cos * column * e.first(44) - sin * row * e.first(45)
                y = e.first(20) + sin * column * e.first(44) + cos * row * e.first(45)
                place = (cos * sx, -sin * sy, x, sin * sx, cos * sy, y)
                inner = _compose(_compose(m, place), (1, 0, -block.base[0], 0, 1, -block.base[1]))
                for child in block.entities:
                    self.entity(child, inner, gate, layer, depth + 1)

    def _door_evidence(self, e: Entity, m: Affine) -> None:
        span = (e.first(51, 360.0) - e.first(50)) % 360.0
        if DOOR_SPAN[0] <= span <= DOOR_SPAN[1]:
            scale = math.sqrt(abs(m[0] * m[4] - m[1] * m[3]))
            self.flat.door_radii.append(e.first(40) * scale)


def _compose(outer: Affine, inner: Affine) -> Affine:
    a, b, c, d, e, f = outer
    p, q, r, s, t, u = inner
    return (
        a * p + b * s,
        a * q + b * t,
        a * r + b * u + c,
        d * p + e * s,
        d * q + e * t,
        d * r + e * u + f,
    )


# --- entities ----------------------------------------------------------------------------------


def _shapes(e: Entity) -> list[Points]:
    kind = e.kind
    if kind == "LINE":
        return [[(e.first(10), e.first(20)), (e.first(11), e.first(21))]]
    if kind == "LWPOLYLINE":
        return [_polyline(e.tags(), closed=int(e.first(70)) & 1 == 1)]
    if kind == "POLYLINE":
        return _old_polyline(e)
    if kind == "CIRCLE":
        return [_arc(e.first(10), e.first(20), e.first(40), 0.0, 2 * math.pi)]
    if kind == "ARC":
        start, end = math.radians(e.first(50)), math.radians(e.first(51, 360.0))
        sweep = (end - start) % (2 * math.pi) or 2 * math.pi
        return [_arc(e.first(10), e.first(20), e.first(40), start, sweep)]
    if kind == "ELLIPSE":
        return [_ellipse(e)]
    if kind == "SOLID":
        corners = [(e.first(10 + i), e.first(20 + i)) for i in (0, 1, 3, 2)]
        return [[*corners, corners[0]]]
    return []


def _arc(cx: float, cy: float, r: float, start: float, sweep: float) -> Points:
    n = max(2, math.ceil(abs(sweep) / (2 * math.pi) * SEGMENTS_PER_TURN))
    # Turn the radius by one step at a time: two products a point instead of two trig calls.
    cos, sin = math.cos(sweep / n), math.sin(sweep / n)
    x, y = r * math.cos(start), r * math.sin(start)
    points = [(cx + x, cy + y)]
    for _ in range(n):
        x, y = x * cos - y * sin, x * sin + y * cos
        points.append((cx + x, cy + y))
    return points


def _ellipse(e: Entity) -> Points:
    cx, cy, mx, my = e.first(10), e.first(20), e.first(11), e.first(21)
    ratio = e.first(40, 1.0)
    side = -1.0 if e.first(230, 1.0) < 0 else 1.0
    nx, ny = -my * ratio * side, mx * ratio * side  # the minor axis, turned from the major
    start, end = e.first(41), e.first(42, 2 * math.pi)
    sweep = (end - start) % (2 * math.pi) or 2 * math.pi
    n = max(4, math.ceil(sweep / (2 * math.pi) * SEGMENTS_PER_TURN))
    angles = [start + sweep * i / n for i in range(n + 1)]
    return [
        (cx + math.cos(t) * mx + math.sin(t) * nx, cy + math.cos(t) * my + math.sin(t) * ny)
        for t in angles
    ]


def _polyline(tags: list[tuple[int, str]], closed: bool) -> Points:
    """An LWPOLYLINE's points (or one POLYLINE's vertices), bulges drawn as arcs."""
    vertices: list[list[float]] = []  # x, y, bulge
    for code, value in tags:
        if code == 10:
            vertices.append([float(value), 0.0, 0.0])
        elif code == 20 and vertices:
            vertices[-1][1] = float(value)
        elif code == 42 and vertices:
            vertices[-1][2] = float(value)
    if closed and vertices:
        vertices.append([vertices[0][0], vertices[0][1], 0.0])
    points: Points = []
    for (x1, y1, bulge), (x2, y2, _) in pairwise(vertices):
        points.extend(_bulge(x1, y1, x2, y2, bulge) if bulge else [(x1, y1)])
    if vertices:
        points.append((vertices[-1][0], vertices[-1][1]))
    return points


def _old_polyline(e: Entity) -> list[Points]:
    flags = int(e.first(70))
    if flags & (16 | 64):  # polygon meshes and polyface meshes: not plan lines
        return []
    vertices = [tag for start, end in e.vertices for tag in e.tags(start, end)]
    return [_polyline(vertices, closed=flags & 1 == 1)]


def _bulge(x1: float, y1: float, x2: float, y2: float, bulge: float) -> Points:
    """The arc from (x1, y1) towards (x2, y2) a bulge describes (4·atan(bulge) of sweep),
    without its end point."""
    sweep = 4 * math.atan(bulge)
    dx, dy = x2 - x1, y2 - y1
    chord = math.hypot(dx, dy)
    if chord == 0:
        return [(x1, y1)]
    h = chord / 2 / math.tan(sweep / 2)  # from the chord's middle to the centre, to the left
    cx, cy = (x1 + x2) / 2 - dy / chord * h, (y1 + y2) / 2 + dx / chord * h
    r = math.hypot(x1 - cx, y1 - cy)
    return _arc(cx, cy, r, math.atan2(y1 - cy, x1 - cx), sweep)[:-1]
