"""The families' cases on the start screen: find one by its number or alias, open it, or start
a new one. The list reads `list_cases` only, which never selects the address."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from hjem.cases.cases import CaseRow, list_cases
from hjem.i18n import Message, tr
from hjem.ui.cases.common import fill_table, key_of, read_only_table, selected_key, when
from hjem.ui.operations import Operations


class CaseList(QWidget):
    case_chosen = Signal(str)  # the case's code
    new_case_requested = Signal()

    def __init__(
        self,
        operations: Operations,
        me: str = "",
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.operations = operations
        # The volunteer using hjem, by the name they gave (never the login name): "" until then.
        self.me = me.strip()
        self.rows: list[CaseRow] = []
        self.mine_by_name = True  # "only my cases" by the typed name: see set_access
        self.only_mine = QCheckBox(tr("case_list.only_mine", me=self.me))
        self.only_mine.setObjectName("case_only_mine")
        self.only_mine.setChecked(bool(self.me))
        self.only_mine.setVisible(bool(self.me))
        self.only_mine.toggled.connect(lambda _on: self.refresh())
        self.search = QLineEdit()
        self.search.setObjectName("case_search")
        self.search.setPlaceholderText(tr("case_list.search_hint"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumHeight(34)
        self.search.setStyleSheet("font-size: 11pt; padding: 0 6px;")
        self.search.textChanged.connect(lambda _text: self.refresh())
        self.search.returnPressed.connect(self._open_only_match)
        self.table = self._table()
        self.new_button = self._button("case_new", "case_list.new", self.new_case_requested.emit)
        self.open_button = self._button("case_open", "case_list.open", self._open_selected)
        self.status = QLabel()
        self.status.setObjectName("case_list_status")
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color: #6b6b6b;")
        self._lay_out()

    def _table(self) -> QTableWidget:
        columns = ["case.field.code", "case.field.alias", "case_list.column.status"]
        columns += ["case.field.municipality", "case_list.column.updated"]
        table = read_only_table("case_table", [tr(key) for key in columns])
        table.setStyleSheet(table.styleSheet() + "QTableWidget { font-size: 11pt; }")
        table.verticalHeader().setDefaultSectionSize(32)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        table.horizontalHeader().setStretchLastSection(False)
        # Activated: a double-click, or Enter on the keyboard.
        table.activated.connect(lambda index: self._choose(key_of(table, index.row())))
        table.itemSelectionChanged.connect(self._enable)
        return table

    def set_me(self, me: str) -> None:
        """The user's name changed: "only my cases" means theirs now (and is ticked, as at a
        start with a name, when they had none before)."""
        first = not self.me
        self.me = me.strip()
        self.only_mine.setText(tr("case_list.only_mine", me=self.me))
        self.only_mine.setVisible(bool(self.me) and self.mine_by_name)
        if first and self.me:
            self.only_mine.blockSignals(True)
            self.only_mine.setChecked(True)
            self.only_mine.blockSignals(False)
        self.refresh()

    def set_access(self, new_cases: bool, mine_by_name: bool) -> None:
        """What the signed-in person may do here: open new cases (the coordinator's, on a team
        server), and narrow the list to the cases with their typed name (not on a team server,
        whose own list is already theirs)."""
        self.new_button.setVisible(new_cases)
        self.mine_by_name = mine_by_name
        self.only_mine.setVisible(bool(self.me) and mine_by_name)
        self.refresh()

    def _button(self, name: str, key: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(tr(key))
        button.setObjectName(name)
        button.setMinimumHeight(34)
        button.setStyleSheet("font-size: 11pt; padding: 4px 16px;")
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def _only_mine(self) -> bool:
        return self.mine_by_name and self.only_mine.isChecked()

    def _lay_out(self) -> None:
        heading = QLabel(tr("case_list.title"))
        heading.setStyleSheet("font-weight: 600;")
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.only_mine)
        top.addWidget(self.new_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

    # --- what is shown ---------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        # Read when shown, not when built: the workspace opens only once it is needed, and
        # coming back to the start screen shows what others changed meanwhile.
        super().showEvent(event)
        self.refresh()

    def refresh(self, select_code: str | None = None) -> None:
        select_code = select_code or self.selected_code()
        if self.operations.available() is None:
            self._show([], self._unavailable(), usable=False)
            return
        text, mine = self.search.text(), self.me if self._only_mine() else ""

        def find(session: Any) -> tuple[list[CaseRow], int]:
            rows = list_cases(session, text, architect=mine)
            return rows, len(list_cases(session, text)) if not rows and mine else 0

        problems: list[Message] = []
        found = self.operations.read(find, tell=problems.append)
        if found is None:
            self._show([], problems[0].text() if problems else "")
            return
        rows, others = found
        self._show(rows, self._summary(rows, others))
        if select_code is not None:
            self.select(select_code)

    def _unavailable(self) -> str:
        """Why there are no cases: the workspace's own problem (damaged, busy, a newer hjem's,
        a server that does not answer) first, when it is known."""
        problem = self.operations.problem
        general = tr("case_list.no_workspace")
        return general if problem is None else f"{problem.message.text()}\n{general}"

    def _summary(self, rows: list[CaseRow], others: int) -> str:
        if rows:
            return tr("case_list.hint", count=len(rows))
        if others:  # the filter hides them: say so, or the list looks empty for no reason
            return tr("case_list.none_mine", me=self.me, count=others)
        if self.search.text().strip():
            return tr("case_list.none_found", text=self.search.text().strip())
        return tr("case_list.none_yet")

    def _show(self, rows: list[CaseRow], status: str, usable: bool = True) -> None:
        self.rows = rows
        cells = [
            (r.code, r.alias, tr(f"case_status.{r.status}"), r.municipality, when(r.updated_at))
            for r in rows
        ]
        fill_table(self.table, cells, [r.code for r in rows])
        self.status.setText(status)
        self.new_button.setEnabled(usable)
        self.search.setEnabled(usable)
        self._enable()

    def _enable(self) -> None:
        self.open_button.setEnabled(self.selected_code() is not None)

    def codes(self) -> list[str]:
        return [row.code for row in self.rows]

    def selected_code(self) -> str | None:
        return selected_key(self.table)

    def select(self, code: str) -> None:
        if code in (codes := self.codes()):
            self.table.selectRow(codes.index(code))

    # --- choosing ----------------------------------------------------------------------------

    def _choose(self, code: str | None) -> None:
        if code is not None:
            self.case_chosen.emit(code)

    def _open_selected(self) -> None:
        self._choose(self.selected_code())

    def _open_only_match(self) -> None:
        """Enter in the search opens the case when exactly one is found (a typed number)."""
        if len(self.rows) == 1:
            self._choose(self.rows[0].code)
        elif self.rows:
            self.table.selectRow(0)
            self.table.setFocus()
