"""Fixed elements of the apartment: radiator, kitchen counter, column, built-in wardrobe.

A click places one; near a wall it turns its back to the wall and stands against it, as they
do in a real apartment (magnetism)."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtGui import QMouseEvent

from hjem.floorplan.commands import AddElement
from hjem.floorplan.geometry import Point, normalize_angle
from hjem.floorplan.model import Fixture, FixtureKind, Wall
from hjem.ui.tools.base import Tool
from hjem.ui.tools.opening import nearest_wall, project

DEFAULT_SIZE = {  # width, depth, height in cm
    FixtureKind.RADIATOR: (100.0, 10.0, 60.0),
    FixtureKind.KITCHEN_COUNTER: (240.0, 60.0, 90.0),
    FixtureKind.COLUMN: (30.0, 30.0, 250.0),
    FixtureKind.BUILTIN_WARDROBE: (120.0, 60.0, 240.0),
}
WALL_REACH_CM = 60.0


def against_wall(wall: Wall, pos: Point, depth: float) -> tuple[Point, float]:
    """Centre and rotation of a box `depth` deep standing with its back to `wall` on the side
    of `pos`, its front facing the room."""
    along, across = project(wall, pos)
    length = wall.length or 1.0
    ux, uy = (wall.end.x - wall.start.x) / length, (wall.end.y - wall.start.y) / length
    side = 1.0 if across >= 0 else -1.0
    front = (uy * side, -ux * side)  # the wall's normal towards `pos`
    distance = wall.thickness / 2 + depth / 2
    along = min(max(along, 0.0), wall.length)
    center = Point(
        round(wall.start.x + ux * along + front[0] * distance, 1),
        round(wall.start.y + uy * along + front[1] * distance, 1),
    )
    rotation = normalize_angle(math.degrees(math.atan2(-front[0], front[1])))
    return center, round(rotation, 6)


class FixtureTool(Tool):
    def __init__(self, editor, kind: FixtureKind):
        super().__init__(editor)
        self.kind = kind
        self.hint_key = "tool.fixture.hint"

    def press(self, pos: Point, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        width, depth, height = DEFAULT_SIZE[self.kind]
        wall = nearest_wall(self.editor.plan.walls, pos, WALL_REACH_CM)
        if wall is not None and self.kind is not FixtureKind.COLUMN:
            center, rotation = against_wall(wall, pos, depth)
        else:
            center, rotation = self.editor.snap(pos), 0.0
        fixture = Fixture(
            self.editor.plan.new_id("f"), self.kind, center, width, depth, rotation, height
        )
        if self.editor.apply(AddElement(fixture), "undo.add_fixture"):
            self.editor.scene.select_ids([fixture.id])
