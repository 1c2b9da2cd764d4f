"""The one geometry of a door or window in its wall, as plain values in cm (no drawing).

The editor's scene, the handover PDF and the engine's swing zones all start from
`opening_geometry`, so a door looks and behaves the same everywhere: the gap it makes in the
wall, the frame drawn round a window's gap, the glass (windows and French doors), and each
door leaf with its hinge, its open position and the arc its tip sweeps.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from hjem.floorplan.geometry import Point, unit_vector
from hjem.floorplan.model import Opening, OpeningKind, Wall

DRAWN_ARC_STEP = 5.0  # degrees between two points of a drawn swing arc
GLASS_SHARE = 1 / 6  # the glass lines lie this share of the wall's thickness off its middle

Segment = tuple[Point, Point]


@dataclass(frozen=True)
class DoorLeaf:
    """One leaf: its hinge on the wall face it opens to, unit vectors along the closed leaf
    and into the room it opens to, its length and how far it swings (degrees)."""

    hinge: Point
    closed: Point
    normal: Point
    length: float
    angle: float

    def at(self, degrees: float) -> Point:
        """The leaf's tip when it stands open `degrees`."""
        c, s = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
        return Point(
            self.hinge.x + self.length * (self.closed.x * c + self.normal.x * s),
            self.hinge.y + self.length * (self.closed.y * c + self.normal.y * s),
        )

    @property
    def open_tip(self) -> Point:
        return self.at(self.angle)

    @property
    def line(self) -> Segment:
        """The leaf standing open at its swing angle."""
        return self.hinge, self.open_tip

    def arc(self, step: float = DRAWN_ARC_STEP) -> tuple[Point, ...]:
        """The path the tip sweeps, from the closed leaf's tip to the open one's."""
        steps = max(2, math.ceil(self.angle / step))
        return tuple(self.at(self.angle * i / steps) for i in range(steps + 1))


@dataclass(frozen=True)
class OpeningGeometry:
    gap: tuple[Point, Point, Point, Point]  # the hole through the wall (both faces)
    frame: tuple[Segment, ...]  # drawn round a window's gap: its sills and jambs
    glass: tuple[Segment, ...]
    leaves: tuple[DoorLeaf, ...]

    def lines(self) -> tuple[Segment, ...]:
        """Every straight line a drawing strokes: frame, glass and open leaves."""
        return (*self.frame, *self.glass, *(leaf.line for leaf in self.leaves))


def gap_corners(wall: Wall, opening: Opening, extra: float = 0.0) -> tuple[Point, ...]:
    """The hole an opening makes through its wall, `extra` cm wider on each face."""
    a, b = _jambs(opening)
    h = wall.thickness / 2 + extra
    return (wall.point_at(a, h), wall.point_at(b, h), wall.point_at(b, -h), wall.point_at(a, -h))


def _jambs(opening: Opening) -> tuple[float, float]:
    """Where the opening starts and ends, in cm from its wall's start."""
    return opening.offset - opening.width / 2, opening.offset + opening.width / 2


def _frame(gap: tuple[Point, ...]) -> tuple[Segment, ...]:
    return tuple((gap[i], gap[(i + 1) % len(gap)]) for i in range(len(gap)))


def _glass(wall: Wall, opening: Opening) -> tuple[Segment, ...]:
    a, b = _jambs(opening)
    sides = (-wall.thickness * GLASS_SHARE, wall.thickness * GLASS_SHARE)
    return tuple((wall.point_at(a, side), wall.point_at(b, side)) for side in sides)


def door_leaves(wall: Wall, opening: Opening) -> tuple[DoorLeaf, ...]:
    """The leaves of a door that swings: none for a window or an open passage (no swing)."""
    if not opening.is_passable or opening.swing_angle <= 0:
        return ()
    return tuple(
        _leaf(wall, opening, hinge_at, toward, length)
        for hinge_at, toward, length in leaf_hinges(opening)
    )


def leaf_hinges(opening: Opening) -> list[tuple[float, float, float]]:
    """Each leaf as (hinge along the wall, +1/-1 the way it closes along the wall, length)."""
    a, b = _jambs(opening)
    if opening.leaves == 2:
        return [(a, 1.0, opening.width / 2), (b, -1.0, opening.width / 2)]
    if opening.hinge == "start":
        return [(a, 1.0, opening.width)]
    return [(b, -1.0, opening.width)]


def opens_sign(opening: Opening) -> float:
    """+1 when the leaves swing to the wall's left, -1 to its right."""
    return 1.0 if opening.opens_to == "left" else -1.0


def _leaf(wall: Wall, opening: Opening, hinge_at: float, toward: float, length: float) -> DoorLeaf:
    sign = opens_sign(opening)
    u = unit_vector(wall.angle)
    return DoorLeaf(
        hinge=wall.point_at(hinge_at, sign * wall.thickness / 2),
        closed=Point(u.x * toward, u.y * toward),
        normal=Point(u.y * sign, -u.x * sign),
        length=length,
        angle=opening.swing_angle,
    )


def opening_geometry(wall: Wall, opening: Opening) -> OpeningGeometry:
    """What every drawing of this opening needs, in plan cm."""
    gap = gap_corners(wall, opening)
    window = opening.kind is OpeningKind.WINDOW
    glazed = window or opening.kind is OpeningKind.FRENCH_DOOR
    return OpeningGeometry(
        gap=(gap[0], gap[1], gap[2], gap[3]),
        frame=_frame(gap) if window else (),
        glass=_glass(wall, opening) if glazed else (),
        leaves=door_leaves(wall, opening),
    )
