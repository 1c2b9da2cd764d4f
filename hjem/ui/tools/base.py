"""What every tool shares: the editor it works for, snapping, typed numbers, previews."""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QGraphicsItem

from hjem.floorplan.geometry import Point

if TYPE_CHECKING:
    from hjem.ui.editor import Editor

NUMBER_KEYS = set("0123456789.,x× ")

ItemT = TypeVar("ItemT", bound=QGraphicsItem)


def snap_angle(start: Point, end: Point, step_degrees: float = 15.0) -> Point:
    """`end` turned about `start` to the nearest multiple of `step_degrees` (Shift held)."""
    dx, dy = end.x - start.x, end.y - start.y
    length = math.hypot(dx, dy)
    angle = round(math.degrees(math.atan2(dy, dx)) / step_degrees) * step_degrees
    return Point(
        start.x + length * math.cos(math.radians(angle)),
        start.y + length * math.sin(math.radians(angle)),
    )


def parse_numbers(text: str) -> list[float]:
    """Numbers typed by a person: "420", "420,5", "420 x 350" or "420x350"."""
    return [float(n.replace(",", ".")) for n in re.findall(r"\d+(?:[.,]\d+)?", text)]


class Tool:
    """A mouse mode. Positions are plan points in cm; the editor does snapping and commands."""

    cursor = Qt.CursorShape.CrossCursor
    hint_key = "tool.select.hint"

    def __init__(self, editor: Editor):
        self.editor = editor
        self.typed = ""
        self._previews: list[QGraphicsItem] = []

    # Mouse and keys (override what the tool uses).
    def press(self, pos: Point, event: QMouseEvent) -> None: ...

    def move(self, pos: Point, event: QMouseEvent) -> None: ...

    def release(self, pos: Point, event: QMouseEvent) -> None: ...

    def double_click(self, pos: Point, event: QMouseEvent) -> None: ...

    def key(self, event: QKeyEvent) -> bool:
        """Typed numbers (an exact length), Enter to use them, Esc to cancel."""
        if event.key() == Qt.Key.Key_Escape:
            return self.cancel()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.typed:
            numbers = parse_numbers(self.typed)
            self.typed = ""
            self.editor.show_typed("")
            if numbers:
                self.use_numbers(numbers)
            return True
        if event.key() == Qt.Key.Key_Backspace and self.typed:
            self.typed = self.typed[:-1]
            self.editor.show_typed(self.typed)
            return True
        if event.text() and event.text() in NUMBER_KEYS and self.accepts_numbers():
            self.typed += event.text()
            self.editor.show_typed(self.typed)
            return True
        return False

    def accepts_numbers(self) -> bool:
        return False

    def use_numbers(self, numbers: list[float]) -> None: ...

    def cancel(self) -> bool:
        """Esc: drop what is half done; False if there was nothing to drop."""
        had = bool(self._previews) or bool(self.typed)
        self.clear_previews()
        self.typed = ""
        self.editor.show_typed("")
        return had

    def activate(self) -> None:
        self.editor.show_hint(self.hint_key)

    def deactivate(self) -> None:
        self.cancel()

    # Previews: temporary items drawn over the plan while a tool works.
    def add_preview(self, item: ItemT) -> ItemT:
        self.editor.scene.addItem(item)
        self._previews.append(item)
        return item

    def clear_previews(self) -> None:
        for item in self._previews:
            if item.scene() is not None:
                item.scene().removeItem(item)
        self._previews.clear()
