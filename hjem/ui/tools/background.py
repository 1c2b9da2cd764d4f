"""Tools for the traced plan: calibrate its scale (click two points, type their real
distance) and move it into place."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QLineF, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QGraphicsLineItem, QInputDialog

from hjem.floorplan.commands import SetBackground
from hjem.floorplan.geometry import Point
from hjem.floorplan.model import Background
from hjem.floorplan.validation import PlanError
from hjem.i18n import tr
from hjem.ui.scene import style
from hjem.ui.tools.base import Tool, parse_numbers


def to_pixels(background: Background, point: Point) -> tuple[float, float]:
    """The image pixel under a plan point."""
    return (
        (point.x - background.origin.x) / background.cm_per_pixel,
        (point.y - background.origin.y) / background.cm_per_pixel,
    )


class CalibrateTool(Tool):
    hint_key = "tool.calibrate.hint"

    def __init__(self, editor):
        super().__init__(editor)
        self._first: Point | None = None
        self._line: QGraphicsLineItem | None = None

    def press(self, pos: Point, event: QMouseEvent) -> None:
        background = self.editor.plan.background
        if event.button() != Qt.MouseButton.LeftButton or background is None:
            return
        if self._first is None:
            self._first = pos
            self.editor.show_hint("tool.calibrate.second")
            return
        first, self._first = self._first, None
        self.clear_previews()
        self._line = None
        distance = self.ask_distance()
        if distance is not None:
            self.calibrate(first, pos, distance)

    def move(self, pos: Point, event: QMouseEvent) -> None:
        if self._first is None:
            return
        if self._line is None:
            self._line = self.add_preview(QGraphicsLineItem())
            self._line.setPen(style.pen(style.CONFLICT, 2.0))
        self._line.setLine(QLineF(QPointF(*self._first), QPointF(*pos)))

    def ask_distance(self) -> float | None:
        text, ok = QInputDialog.getText(
            self.editor.view, tr("tool.calibrate.title"), tr("tool.calibrate.prompt")
        )
        numbers = parse_numbers(text) if ok else []
        return numbers[0] if numbers else None

    def calibrate(self, first: Point, second: Point, distance_cm: float) -> None:
        from hjem.floorplan.background import calibrated

        background = self.editor.plan.background
        assert background is not None
        try:
            fixed = calibrated(
                background, to_pixels(background, first), to_pixels(background, second), distance_cm
            )
        except PlanError as error:
            self.editor.error_did_happen.emit(error.message.text())
            return
        if self.editor.apply(SetBackground(fixed), "undo.calibrate"):
            self.editor.show_hint("tool.calibrate.done")

    def cancel(self) -> bool:
        had = self._first is not None
        self._first, self._line = None, None
        return super().cancel() or had


class MoveBackgroundTool(Tool):
    cursor = Qt.CursorShape.SizeAllCursor
    hint_key = "tool.move_background.hint"

    def __init__(self, editor):
        super().__init__(editor)
        self._start: Point | None = None

    def press(self, pos: Point, event: QMouseEvent) -> None:
        background = self.editor.plan.background
        if background is None or event.button() != Qt.MouseButton.LeftButton:
            return
        if background.locked:
            self.editor.show_hint("tool.move_background.locked")
            return
        self._start = pos

    def move(self, pos: Point, event: QMouseEvent) -> None:
        background = self.editor.plan.background
        if self._start is not None and background is not None:
            dx, dy = self.editor.snap_delta(pos.x - self._start.x, pos.y - self._start.y)
            self.editor.scene.background_item.setPos(
                QPointF(background.origin.x + dx, background.origin.y + dy)
            )

    def release(self, pos: Point, event: QMouseEvent) -> None:
        background = self.editor.plan.background
        if self._start is None or background is None:
            return
        dx, dy = self.editor.snap_delta(pos.x - self._start.x, pos.y - self._start.y)
        self._start = None
        if (dx, dy) != (0.0, 0.0):
            origin = background.origin.moved(dx, dy)
            self.editor.apply(
                SetBackground(replace(background, origin=origin)), "undo.move_background"
            )
