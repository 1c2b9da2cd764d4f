"""Doors, windows and balcony doors: hover a wall and the opening snaps into it, at the
wall's thickness; click to place it. A door swings to the side of the wall you click on."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QGraphicsPathItem

from hjem.floorplan.commands import AddElement
from hjem.floorplan.geometry import Point
from hjem.floorplan.model import Opening, OpeningKind, Wall
from hjem.ui.scene import style
from hjem.ui.scene.openings import opening_paths
from hjem.ui.tools.base import Tool

REACH_PIXELS = 25.0  # how far from a wall (on screen) the opening still snaps into it


def project(wall: Wall, pos: Point) -> tuple[float, float]:
    """(distance along the wall from its start, signed distance to its left) of `pos`."""
    length = wall.length or 1.0
    ux, uy = (wall.end.x - wall.start.x) / length, (wall.end.y - wall.start.y) / length
    dx, dy = pos.x - wall.start.x, pos.y - wall.start.y
    return dx * ux + dy * uy, dx * uy - dy * ux


def nearest_wall(walls: tuple[Wall, ...], pos: Point, reach: float) -> Wall | None:
    best, best_distance = None, reach
    for wall in walls:
        along, across = project(wall, pos)
        if -1 <= along <= wall.length + 1:
            distance = max(0.0, abs(across) - wall.thickness / 2)
            if distance <= best_distance:
                best, best_distance = wall, distance
    return best


class OpeningTool(Tool):
    def __init__(self, editor, kind: OpeningKind):
        super().__init__(editor)
        self.kind = kind
        self.hint_key = f"tool.{kind.value}.hint"
        self._preview: QGraphicsPathItem | None = None

    def _width(self) -> float:
        return (
            self.editor.window_width if self.kind is OpeningKind.WINDOW else self.editor.door_width
        )

    def opening_at(self, pos: Point) -> Opening | None:
        reach = REACH_PIXELS / self.editor.view.pixels_per_cm
        wall = nearest_wall(self.editor.plan.walls, pos, reach)
        if wall is None:
            return None
        width = min(self._width(), wall.length)
        along, across = project(wall, pos)
        step = self.editor.view.grid_step if self.editor.grid_snap else 1.0
        along = round(along / step) * step  # on the grid, like everything else drawn
        offset = min(max(along, width / 2), wall.length - width / 2)
        window = self.kind is OpeningKind.WINDOW
        return Opening(
            id=self.editor.plan.new_id("v" if window else "d"),
            wall_id=wall.id,
            kind=self.kind,
            offset=offset,
            width=width,
            opens_to="left" if across >= 0 else "right",
            sill_height=90.0 if window else 0.0,
            height=130.0 if window else 205.0,
        )

    def move(self, pos: Point, event: QMouseEvent) -> None:
        opening = self.opening_at(pos)
        if opening is None:
            self.clear_previews()
            self._preview = None
            return
        if self._preview is None:
            self._preview = self.add_preview(QGraphicsPathItem())
            self._preview.setPen(style.pen(style.PREVIEW, 2.0))
        wall = self.editor.plan.wall_of(opening)
        hole, lines, _ = opening_paths(wall, opening)
        hole.addPath(lines)
        self._preview.setPath(hole)

    def press(self, pos: Point, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        opening = self.opening_at(pos)
        if opening is None:
            self.editor.show_hint("tool.opening.no_wall")
            return
        if self.editor.apply(AddElement(opening), f"undo.add_{self.kind.value}"):
            self.editor.scene.select_ids([opening.id])
