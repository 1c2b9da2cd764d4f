"""Select and move: click or drag a frame to select; drag to move (one undo step, pushed on
release); drag a selected wall's end to move that corner; Delete, R to turn, arrows to nudge.

The selection is the document's (so undo restores it). Each mouse gesture is a small state
(`select_states.py`); a single piece of furniture moves and turns with magnetism and the
engine's live check (see `furniture_drag.py`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent

from hjem.floorplan.editing import nudge, turn
from hjem.floorplan.geometry import Point
from hjem.ids import ElementId
from hjem.ui.tools.base import Tool
from hjem.ui.tools.select_states import Idle, SelectState, refuse_locked

if TYPE_CHECKING:
    from hjem.ui.editor import Editor

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

    def __init__(self, editor: Editor):
        super().__init__(editor)
        self.idle = Idle(self)
        self.state: SelectState = self.idle

    def press(self, pos: Point, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.state is self.idle:
            self.state = self.idle.press(pos, event)

    def move(self, pos: Point, event: QMouseEvent) -> None:
        self.state = self.state.move(pos, event)

    def release(self, pos: Point, event: QMouseEvent) -> None:
        if self.state is not self.idle:
            self.state.release(pos, event)
            self._back_to_idle()

    def _back_to_idle(self) -> None:
        state, self.state = self.state, self.idle
        state.finish()

    def cancel(self) -> bool:
        """Esc: drop the gesture under way (nothing was changed yet)."""
        busy = self.state is not self.idle
        if busy:
            self._back_to_idle()
        return super().cancel() or busy

    # --- keys ----------------------------------------------------------------------------------

    def key(self, event: QKeyEvent) -> bool:
        selected = list(self.editor.document.selection)
        key = Qt.Key(event.key())
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and selected:
            self.editor.delete(selected)
            return True
        if key == Qt.Key.Key_R and not event.modifiers() and selected:
            self.turn(selected, 90.0)
            return True
        if key in ARROWS and selected:
            if refuse_locked(self.editor, selected):
                return True
            big = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            step = BIG_NUDGE_CM if big else NUDGE_CM
            dx, dy = ARROWS[key]
            command = nudge(self.editor.plan, selected, dx * step, dy * step)
            if command is not None:
                self.editor.apply(command, "undo.move", mergeable=True)
            return True
        if key == Qt.Key.Key_Escape and selected and self.state is self.idle:
            self.editor.document.select(())
            return True
        return super().key(event)

    def turn(self, ids: list[ElementId], degrees: float) -> None:
        if refuse_locked(self.editor, ids):
            return
        command = turn(self.editor.plan, ids, degrees)
        if command is not None:
            self.editor.apply(command, "undo.rotate")
