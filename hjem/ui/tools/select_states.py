"""The select tool's gestures as small states, after Sweet Home 3D's `SelectionState`,
`RectangleSelectionState` and `SelectionMoveState`: each gets the mouse from press to release,
works in plan centimetres, and on release turns what happened into one `floorplan` command.

`Idle.press` picks the gesture from what is under the mouse; the tool goes back to `Idle`
after every release or cancel. Nothing here changes the model before the release.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QMouseEvent, QPainterPath
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsRectItem

from hjem.floorplan.commands import ReplaceElement
from hjem.floorplan.editing import move_corner, move_selection, wall_end_near
from hjem.floorplan.geometry import Point, normalize_angle
from hjem.floorplan.model import Placement
from hjem.i18n import tr
from hjem.ui.scene import style
from hjem.ui.scene.items import ElementItem, PlacementItem
from hjem.ui.tools.base import Tool
from hjem.ui.tools.furniture_drag import FurnitureDrag

if TYPE_CHECKING:
    from hjem.ui.editor import Editor

TURN_STEP_DEGREES = 15.0  # a turn snaps to this unless Shift is held


def _held(event: QMouseEvent, modifier: Qt.KeyboardModifier) -> bool:
    return bool(event.modifiers() & modifier)


class SelectState:
    """One gesture of the select tool, from the press that starts it to its release."""

    def __init__(self, tool: Tool, start: Point):
        self.tool = tool
        self.editor: Editor = tool.editor
        self.start = start

    def move(self, pos: Point, event: QMouseEvent) -> SelectState:
        """Follow the mouse; return the state that has it next (mostly this one)."""
        return self

    def release(self, pos: Point, event: QMouseEvent) -> None:
        """The gesture is done: make its edit (if any)."""

    def finish(self) -> None:
        """Take away what the gesture showed (after a release or a cancel)."""
        self.tool.clear_previews()


class Idle(SelectState):
    """Nothing under way: a press chooses the gesture from what lies under the mouse."""

    def __init__(self, tool: Tool):
        super().__init__(tool, Point(0.0, 0.0))

    def press(self, pos: Point, event: QMouseEvent) -> SelectState:
        return self._corner(pos) or self._handle(pos, event) or self._click(pos, event)

    def _corner(self, pos: Point) -> SelectState | None:
        """A selected wall's end under the mouse: drag that corner."""
        editor = self.editor
        corner = wall_end_near(editor.plan, pos, editor.tolerance_cm, editor.document.selection)
        return MovingCorner(self.tool, pos, corner) if corner is not None else None

    def _handle(self, pos: Point, event: QMouseEvent) -> SelectState | None:
        """A selected piece's turning handle under the mouse: turn the piece."""
        piece = handle_under(self.editor, event)
        if piece is None:
            return None
        if locked_among(self.editor, (piece.element_id,)):
            return LockedPressed(self.tool, pos)
        return PiecePressed(self.tool, pos, piece, TurningPiece)

    def _click(self, pos: Point, event: QMouseEvent) -> SelectState:
        """Select what was clicked (Shift: add or take away) and be ready to move it; on
        empty floor, start a frame."""
        document = self.editor.document
        item = self.editor.scene.element_at(QPointF(*pos))
        additive = _held(event, Qt.KeyboardModifier.ShiftModifier)
        if item is None:
            if not additive:
                document.select(())
            return FrameSelecting(self.tool, pos)
        document.select(_clicked(document.selection, item.element_id, additive))
        ids = document.selection
        if locked_among(self.editor, ids):
            return LockedPressed(self.tool, pos)
        piece = self.editor.scene.item(ids[0]) if len(ids) == 1 else None
        if isinstance(piece, PlacementItem):
            return PiecePressed(self.tool, pos, piece, DraggingPiece)
        return MovingSelection(self.tool, pos, ids)


def locked_among(editor: Editor, ids: tuple[str, ...]) -> list[Placement]:
    """The locked pieces among `ids`: a press on them selects, but moves nothing."""
    pieces = (editor.plan.get(i) for i in ids)
    return [p for p in pieces if isinstance(p, Placement) and p.locked]


