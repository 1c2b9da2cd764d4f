"""Place one piece of furniture: a donated item picked in the inventory panel (clicked, or
dragged onto the plan) or a piece to buy. The piece follows the mouse at true size with the
same live check and magnetism as a move; R turns it; a click puts it down (one undo step);
Esc gives up."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent

from hjem.floorplan.commands import AddElement
from hjem.floorplan.geometry import Point, normalize_angle
from hjem.floorplan.model import Placement
from hjem.i18n import tr
from hjem.ids import ItemCode
from hjem.ui.scene.items import PlacementItem
from hjem.ui.tools.base import Tool
from hjem.ui.tools.furniture_drag import FurnitureDrag

if TYPE_CHECKING:
    from hjem.ui.editor import Editor


class PlaceTool(Tool):
    cursor = Qt.CursorShape.CrossCursor
    hint_key = "tool.place.hint"

    def __init__(self, editor: Editor, piece: Placement):
        super().__init__(editor)
        self.piece = replace(piece, id=editor.plan.new_id("p"))
        self.rotation = piece.rotation
        self.ghost = PlacementItem(self.piece.id)
        label = self.piece.label or tr(f"category.{piece.category}.name")
        self.ghost.show_placement(self.piece, label)
        self.ghost.setVisible(False)  # until the mouse is over the plan
        self._drag: FurnitureDrag | None = None
        self._at: Point | None = None

    def activate(self) -> None:
        self.editor.show_hint(self.hint_key, name=self.ghost.text)
        self.add_preview(self.ghost)

    def _ensure_drag(self) -> FurnitureDrag:
        if self._drag is None:
            plan = self.editor.plan
            with_piece = replace(plan, placements=(*plan.placements, self.piece))
            self._drag = FurnitureDrag(self.editor, self.ghost, with_piece, self.piece)
        return self._drag

    def move(self, pos: Point, event: QMouseEvent | None = None) -> None:
        self._at = pos
        alt = event is not None and bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        self.ghost.setVisible(True)
        self._ensure_drag().show(pos, self.rotation, self.editor.magnetism != alt)

    def press(self, pos: Point, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.move(pos, event)
            self.put_down()

    def put_down(self) -> bool:
        """Add the piece where it stands now; the tool is done (back to selecting)."""
        if self._drag is None:
            return False
        placed = self._drag.pose
        added = self.editor.apply(AddElement(placed), "undo.place")
        self._close()
        if added:
            self.editor.scene.select_ids([placed.id])
            self.editor.use_tool("select")
            self.editor.piece_placed.emit(placed)
        return added

    def key(self, event: QKeyEvent) -> bool:
        if event.key() == Qt.Key.Key_R and not event.modifiers():
            self.rotation = normalize_angle(self.rotation + 90.0)
            if self._at is not None:
                self.move(self._at)
            return True
        if event.key() == Qt.Key.Key_Escape:
            self.editor.use_tool("select")
            return True
        return super().key(event)

    def _close(self) -> None:
        if self._drag is not None:
            self._drag.close()
            self._drag = None
        self.clear_previews()

    def deactivate(self) -> None:
        self._close()
        super().deactivate()


class ItemDropper:
    """An item dragged from the inventory panel onto the plan: placed as if picked and
    clicked, the piece following the drag with its live check."""

    def __init__(self, editor: Editor, piece_for_code: Callable[[ItemCode], Placement | None]):
        self.editor = editor
        self._piece_for_code = piece_for_code

    def enter(self, code: ItemCode) -> bool:
        piece = self._piece_for_code(code)
        if piece is not None:
            self.editor.start_placing(piece)
        return piece is not None

    def _tool(self) -> PlaceTool | None:
        tool = self.editor.view.tool
        return tool if isinstance(tool, PlaceTool) else None

    def move(self, pos: Point) -> None:
        if (tool := self._tool()) is not None:
            tool.move(pos)

    def drop(self, pos: Point) -> None:
        if (tool := self._tool()) is not None:
            tool.move(pos)
            tool.put_down()

    def leave(self) -> None:
        if self._tool() is not None:
            self.editor.use_tool("select")
