"""The marks a piece on the plan carries for its standing in the inventory: one mark per
meaning, none of them the red that means a conflict on the plan.

* not yet reserved for the family (free in the inventory): a quiet slate-blue dot;
* reserved offline, not yet confirmed by the team server: a hollow violet ring;
* not to be had (reserved for another family, delivered, discarded, in repair, unknown):
  an amber warning triangle with "!".

Each mark's tooltip starts with a line saying what the mark means (the legend), then what
the furniture list says about the piece."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPolygonF

from hjem.i18n import tr
from hjem.inventory.placing import Standing
from hjem.ui.scene import style


class Mark(Enum):
    TO_RESERVE = "to_reserve"
    UNAVAILABLE = "unavailable"
    PROVISIONAL = "provisional"  # reserved offline: the server has not said yes yet


MARK_OF_STANDING = {
    Standing.FREE: Mark.TO_RESERVE,
    Standing.RESERVED_ELSEWHERE: Mark.UNAVAILABLE,
    Standing.GONE: Mark.UNAVAILABLE,
    Standing.UNKNOWN: Mark.UNAVAILABLE,
    Standing.PROVISIONAL: Mark.PROVISIONAL,
}
TO_RESERVE = QColor("#6f86a6")  # slate blue: something to do, nothing wrong
PROVISIONAL = QColor("#7b5ea7")  # violet ring: hollow, as the promise is not made yet
RING_PX = 2.0
UNAVAILABLE = QColor("#e8a317")  # amber: a warning, distinct from the conflict red
UNAVAILABLE_TEXT = QColor("#3d2b00")
DOT_RADIUS_PX = 4.5
TRIANGLE_PX = 15.0  # the warning triangle's side


def mark_for(standing: Standing) -> Mark | None:
    return MARK_OF_STANDING.get(standing)


def legend(mark: Mark) -> str:
    """What the mark means, in one line (the first line of the piece's tooltip)."""
    return tr(f"plan.mark.{mark.value}")


def mark_size_px(mark: Mark) -> float:
    return TRIANGLE_PX if mark is Mark.UNAVAILABLE else 2 * DOT_RADIUS_PX + RING_PX


def paint_mark(painter: QPainter, mark: Mark, centre: QPointF, font: QFont) -> None:
    """Draw `mark` centred on `centre`, in screen pixels (the painter is not transformed)."""
    painter.save()
    painter.setPen(style.pen(QColor("#ffffff"), 1.0))
    if mark is Mark.TO_RESERVE:
        painter.setBrush(style.brush(TO_RESERVE))
        painter.drawEllipse(centre, DOT_RADIUS_PX, DOT_RADIUS_PX)
    elif mark is Mark.PROVISIONAL:
        painter.setPen(style.pen(PROVISIONAL, RING_PX))
        painter.setBrush(style.brush(QColor("#ffffff")))
        painter.drawEllipse(centre, DOT_RADIUS_PX, DOT_RADIUS_PX)
    else:
        half = TRIANGLE_PX / 2
        height = TRIANGLE_PX * 0.87
        top = centre.y() - height / 2
        triangle = QPolygonF(
            [
                QPointF(centre.x(), top),
                QPointF(centre.x() + half, top + height),
                QPointF(centre.x() - half, top + height),
            ]
        )
        painter.setBrush(style.brush(UNAVAILABLE))
        painter.drawPolygon(triangle)
        painter.setPen(UNAVAILABLE_TEXT)
        painter.setFont(font)
        box = QRectF(centre.x() - half, top + height * 0.3, TRIANGLE_PX, height * 0.7)
        painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), "!")
    painter.restore()
