"""The inventory table's model: rows read in one query, thumbnails fetched for the rows that
are shown, a batch at a time, so thousands of rows list at once."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QPixmap

from hjem.i18n import format_day, tr
from hjem.inventory.listing import Row
from hjem.money import format_kroner

COLUMNS = ("photo", "code", "name", "category", "size", "status", "value", "received")
THUMB_PX = 56
Index = QModelIndex | QPersistentModelIndex


def size_text(row: Row) -> str:
    return f"{row.width:g} × {row.depth:g} × {row.height:g} cm"


class InventoryModel(QAbstractTableModel):
    def __init__(self, fetch_thumbnails: Callable[[list[str]], dict[str, bytes]]):
        super().__init__()
        self.rows: list[Row] = []
        self._fetch = fetch_thumbnails
        self._pixmaps: dict[str, QPixmap | None] = {}
        self._wanted: list[str] = []
        self._batch = QTimer(self)
        self._batch.setSingleShot(True)
        self._batch.setInterval(0)
        self._batch.timeout.connect(self._load_thumbnails)

    def set_rows(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def forget_thumbnail(self, code: str) -> None:
        self._pixmaps.pop(code, None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(f"inventory_window.column.{COLUMNS[section]}")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        row = self.rows[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.DecorationRole and column == "photo":
            return self._thumbnail(row.code)
        if role == Qt.ItemDataRole.UserRole:
            return row.code
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "value":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _text(row: Row, column: str) -> str | None:
        match column:
            case "code":
                return row.code
            case "name":
                return row.name
            case "category":
                return tr(f"category.{row.category}.name")
            case "size":
                return size_text(row)
            case "status":
                return tr(f"status.{row.status}")
            case "value":
                return format_kroner(row.value_ore)
            case "received":
                return format_day(row.received_on)
        return None

    def _thumbnail(self, code: str) -> QPixmap | None:
        if code in self._pixmaps:
            return self._pixmaps[code]
        if code not in self._wanted:
            self._wanted.append(code)
            self._batch.start()
        return None

    def _load_thumbnails(self) -> None:
        wanted, self._wanted = self._wanted, []
        found = self._fetch(wanted)
        for code in wanted:
            data = found.get(code)
            pixmap = None
            if data:
                pixmap = QPixmap()
                pixmap.loadFromData(data)
                pixmap = pixmap.scaled(
                    THUMB_PX,
                    THUMB_PX,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            self._pixmaps[code] = pixmap
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, 0))
