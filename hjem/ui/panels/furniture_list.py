"""The furniture list: every piece in the plan with its room, size, standing in the inventory
and value, and the total. Pieces that need something done (reserve it, or it went to another
family meanwhile) are marked here and on the plan. It looks again every half minute, since
other volunteers reserve and deliver items all day; those look-ups, and the one a moment
after each edit, ask the database in the background (a shared server may be far away)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hjem.floorplan.model import Placement, Plan
from hjem.floorplan.room_names import display_name
from hjem.floorplan.shapes import room_at
from hjem.i18n import tr
from hjem.inventory.placing import PlacedItem, Standing, total_ore
from hjem.money import format_kroner
from hjem.ui.editor import Editor
from hjem.ui.operations import Change, Changes, Operations, Outcome
from hjem.ui.sync.work import placed_work

# Readable in a panel's width: the name with its room and standing under it, and the value;
# the size is the name's tool tip.
COLUMNS = ("name", "value")
NAME, VALUE = range(len(COLUMNS))
LOOK_AGAIN_MS = 30_000
SETTLE_MS = 300  # after an edit, before asking the database


class FurnitureList(QWidget):
    def __init__(self, editor: Editor, operations: Operations):
        super().__init__()
        self.editor, self.operations = editor, operations
        self.placed: list[PlacedItem] = []
        self.online = False
        self._asked = 0  # look-ups begun: an answer to an older one is not shown
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("furniture_list")
        self.table.setHorizontalHeaderLabels([tr(f"furnish.list.{c}") for c in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(True)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(VALUE, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemClicked.connect(self._select_piece)
        self.total = QLabel()
        self.total.setObjectName("furniture_total")
        self.reserve_button = QPushButton(tr("furnish.list.reserve_free"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.total)
        layout.addWidget(self.reserve_button)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SETTLE_MS)
        self._timer.timeout.connect(self.look_again)
        editor.document.plan_did_change.connect(lambda _plan: self._timer.start())
        self._again = QTimer(self)
        self._again.setInterval(LOOK_AGAIN_MS)
        self._again.timeout.connect(self.look_again)
        self._again.start()
        operations.workspace_did_change.connect(self._workspace_changed)

    def _workspace_changed(self, changes: Changes) -> None:
        if Change.INVENTORY in changes:
            self.refresh()

    def refresh(self) -> None:
        """Look the pieces up now and show them."""
        self._asked += 1
        plan = self.editor.plan
        self._show(plan, *self._look_up(plan))

    def look_again(self) -> None:
        """Look the pieces up in the background; show them if nothing newer came meanwhile."""
        if self.operations.available() is None:
            self.refresh()
            return
        self._asked += 1
        asked, plan = self._asked, self.editor.plan

        def found(outcome: Outcome[list[PlacedItem]]) -> None:
            if asked != self._asked or plan is not self.editor.plan:
                return  # a newer look-up, or another plan, answers instead
            if outcome.value is None:
                self._show(plan, [_offline(p) for p in plan.placements], False)
            else:
                self._show(plan, outcome.value, True)

        self.operations.run_in_background(placed_work(self.operations, plan), found)

    def _show(self, plan: Plan, placed: list[PlacedItem], online: bool) -> None:
        self.placed, self.online = placed, online
        rows = self.table.verticalHeader()
        # Rows fit their wrapped text, measured once after filling: measured at every cell,
        # a thousand pieces took seconds.
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.setRowCount(0)  # filling empty rows is far quicker than replacing cells
        self.table.setRowCount(len(self.placed))
        for row, piece in enumerate(self.placed):
            for column, cell in enumerate(_cells(plan, piece)):
                self.table.setItem(row, column, cell)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.total.setText(tr("furnish.list.total", total=format_kroner(total_ore(self.placed))))
        flagged = [p for p in self.placed if self.online and p.standing.marked]
        self.editor.scene.set_flags(
            {p.placement.id: (p.standing, _standing_text(p)) for p in flagged}
        )
        free = any(p.standing is Standing.FREE for p in self.placed)
        self.reserve_button.setEnabled(free and bool(plan.case_code))

    def _look_up(self, plan: Plan) -> tuple[list[PlacedItem], bool]:
        """The pieces with their standing, and whether the inventory could be asked."""
        placed = self.operations.read(placed_work(self.operations, plan))
        if placed is not None:
            return placed, True
        # No workspace, or the server is away: the pieces without their inventory standing.
        return [_offline(p) for p in plan.placements], False

    def _select_piece(self, cell: QTableWidgetItem) -> None:
        self.editor.scene.select_ids([cell.data(Qt.ItemDataRole.UserRole)])


def _offline(piece: Placement) -> PlacedItem:
    if piece.inventory_item is None:
        standing = Standing.TO_BUY if piece.price_ore is not None else Standing.OWN
        return PlacedItem(piece, standing, piece.price_ore or 0)
    return PlacedItem(piece, Standing.UNKNOWN, 0, item_status="offline")


def _cells(plan: Plan, placed: PlacedItem) -> list[QTableWidgetItem]:
    piece = placed.placement
    room = room_at(plan, piece.center)
    where = display_name(room) if room else ""
    name = QTableWidgetItem(
        tr(
            "furnish.list.entry",
            name=piece.label or tr(f"category.{piece.category}.name"),
            room=where or tr("furnish.list.no_room"),
            standing=_standing_text(placed),
        )
    )
    name.setToolTip(f"{piece.width:g} × {piece.depth:g} × {piece.height:g} cm")
    if placed.standing.needs_action:
        name.setForeground(Qt.GlobalColor.darkRed)
    value = QTableWidgetItem(format_kroner(placed.value_ore) if placed.value_ore else "")
    value.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
    for cell in (name, value):
        cell.setData(Qt.ItemDataRole.UserRole, piece.id)
    return [name, value]


def _standing_text(placed: PlacedItem) -> str:
    code = placed.placement.inventory_item or ""
    if placed.item_status == "offline":
        return tr("furnish.standing.offline", code=code)
    if placed.standing is Standing.GONE:
        return tr("furnish.standing.gone", status=tr(f"status.{placed.item_status}"), code=code)
    return tr(f"furnish.standing.{placed.standing.value}", code=code)
