"""One graphics item per plan element, drawn from the model's values (centimetres, y down).

Items never change the model: tools read their element ids and push commands. While a drag is
under way the select tool only shifts items on screen (`show_offset`); the model changes once,
when the mouse is released.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QPainter,
    QPainterPath,
    QPixmap,
    QTransform,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsSimpleTextItem,
    QStyleOptionGraphicsItem,
    QWidget,
)

from hjem.floorplan.geometry import Point, rect_corners
from hjem.floorplan.label_layout import MIN_NAMED_PX, Label
from hjem.floorplan.model import Background, Dimension, Fixture, FixtureKind, Placement, TextLabel
from hjem.floorplan.symbols import Symbol, symbol
from hjem.floorplan.text_fit import elide
from hjem.ui.scene import style
from hjem.ui.scene.handles import RotationHandle
from hjem.ui.scene.lock_mark import paint_lock
from hjem.ui.scene.marks import Mark, legend, mark_size_px, paint_mark
from hjem.ui.scene.names import measure_name, name_font, name_metrics, paint_name
from hjem.ui.scene.paths import polygon_path
from hjem.ui.scene.symbols import paint_symbol

MARGIN = 4.0  # cm around a shape for cosmetic pens and selection outlines
SYMBOL_LINE_PX = 0.8  # symbol details: thinner than the outline
MIN_SYMBOL_PX = 12.0  # a piece smaller than this on screen shows no details (a smudge)

Z_BACKGROUND, Z_ROOM, Z_FIXTURE, Z_FURNITURE, Z_WALL, Z_OPENING, Z_NOTE = (
    -100,
    0,
    10,
    20,
    30,
    40,
    50,
)


def _centre_on_origin(text: QGraphicsSimpleTextItem) -> None:
    """Centre a zoom-independent text on its position: shift it by half its size in pixels."""
    bounds = text.boundingRect()
    text.setTransform(QTransform.fromTranslate(-bounds.width() / 2, -bounds.height() / 2))


class ElementItem(QGraphicsItem):
    """A plan element drawn as a path, selectable, red when it is in a conflict."""

    def __init__(self, element_id: str, z: float):
        super().__init__()
        self.element_id = element_id
        self._path = QPainterPath()
        self._bounds = QRectF()
        self._base = QPointF(0, 0)
        self._base_rotation = 0.0
        self.in_conflict = False
        self.conflict_note = ""  # what the report says is wrong with it (its tooltip)
        self.setZValue(z)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)

    def set_path(
        self, path: QPainterPath, base: QPointF | None = None, rotation: float = 0.0
    ) -> None:
        self.prepareGeometryChange()
        self._path = path
        # Kept, not recomputed: Qt asks for it thousands of times a second while a piece moves.
        self._bounds = path.boundingRect().adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)
        self._base = base or QPointF(0, 0)
        self._base_rotation = rotation
        self.setPos(self._base)
        self.setRotation(rotation)
        self.update()

    def show_offset(self, dx: float, dy: float) -> None:
        self.setPos(self._base + QPointF(dx, dy))

    def show_pose(self, center: tuple[float, float], rotation: float) -> None:
        """Show the element elsewhere for a moment (a drag under way); `restore` undoes it."""
        self.setPos(QPointF(*center))
        self.setRotation(rotation)

    def restore(self) -> None:
        self.setPos(self._base)
        self.setRotation(self._base_rotation)

    def set_conflict(self, in_conflict: bool) -> None:
        if in_conflict != self.in_conflict:
            self.in_conflict = in_conflict
            self.update()

    def set_conflict_note(self, text: str) -> None:
        if text != self.conflict_note:
            self.conflict_note = text
            self.setToolTip(self.tooltip_text())

    def tooltip_text(self) -> str:
        """What the mouse over it says: why it is red, if it is."""
        return self.conflict_note

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        return self._path

    def outline_color(self) -> QColor:
        """Red for a conflict even when selected (the thicker line still shows the selection)."""
        if self.in_conflict:
            return style.CONFLICT
        return style.SELECTED if self.isSelected() else style.LINE

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setPen(style.pen(self.outline_color(), 2.0 if self.isSelected() else 1.0))
        painter.setBrush(QBrush(Qt.BrushStyle.NoBrush))
        painter.drawPath(self._path)


class WallItem(ElementItem):
    def __init__(self, element_id: str):
        super().__init__(element_id, Z_WALL)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setPen(style.pen(style.SELECTED, 2.0) if self.isSelected() else Qt.PenStyle.NoPen)
        painter.setBrush(style.brush(style.CONFLICT if self.in_conflict else style.WALL))
        painter.drawPath(self._path)


class RoomItem(ElementItem):
    """A room's floor with its name and net area written in it at a readable size."""

    def __init__(self, element_id: str):
        super().__init__(element_id, Z_ROOM)
        self.fill = style.ROOM_FILL[next(iter(style.ROOM_FILL))]
        self.label = QGraphicsSimpleTextItem(self)
        self.label.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
        font = QFont()
        font.setPointSizeF(9.5)
        self.label.setFont(font)

    def set_label(self, text: str) -> None:
        self.label.setText(text)
        _centre_on_origin(self.label)

    def move_label(self, at: tuple[float, float]) -> None:
        self.label.setPos(QPointF(*at))

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setPen(
            style.pen(style.SELECTED, 2.0)
            if self.isSelected()
            else style.pen(QColor("#b9b2a4"), 1.0)
        )
        painter.setBrush(style.brush(self.fill))
        painter.drawPath(self._path)


