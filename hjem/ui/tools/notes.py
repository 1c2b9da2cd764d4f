"""Dimension lines (click the two ends) and text labels (click, then type the text)."""

from __future__ import annotations

from PySide6.QtCore import QLineF, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QGraphicsLineItem, QInputDialog

from hjem.floorplan.commands import AddElement
from hjem.floorplan.geometry import Point
from hjem.floorplan.model import Dimension, TextLabel
from hjem.i18n import tr
from hjem.ui.scene import style
from hjem.ui.tools.base import Tool

DIMENSION_OFFSET_CM = 30.0


class DimensionTool(Tool):
    hint_key = "tool.dimension.hint"

    def __init__(self, editor):
        super().__init__(editor)
        self._start: Point | None = None
        self._line: QGraphicsLineItem | None = None

    def press(self, pos: Point, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        point = self.editor.snap(pos)
        if self._start is None:
            self._start = point
            return
        if point != self._start:
            dimension = Dimension(
                self.editor.plan.new_id("m"), self._start, point, DIMENSION_OFFSET_CM
            )
            self.editor.apply(AddElement(dimension), "undo.add_dimension")
        self.cancel()

    def move(self, pos: Point, event: QMouseEvent) -> None:
        if self._start is None:
            return
        if self._line is None:
            self._line = self.add_preview(QGraphicsLineItem())
            self._line.setPen(style.pen(style.PREVIEW, 1.5, Qt.PenStyle.DashLine))
        self._line.setLine(QLineF(QPointF(*self._start), QPointF(*self.editor.snap(pos))))

    def cancel(self) -> bool:
        had = self._start is not None
        self._start, self._line = None, None
        return super().cancel() or had


class LabelTool(Tool):
    hint_key = "tool.label.hint"

    def press(self, pos: Point, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        text, ok = QInputDialog.getText(
            self.editor.view, tr("tool.label.title"), tr("tool.label.prompt")
        )
        if ok and text.strip():
            label = TextLabel(self.editor.plan.new_id("t"), self.editor.snap(pos), text.strip())
            self.editor.apply(AddElement(label), "undo.add_label")
