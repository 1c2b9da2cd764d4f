"""Colours and pens of the plan drawing: calm, architectural, legible in black and white."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPen

from hjem.floorplan.model import RoomKind

WALL = QColor("#3b3b3b")
WINDOW_GLASS = QColor("#ffffff")
LINE = QColor("#303030")
SELECTED = QColor("#1f6fd1")
CONFLICT = QColor("#d12f2f")
CONFLICT_FILL = QColor("#fbe1dc")
FIXTURE = QColor("#cfcfcf")
FURNITURE = QColor("#fbf7ef")
RUG = QColor("#ece2d0")
PREVIEW = QColor("#1f6fd1")
GRID_MINOR = QColor("#ececec")
GRID_MAJOR = QColor("#d6d6d6")

ROOM_FILL = {
    RoomKind.ENTRE: QColor("#f3efe6"),
    RoomKind.GANG: QColor("#f3efe6"),
    RoomKind.STUE: QColor("#f6eedd"),
    RoomKind.SOVEVAERELSE: QColor("#eef0f6"),
    RoomKind.BOERNEVAERELSE: QColor("#f4eef6"),
    RoomKind.KOEKKEN: QColor("#eef5ec"),
    RoomKind.BAD: QColor("#e8f3f6"),
    RoomKind.TOILET: QColor("#e8f3f6"),
    RoomKind.BRYGGERS: QColor("#eef2f0"),
    RoomKind.DEPOT: QColor("#f0efec"),
    RoomKind.ALTAN: QColor("#f1f1ea"),
    RoomKind.ANDET: QColor("#f2f2f2"),
}


def pen(color: QColor, width: float = 1.0, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    """A cosmetic pen: `width` in screen pixels, whatever the zoom."""
    p = QPen(color, width, style)
    p.setCosmetic(True)
    p.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
    return p


def brush(color: QColor) -> QBrush:
    return QBrush(color)