class OpeningItem(ElementItem):
    """A door (leaf and swing) or window (glass in the wall), drawn over the wall."""

    def __init__(self, element_id: str):
        super().__init__(element_id, Z_OPENING)
        self._hole = QPainterPath()
        self._lines = QPainterPath()
        self.entrance = False

    def set_parts(self, hole: QPainterPath, lines: QPainterPath, area: QPainterPath) -> None:
        self._hole, self._lines = hole, lines
        self.set_path(area)

    @property
    def hole(self) -> QPainterPath:
        """The gap painted over the wall."""
        return QPainterPath(self._hole)

    @property
    def lines(self) -> QPainterPath:
        """What is stroked: frame, glass, leaves and their arcs."""
        return QPainterPath(self._lines)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(style.brush(style.WINDOW_GLASS))
        painter.drawPath(self._hole)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(
            style.pen(self.outline_color(), 2.0 if (self.isSelected() or self.entrance) else 1.0)
        )
        painter.drawPath(self._lines)


def box_path(width: float, depth: float) -> QPainterPath:
    """A width × depth rectangle centred on the origin (the item turns and moves it)."""
    path = QPainterPath()
    path.addRect(QRectF(-width / 2, -depth / 2, width, depth))
    return path


class FixtureItem(ElementItem):
    def __init__(self, element_id: str):
        super().__init__(element_id, Z_FIXTURE)
        self.kind = FixtureKind.RADIATOR
        self.size = (1.0, 1.0)

    def show_fixture(self, fixture: Fixture) -> None:
        self.kind, self.size = fixture.kind, (fixture.width, fixture.depth)
        self.set_path(
            box_path(fixture.width, fixture.depth), QPointF(*fixture.center), fixture.rotation
        )

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        w, d = self.size
        dark = self.kind is FixtureKind.COLUMN
        painter.setBrush(style.brush(style.WALL if dark else style.FIXTURE))
        painter.setPen(style.pen(self.outline_color(), 2.0 if self.isSelected() else 1.0))
        painter.drawPath(self._path)
        painter.setPen(style.pen(self.outline_color(), 0.6))
        if self.kind is FixtureKind.RADIATOR:
            for i in range(1, max(2, int(w / 8))):
                x = -w / 2 + i * w / max(2, int(w / 8))
                painter.drawLine(QPointF(x, -d / 2), QPointF(x, d / 2))
        elif self.kind is FixtureKind.BUILTIN_WARDROBE:
            painter.drawLine(QPointF(-w / 2, -d / 2), QPointF(w / 2, d / 2))
            painter.drawLine(QPointF(-w / 2, d / 2), QPointF(w / 2, -d / 2))
        elif self.kind is FixtureKind.KITCHEN_COUNTER:
            painter.drawEllipse(QPointF(0, 0), min(w, d) * 0.3, min(w, d) * 0.25)


