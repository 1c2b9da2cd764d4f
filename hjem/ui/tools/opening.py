"""Doors, windows and balcony doors: hover a wall and the opening snaps into it, at the
wall's thickness; click to place it. A door swings to the side of the wall you click on.
A click on the edge of a room without walls offers to draw the room's walls first."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QGraphicsPathItem, QMessageBox

from hjem.floorplan.commands import AddElement, Batch, Command
from hjem.floorplan.geometry import Point
from hjem.floorplan.model import Opening, OpeningKind, Plan, Room, Wall
from hjem.floorplan.room_names import room_noun
from hjem.floorplan.room_walls import bare_room_edge_near, walls_around_rooms
from hjem.i18n import tr
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

    @property
    def _reach(self) -> float:
        return REACH_PIXELS / self.editor.view.pixels_per_cm

    def opening_at(self, pos: Point, plan: Plan | None = None) -> Opening | None:
        """The opening a click at `pos` would place in the nearest wall of `plan` (the
        editor's), if a wall is within reach."""
        plan = plan or self.editor.plan
        wall = nearest_wall(plan.walls, pos, self._reach)
        if wall is None:
            return None
        width = min(self._width(), wall.length)
        along, across = project(wall, pos)
        step = self.editor.view.grid_step if self.editor.grid_snap else 1.0
        along = round(along / step) * step  # on the grid, like everything else drawn
        offset = min(max(along, width / 2), wall.length - width / 2)
        window = self.kind is OpeningKind.WINDOW
        return Opening(
            id=plan.new_id("v" if window else "d"),
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
            self._offer_walls(pos)
            return
        self._place(AddElement(opening), opening)

    def _place(self, command: Command, opening: Opening) -> None:
        if self.editor.apply(command, f"undo.add_{self.kind.value}"):
            self.editor.scene.select_ids([opening.id])

    def _offer_walls(self, pos: Point) -> None:
        """On the edge of a room without walls: ask, then draw the room's walls and put the
        opening in (one undo step)."""
        thickness = self.editor.wall_thickness
        room = bare_room_edge_near(self.editor.plan, pos, self._reach, thickness)
        if room is None:
            self.editor.show_hint("tool.opening.no_wall")
            return
        if not self._may_make_walls(room):
            return
        walls = walls_around_rooms(self.editor.plan, [room.id], thickness)
        if walls is None:
            return
        opening = self.opening_at(pos, walls.apply(self.editor.plan)[0])
        if opening is None:
            self.editor.apply(walls, "undo.add_wall")
            return
        self._place(Batch((walls, AddElement(opening))), opening)

    def _may_make_walls(self, room: Room) -> bool:
        answer = QMessageBox.question(
            self.editor.view,
            tr("tool.opening.make_walls_title"),
            tr("tool.opening.make_walls", room=room_noun(room)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        return answer == QMessageBox.StandardButton.Yes
