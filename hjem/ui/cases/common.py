"""What the case screens share: times written the reader's way, messages and questions, and
read-only tables."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLayout,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from hjem.i18n import format_day, format_moment

_KEY_ROLE = Qt.ItemDataRole.UserRole
# Light rows without a grid, as the start screen's lists look (hjem/ui/start_screen.py).
TABLE_STYLE = (
    "QTableWidget { border: 1px solid #d8d2c6; background: #fffdf8;"
    " alternate-background-color: #f8f3ea; }"
    "QTableWidget::item { padding: 4px 8px; }"
    "QHeaderView::section { background: #efe8da; border: none; padding: 5px 8px;"
    " font-weight: 600; }"
)


def when(moment: dt.datetime) -> str:
    return format_moment(moment)


def day(date: dt.date) -> str:
    return format_day(date)


def tell(parent: QWidget, title: str, text: str, name: str = "case_message") -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName(name)
    box.exec()


def confirm(parent: QWidget, title: str, text: str, yes: str, no: str) -> bool:
    """A yes/no question whose default answer is no: nothing happens by a stray Enter."""
    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    box = QMessageBox(QMessageBox.Icon.Question, title, text, buttons, parent)
    box.setObjectName("case_question")
    box.button(QMessageBox.StandardButton.Yes).setText(yes)
    box.button(QMessageBox.StandardButton.No).setText(no)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


def fill_table(table: QTableWidget, rows: Sequence[Sequence[str]], keys: Sequence[str]) -> None:
    """Read-only rows; `keys` (a code per row) are kept in the first cell for finding it again."""
    table.setRowCount(len(rows))
    for number, (row, key) in enumerate(zip(rows, keys, strict=True)):
        for column, text in enumerate(row):
            cell = QTableWidgetItem(text)
            cell.setData(_KEY_ROLE, key)
            table.setItem(number, column, cell)


def key_of(table: QTableWidget, row: int) -> str | None:
    cell = table.item(row, 0)
    return None if cell is None else cell.data(_KEY_ROLE)


def selected_key(table: QTableWidget) -> str | None:
    rows = table.selectionModel().selectedRows()
    return key_of(table, rows[0].row()) if rows else None


def read_only_table(name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.setStyleSheet(TABLE_STYLE)
    table.verticalHeader().hide()
    table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def empty_layout(layout: QLayout, keep: QWidget | None = None) -> None:
    """Take everything out of `layout`; its widgets (but `keep`) are deleted."""
    while (item := layout.takeAt(0)) is not None:
        widget = item.widget()  # None for a stretch
        if widget is not None and widget is not keep:
            widget.deleteLater()


def hidden_note(name: str, style: str) -> QLabel:
    """A wrapped note with its own look (a banner, a warning), hidden until there is news."""
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet(style)
    label.hide()
    return label