def refuse_locked(editor: Editor, ids: Sequence[str]) -> bool:
    """Say in the status line that a locked piece stays put; False when none is locked."""
    pieces = locked_among(editor, tuple(ids))
    if pieces:
        editor.error_did_happen.emit(tr("furnish_room.lock.cannot_move", name=pieces[0].label))
    return bool(pieces)


class LockedPressed(SelectState):
    """The mouse went down on a selection holding a locked piece: a click selects it; a drag
    moves nothing and the status line says why (once per gesture)."""

    def __init__(self, tool: Tool, start: Point):
        super().__init__(tool, start)
        self.told = False

    def move(self, pos: Point, event: QMouseEvent) -> SelectState:
        if not self.told:
            self.told = True
            refuse_locked(self.editor, self.editor.document.selection)
        return self


def handle_under(editor: Editor, event: QMouseEvent) -> PlacementItem | None:
    """The selected piece whose turning handle is under the mouse, if any."""
    for item in editor.view.items(event.position().toPoint()):
        parent = item.parentItem()
        if isinstance(parent, PlacementItem) and item is parent.handle:
            return parent
    return None


def _clicked(selection: tuple[str, ...], clicked: str, additive: bool) -> list[str]:
    """The selection after a click: Shift toggles the element; a plain click on an element
    not yet selected selects it alone (on a selected one, keeps the selection to move it)."""
    if additive:
        return [i for i in selection if i != clicked] + ([] if clicked in selection else [clicked])
    return list(selection) if clicked in selection else [clicked]


class FrameSelecting(SelectState):
    """A frame dragged over empty floor: what lies wholly inside joins the selection."""

    def __init__(self, tool: Tool, start: Point):
        super().__init__(tool, start)
        self.frame = QGraphicsRectItem()
        self.frame.setPen(style.pen(style.SELECTED, 1.0, Qt.PenStyle.DashLine))
        tool.add_preview(self.frame)

    def _rect(self, pos: Point) -> QRectF:
        return QRectF(QPointF(*self.start), QPointF(*pos)).normalized()

    def move(self, pos: Point, event: QMouseEvent) -> SelectState:
        self.frame.setRect(self._rect(pos))
        return self

    def release(self, pos: Point, event: QMouseEvent) -> None:
        inside = self.editor.scene.items(self._rect(pos), Qt.ItemSelectionMode.ContainsItemShape)
        ids = [i.element_id for i in inside if isinstance(i, ElementItem)]
        self.editor.document.select([*self.editor.document.selection, *ids])


class MovingSelection(SelectState):
    """The selection dragged: shown shifted meanwhile, moved on release (one undo step)."""

    def __init__(self, tool: Tool, start: Point, ids: tuple[str, ...]):
        super().__init__(tool, start)
        self.ids = ids
        self.delta = (0.0, 0.0)

    def _items(self) -> list[ElementItem]:
        return [i for i in map(self.editor.scene.item, self.ids) if i is not None]

    def move(self, pos: Point, event: QMouseEvent) -> SelectState:
        self.delta = self.editor.snap_delta(pos.x - self.start.x, pos.y - self.start.y)
        for item in self._items():
            item.show_offset(*self.delta)
        return self

    def release(self, pos: Point, event: QMouseEvent) -> None:
        command = move_selection(self.editor.plan, self.ids, *self.delta)
        if command is not None:
            self.editor.apply(command, "undo.move")

    def finish(self) -> None:
        super().finish()
        for item in self._items():
            item.show_offset(0, 0)