class PlacementItem(ElementItem):
    """A piece of furniture at true size: its top-view symbol, its name when there is room for
    it on screen, a dashed outline for rugs, and a rotation handle while selected.

    The name is painted, not a child text item: items that ignore the view's scaling cannot be
    indexed by the scene, and a thousand of them would slow every step of a drag.
    """

    def __init__(self, element_id: str):
        super().__init__(element_id, Z_FURNITURE)
        self.flat = False
        self.locked = False
        self.text = ""
        self.size = (1.0, 1.0)
        self.symbol: Symbol = ()
        self.handle: RotationHandle | None = None
        self.flag = ""  # what needs doing in the inventory (reserve it; someone else has it)
        self.mark: Mark | None = None  # how the plan shows it (one mark per meaning)
        self.laid_out = False  # the scene has placed the name (a piece being placed has not)
        self.name: Label | None = None
        self._name_offset = QPointF()
        self._name_bounds = QRectF()
        self._united_from: QRectF | None = None  # the piece's bounds `_united` was made from
        self._united = QRectF()

    def set_flag(self, mark: Mark | None, text: str) -> None:
        if (mark, text) != (self.mark, self.flag):
            self.mark, self.flag = mark, text
            self.setToolTip(self.tooltip_text())
            self.update()

    def tooltip_text(self) -> str:
        """Why it is red, then what its mark means and what the furniture list says."""
        standing = f"{legend(self.mark)}\n{self.flag}" if self.mark is not None else self.flag
        return "\n\n".join(part for part in (self.conflict_note, standing) if part)

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: object) -> object:
        if change == QGraphicsItem.GraphicsItemChange.ItemSelectedHasChanged:
            self._show_handle(bool(value))
        return super().itemChange(change, value)

    def _show_handle(self, on: bool) -> None:
        if on and self.handle is None:
            self.handle = RotationHandle(self)
            self.handle.place_at(QPointF(self.size[0] / 2, -self.size[1] / 2))
            self.handle.setVisible(True)
        elif not on and self.handle is not None:
            if self.scene() is not None:
                self.scene().removeItem(self.handle)
            self.handle = None

    def show_placement(self, placement: Placement, label: str) -> None:
        self.flat, self.locked = placement.floor_flat, placement.locked
        self.text = label
        self.size = (placement.width, placement.depth)
        self.symbol = symbol(placement.category, placement.width, placement.depth)
        if self.handle is not None:
            self.handle.place_at(QPointF(placement.width / 2, -placement.depth / 2))
        self.setZValue(Z_FURNITURE - 5 if self.flat else Z_FURNITURE)
        self.set_path(
            box_path(placement.width, placement.depth),
            QPointF(*placement.center),
            placement.rotation,
        )

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        # Fill, then the symbol, then the outline on top: a sofa's back never hides the red.
        fill = style.CONFLICT_FILL if self.in_conflict else style.FURNITURE
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(style.brush(style.RUG if self.flat else fill))
        painter.drawPath(self._path)
        scale = option.levelOfDetailFromTransform(painter.worldTransform())
        if scale * min(self.size) >= MIN_SYMBOL_PX:
            paint_symbol(painter, self.symbol, style.LINE, SYMBOL_LINE_PX)
        dash = Qt.PenStyle.DashLine if self.flat else Qt.PenStyle.SolidLine
        painter.setPen(style.pen(self.outline_color(), 2.0 if self.isSelected() else 1.2, dash))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self._path)
        if self.text:
            self._paint_name(painter, scale)
        if self.mark is not None:
            self._paint_mark(painter, self.mark, scale)
        if self.locked:
            paint_lock(painter, self.size, scale)

    def _paint_mark(self, painter: QPainter, mark: Mark, scale: float) -> None:
        """The inventory mark just inside the piece's back left corner (in screen pixels)."""
        inset = min(mark_size_px(mark) / 2 + 2, min(self.size) * scale / 2) / scale
        corner = QPointF(-self.size[0] / 2 + inset, -self.size[1] / 2 + inset)
        at = painter.worldTransform().map(corner)
        painter.save()
        painter.resetTransform()
        paint_mark(painter, mark, at, name_font())
        painter.restore()

    def set_name(self, label: Label | None) -> None:
        """Where the name goes (the scene's layout for the view's zoom): its offset from the
        piece's middle stays level on screen, so it follows the piece through a drag."""
        self.prepareGeometryChange()
        self.laid_out, self.name = True, label
        self._name_offset = QPointF()
        reach = 0.0
        if label is not None:
            self._name_offset = QPointF(*label.center) - self._base
            reach = math.hypot(self._name_offset.x(), self._name_offset.y())
            reach += math.hypot(*label.size) / 2
        # Any turn of the piece keeps the name within this square around its middle.
        self._name_bounds = QRectF(-reach, -reach, 2 * reach, 2 * reach)
        self._united_from = None
        self.update()

    def boundingRect(self) -> QRectF:
        """The piece's bounds with its name's, worked out again only when either changed
        (Qt asks many times a second while a piece moves)."""
        if self.name is None:
            return self._bounds
        if self._united_from is not self._bounds:
            self._united_from, self._united = self._bounds, self._bounds.united(self._name_bounds)
        return self._united

    def _paint_name(self, painter: QPainter, scale: float) -> None:
        """The name, level and in screen pixels, where the layout put it (inside the piece or
        beside it); a piece not laid out yet (one being placed) shows it inside, cut."""
        label = self.name if self.laid_out else self._alone(scale)
        if label is None:
            return
        centre = painter.worldTransform().map(QPointF(0, 0)) + self._name_offset * scale
        painter.save()
        painter.resetTransform()
        paint_name(painter, label, centre, scale)
        painter.restore()

    def _alone(self, scale: float) -> Label | None:
        """The name inside the piece, cut to its width, with nothing else to mind."""
        if min(self.size) * scale < MIN_NAMED_PX:
            return None
        across = self._level_width() * scale - 10
        if across < 24:
            return None
        line = elide(self.text, across, measure_name)
        size = ((measure_name(line) + 6) / scale, (name_metrics().height() + 3) / scale)
        return Label((line,), (0.0, 0.0), size)

    def _level_width(self) -> float:
        """How wide the piece is across the screen (names are written level)."""
        turn = math.radians(self.rotation())
        return abs(self.size[0] * math.cos(turn)) + abs(self.size[1] * math.sin(turn))


