"""Select and move: click or drag a frame to select; drag to move (one undo step, pushed on
release); drag a wall's end to move that corner; Delete, R to turn, arrows to nudge.

A single piece of furniture moves with magnetism and the engine's live check (see
`furniture_drag.py`); its rotation handle turns it the same way."""

from __future__ import annotations

import math
from dataclasses import replace

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QGraphicsRectItem

from hjem.floorplan.commands import MoveElements, ReplaceElement, ReplaceElements
from hjem.floorplan.geometry import Point, normalize_angle
from hjem.floorplan.model import Fixture, Opening, Placement, Wall
from hjem.ui.scene import style
from hjem.ui.scene.items import ElementItem, PlacementItem
from hjem.ui.tools.base import Tool
from hjem.ui.tools.furniture_drag import FurnitureDrag

NUDGE_CM, BIG_NUDGE_CM = 1.0, 10.0
ARROWS = {
    Qt.Key.Key_Left: (-1, 0),
    Qt.Key.Key_Right: (1, 0),
    Qt.Key.Key_Up: (0, -1),
    Qt.Key.Key_Down: (0, 1),
}


class SelectTool(Tool):
    cursor = Qt.CursorShape.ArrowCursor
    hint_key = "tool.select.hint"

    def __init__(self, editor):
        super().__init__(editor)
        self._start: Point | None = None
        self._moving: list[ElementItem] = []
        self._delta = (0.0, 0.0)
        self._frame: QGraphicsRectItem | None = None
        self._corner: Point | None = None  # a wall corner being dragged
        self._piece: PlacementItem | None = None  # one piece of furniture under the mouse
        self._turning = False  # its rotation handle is being dragged
        self._drag: FurnitureDrag | None = None  # built at the first move, not on a click

    def press(self, pos: Point, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        self._start = pos
        self._corner = self._wall_end_under(pos)
        if self._corner is not None:
            return
        handle_of = self._handle_under(event)
        if handle_of is not None:
            self._piece, self._turning = handle_of, True
            return
        item = self.editor.scene.element_at(QPointF(*pos))
        additive = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if item is None:
            if not additive:
                self.editor.scene.clearSelection()
            self._frame = self.add_preview(QGraphicsRectItem())
            self._frame.setPen(style.pen(style.SELECTED, 1.0, Qt.PenStyle.DashLine))
            return
        if additive:
            item.setSelected(not item.isSelected())
        elif not item.isSelected():
            self.editor.scene.clearSelection()
            item.setSelected(True)
        self._moving = [i for i in self.editor.scene.selectedItems() if isinstance(i, ElementItem)]
        if len(self._moving) == 1 and isinstance(self._moving[0], PlacementItem):
            self._piece = self._moving[0]

    def move(self, pos: Point, event: QMouseEvent) -> None:
        if self._start is None:
            return
        if self._frame is not None:
            self._frame.setRect(QRectF(QPointF(*self._start), QPointF(*pos)).normalized())
            return
        if self._piece is not None:
            self._move_piece(pos, event)
            return
        if self._corner is not None or self._moving:
            self._delta = self.editor.snap_delta(pos.x - self._start.x, pos.y - self._start.y)
            for item in self._moving:
                item.show_offset(*self._delta)

    def _move_piece(self, pos: Point, event: QMouseEvent) -> None:
        assert self._piece is not None and self._start is not None
        if self._drag is None:
            placement = self.editor.plan[self._piece.element_id]
            assert isinstance(placement, Placement)
            self._drag = FurnitureDrag(self.editor, self._piece, self.editor.plan, placement)
        start = self._drag.start
        if self._turning:
            free = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            turned = start.rotation + _angle_between(start.center, self._start, pos)
            self._drag.show(start.center, turned if free else _round_angle(turned), False)
            return
        dx, dy = self.editor.snap_delta(pos.x - self._start.x, pos.y - self._start.y)
        alt = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        self._drag.show(start.center.moved(dx, dy), start.rotation, self.editor.magnetism != alt)

    def release(self, pos: Point, event: QMouseEvent) -> None:
        if self._start is None:
            return
        if self._drag is not None:
            self._commit_piece(self._drag)
        elif self._frame is not None:
            self._select_in(self._frame.rect())
        elif self._corner is not None:
            self._move_corner(self.editor.snap(pos))
        elif self._moving and self._delta != (0.0, 0.0):
            self._commit_move()
        self._reset()

    def _reset(self) -> None:
        self.clear_previews()
        self._start, self._frame, self._corner = None, None, None
        if self._drag is not None:
            self._drag.close()
            self._drag.item.restore()
        self._piece, self._turning, self._drag = None, False, None
        for item in self._moving:
            item.show_offset(0, 0)
        self._moving, self._delta = [], (0.0, 0.0)

    def _commit_piece(self, drag: FurnitureDrag) -> None:
        """Store where the piece ended up, then check the walkway with it standing there."""
        if not drag.moved:
            return
        turned = drag.pose.rotation != drag.start.rotation
        walkway = drag.walkway()
        stored = self.editor.apply(
            ReplaceElement(drag.pose), "undo.rotate" if turned else "undo.move"
        )
        if stored and walkway:
            self.editor.error_did_happen.emit(walkway[0].message.text())

    def _handle_under(self, event: QMouseEvent) -> PlacementItem | None:
        """The selected piece whose rotation handle is under the mouse, if any."""
        for item in self.editor.view.items(event.position().toPoint()):
            parent = item.parentItem()
            if isinstance(parent, PlacementItem) and item is parent.handle:
                return parent
        return None

    def _select_in(self, rect: QRectF) -> None:
        for item in self.editor.scene.items(rect, Qt.ItemSelectionMode.ContainsItemShape):
            if isinstance(item, ElementItem):
                item.setSelected(True)

    def _commit_move(self) -> None:
        ids = [i.element_id for i in self._moving]
        openings = [i for i in ids if isinstance(self.editor.plan.get(i), Opening)]
        if openings and len(ids) == 1:
            self._slide_opening(openings[0])
            return
        ids = [i for i in ids if i not in openings]
        if ids:
            self.editor.apply(MoveElements(tuple(ids), *self._delta), "undo.move")

    def _slide_opening(self, opening_id: str) -> None:
        """An opening dragged alone slides along its wall."""
        opening = self.editor.plan[opening_id]
        assert isinstance(opening, Opening)
        wall = self.editor.plan.wall_of(opening)
        (ux, uy), (dx, dy) = _direction(wall), self._delta
        moved = replace(opening, offset=round(opening.offset + dx * ux + dy * uy))
        self.editor.apply(ReplaceElement(moved), "undo.move")

    def _wall_end_under(self, pos: Point) -> Point | None:
        selected = set(self.editor.scene.selected_ids())
        for wall in self.editor.plan.walls:
            if wall.id in selected:
                for end in (wall.start, wall.end):
                    if math.dist(end, pos) <= self.editor.tolerance_cm:
                        return end
        return None

    def _move_corner(self, to: Point) -> None:
        """Move a wall corner: every wall ending there follows, so joins stay joined."""
        assert self._corner is not None
        corner = self._corner
        moved = []
        for wall in self.editor.plan.walls:
            start = to if math.dist(wall.start, corner) < 0.01 else wall.start
            end = to if math.dist(wall.end, corner) < 0.01 else wall.end
            if (start, end) != (wall.start, wall.end):
                moved.append(Wall(wall.id, start, end, wall.thickness))
        if moved and to != corner:
            self.editor.apply(ReplaceElements(tuple(moved)), "undo.move_corner")

    # --- keys ----------------------------------------------------------------------------------

    def key(self, event: QKeyEvent) -> bool:
        selected = self.editor.scene.selected_ids()
        key = event.key()
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and selected:
            self.editor.delete(selected)
            return True
        if key == Qt.Key.Key_R and not event.modifiers() and selected:
            self.turn(selected, 90.0)
            return True
        if key in ARROWS and selected:
            step = (
                BIG_NUDGE_CM if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else NUDGE_CM
            )
            dx, dy = ARROWS[key]
            movable = tuple(i for i in selected if not isinstance(self.editor.plan.get(i), Opening))
            self.editor.apply(
                MoveElements(movable, dx * step, dy * step), "undo.move", mergeable=True
            )
            return True
        if key == Qt.Key.Key_Escape and selected:
            self.editor.scene.clearSelection()
            return True
        return super().key(event)

    def turn(self, ids: list[str], degrees: float) -> None:
        turned = [
            replace(e, rotation=normalize_angle(e.rotation + degrees))
            for e in (self.editor.plan[i] for i in ids)
            if isinstance(e, Placement | Fixture)
        ]
        if turned:
            self.editor.apply(ReplaceElements(tuple(turned)), "undo.rotate")


def _angle_between(center: Point, start: Point, now: Point) -> float:
    """How far the mouse has turned about `center`, in degrees (clockwise on screen)."""
    before = math.atan2(start.y - center.y, start.x - center.x)
    after = math.atan2(now.y - center.y, now.x - center.x)
    return math.degrees(after - before)


def _round_angle(degrees: float, step: float = 15.0) -> float:
    return normalize_angle(round(degrees / step) * step)


def _direction(wall: Wall) -> tuple[float, float]:
    length = wall.length or 1.0
    return (wall.end.x - wall.start.x) / length, (wall.end.y - wall.start.y) / length
