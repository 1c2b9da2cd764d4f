"""The inventory docked beside the plan: find donated items (text, category, only those free to
have), see their photo and size, and drag one onto the plan, place it with a click, or let
hjem find a spot for it in a room. Pieces to buy are added here too."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QMimeData, QPoint, QSize, Qt
from PySide6.QtGui import QDrag, QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from hjem.floorplan.model import Placement
from hjem.i18n import tr
from hjem.ids import ItemCode
from hjem.inventory.listing import Row, table_rows, thumbnails
from hjem.inventory.models import Status
from hjem.inventory.search import Query
from hjem.money import format_kroner
from hjem.ui.inventory.filters import category_choice, search_field
from hjem.ui.operations import Change, Changes, Operations
from hjem.ui.scene.drag_image import drag_hot_spot, drag_pixmap
from hjem.ui.view import ITEM_MIME

ROW_LIMIT = 200
THUMB_PX = 48


class ItemList(QListWidget):
    """The found items; dragging one carries its code to the plan, showing the piece at true
    size at the plan's zoom (not the list's row, which would hide where it goes)."""

    def __init__(self) -> None:
        super().__init__()
        self.piece_for_code: Callable[[ItemCode], Placement | None] = lambda _code: None
        self.pixels_per_cm: Callable[[], float] = lambda: 1.0
        self.setObjectName("inventory_panel_list")
        self.setIconSize(QSize(THUMB_PX, THUMB_PX))
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setWordWrap(True)
        self.setSpacing(2)

    def mimeData(self, items: Sequence[QListWidgetItem]) -> QMimeData:
        data = QMimeData()
        if items:
            data.setData(ITEM_MIME, items[0].data(Qt.ItemDataRole.UserRole).encode())
        return data

    def drag_image(self, code: ItemCode) -> tuple[QPixmap, QPoint]:
        """What the mouse carries: the piece at true size held by its middle, or nothing
        (an empty picture) when the piece cannot be known."""
        piece = self.piece_for_code(code)
        if piece is None:
            nothing = QPixmap(1, 1)
            nothing.fill(Qt.GlobalColor.transparent)
            return nothing, QPoint(0, 0)
        scale = self.pixels_per_cm()
        return drag_pixmap(piece, scale, self.devicePixelRatioF()), drag_hot_spot(piece, scale)

    def startDrag(self, supportedActions: Qt.DropAction) -> None:
        item = self.currentItem()
        if item is None:
            return
        for done in self.findChildren(QDrag):  # Qt leaves each drag with its source
            done.deleteLater()
        drag = QDrag(self)
        drag.setMimeData(self.mimeData([item]))
        pixmap, hot_spot = self.drag_image(item.data(Qt.ItemDataRole.UserRole))
        drag.setPixmap(pixmap)
        drag.setHotSpot(hot_spot)
        drag.exec(Qt.DropAction.CopyAction)


class InventoryPanel(QWidget):
    def __init__(self, operations: Operations):
        super().__init__()
        self.operations = operations
        operations.workspace_did_change.connect(self._workspace_changed)
        self.rows: list[Row] = []
        self._found: list[Row] = []
        self.on_plan: set[str] = set()
        self.setMinimumWidth(300)  # a size and a price on one line under each name
        self.search = search_field("inventory_panel_search", self.refresh)
        self.category = category_choice(self.refresh)
        self.free_only = QCheckBox(tr("furnish.free_only"))
        self.free_only.setChecked(True)
        self.free_only.toggled.connect(lambda _on: self.refresh())
        self.list = ItemList()
        self.empty = QLabel()  # instead of an empty list: why it is empty, and what to do
        self.empty.setObjectName("inventory_panel_empty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.empty.setMargin(8)
        self.shown = QStackedWidget()
        self.shown.addWidget(self.list)
        self.shown.addWidget(self.empty)
        self._searched = False  # the list shows a search (not what fits a marked spot)
        self.place_button = QPushButton(tr("furnish.place"))
        self.spot_button = QPushButton(tr("furnish.find_spot"))
        self.room = QComboBox()
        self.room.setObjectName("spot_room")
        self.buy_button = QPushButton(tr("furnish.to_buy"))
        self.fits_button = QPushButton(tr("furnish.what_fits"))
        self.fits_button.setToolTip(tr("tool.what_fits.hint"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self._lay_out()

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        filters = QHBoxLayout()
        filters.addWidget(self.category, 1)
        filters.addWidget(self.free_only)
        layout.addLayout(filters)
        layout.addWidget(self.shown, 1)
        layout.addWidget(self.place_button)
        spot = QHBoxLayout()
        spot.addWidget(self.spot_button)
        spot.addWidget(self.room, 1)
        layout.addLayout(spot)
        layout.addWidget(self.fits_button)
        layout.addWidget(self.buy_button)
        layout.addWidget(self.status)

    def query(self) -> Query:
        status = Status.AVAILABLE.value if self.free_only.isChecked() else None
        return Query(
            text=self.search.text(),
            category=self.category.currentData(),
            status=status,
            limit=ROW_LIMIT,
        )

    def _workspace_changed(self, changes: Changes) -> None:
        if Change.INVENTORY in changes:
            self.refresh()

    def refresh(self) -> None:
        query = self.query()
        rows = self.operations.read(lambda session: table_rows(session, query))
        if rows is None:
            self.rows = []
            self.list.clear()
            self.shown.setCurrentWidget(self.list)
            self.status.setText(tr("furnish.no_inventory"))
            return
        self.show_rows(rows)
        self._searched = True
        self._tell_found()

    def _tell_found(self) -> None:
        """How many the search found, or, when none is listed, why and what to do."""
        if self.rows:
            self.shown.setCurrentWidget(self.list)
            self.status.setText(tr("furnish.found", count=len(self.rows)))
            return
        self.empty.setText(tr(f"furnish.empty.{self._why_empty()}"))
        self.shown.setCurrentWidget(self.empty)
        self.status.setText("")

    def _why_empty(self) -> str:
        if self._found:
            return "all_on_plan"
        anything = self.operations.read(lambda session: table_rows(session, Query(limit=1)))
        if not anything:
            return "no_items"
        return "no_free_match" if self.free_only.isChecked() else "no_match"

    def show_rows(self, rows: list[Row]) -> None:
        """List these items, in this order (a search's, or what fits a marked spot), but for
        those already on the plan."""
        self._searched = False
        self._list(rows)

    def _list(self, rows: list[Row]) -> None:
        self._found = rows
        self.shown.setCurrentWidget(self.list)
        rows = [r for r in rows if r.code not in self.on_plan]
        self.rows = rows
        codes: list[str] = [r.code for r in rows]
        pictures = self.operations.read(lambda session: thumbnails(session, codes)) or {}
        self.list.clear()
        for row in rows:
            self.list.addItem(_entry(row, pictures.get(row.code)))

    def set_on_plan(self, codes: set[str]) -> None:
        """The items the plan holds already: not offered twice."""
        if codes != self.on_plan:
            self.on_plan = codes
            self._list(self._found)
            if self._searched:
                self._tell_found()

    def selected_code(self) -> ItemCode | None:
        item = self.list.currentItem()
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)

    def select(self, code: str) -> None:
        for number in range(self.list.count()):
            if self.list.item(number).data(Qt.ItemDataRole.UserRole) == code:
                self.list.setCurrentRow(number)
                return

    def show_pieces_at(
        self,
        piece_for_code: Callable[[ItemCode], Placement | None],
        pixels_per_cm: Callable[[], float],
    ) -> None:
        """Let a drag show the item as the piece it becomes, at the plan's zoom."""
        self.list.piece_for_code, self.list.pixels_per_cm = piece_for_code, pixels_per_cm

    def set_rooms(self, rooms: Sequence[tuple[str, str]]) -> None:
        """The rooms "find a spot" can choose from: (room id, name)."""
        chosen = self.room.currentData()
        self.room.clear()
        for room_id, name in rooms:
            self.room.addItem(name, room_id)
        if (index := self.room.findData(chosen)) >= 0:
            self.room.setCurrentIndex(index)


def _entry(row: Row, picture: bytes | None) -> QListWidgetItem:
    size = f"{row.width:g} × {row.depth:g} × {row.height:g} cm"
    value = format_kroner(row.value_ore) if row.value_ore else ""
    lines = [row.name, f"{tr(f'category.{row.category}.name')} · {size}"]
    lines.append(" · ".join(part for part in (tr(f"status.{row.status}"), value) if part))
    entry = QListWidgetItem("\n".join(lines))
    entry.setData(Qt.ItemDataRole.UserRole, row.code)
    entry.setToolTip(row.code)
    if picture:
        pixmap = QPixmap()
        pixmap.loadFromData(picture)
        entry.setIcon(QIcon(pixmap))
    return entry