class DimensionItem(ElementItem):
    """A dimension line with end ticks and its length in cm."""

    def __init__(self, element_id: str):
        super().__init__(element_id, Z_NOTE)
        self.text = QGraphicsSimpleTextItem(self)
        self.text.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)

    def show_dimension(self, dimension: Dimension) -> None:
        (x1, y1), (x2, y2) = dimension.start, dimension.end
        length = math.hypot(x2 - x1, y2 - y1) or 1.0
        nx, ny = (y2 - y1) / length * dimension.offset, -(x2 - x1) / length * dimension.offset
        tx, ty = (y2 - y1) / length * 8, -(x2 - x1) / length * 8
        path = QPainterPath(QPointF(x1 + nx, y1 + ny))
        path.lineTo(QPointF(x2 + nx, y2 + ny))
        for x, y in ((x1, y1), (x2, y2)):
            path.moveTo(QPointF(x + nx - tx, y + ny - ty))
            path.lineTo(QPointF(x + nx + tx, y + ny + ty))
        self.set_path(path)
        self.text.setText(f"{round(length)}")
        self.text.setPos(QPointF((x1 + x2) / 2 + nx + tx, (y1 + y2) / 2 + ny + ty))


class LabelItem(ElementItem):
    """A free text on the plan; its letters are `size` cm high, so they scale with the plan."""

    def __init__(self, element_id: str):
        super().__init__(element_id, Z_NOTE)
        self.text = QGraphicsSimpleTextItem(self)

    def show_label(self, label: TextLabel) -> None:
        font = QFont()
        font.setPixelSize(max(1, round(label.size)))
        self.text.setFont(font)
        self.text.setText(label.text)
        bounds = self.text.boundingRect()
        path = QPainterPath()
        path.addRect(bounds)
        self.set_path(path, QPointF(label.at.x, label.at.y))

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        if self.isSelected():
            super().paint(painter, option, widget)


class BackgroundItem(QGraphicsItem):
    """The housing association's plan under the drawing, placed and scaled in cm."""

    def __init__(self) -> None:
        super().__init__()
        self.setZValue(Z_BACKGROUND)
        self._pixmap = QPixmap()
        self._image_id: int | None = None

    def show_background(self, background: Background | None) -> None:
        self.setVisible(background is not None and background.visible)
        if background is None:
            return
        if self._image_id != id(background.image):
            self.prepareGeometryChange()
            self._pixmap = QPixmap()
            self._pixmap.loadFromData(background.image)
            self._image_id = id(background.image)
        self.setPos(QPointF(*background.origin))
        self.setScale(background.cm_per_pixel)
        self.setOpacity(background.opacity)
        self.update()

    def boundingRect(self) -> QRectF:
        return QRectF(self._pixmap.rect())

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        painter.drawPixmap(QPointF(0, 0), self._pixmap)


def footprint_path(center: Point, width: float, depth: float, rotation: float) -> QPainterPath:
    """A rotated box in plan coordinates (for previews drawn without an item's transform)."""
    return polygon_path(rect_corners(center, width, depth, rotation))
