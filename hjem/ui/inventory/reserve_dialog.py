"""Choosing the family an item is reserved for: picked from the open cases by number and
alias (never typed, so nothing is reserved for a case that does not exist; never an address)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hjem.cases.cases import open_cases
from hjem.i18n import Message, msg, tr
from hjem.ids import CaseCode
from hjem.ui.operations import Operations

_CODE = Qt.ItemDataRole.UserRole


class ReserveDialog(QDialog):
    def __init__(self, parent: QWidget | None, item: str, cases: Sequence[tuple[CaseCode, str]]):
        super().__init__(parent)
        self.setObjectName("reserve_dialog")
        self.setWindowTitle(tr("reserve_dialog.title"))
        prompt = QLabel(tr("reserve_dialog.prompt", item=item))
        prompt.setWordWrap(True)
        self.search = QLineEdit()
        self.search.setObjectName("reserve_search")
        self.search.setPlaceholderText(tr("reserve_dialog.search"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.cases = QListWidget()
        self.cases.setObjectName("reserve_cases")
        for code, alias in cases:
            entry = QListWidgetItem(f"{code}  –  {alias}")
            entry.setData(_CODE, code)
            self.cases.addItem(entry)
        self.cases.itemSelectionChanged.connect(self._enable)
        self.cases.itemActivated.connect(lambda _item: self.accept())
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(tr("reserve_dialog.reserve"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("files.cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (prompt, self.search, self.cases, self.buttons):
            layout.addWidget(widget)
        self.setMinimumWidth(420)
        self.cases.setCurrentRow(0 if len(cases) == 1 else -1)
        self._enable()

    def _filter(self, text: str) -> None:
        typed = text.strip().lower()
        for row in range(self.cases.count()):
            entry = self.cases.item(row)
            entry.setHidden(typed not in entry.text().lower())
            if entry.isHidden() and entry.isSelected():
                entry.setSelected(False)
        shown = [r for r in range(self.cases.count()) if not self.cases.item(r).isHidden()]
        if len(shown) == 1:
            self.cases.setCurrentRow(shown[0])
        self._enable()

    def _enable(self) -> None:
        self.ok.setEnabled(self.chosen() is not None)

    def chosen(self) -> CaseCode | None:
        picked = [e for e in self.cases.selectedItems() if not e.isHidden()]
        return picked[0].data(_CODE) if picked else None


def ask_case(
    parent: QWidget | None, operations: Operations, item: str, tell: Callable[[Message], None]
) -> CaseCode | None:
    """The open case the architect picks for `item`, or None (cancelled, or none to pick)."""
    cases = operations.read(open_cases, tell=tell)
    if cases is None:
        return None
    if not cases:
        tell(msg("reserve_dialog.none_open"))
        return None
    dialog = ReserveDialog(parent, item, cases)
    chosen = dialog.chosen() if dialog.exec() else None
    dialog.deleteLater()
    return chosen
