"""The pieces' names on the plan: their font, how a line of it is measured (for the layout in
`hjem.floorplan.label_layout`) and how a laid-out name is painted, level, in screen pixels."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter

from hjem.floorplan.label_layout import Label
from hjem.ui.scene import style

NAME_POINTS = 8.5
NAME_BACKGROUND = QColor(251, 247, 239, 210)  # the furniture cream, so lines behind stay faint
BESIDE_BACKGROUND = QColor(255, 255, 255, 200)  # a name on the floor beside its piece


@cache
def name_font(factor: float = 1.0) -> QFont:
    font = QFont()
    font.setPointSizeF(NAME_POINTS * factor)
    return font


@cache
def name_metrics(factor: float = 1.0) -> QFontMetricsF:
    return QFontMetricsF(name_font(factor))


def measure_name(line: str, factor: float = 1.0) -> float:
    """A line of a piece's name in pixels, at a share of the normal size (for the layout)."""
    return name_metrics(factor).horizontalAdvance(line)


def paint_name(painter: QPainter, label: Label, centre: QPointF, scale: float) -> None:
    """`label` centred on `centre` (screen pixels; the painter is not transformed), its box
    as laid out at `scale` pixels per cm."""
    width, height = label.size[0] * scale, label.size[1] * scale
    box = QRectF(centre.x() - width / 2, centre.y() - height / 2, width, height)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(NAME_BACKGROUND if label.inside else BESIDE_BACKGROUND)
    painter.drawRoundedRect(box, 2, 2)
    painter.setFont(name_font(label.factor))
    painter.setPen(style.LINE)
    flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextDontClip
    painter.drawText(box, int(flags), "\n".join(label.lines))
