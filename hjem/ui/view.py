"""The plan view: wheel zoom at the cursor, middle-button or space+drag panning, fit to plan,
a grid and a scale bar. Mouse and key events go to the current tool, in centimetres."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QLineF, QPoint, QPointF, QRect, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QResizeEvent,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import QGraphicsView, QWidget

from hjem.floorplan.geometry import Point
from hjem.ids import ItemCode
from hjem.ui.scene import style

if TYPE_CHECKING:
    from hjem.ui.scene.plan_scene import PlanScene
    from hjem.ui.tools.base import Tool
    from hjem.ui.tools.place import ItemDropper

ITEM_MIME = "application/x-hjem-item"  # a drag from the inventory panel: the item's code

ZOOM_STEP = 1.15
MIN_SCALE, MAX_SCALE = 0.02, 20.0  # screen pixels per cm
NOTE_GAP, NOTE_MARGIN = 6.0, 4.0  # px: a note beside a piece, and from the view's edge
NICE_LENGTHS_CM = (10, 20, 50, 100, 200, 500, 1000, 2000, 5000)


class PlanView(QGraphicsView):
    def __init__(self, scene: PlanScene, parent: QWidget | None = None):
        super().__init__(scene, parent)
        self.tool: Tool | None = None
        self.dropper: ItemDropper | None = None  # set when there is an inventory to drag from
        self.setAcceptDrops(True)
        self.grid_visible = True
        self.grid_step = 10.0
        self._pan_from: QPointF | None = None
        # The zoom `fit_to_plan` chose, while nobody zoomed or scrolled since: the plan is
        # fitted again when the view's size settles (the panels dock after a plan opens).
        self._fitted: QTransform | None = None
        self._space_down = False
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        # The grid is drawn once per zoom and scroll, not on every step of a drag.
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheBackground)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setBackgroundBrush(Qt.GlobalColor.white)
        self.scale(0.8, 0.8)

    def _plan_scene(self) -> PlanScene:
        """The scene this view was made with; Qt types `scene()` as a plain QGraphicsScene."""
        return cast("PlanScene", self.scene())

    # --- zoom and pan ------------------------------------------------------------------------

    @property
    def pixels_per_cm(self) -> float:
        return self.transform().m11()

    def zoom(self, factor: float) -> None:
        target = min(MAX_SCALE, max(MIN_SCALE, self.pixels_per_cm * factor))
        factor = target / self.pixels_per_cm
        self.scale(factor, factor)
        self._plan_scene().zoom_did_change(self.pixels_per_cm)

    def fit_to_plan(self) -> None:
        bounds = self._plan_scene().drawing_bounds()
        if bounds is None or bounds.isEmpty():
            bounds = QRectF(-100, -100, 1000, 800)
        self.fitInView(bounds.adjusted(-60, -60, 60, 60), Qt.AspectRatioMode.KeepAspectRatio)
        self._fitted = self.transform()
        self._plan_scene().zoom_did_change(self.pixels_per_cm)

    @property
    def keeps_fitted(self) -> bool:
        """Whether the view still shows the plan as `fit_to_plan` left it."""
        return self._fitted is not None and self._fitted == self.transform()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.keeps_fitted:
            self.fit_to_plan()

    def centerOn(self, *where) -> None:
        self._fitted = None  # the person (or a conflict) asked for this spot: keep it
        super().centerOn(*where)

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom(ZOOM_STEP**steps)

    def _start_pan(self, event: QMouseEvent) -> None:
        self._fitted = None
        self._pan_from = event.position()
        self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)

    def _pan(self, event: QMouseEvent) -> None:
        assert self._pan_from is not None
        delta = event.position() - self._pan_from
        self._pan_from = event.position()
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - round(delta.x()))
        self.verticalScrollBar().setValue(self.verticalScrollBar().value() - round(delta.y()))

    def note_position(self, beside: QRectF, size: QSizeF) -> QPointF:
        """Where a note of `size` screen pixels goes beside the scene rect `beside`: to its
        right, else to its left, and up or down as needed to stay whole inside the view."""
        area = QRectF(self.viewport().rect()).adjusted(
            NOTE_MARGIN, NOTE_MARGIN, -NOTE_MARGIN, -NOTE_MARGIN
        )
        box = QRectF(self.mapFromScene(beside).boundingRect())
        x = box.right() + NOTE_GAP
        if x + size.width() > area.right():
            x = box.left() - NOTE_GAP - size.width()
        x = max(area.left(), min(x, area.right() - size.width()))
        y = max(area.top(), min(box.top(), area.bottom() - size.height()))
        return self.mapToScene(QPoint(round(x), round(y)))

    # --- events to the tool --------------------------------------------------------------------

    def plan_point(self, event: QMouseEvent) -> Point:
        p = self.mapToScene(event.position().toPoint())
        return Point(p.x(), p.y())

    def mousePressEvent(self, event: QMouseEvent) -> None:
        panning = event.button() == Qt.MouseButton.MiddleButton or self._space_down
        if panning:
            self._start_pan(event)
        elif self.tool is not None:
            self.tool.press(self.plan_point(event), event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            self._pan(event)
        elif self.tool is not None:
            self.tool.move(self.plan_point(event), event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            self._pan_from = None
            self.viewport().setCursor(self.tool.cursor if self.tool else Qt.CursorShape.ArrowCursor)
        elif self.tool is not None:
            self.tool.release(self.plan_point(event), event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if self.tool is not None and event.button() == Qt.MouseButton.LeftButton:
            self.tool.double_click(self.plan_point(event), event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_down = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            return
        if self.tool is not None and self.tool.key(event):
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_down = False
            self.viewport().setCursor(self.tool.cursor if self.tool else Qt.CursorShape.ArrowCursor)
            return
        super().keyReleaseEvent(event)

    # --- items dragged in from the inventory panel ---------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        data = event.mimeData()
        code = bytes(data.data(ITEM_MIME).data()).decode() if data.hasFormat(ITEM_MIME) else ""
        if self.dropper is not None and code and self.dropper.enter(ItemCode(code)):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self.dropper is None:
            event.ignore()
            return
        self.dropper.move(self._scene_point(event.position()))
        event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        if self.dropper is not None:
            self.dropper.drop(self._scene_point(event.position()))
            event.acceptProposedAction()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        if self.dropper is not None:
            self.dropper.leave()

    def _scene_point(self, position: QPointF) -> Point:
        p = self.mapToScene(position.toPoint())
        return Point(p.x(), p.y())

    # --- grid and scale bar --------------------------------------------------------------------

    def drawBackground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        super().drawBackground(painter, rect)
        if not self.grid_visible:
            return
        step = self.grid_step
        while step * self.pixels_per_cm < 8:  # never a grid denser than 8 px
            step *= 10
        painter.save()
        # Square lines need no smoothing, and one call per colour keeps a drag's repaint cheap.
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for spacing, color in ((step, style.GRID_MINOR), (step * 10, style.GRID_MAJOR)):
            painter.setPen(style.pen(color, 1.0))
            painter.drawLines(_grid_lines(QRectF(rect), spacing))
        painter.restore()

    def drawForeground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        """A scale bar in the lower left corner, sized to a round length."""
        length_cm = next(
            (n for n in NICE_LENGTHS_CM if n * self.pixels_per_cm >= 80), NICE_LENGTHS_CM[-1]
        )
        width_px = length_cm * self.pixels_per_cm
        painter.save()
        painter.resetTransform()
        x, y = 16.0, self.viewport().height() - 18.0
        painter.setPen(style.pen(style.LINE, 2.0))
        painter.drawLine(QPointF(x, y), QPointF(x + width_px, y))
        for tick in (x, x + width_px):
            painter.drawLine(QPointF(tick, y - 5), QPointF(tick, y + 1))
        text = f"{length_cm // 100} m" if length_cm >= 100 else f"{length_cm} cm"
        painter.drawText(QPointF(x + width_px + 6, y + 4), text)
        painter.restore()


def _grid_lines(rect: QRectF, spacing: float) -> list[QLineF]:
    first_x = math.floor(rect.left() / spacing)
    first_y = math.floor(rect.top() / spacing)
    xs = (i * spacing for i in range(first_x, math.floor(rect.right() / spacing) + 1))
    ys = (i * spacing for i in range(first_y, math.floor(rect.bottom() / spacing) + 1))
    return [QLineF(x, rect.top(), x, rect.bottom()) for x in xs] + [
        QLineF(rect.left(), y, rect.right(), y) for y in ys
    ]
