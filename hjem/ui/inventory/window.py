"""The inventory window: find items (text or code, category, status, place, what fits in
W × D), see one in full, log and edit donations, move them along their way."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QSize
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from hjem.i18n import Message, tr
from hjem.ids import ItemCode
from hjem.inventory.details import item_details
from hjem.inventory.listing import table_rows, thumbnails
from hjem.inventory.models import Status
from hjem.inventory.search import Query
from hjem.ui.inventory import actions
from hjem.ui.inventory.details import ItemDetailsView
from hjem.ui.inventory.empty_state import EmptyState
from hjem.ui.inventory.filters import category_choice, search_field
from hjem.ui.inventory.model import THUMB_PX, InventoryModel
from hjem.ui.operations import Change, Changes, Operations
from hjem.ui.panels.properties import parse_number
from hjem.ui.screen_fit import open_within_screen

ROW_LIMIT = 5000


class InventoryWindow(QMainWindow):
    def __init__(self, operations: Operations, who: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.operations, self.who = operations, who
        self.setWindowTitle(tr("inventory_window.title"))
        self.model = InventoryModel(self._thumbnails)
        self.details = ItemDetailsView()
        self.table = self._table()
        self.empty = EmptyState(
            lambda: actions.new(self),
            lambda: actions.import_file(self),
            lambda: actions.demo(self),
            self.show_all,
        )
        self.rows_or_empty = QStackedWidget()
        self.rows_or_empty.addWidget(self.table)
        self.rows_or_empty.addWidget(self.empty)
        self.count = QLabel()
        self.statusBar().addWidget(self.count)
        splitter = QSplitter()
        splitter.addWidget(self.rows_or_empty)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addLayout(self._filters())
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)
        self.toolbar_actions: dict[str, QAction] = {}
        self._toolbar()
        open_within_screen(self, QSize(1300, 820))
        self.refresh()
        operations.workspace_did_change.connect(self._workspace_changed)

    def _workspace_changed(self, changes: Changes) -> None:
        """Someone changed the inventory (here, on the plan, in a case): show it as it is."""
        if Change.INVENTORY in changes and self.isVisible():
            self.refresh(select_code=self.selected_code())

    # --- building ------------------------------------------------------------------------

    def _table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("inventory_table")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.verticalHeader().setDefaultSectionSize(THUMB_PX + 6)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        table.setColumnWidth(0, THUMB_PX + 10)
        table.setColumnWidth(4, 170)  # "200 × 90 × 80 cm" on one line
        table.doubleClicked.connect(lambda _index: actions.edit(self))
        selection = table.selectionModel()
        selection.currentRowChanged.connect(lambda _now, _before: self.show_selected())
        selection.currentRowChanged.connect(lambda _now, _before: self._offer_actions())
        return table

    def _filters(self) -> QHBoxLayout:
        self.search = search_field("inventory_search", self.refresh)
        self.category = category_choice(self.refresh)
        self.status = QComboBox()
        self.status.addItem(tr("inventory_window.all_statuses"), None)
        for status in Status:
            self.status.addItem(tr(f"status.{status.value}").capitalize(), status.value)
        self.place = QLineEdit()
        self.place.setPlaceholderText(tr("inventory.field.location"))
        self.fit_width, self.fit_depth = QLineEdit(), QLineEdit()
        self.fit_width.setObjectName("fit_width")
        self.fit_depth.setObjectName("fit_depth")
        for box, key in ((self.fit_width, "width"), (self.fit_depth, "depth")):
            box.setPlaceholderText(tr(f"inventory.field.{key}"))
            box.setMaximumWidth(80)
            box.returnPressed.connect(self.refresh)
        self.status.activated.connect(lambda _i: self.refresh())
        find = QPushButton(tr("inventory_window.find"))
        find.clicked.connect(self.refresh)
        row = QHBoxLayout()
        row.addWidget(self.search, 3)
        row.addWidget(self.category)
        row.addWidget(self.status)
        row.addWidget(self.place, 1)
        row.addWidget(QLabel(tr("inventory_window.fits")))
        row.addWidget(self.fit_width)
        row.addWidget(QLabel("×"))
        row.addWidget(self.fit_depth)
        row.addWidget(find)
        return row

    def _toolbar(self) -> None:
        bar = QToolBar()
        bar.setObjectName("inventory_actions")
        self.addToolBar(bar)
        for key, handler, shortcut, _offered in actions.ACTIONS:
            action = QAction(tr(f"inventory_window.action.{key}"), self)
            action.setObjectName(key)
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(lambda _=False, h=handler: h(self))
            self.toolbar_actions[key] = action
            bar.addAction(action)
        self._offer_actions()

    def _offer_actions(self) -> None:
        """Offer what can be done with the item selected (or with none, or with the rows)."""
        code = self.selected_code()
        status = next((row.status for row in self.model.rows if row.code == code), None)
        for key, _handler, _shortcut, offered in actions.ACTIONS:
            self.toolbar_actions[key].setEnabled(offered(status, len(self.model.rows)))

    # --- what is shown ---------------------------------------------------------------------

    def query(self) -> Query:
        width, depth = parse_number(self.fit_width.text()), parse_number(self.fit_depth.text())
        fits = (width, depth) if width and depth else None
        return Query(
            text=self.search.text(),
            category=self.category.currentData(),
            status=self.status.currentData(),
            location=self.place.text().strip() or None,
            fits=fits,
            limit=ROW_LIMIT,
        )

    def refresh(self, select_code: str | None = None) -> None:
        query = self.query()
        rows = self.operations.read(lambda session: table_rows(session, query), tell=self.tell)
        if rows is None:
            return
        self.model.set_rows(rows)
        self.count.setText(tr("inventory_window.count", count=len(rows)))
        self._show_rows_or_empty(query)
        code = select_code or (rows[0].code if len(rows) == 1 else None)
        if code is not None:
            self.select(code)
        else:
            self.details.show_nothing()

    def _show_rows_or_empty(self, query: Query) -> None:
        """The table when it has rows; else what to do about an empty inventory or search."""
        if self.model.rows:
            self.rows_or_empty.setCurrentWidget(self.table)
        else:
            searching = query != Query(limit=ROW_LIMIT)
            (self.empty.show_no_match if searching else self.empty.show_empty_inventory)()
            self.rows_or_empty.setCurrentWidget(self.empty)
        self._offer_actions()

    def show_all(self) -> None:
        """Every item again: the search and its filters cleared."""
        for box in (self.search, self.place, self.fit_width, self.fit_depth):
            box.clear()
        self.category.setCurrentIndex(0)
        self.status.setCurrentIndex(0)
        self.refresh()

    def select(self, code: str) -> None:
        for row_number, row in enumerate(self.model.rows):
            if row.code == code:
                index = self.model.index(row_number, 1)
                self.table.selectionModel().setCurrentIndex(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.table.scrollTo(index)
                return

    def selected_code(self) -> ItemCode | None:
        index = self.table.selectionModel().currentIndex()
        return self.model.rows[index.row()].code if index.isValid() else None

    def show_selected(self) -> None:
        code = self.selected_code()
        if code is None:
            self.details.show_nothing()
            return
        item = self.operations.read(lambda session: item_details(session, code), tell=self.tell)
        if item is None:
            self.details.show_nothing()
        else:
            self.details.show_item(item)

    def _thumbnails(self, codes: list[str]) -> dict[str, bytes]:
        return self.operations.read(lambda session: thumbnails(session, codes)) or {}

    def forget_thumbnail(self, code: str) -> None:
        self.model.forget_thumbnail(code)

    def tell(self, message: Message) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            tr("inventory_window.title"),
            message.text(),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setObjectName("inventory_message")
        box.exec()