class MovingCorner(SelectState):
    """A selected wall's end dragged: every wall ending there follows (one undo step)."""

    def __init__(self, tool: Tool, start: Point, corner: Point):
        super().__init__(tool, start)
        self.corner = corner
        self.preview = QGraphicsPathItem()
        self.preview.setPen(style.pen(style.PREVIEW, 2.0, Qt.PenStyle.DashLine))
        tool.add_preview(self.preview)

    def move(self, pos: Point, event: QMouseEvent) -> SelectState:
        """The walls' centre lines as they would run to the snapped point."""
        to = self.editor.snap(pos)
        path = QPainterPath()
        for wall in self.editor.plan.walls:
            for end, other in ((wall.start, wall.end), (wall.end, wall.start)):
                if math.dist(end, self.corner) < 0.01:
                    path.moveTo(QPointF(*other))
                    path.lineTo(QPointF(*to))
        self.preview.setPath(path)
        return self

    def release(self, pos: Point, event: QMouseEvent) -> None:
        command = move_corner(self.editor.plan, self.corner, self.editor.snap(pos))
        if command is not None:
            self.editor.apply(command, "undo.move_corner")


class PiecePressed(SelectState):
    """The mouse went down on a piece (or its turning handle): a click costs nothing, the
    first move starts the engine's live check and hands over to `gesture`."""

    def __init__(self, tool: Tool, start: Point, item: PlacementItem, gesture: type[PieceGesture]):
        super().__init__(tool, start)
        self.item = item
        self.gesture = gesture

    def move(self, pos: Point, event: QMouseEvent) -> SelectState:
        placement = self.editor.plan[self.item.element_id]
        assert isinstance(placement, Placement)
        drag = FurnitureDrag(self.editor, self.item, self.editor.plan, placement)
        moving = self.gesture(self.tool, self.start, drag)
        return moving.move(pos, event)


class PieceGesture(SelectState):
    """One piece moved or turned with the engine's live check (`FurnitureDrag`); stored on
    release, the walkway checked then."""

    def __init__(self, tool: Tool, start: Point, drag: FurnitureDrag):
        super().__init__(tool, start)
        self.drag = drag

    def move(self, pos: Point, event: QMouseEvent) -> SelectState:
        self.show(self.drag, pos, event)
        return self

    def show(self, drag: FurnitureDrag, pos: Point, event: QMouseEvent) -> None: ...

    def release(self, pos: Point, event: QMouseEvent) -> None:
        drag = self.drag
        if not drag.moved:
            return
        walkway = drag.walkway()
        key = "undo.rotate" if drag.pose.rotation != drag.start.rotation else "undo.move"
        if self.editor.apply(ReplaceElement(drag.pose), key) and walkway:
            self.editor.error_did_happen.emit(walkway[0].message.text())

    def finish(self) -> None:
        super().finish()
        self.drag.close()
        self.drag.item.restore()


class DraggingPiece(PieceGesture):
    """The piece follows the mouse, settling against walls and pieces (Alt: the other way)."""

    def show(self, drag: FurnitureDrag, pos: Point, event: QMouseEvent) -> None:
        dx, dy = self.editor.snap_delta(pos.x - self.start.x, pos.y - self.start.y)
        magnet = self.editor.magnetism != _held(event, Qt.KeyboardModifier.AltModifier)
        drag.show(drag.start.center.moved(dx, dy), drag.start.rotation, magnet)


class TurningPiece(PieceGesture):
    """The piece turned by its handle about its centre, by 15° steps (Shift: freely)."""

    def show(self, drag: FurnitureDrag, pos: Point, event: QMouseEvent) -> None:
        center = drag.start.center
        turned = drag.start.rotation + angle_between(center, self.start, pos)
        if not _held(event, Qt.KeyboardModifier.ShiftModifier):
            turned = round_angle(turned)
        drag.show(center, turned, False)


def angle_between(center: Point, start: Point, now: Point) -> float:
    """How far the mouse has turned about `center`, in degrees (clockwise on screen)."""
    before = math.atan2(start.y - center.y, start.x - center.x)
    after = math.atan2(now.y - center.y, now.x - center.x)
    return math.degrees(after - before)


def round_angle(degrees: float, step: float = TURN_STEP_DEGREES) -> float:
    return normalize_angle(round(degrees / step) * step)
